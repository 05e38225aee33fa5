import { isRealDate } from "./fields.ts";

/** The last day of the month of a YYYY-MM string. */
export function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  // Day 0 of the next month is the last of this one: always 28 to 31, so two digits.
  return `${month}-${new Date(Date.UTC(y, m, 0)).getUTCDate()}`;
}

/** First and last day (inclusive) of a year, a month or a day: `2025`, `2025-09`, `2025-09-11`. */
function bounds(spec: string): [string, string] | undefined {
  if (/^\d{4}$/.test(spec)) return [`${spec}-01-01`, `${spec}-12-31`];
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(spec)) return [`${spec}-01`, monthEnd(spec)];
  // A day is any real one written YYYY-MM-DD (isRealDate takes nothing else).
  if (isRealDate(spec)) return [spec, spec];
  return undefined;
}

/**
 * A period as editors write it: a year (`2025`), a month (`2025-09`), a day (`2025-09-11`), or a
 * range of them (`2024-07..2024-12`, `2025-01-01..2025-12-23`), from the first day of the first to
 * the last day of the last. Returns [first, last] (inclusive), or undefined if it is not one.
 */
export function parsePeriod(spec: string): [string, string] | undefined {
  const parts = spec.split("..");
  if (parts.length > 2) return undefined;
  const first = bounds(parts[0]!.trim());
  const last = bounds(parts.at(-1)!.trim());
  if (!first || !last || first[0] > last[1]) return undefined;
  return [first[0], last[1]];
}

/** The canonical key of a period, so that `2025-09` and `2025-09-01..2025-09-30` are one claim. */
export function periodKey([start, end]: readonly [string, string]): string {
  return start === end ? start : `${start}..${end}`;
}

/**
 * The key of a sum over releases in a period, ended at the newest release if the period runs past
 * it: the same sum, in the form the freed bindings accept (a total must not claim to be more current
 * than the releases recorded).
 */
export function releasesKey([start, end]: readonly [string, string], releases: readonly { date: string }[]): string {
  const newest = releases.at(-1)?.date ?? end;
  return periodKey([start, end > newest ? newest : end]);
}

export const PERIOD_FORMS = "a year (2025), a month (2025-09), a day (2025-09-11) or a range (2024-07..2024-12)";
