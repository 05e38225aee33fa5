import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validChoices } from "../content/did-you-mean.ts";
import type { ContentProblem } from "../content/errors.ts";
import { displayPath } from "../content/paths.ts";
import type { Column, Sourced } from "./columns.ts";
import { parseTable, type Located, type RowOf, type TableSpec } from "./csv.ts";
import { factSeriesIds } from "./series.ts";
import {
  concessionsTable,
  deportationsTable,
  factsTable,
  heldTable,
  outletsTable,
  placesTable,
  recognitionsTable,
  releasesTable,
} from "./tables.ts";
import { checkCitations } from "./citations.ts";

type RowsOf<T> = T extends TableSpec<infer C> ? Located<RowOf<C>> : never;
export type HeldRow = RowsOf<typeof heldTable>;
export type RecognitionRow = RowsOf<typeof recognitionsTable>;
export type ReleaseRow = RowsOf<typeof releasesTable>;
export type ConcessionRow = RowsOf<typeof concessionsTable>;
export type PlaceRow = RowsOf<typeof placesTable>;
export type DeportationRow = RowsOf<typeof deportationsTable>;
export type FactRow = RowsOf<typeof factsTable>;
export type OutletRow = RowsOf<typeof outletsTable>;

/** Everything in content/data/, parsed, cross-checked and sorted by date. */
export interface Dataset {
  held: HeldRow[];
  recognitions: RecognitionRow[];
  releases: ReleaseRow[];
  concessions: ConcessionRow[];
  places: PlaceRow[];
  deportations: DeportationRow[];
  facts: FactRow[];
  /** The register of citable outlets, by domain. */
  outlets: OutletRow[];
}

/** The place every route starts from (Minsk); places.csv must have it. */
export const ORIGIN_PLACE = "belarus";

/** Every table, for docs and downloads. */
export const tables = [
  heldTable,
  recognitionsTable,
  releasesTable,
  concessionsTable,
  placesTable,
  deportationsTable,
  factsTable,
  outletsTable,
] as const;

export type AnyRow = Sourced & { line: number };

function readTable<C extends Record<string, Column>>(
  dir: string,
  contentDir: string,
  spec: TableSpec<C>,
  problems: ContentProblem[],
  failed: Set<string>,
): Located<RowOf<C>>[] {
  const path = join(dir, spec.file);
  const file = displayPath(path, contentDir);
  if (!existsSync(path)) {
    failed.add(spec.file);
    problems.push({
      file,
      problem: `the data file ${spec.file} is missing`,
      fix: `Restore ${file} (one row per ${spec.describe.toLowerCase()}).`,
    });
    return [];
  }
  const { rows, problems: found } = parseTable(spec, readFileSync(path), file);
  problems.push(...found);
  if (found.length) failed.add(spec.file);
  return rows;
}

const byDate = <T extends { date: string }>(a: T, b: T): number => a.date.localeCompare(b.date);

/** Checks that a column refers to an id that exists in another table, with a "did you mean". */
function checkReference(
  rows: readonly (AnyRow & Record<string, unknown>)[],
  field: string,
  valid: readonly string[],
  file: string,
  target: string,
  problems: ContentProblem[],
): void {
  for (const row of rows) {
    const value = row[field];
    if (typeof value !== "string" || value === "" || valid.includes(value)) continue;
    problems.push({
      file,
      line: row.line,
      field,
      value,
      problem: `${field} "${value}" is not an id in ${target}`,
      fix: `Use an id from ${target} (add a row there first if it is new). ${validChoices(value, valid)}`,
    });
  }
}

/** Loads content/data/. Problems are returned, not thrown, so a check can report every file at once. */
export function loadDataset(dataDir: string, contentDir: string): { data: Dataset; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  // Tables with a bad row: references into them are not checked, so one mistake does not set off
  // a cascade of false "is not an id" messages.
  const failed = new Set<string>();
  const fileOf = (spec: { file: string }): string => displayPath(join(dataDir, spec.file), contentDir);
  const data: Dataset = {
    held: readTable(dataDir, contentDir, heldTable, problems, failed).sort(byDate),
    recognitions: readTable(dataDir, contentDir, recognitionsTable, problems, failed).sort((a, b) =>
      a.period_start.localeCompare(b.period_start),
    ),
    releases: readTable(dataDir, contentDir, releasesTable, problems, failed).sort(byDate),
    concessions: readTable(dataDir, contentDir, concessionsTable, problems, failed).sort(byDate),
    places: readTable(dataDir, contentDir, placesTable, problems, failed),
    deportations: readTable(dataDir, contentDir, deportationsTable, problems, failed),
    facts: readTable(dataDir, contentDir, factsTable, problems, failed).sort(byDate),
    outlets: readTable(dataDir, contentDir, outletsTable, problems, failed),
  };

  for (const row of data.recognitions) {
    if (row.period_end < row.period_start) {
      problems.push({
        file: fileOf(recognitionsTable),
        line: row.line,
        field: "period_end",
        value: row.period_end,
        problem: `period_end is before period_start (${row.period_start})`,
        fix: "period_end is the last day of the period and must be on or after period_start; swap the two dates?",
      });
    }
  }
  for (const row of data.releases) {
    if (row.political_prisoners !== null && row.political_prisoners > row.released) {
      problems.push({
        file: fileOf(releasesTable),
        line: row.line,
        field: "political_prisoners",
        value: String(row.political_prisoners),
        problem: `political_prisoners is more than the ${row.released} people released`,
        fix: "political_prisoners counts those among the released whom Viasna recognised; it cannot exceed released.",
      });
    }
  }
  const releaseIds = data.releases.map((r) => r.id);
  if (!failed.has(releasesTable.file)) {
    checkReference(data.concessions, "release_id", releaseIds, fileOf(concessionsTable), "releases.csv", problems);
    checkReference(data.deportations, "release_id", releaseIds, fileOf(deportationsTable), "releases.csv", problems);
  }
  const placeIds = data.places.map((p) => p.id);
  if (!failed.has(placesTable.file) && !placeIds.includes(ORIGIN_PLACE)) {
    problems.push({
      file: fileOf(placesTable),
      field: "id",
      value: ORIGIN_PLACE,
      problem: `places.csv has no row with the id "${ORIGIN_PLACE}", where every route on the map starts`,
      fix: `Restore the row for Minsk with the id "${ORIGIN_PLACE}".`,
    });
  }
  if (!failed.has(placesTable.file)) {
    checkReference(data.deportations, "place", placeIds, fileOf(deportationsTable), "places.csv", problems);
  }
  checkReference(data.facts, "series", factSeriesIds, fileOf(factsTable), "the list of series", problems);
  for (const release of data.releases) {
    const routes = data.deportations.filter((d) => d.release_id === release.id);
    const taken = routes.reduce((sum, d) => sum + (d.count ?? 0), 0);
    if (taken > release.released) {
      problems.push({
        file: fileOf(deportationsTable),
        line: routes[0]!.line,
        field: "count",
        value: String(taken),
        problem: `the routes of release "${release.id}" add up to ${taken}, more than the ${release.released} it freed`,
        fix: "Check the counts against their sources; a person taken on from one country to another is counted once.",
      });
    }
  }
  if (!failed.has(outletsTable.file)) problems.push(...checkCitations(data, fileOf));
  return { data, problems };
}
