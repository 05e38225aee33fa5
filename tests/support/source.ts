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
  return [...markdown.matchAll(/(?<![\\\w]):([a-z][a-z-]*)\[([^\]]+)\]/g)].map(([, name, key]) => ({
    name: name!,
    key: key!,
  }));
}

const count = (cell: string | undefined): number => {
  if (cell === undefined || !/^\d+$/.test(cell)) throw new Error(`not a count: ${String(cell)}`);
  return Number(cell);
};

/** What a number directive must print, computed straight from the CSV files. */
export function expectedNumber(name: string, key: string, content = CONTENT): number {
  const releases = (): DSVRowString[] => csvRows("releases.csv", content);
  const one = (rows: DSVRowString[], match: (r: DSVRowString) => boolean): DSVRowString => {
    const found = rows.filter(match);
    if (found.length !== 1) throw new Error(`:${name}[${key}] matches ${found.length} rows`);
    return found[0]!;
  };
  switch (name) {
    case "held":
      return count(one(csvRows("held.csv", content), (r) => r.date === key).count);
    case "recognised": {
      const [start, end] = /^\d{4}$/.test(key)
        ? [`${key}-01-01`, `${key}-12-31`]
        : /^\d{4}-\d{2}$/.test(key)
          ? [
              `${key}-01`,
              new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)), 0)).toISOString().slice(0, 10),
            ]
          : [key, key];
      return count(
        one(csvRows("recognitions.csv", content), (r) => r.period_start === start && r.period_end === end).count,
      );
    }
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
    default:
      throw new Error(`the test does not know the number :${name}`);
  }
}
