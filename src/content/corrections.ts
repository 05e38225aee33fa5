import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { chartIds } from "../charts/registry.ts";
import { column } from "../data/columns.ts";
import { defineTable, parseTable, type Located, type RowOf } from "../data/csv.ts";
import { isoDate, optionalText, requiredText } from "../data/fields.ts";
import { validChoices } from "./did-you-mean.ts";
import type { ContentProblem } from "./errors.ts";
import { displayPath } from "./paths.ts";

export const correctionKinds = ["published", "update", "correction"] as const;

/** The story's log: when it was published, and every update or correction since, in content/corrections.csv. */
export const correctionsTable = defineTable({
  file: "corrections.csv",
  describe: "One entry in the log of publication, updates and corrections",
  columns: {
    date: column(isoDate, "The day of the change, YYYY-MM-DD", "2026-05-02"),
    kind: column(
      z.enum(correctionKinds, { error: `is not one of ${correctionKinds.join(", ")}` }),
      `What kind of entry: ${correctionKinds.join(", ")} (exactly one "published" row)`,
      "correction",
    ),
    chart: column(optionalText, `The chart it concerns (${chartIds.join(", ")}), or empty for the whole story`, "prisoners"),
    text: column(requiredText, "What changed, in a sentence readers will see", "An earlier version gave the wrong date for the release of 16 September."),
  },
  key: ["date", "kind", "chart", "text"],
});

export type CorrectionRow = Located<RowOf<typeof correctionsTable.columns>>;

export interface CorrectionLog {
  entries: CorrectionRow[];
  published: string;
}

export function loadCorrections(contentDir: string, problems: ContentProblem[]): CorrectionLog {
  const path = join(contentDir, correctionsTable.file);
  const file = displayPath(path, contentDir);
  if (!existsSync(path)) {
    problems.push({ file, problem: "the corrections log is missing", fix: `Create ${file} with the header date,kind,chart,text and a "published" row.` });
    return { entries: [], published: "" };
  }
  const { rows, problems: found } = parseTable(correctionsTable, readFileSync(path), file);
  problems.push(...found);
  for (const row of rows) {
    if (row.chart !== "" && !chartIds.includes(row.chart)) {
      problems.push({ file, line: row.line, field: "chart", value: row.chart, problem: `there is no chart called "${row.chart}"`, fix: `${validChoices(row.chart, chartIds)} Leave it empty for the whole story.` });
    }
  }
  const published = rows.filter((r) => r.kind === "published");
  if (found.length === 0 && published.length !== 1) {
    problems.push({ file, line: published[1]?.line ?? 1, field: "kind", value: "published", problem: `the log has ${published.length} "published" rows`, fix: 'Keep exactly one row of kind "published": the day the story first went out.' });
  }
  const first = published[0]?.date ?? "";
  for (const row of rows) {
    if (first && row.date < first) {
      problems.push({ file, line: row.line, field: "date", value: row.date, problem: `this entry is dated before the story was published (${first})`, fix: "Check the date: updates and corrections come after publication." });
    }
  }
  return { entries: [...rows].sort((a, b) => b.date.localeCompare(a.date) || b.line - a.line), published: first };
}

/** The entries that concern a chart: its own, and those about the whole story. */
export function correctionsFor(log: CorrectionLog, chart: string | undefined): CorrectionRow[] {
  return log.entries.filter((e) => e.kind !== "published" && (e.chart === "" || e.chart === chart));
}

/** The latest date in the log that concerns a chart (or the whole story, with no chart). */
export function lastModified(log: CorrectionLog, chart?: string): string {
  const relevant = log.entries.filter((e) => chart === undefined || e.chart === "" || e.chart === chart);
  return relevant.reduce((latest, e) => (e.date > latest ? e.date : latest), log.published);
}
