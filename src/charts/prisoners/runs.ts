import type { HeldRow } from "../../data/load.ts";
import { spanDays } from "../../data/flows.ts";

/** Counts further apart than this are not joined by a line: the gap between them is shown as a gap. */
export const MAX_JOINED_GAP_DAYS = 200;

/** Splits Viasna's counts into runs whose neighbours are close enough in time to join with a line. */
export function joinedRuns(rows: readonly HeldRow[]): HeldRow[][] {
  const runs: HeldRow[][] = [];
  for (const row of rows) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    if (run && prev && spanDays(prev.date, row.date) - 1 <= MAX_JOINED_GAP_DAYS) run.push(row);
    else runs.push([row]);
  }
  return runs;
}
