import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse, type DSVRowString } from "d3-dsv";

/**
 * content/ read the plain way an editor or a spreadsheet would, without our loader: the oracle the
 * build and browser tests compare the published page with, so a bug in the loader cannot hide
 * itself by producing both the page and the expectation.
 */
export const CONTENT = join(process.cwd(), "content");

export interface SectionSource {
  file: string;
  frontMatter: string;
  body: string;
}

export function sectionSources(content = CONTENT): SectionSource[] {
  const dir = join(content, "story");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const [, frontMatter = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(
        readFileSync(join(dir, file), "utf8"),
      )!;
      return { file, frontMatter, body };
    });
}

/** A CSV file of content/data as rows of strings keyed by its header, as a spreadsheet reads it. */
export function csvRows(name: string, content = CONTENT): DSVRowString[] {
  return csvParse(readFileSync(join(content, "data", name), "utf8"));
}

/** The number directives (`:held[2025-09-18]`) in a piece of markdown, in order. */
export function numberDirectives(markdown: string): { name: string; key: string }[] {
  return [...markdown.matchAll(/(?<![\\\w]):([a-z][a-z0-9-]*)\[([^\]]+)\]/g)].map(([, name, key]) => ({
    name: name!,
    key: key!,
  }));
}

const count = (cell: string | undefined): number => {
  if (cell === undefined || !/^\d+$/.test(cell)) throw new Error(`not a count: ${String(cell)}`);
  return Number(cell);
};

/** First and last day of `2025`, `2025-09`, `2025-09-11` or a range `2024-07..2024-12`, as a calendar says. */
function span(key: string): [string, string] {
  const ends = (spec: string): [string, string] => {
    if (/^\d{4}$/.test(spec)) return [`${spec}-01-01`, `${spec}-12-31`];
    if (/^\d{4}-\d{2}$/.test(spec)) {
      const last = new Date(Date.UTC(Number(spec.slice(0, 4)), Number(spec.slice(5, 7)), 0));
      return [`${spec}-01`, last.toISOString().slice(0, 10)];
    }
    return [spec, spec];
  };
  const parts = key.split("..");
  return [ends(parts[0]!)[0], ends(parts.at(-1)!)[1]];
}

/**
 * The numbers a directive reads straight from the CSV files (one cell, or a plain sum or count of
 * rows), computed here from the files; undefined for derived figures (flows, percentages), which the
 * unit tests of the bindings check.
 */
export function expectedNumber(name: string, key: string, content = CONTENT): number | undefined {
  const releases = (): DSVRowString[] => csvRows("releases.csv", content);
  const one = (rows: DSVRowString[], match: (r: DSVRowString) => boolean): DSVRowString => {
    const found = rows.filter(match);
    if (found.length !== 1) throw new Error(`:${name}[${key}] matches ${found.length} rows`);
    return found[0]!;
  };
  const freed = (which: (r: DSVRowString) => boolean): number => {
    const [first, last] = span(key);
    return releases()
      .filter((r) => r.date! >= first && r.date! <= last && which(r))
      .reduce((sum, r) => sum + count(r.released), 0);
  };
  switch (name) {
    case "held":
      return count(one(csvRows("held.csv", content), (r) => r.date === key).count);
    case "released":
      return count(one(releases(), (r) => r.id === key).released);
    case "political":
      return count(one(releases(), (r) => r.id === key).political_prisoners);
    case "fact":
      return count(one(csvRows("facts.csv", content), (r) => r.id === key).value);
    case "releases-since":
      return releases().filter((r) => r.date! >= key).length;
    case "freed-since":
      return releases()
        .filter((r) => r.date! >= key)
        .reduce((sum, r) => sum + count(r.released), 0);
    case "freed":
      return freed(() => true);
    case "freed-us":
      return freed((r) => r.us_brokered === "yes");
    case "freed-other":
      return freed((r) => r.us_brokered === "no");
    case "taken": {
      const [release, place] = key.split("/");
      return csvRows("deportations.csv", content)
        .filter((r) => (release === "all" || r.release_id === release) && r.place === place)
        .reduce((sum, r) => sum + count(r.count), 0);
    }
    default:
      return undefined;
  }
}
