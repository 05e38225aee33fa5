import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { inject } from "vitest";

/** The build under test (made once by the global setup, in a folder of its own) and where it is served. */
export const DIST = inject("dist");
export const ORIGIN = inject("origin");

export function distFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? distFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export function readDist(path: string): string {
  return readFileSync(join(DIST, path), "utf8");
}

/** A built page as a DOM, exactly as a reader without JavaScript receives it. */
export function distDocument(path: string): Document {
  return parseHTML(readDist(path)).document;
}

export const relativeToDist = (path: string): string => relative(DIST, path);
