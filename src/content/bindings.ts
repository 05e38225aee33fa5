import type { Claim } from "../data/claim.ts";
import type { AnyRow, Dataset, RecognitionRow, ReleaseRow } from "../data/load.ts";
import { addDays, heldAtEndOf, tileRecognitions } from "../data/flows.ts";
import { parsePeriod, periodKey, PERIOD_FORMS } from "../data/periods.ts";
import { validChoices } from "./did-you-mean.ts";

export type { Claim };

/** A number the prose takes from the data: `:held[2025-09-18]` prints Viasna's count that day. */
export interface Binding {
  /** The directive name an editor writes after the colon. */
  name: string;
  doc: string;
  example: string;
  resolve(key: string, data: Dataset): Resolved | Failure;
}

export interface Failure {
  problem: string;
  fix: string;
}

/** A bound number and what backs it: one sourced row, or a sum or a derivation (then `note` says so). */
export interface Resolved {
  value: number;
  row: AnyRow;
  note?: string;
  claim: Claim;
}

const failed = (result: object): result is Failure => "problem" in result;

/** `2025-09` → its first and last day, or a failure that says which forms are valid. */
function period(key: string): [string, string] | Failure {
  return parsePeriod(key) ?? { problem: `"${key}" is not a period`, fix: `Write ${PERIOD_FORMS}.` };
}

/** Published recognitions covering exactly [first, last]: one row, or consecutive rows added up. */
export function recognisedOver(data: Dataset, [first, last]: [string, string]): { count: number; rows: RecognitionRow[] } | Failure {
  const exact = data.recognitions.find((r) => r.period_start === first && r.period_end === last);
  if (exact) return { count: exact.count, rows: [exact] };
  const tiles = tileRecognitions(data.recognitions, first, last);
  const contiguous =
    tiles.length > 0 &&
    tiles[0]!.period_start === first &&
    tiles.at(-1)!.period_end === last &&
    tiles.every((t, i) => i === 0 || t.period_start === addDays(tiles[i - 1]!.period_end, 1));
  if (contiguous) return { count: tiles.reduce((sum, t) => sum + t.count, 0), rows: tiles };
  return {
    problem: `no published figure, nor run of published figures, covers exactly ${first} to ${last} in content/data/recognitions.csv`,
    fix: `Use a period the published figures cover (months or longer), or add the missing row with its source. ${validChoices(
      periodKey([first, last]),
      data.recognitions.map((r) => periodKey([r.period_start, r.period_end])),
    )}`,
  };
}

/** The releases from `first` to `last`, both included, after checking the data reaches `last`. */
function releasesOver(data: Dataset, [first, last]: [string, string]): ReleaseRow[] | Failure {
  const newest = data.releases.at(-1)?.date;
  if (newest === undefined) {
    return { problem: "content/data/releases.csv has no releases yet", fix: "Add the releases before writing a number that adds them up." };
  }
  if (last > newest) {
    return {
      problem: `the period runs to ${last}, after the newest release in content/data/releases.csv (${newest})`,
      fix: `End the period on or before ${newest}, so the total does not claim to be more current than the data.`,
    };
  }
  return data.releases.filter((r) => r.date >= first && r.date <= last);
}

/** A sum over releases in a period: all of them, or only the US-brokered ones, or only the others. */
const freedBinding = (name: string, doc: string, which: (r: ReleaseRow) => boolean): Binding => ({
  name,
  doc,
  example: `:${name}[2024-07..2024-12]`,
  resolve(key, data) {
    const span = period(key);
    if (failed(span)) return span;
    const releases = releasesOver(data, span);
    if (failed(releases)) return releases;
    const rows = releases.filter(which);
    if (rows.length === 0) {
      return {
        problem: `no release in ${periodKey(span)} counts towards :${name}`,
        fix: 'Say it in words ("no release …") rather than print a zero, or choose another period.',
      };
    }
    const value = rows.reduce((sum, r) => sum + r.released, 0);
    return {
      value,
      row: rows.at(-1)!,
      ...(rows.length > 1 ? { note: `Added up from ${rows.length} sourced releases in releases.csv` } : {}),
      claim: { kind: name, key: periodKey(span), value },
    };
  },
});

