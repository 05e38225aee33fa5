import { sourceName } from "../charts/shared/sources.ts";
import type { AnyRow, Dataset } from "../data/load.ts";

export interface SourceRef {
  /** The outlet, as the register of citable outlets names it. */
  name: string;
  url: string;
  /** Empty when the page shows no publication date. */
  published: string;
}

/** The distinct sources behind a set of rows (one per page cited), newest first: what a chart's footer lists. */
export function distinctSources(rows: readonly AnyRow[], data: Pick<Dataset, "outlets">): SourceRef[] {
  const byUrl = new Map<string, SourceRef>();
  for (const row of rows) {
    if (!byUrl.has(row.source_url))
      byUrl.set(row.source_url, { name: sourceName(data, row), url: row.source_url, published: row.published });
  }
  return [...byUrl.values()].sort((a, b) => b.published.localeCompare(a.published) || a.name.localeCompare(b.name));
}
