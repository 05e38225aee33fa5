/** One line of the bench table: a measure, its result, and the budget it must meet (if any). */
export interface Row {
  measure: string;
  result: string;
  budget: string;
  /** undefined: no budget (reported only). */
  ok?: boolean;
}

/** A row with a numeric budget: `value` must be at most `max` (or at least `min`). */
export function budgeted(
  measure: string,
  result: string,
  value: number,
  limit: { max: number; unit?: string } | { min: number; unit?: string },
): Row {
  const unit = limit.unit ?? "";
  return "max" in limit
    ? { measure, result, budget: `≤ ${limit.max}${unit}`, ok: value <= limit.max }
    : { measure, result, budget: `≥ ${limit.min}${unit}`, ok: value >= limit.min };
}

export const reported = (measure: string, result: string): Row => ({ measure, result, budget: "" });

const mark = (row: Row): string => (row.ok === undefined ? "" : row.ok ? "✓ " : "✗ over budget: ");

export function table(rows: Row[]): string {
  return [
    "| measure | result | budget |",
    "| --- | --- | --- |",
    ...rows.map((r) => `| ${r.measure} | ${r.result} | ${mark(r)}${r.budget} |`),
  ].join("\n");
}

export const broken = (rows: Row[]): Row[] => rows.filter((r) => r.ok === false);