const releaseBinding = (name: string, doc: string, pick: (r: ReleaseRow) => number | null): Binding => ({
  name,
  doc,
  example: `:${name}[2025-09-11-us-deal]`,
  resolve(key, data) {
    const row = data.releases.find((r) => r.id === key);
    if (!row) return { problem: `no release with the id "${key}" in content/data/releases.csv`, fix: validChoices(key, data.releases.map((r) => r.id)) };
    const value = pick(row);
    if (value === null) {
      return { problem: `the release "${key}" has no ${name} figure (its cell is empty)`, fix: `Fill in that cell on line ${row.line} of content/data/releases.csv from a source, or reword the sentence without the number.` };
    }
    return { value, row, claim: { kind: name, key, value } };
  },
});

/** A number computed over every release on or after a date: a count or a sum, never a guess. */
const sinceBinding = (
  name: string,
  doc: string,
  compute: (rows: ReleaseRow[]) => { value: number; note?: string },
): Binding => ({
  name,
  doc,
  example: `:${name}[2024-07-01]`,
  resolve(key, data) {
    const rows = data.releases.filter((r) => r.date >= key);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || rows.length === 0) {
      return { problem: `no release on or after "${key}"`, fix: "Write a date YYYY-MM-DD on or before the newest release in releases.csv." };
    }
    const computed = compute(rows);
    return { ...computed, row: rows.at(-1)!, claim: { kind: name, key, value: computed.value } };
  },
});

/** The people who left Viasna's list other than through the releases: derived, never published. */
export function leftOtherwise(data: Dataset, [first, last]: [string, string]): { value: number; note: string; row: AnyRow } | Failure {
  const before = heldAtEndOf(data.held, addDays(first, -1));
  const after = heldAtEndOf(data.held, last);
  if (!before || !after) {
    const missing = !before ? `the end of ${addDays(first, -1)}` : `the end of ${last}`;
    return { problem: `held.csv has no count for ${missing}, so the balance cannot be closed`, fix: "Choose a period that starts the day after a published count and ends on the day of one." };
  }
  const recognised = recognisedOver(data, [first, last]);
  if (failed(recognised)) return recognised;
  const releases = releasesOver(data, [first, last]);
  if (failed(releases)) return releases;
  const freed = releases.reduce((sum, r) => sum + r.released, 0);
  const value = before.count + recognised.count - freed - after.count;
  if (value < 0) {
    return {
      problem: `the counts conflict for ${first} to ${last}: ${before.count} held + ${recognised.count} recognised − ${freed} freed is less than the ${after.count} held at the end`,
      fix: "Check the counts and their sources; the chart and the method section show this conflict. Do not print the derived figure.",
    };
  }
  return {
    value,
    row: after,
    note: `Derived: ${before.count} held on ${before.date} + ${recognised.count} newly recognised − ${freed} freed − ${after.count} held on ${after.date}`,
  };
}

