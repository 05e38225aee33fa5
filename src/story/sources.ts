import type { AnyRow } from "../data/load.ts";

export interface SourceRef {
  name: string;
  url: string;
  published: string;
}

/** The distinct sources behind a set of rows, newest first: what a chart's footer lists. */
export function distinctSources(rows: readonly AnyRow[]): SourceRef[] {
  const byUrl = new Map<string, SourceRef>();
  for (const row of rows) {
    if (!byUrl.has(row.source_url))
      byUrl.set(row.source_url, { name: row.source_name, url: row.source_url, published: row.published });
  }
  return [...byUrl.values()].sort((a, b) => b.published.localeCompare(a.published) || a.name.localeCompare(b.name));
}
