import type { Dataset, HeldRow, RecognitionRow, ReleaseRow } from "./load.ts";

/**
 * Who went in and who came out, period by period: the arithmetic behind "the revolving door".
 *
 * Between two of Viasna's counts, the people held at the end are those held at the start, plus the
 * people newly recognised, minus the people freed in releases, minus everyone who left the list in
 * some other way (most often, by reaching the end of a sentence). The first three are published;
 * the last is derived, and only where every other term is published for exactly the same span.
 */
export interface FlowPeriod {
  /** First day of the period, YYYY-MM-DD, inclusive. */
  start: string;
  /** Last day of the period, inclusive. */
  end: string;
  /** Published recognitions that tile the period exactly, or null where none is published for it. */
  recognised: { count: number; rows: RecognitionRow[] } | null;
  /** The releases within the period, and the people they freed. */
  releases: ReleaseRow[];
  freedUs: number;
  freedOther: number;
  /** Viasna's count at the end of the day before the period, and at the end of its last day. */
  heldBefore: HeldRow | null;
  heldAfter: HeldRow | null;
  /** Derived: heldBefore + recognised − freed − heldAfter, or null where a term is missing. */
  leftOtherwise: number | null;
}

const DAY = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Days from start to end, both included. */
export function spanDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY) + 1;
}

/** Recognitions published for a day or a few weeks are notes, not periods: they would be counted twice. */
export const MIN_PERIOD_DAYS = 28;

/**
 * Viasna's count at the end of a day: a count dated that day, or one dated the next day when that
 * is the first of a month ("as of 1 October" is the count at the close of September).
 */
export function heldAtEndOf(held: readonly HeldRow[], day: string): HeldRow | null {
  const next = addDays(day, 1);
  return (
    held.find((r) => r.date === day) ?? (next.endsWith("-01") ? held.find((r) => r.date === next) : undefined) ?? null
  );
}

/**
 * The published recognition periods that cover the most days of [from, to] without overlapping:
 * a year's total where only the year is published, the months where they are. Ties go to the finer
 * grain; on an exact tie, the period that ends first is kept. Shorter rows (a day, a fortnight) are
 * left out, so nothing is counted twice.
 */
export function tileRecognitions(rows: readonly RecognitionRow[], from: string, to: string): RecognitionRow[] {
  const candidates = rows
    .filter(
      (r) => r.period_start >= from && r.period_end <= to && spanDays(r.period_start, r.period_end) >= MIN_PERIOD_DAYS,
    )
    .sort((a, b) => a.period_end.localeCompare(b.period_end) || a.period_start.localeCompare(b.period_start));
  // Weighted interval scheduling: best[i] is the best tiling using the first i candidates.
  const weight = (r: RecognitionRow): number => spanDays(r.period_start, r.period_end) * 1000 + 1;
  const best: { score: number; chosen: RecognitionRow[] }[] = [{ score: 0, chosen: [] }];
  candidates.forEach((row, i) => {
    let before = i;
    while (before > 0 && candidates[before - 1]!.period_end >= row.period_start) before--;
    const take = { score: best[before]!.score + weight(row), chosen: [...best[before]!.chosen, row] };
    const skip = best[i]!;
    best.push(take.score > skip.score ? take : skip);
  });
  return best.at(-1)!.chosen;
}

interface Span {
  start: string;
  end: string;
  rows: RecognitionRow[] | null;
}

/**
 * Neighbouring periods with published recognitions but no count between them become one. The spans
 * come from flowPeriods, which lays them end to end, so neighbours always meet.
 */
function mergeWhereUncounted(spans: Span[], held: readonly HeldRow[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const prev = merged.at(-1);
    if (prev?.rows && span.rows && !heldAtEndOf(held, prev.end)) {
      merged[merged.length - 1] = { start: prev.start, end: span.end, rows: [...prev.rows, ...span.rows] };
    } else merged.push(span);
  }
  return merged;
}

/** Every period from `from` to `to`, in order, with what went in, what came out and the balance. */
export function flowPeriods(
  data: Pick<Dataset, "held" | "recognitions" | "releases">,
  from: string,
  to: string,
): FlowPeriod[] {
  const tiles = tileRecognitions(data.recognitions, from, to);
  const spans: Span[] = [];
  let cursor = from;
  // A stretch with no published recognitions is one block, like a published total: the releases in
  // it are added up over the whole stretch, never spread over months that were not published.
  for (const tile of tiles) {
    if (tile.period_start > cursor) spans.push({ start: cursor, end: addDays(tile.period_start, -1), rows: null });
    spans.push({ start: tile.period_start, end: tile.period_end, rows: [tile] });
    cursor = addDays(tile.period_end, 1);
  }
  if (cursor <= to) spans.push({ start: cursor, end: to, rows: null });

  return mergeWhereUncounted(spans, data.held).map(({ start, end, rows }) => {
    const releases = data.releases.filter((r) => r.date >= start && r.date <= end);
    const freedUs = releases.filter((r) => r.us_brokered).reduce((sum, r) => sum + r.released, 0);
    const freedOther = releases.filter((r) => !r.us_brokered).reduce((sum, r) => sum + r.released, 0);
    const recognised = rows ? { count: rows.reduce((sum, r) => sum + r.count, 0), rows } : null;
    const heldBefore = heldAtEndOf(data.held, addDays(start, -1));
    const heldAfter = heldAtEndOf(data.held, end);
    const leftOtherwise =
      recognised && heldBefore && heldAfter
        ? heldBefore.count + recognised.count - freedUs - freedOther - heldAfter.count
        : null;
    return { start, end, recognised, releases, freedUs, freedOther, heldBefore, heldAfter, leftOtherwise };
  });
}

/** The flows over a span made of whole periods, added up; undefined if the span cuts a period. */
export function flowsOver(periods: readonly FlowPeriod[], start: string, end: string): FlowTotals | undefined {
  const inside = periods.filter((p) => p.start >= start && p.end <= end);
  // The periods tile the axis without gaps (see flowPeriods), so a span that cuts one leaves the whole
  // periods inside it short of its first or its last day.
  if (inside.length === 0 || inside[0]!.start !== start || inside.at(-1)!.end !== end) return undefined;
  const sum = (pick: (p: FlowPeriod) => number | null): number | null =>
    inside.every((p) => pick(p) !== null) ? inside.reduce((s, p) => s + pick(p)!, 0) : null;
  return {
    start,
    end,
    periods: inside,
    recognised: sum((p) => p.recognised?.count ?? null),
    freedUs: sum((p) => p.freedUs)!,
    freedOther: sum((p) => p.freedOther)!,
    leftOtherwise: sum((p) => p.leftOtherwise),
    heldBefore: inside[0]!.heldBefore,
    heldAfter: inside.at(-1)!.heldAfter,
  };
}

export interface FlowTotals {
  start: string;
  end: string;
  periods: FlowPeriod[];
  recognised: number | null;
  freedUs: number;
  freedOther: number;
  leftOtherwise: number | null;
  heldBefore: HeldRow | null;
  heldAfter: HeldRow | null;
}