export const bindings: readonly Binding[] = [
  {
    name: "held",
    doc: "Viasna's count of political prisoners held on a date (a row of held.csv)",
    example: ":held[2025-09-18]",
    resolve(key, data) {
      const row = data.held.find((r) => r.date === key);
      if (!row) return { problem: `no count for ${key} in content/data/held.csv`, fix: validChoices(key, data.held.map((r) => r.date)) };
      return { value: row.count, row, claim: { kind: "held", key, value: row.count } };
    },
  },
  {
    name: "recognised",
    doc: "people newly recognised as political prisoners in a period (rows of recognitions.csv covering exactly that period, added up if there are several)",
    example: ":recognised[2024-07..2024-12]",
    resolve(key, data) {
      const span = period(key);
      if (failed(span)) return span;
      const found = recognisedOver(data, span);
      if (failed(found)) return found;
      return {
        value: found.count,
        row: found.rows.at(-1)!,
        ...(found.rows.length > 1 ? { note: `Added up from ${found.rows.length} published figures in recognitions.csv` } : {}),
        claim: { kind: "recognised", key: periodKey(span), value: found.count },
      };
    },
  },
  freedBinding("freed", "how many people the releases in a period freed, added up (releases.csv)", () => true),
  freedBinding("freed-us", "how many people the US-brokered releases in a period freed (releases.csv)", (r) => r.us_brokered),
  freedBinding("freed-other", "how many people the other releases (pardons no government brokered) in a period freed (releases.csv)", (r) => !r.us_brokered),
  {
    name: "left-otherwise",
    doc: "derived: the people who left Viasna's list in a period other than through the releases (held at the start + recognised − freed − held at the end)",
    example: ":left-otherwise[2024-01..2024-06]",
    resolve(key, data) {
      const span = period(key);
      if (failed(span)) return span;
      const found = leftOtherwise(data, span);
      if (failed(found)) return found;
      return { ...found, claim: { kind: "left-otherwise", key: periodKey(span), value: found.value } };
    },
  },
  {
    name: "percent-below-peak",
    doc: "how far Viasna's count on a date is below its highest count up to then, in per cent, rounded (held.csv)",
    example: ":percent-below-peak[2025-12-23]",
    resolve(key, data) {
      const row = data.held.find((r) => r.date === key);
      if (!row) return { problem: `no count for ${key} in content/data/held.csv`, fix: validChoices(key, data.held.map((r) => r.date)) };
      const peak = data.held.filter((r) => r.date <= key).reduce((a, b) => (b.count > a.count ? b : a));
      const value = Math.round((100 * (peak.count - row.count)) / peak.count);
      if (value <= 0) return { problem: `the count on ${key} (${row.count}) is not below its peak (${peak.count} on ${peak.date})`, fix: "Reword the sentence: the count is at its highest." };
      return { value, row, note: `Derived: ${row.count} on ${row.date} against the peak of ${peak.count} on ${peak.date}`, claim: { kind: "percent-below-peak", key, value } };
    },
  },
  {
    name: "recognised-per-10-freed",
    doc: "for every 10 people the releases of a period freed, how many people were newly recognised (rounded)",
    example: ":recognised-per-10-freed[2025-01-01..2025-12-23]",
    resolve(key, data) {
      const span = period(key);
      if (failed(span)) return span;
      const recognised = recognisedOver(data, span);
      if (failed(recognised)) return recognised;
      const releases = releasesOver(data, span);
      if (failed(releases)) return releases;
      const freed = releases.reduce((sum, r) => sum + r.released, 0);
      if (freed === 0) return { problem: `no release in ${periodKey(span)}`, fix: "Choose a period with releases." };
      const value = Math.round((10 * recognised.count) / freed);
      return { value, row: recognised.rows.at(-1)!, note: `Derived: ${recognised.count} newly recognised against ${freed} freed`, claim: { kind: "recognised-per-10-freed", key: periodKey(span), value } };
    },
  },
  sinceBinding("releases-since", "how many releases there have been since a date (rows of releases.csv on or after it)", (rows) => ({
    value: rows.length,
    note: `Counted from ${rows.length} sourced ${rows.length === 1 ? "row" : "rows"} of releases.csv`,
  })),
  sinceBinding("freed-since", "how many people all releases since a date freed, added up (releases.csv)", (rows) => ({
    value: rows.reduce((sum, r) => sum + r.released, 0),
    ...(rows.length > 1 ? { note: `Added up from ${rows.length} sourced rows of releases.csv` } : {}),
  })),
  releaseBinding("released", "how many people a release freed (releases.csv, by id)", (r) => r.released),
  releaseBinding("political", "how many of those freed Viasna recognised as political prisoners (releases.csv, by id)", (r) => r.political_prisoners),
  {
    name: "taken",
    doc: 'how many people freed in a release were taken to a place, by "release id/place id" (deportations.csv; "all/place" adds up every release)',
    example: ":taken[2025-12-13-us-deal/ukraine]",
    resolve(key, data) {
      const [release, place] = key.split("/");
      const rows = data.deportations.filter((d) => (release === "all" || d.release_id === release) && d.place === place);
      if (rows.length === 0) {
        return {
          problem: `no row in content/data/deportations.csv for "${key}"`,
          fix: `Write the release id and the place id with a slash between. ${validChoices(key, data.deportations.map((d) => `${d.release_id}/${d.place}`))}`,
        };
      }
      if (rows.some((r) => r.count === null)) return { problem: `a source for "${key}" gives no number (an empty count)`, fix: "Say it in words without a number, or fill in the count from a source." };
      const value = rows.reduce((sum, r) => sum + r.count!, 0);
      return { value, row: rows.at(-1)!, ...(rows.length > 1 ? { note: `Added up from ${rows.length} rows of deportations.csv` } : {}), claim: { kind: "taken", key, value } };
    },
  },
  {
    name: "fact",
    doc: "another sourced figure, by its id in facts.csv",
    example: ":fact[ilyash-sentence]",
    resolve(key, data) {
      const row = data.facts.find((r) => r.id === key);
      if (!row) return { problem: `no fact with the id "${key}" in content/data/facts.csv`, fix: validChoices(key, data.facts.map((r) => r.id)) };
      return { value: row.value, row, claim: { kind: "fact", key, value: row.value } };
    },
  },
];

export const bindingNames = bindings.map((b) => b.name);
