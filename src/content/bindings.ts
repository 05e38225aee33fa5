import type { AnyRow, Dataset } from "../data/load.ts";
import { monthEnd } from "../charts/shared/dates.ts";
import { validChoices } from "./did-you-mean.ts";

/** A number the prose takes from a data row: `:held[2025-09-18]` prints Viasna's count that day. */
export interface Binding {
  /** The directive name an editor writes after the colon. */
  name: string;
  doc: string;
  example: string;
  resolve(key: string, data: Dataset): Resolved | { problem: string; fix: string };
}

/** A bound number and what backs it: one sourced row, or a sum over rows (then `note` says so). */
export interface Resolved {
  value: number;
  row: AnyRow;
  note?: string;
}

/** `2025` → the whole year, `2025-09` → that month, `2025-09-11` → that day: the period a recognitions row must cover exactly. */
export function periodOf(key: string): [string, string] | undefined {
  if (/^\d{4}$/.test(key)) return [`${key}-01-01`, `${key}-12-31`];
  if (/^\d{4}-\d{2}$/.test(key)) return [`${key}-01`, monthEnd(key)];
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return [key, key];
  return undefined;
}

const releaseBinding = (name: string, doc: string, pick: (r: Dataset["releases"][number]) => number | null): Binding => ({
  name,
  doc,
  example: `:${name}[2025-09-11-us-deal]`,
  resolve(key, data) {
    const row = data.releases.find((r) => r.id === key);
    if (!row) {
      return { problem: `no release with the id "${key}" in content/data/releases.csv`, fix: validChoices(key, data.releases.map((r) => r.id)) };
    }
    const value = pick(row);
    if (value === null) {
      return { problem: `the release "${key}" has no ${name} figure (its cell is empty)`, fix: `Fill in that cell on line ${row.line} of content/data/releases.csv from a source, or reword the sentence without the number.` };
    }
    return { value, row };
  },
});

/** A number computed over every release on or after a date: a count or a sum, never a guess. */
const sinceBinding = (
  name: string,
  doc: string,
  compute: (rows: Dataset["releases"]) => { value: number; note: string },
): Binding => ({
  name,
  doc,
  example: `:${name}[2024-07-01]`,
  resolve(key, data) {
    const rows = data.releases.filter((r) => r.date >= key);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || rows.length === 0) {
      return { problem: `no release on or after "${key}"`, fix: "Write a date YYYY-MM-DD on or before the newest release in releases.csv." };
    }
    return { ...compute(rows), row: rows.at(-1)! };
  },
});

export const bindings: readonly Binding[] = [
  {
    name: "held",
    doc: "Viasna's count of political prisoners held on a date (a row of held.csv)",
    example: ":held[2025-09-18]",
    resolve(key, data) {
      const row = data.held.find((r) => r.date === key);
      if (!row) return { problem: `no count for ${key} in content/data/held.csv`, fix: validChoices(key, data.held.map((r) => r.date)) };
      return { value: row.count, row };
    },
  },
  {
    name: "recognised",
    doc: "people newly recognised as political prisoners in a year, month or day (a row of recognitions.csv covering exactly that period)",
    example: ":recognised[2025-09-11]",
    resolve(key, data) {
      const period = periodOf(key);
      if (!period) return { problem: `"${key}" is not a year, month or day`, fix: "Write 2025, 2025-09 or 2025-09-11." };
      const row = data.recognitions.find((r) => r.period_start === period[0] && r.period_end === period[1]);
      if (!row) {
        return {
          problem: `no row in content/data/recognitions.csv covers exactly ${period[0]} to ${period[1]}`,
          fix: `Add that row with its source, or use a period the file has: ${validChoices(key, data.recognitions.map((r) => (r.period_start === r.period_end ? r.period_start : `${r.period_start}..${r.period_end}`)))}`,
        };
      }
      return { value: row.count, row };
    },
  },
  {
    name: "fact",
    doc: "another sourced figure, by its id in facts.csv",
    example: ":fact[ilyash-sentence]",
    resolve(key, data) {
      const row = data.facts.find((r) => r.id === key);
      if (!row) return { problem: `no fact with the id "${key}" in content/data/facts.csv`, fix: validChoices(key, data.facts.map((r) => r.id)) };
      return { value: row.value, row };
    },
  },
  sinceBinding("releases-since", "how many releases there have been since a date (rows of releases.csv on or after it)", (rows) => ({
    value: rows.length,
    note: `Counted from ${rows.length} sourced rows of releases.csv`,
  })),
  sinceBinding("freed-since", "how many people all releases since a date freed, added up (releases.csv)", (rows) => ({
    value: rows.reduce((sum, r) => sum + r.released, 0),
    note: `Added up from ${rows.length} sourced rows of releases.csv`,
  })),
  releaseBinding("released", "how many people a release freed (releases.csv, by id)", (r) => r.released),
  releaseBinding("political", "how many of those freed Viasna recognised as political prisoners (releases.csv, by id)", (r) => r.political_prisoners),
];

export const bindingNames = bindings.map((b) => b.name);
