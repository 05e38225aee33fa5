import type { Dataset } from "../../data/load.ts";
import { formatDay, parseDay } from "./dates.ts";
import { resolveTo, type TimeRangeState } from "./time-range.ts";

/** "from 1 Aug 2020 to 5 Mar 2026" for a state's date range. */
export function rangePhrase(state: TimeRangeState, data: Dataset): string {
  return `from ${formatDay(parseDay(state.from))} to ${formatDay(parseDay(resolveTo(state, data)))}`;
}

/** "The release of 11 Sep 2025, which freed :released[id], is picked out." or "". */
export function highlightPhrase(state: TimeRangeState, data: Dataset): string {
  const release = data.releases.find((r) => r.id === state.highlight);
  return release
    ? ` The release of ${formatDay(parseDay(release.date))}, which freed :released[${release.id}], is picked out.`
    : "";
}
