import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ContentProblem } from "../content/errors.ts";
import { displayPath } from "../content/paths.ts";
import type { Sourced } from "./columns.ts";
import { parseTable, type Located, type RowOf, type TableSpec } from "./csv.ts";
import type { Column } from "./columns.ts";
import { heldTable, recognitionsTable, releasesTable } from "./tables.ts";

export type HeldRow = Located<RowOf<typeof heldTable.columns>>;
export type RecognitionRow = Located<RowOf<typeof recognitionsTable.columns>>;
export type ReleaseRow = Located<RowOf<typeof releasesTable.columns>>;

/** Everything in content/data/, parsed, checked and sorted by date. */
export interface Dataset {
  held: HeldRow[];
  recognitions: RecognitionRow[];
  releases: ReleaseRow[];
}

/** Every table, for docs and downloads. */
export const tables = [heldTable, recognitionsTable, releasesTable] as const;

export type AnyRow = Sourced & { line: number };

function readTable<C extends Record<string, Column>>(
  dir: string,
  spec: TableSpec<C>,
  problems: ContentProblem[],
): Located<RowOf<C>>[] {
  const path = join(dir, spec.file);
  const file = displayPath(path);
  if (!existsSync(path)) {
    problems.push({
      file,
      problem: `the data file ${spec.file} is missing`,
      fix: `Restore ${file} (one row per ${spec.describe.toLowerCase()}).`,
    });
    return [];
  }
  const { rows, problems: found } = parseTable(spec, readFileSync(path, "utf8"), file);
  problems.push(...found);
  return rows;
}

const byDate = <T extends { date: string }>(a: T, b: T): number => a.date.localeCompare(b.date);

/** Loads content/data/. Problems are returned, not thrown, so a check can report every file at once. */
export function loadDataset(dataDir: string): { data: Dataset; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const held = readTable(dataDir, heldTable, problems).sort(byDate);
  const recognitions = readTable(dataDir, recognitionsTable, problems).sort((a, b) =>
    a.period_start.localeCompare(b.period_start),
  );
  const releases = readTable(dataDir, releasesTable, problems).sort(byDate);

  const recognitionsFile = displayPath(join(dataDir, recognitionsTable.file));
  for (const row of recognitions) {
    if (row.period_end < row.period_start) {
      problems.push({
        file: recognitionsFile,
        line: row.line,
        field: "period_end",
        value: row.period_end,
        problem: `period_end is before period_start (${row.period_start})`,
        fix: "period_end is the last day of the period and must be on or after period_start; swap the two dates?",
      });
    }
  }
  const releasesFile = displayPath(join(dataDir, releasesTable.file));
  for (const row of releases) {
    if (row.political_prisoners !== null && row.political_prisoners > row.released) {
      problems.push({
        file: releasesFile,
        line: row.line,
        field: "political_prisoners",
        value: String(row.political_prisoners),
        problem: `political_prisoners is more than the ${row.released} people released`,
        fix: "political_prisoners counts those among the released whom Viasna recognised; it cannot exceed released.",
      });
    }
  }
  return { data: { held, recognitions, releases }, problems };
}
