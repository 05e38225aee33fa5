import type { Sourced } from "../../data/columns.ts";
import { outletFor } from "../../data/citations.ts";
import type { Dataset } from "../../data/load.ts";

/** The outlet a row cites, by its name in the register of citable outlets (content/data/outlets.csv). */
export function sourceName(data: Pick<Dataset, "outlets">, row: Pick<Sourced, "source_url" | "source_name">): string {
  return outletFor(data.outlets, row.source_url)?.name ?? row.source_name;
}

/**
 * The short source line under a chart: the outlets behind the rows it draws, the most cited first,
 * named as the register names them, then any source the data does not list (map outlines).
 */
export function sourceLine(data: Pick<Dataset, "outlets">, rows: readonly Sourced[], extra: string, shown = 3): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    // Reference works (coordinates) are listed after the outlets that published figures.
    if (outletFor(data.outlets, row.source_url)?.kind === "reference") continue;
    const name = sourceName(data, row);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const rest = names.length - shown;
  const listed =
    names.slice(0, shown).join("; ") + (rest > 0 ? ` and ${rest} other outlet${rest === 1 ? "" : "s"}` : "");
  const references = [
    ...new Set(
      rows.filter((r) => outletFor(data.outlets, r.source_url)?.kind === "reference").map((r) => sourceName(data, r)),
    ),
  ];
  return [`Sources: ${listed}`, references.length ? `Places: ${references.join("; ")}` : "", extra]
    .filter(Boolean)
    .join(". ");
}
