import { globSync } from "node:fs";
import { matchesGlob } from "node:path";

/** One part of the mutation run: the files of one folder of src/ that StrykerJS mutates. */
export interface MutationPart {
  name: string;
  files: string[];
}

/**
 * Folders split one level further: src/charts/ holds half of all mutants (about 4,000, several hours
 * on two cores), so each chart's folder is a part of its own (`charts-door`, …) and a sitting can
 * finish one; files directly in src/charts/ stay in `charts`.
 */
const SPLIT = new Set(["charts"]);

/**
 * Splits the files StrykerJS's `mutate` patterns select into one part per folder of src/ (`data`,
 * `content`, …; see SPLIT). Each part is run on its own and keeps its own results, so on two cores
 * a run that is stopped half-way keeps every part it finished, and the next run starts from there.
 */
export function mutationParts(
  patterns: readonly string[],
  files: readonly string[] = globSync("src/**/*.ts"),
): MutationPart[] {
  const include = patterns.filter((p) => !p.startsWith("!"));
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  const parts = new Map<string, string[]>();
  for (const file of files.map((f) => f.replaceAll("\\", "/")).sort()) {
    // Type declarations hold no code to mutate.
    if (file.endsWith(".d.ts")) continue;
    if (!include.some((p) => matchesGlob(file, p)) || exclude.some((p) => matchesGlob(file, p))) continue;
    const segments = file.split("/");
    const folder = segments.length > 2 ? segments[1]! : segments[0]!;
    const name = SPLIT.has(folder) && segments.length > 3 ? `${folder}-${segments[2]!}` : folder;
    parts.set(name, [...(parts.get(name) ?? []), file]);
  }
  return [...parts].map(([name, partFiles]) => ({ name, files: partFiles }));
}

/** The folder a part covers, as a reader finds it: `charts-door` is src/charts/door/. */
export const partFolder = (name: string): string => {
  // Split at the first hyphen only: a chart's folder may have hyphens of its own.
  const at = name.indexOf("-");
  if (at > 0 && SPLIT.has(name.slice(0, at))) return `src/${name.slice(0, at)}/${name.slice(at + 1)}/`;
  // Files directly in src/ make the part called src.
  return name === "src" ? "src/" : `src/${name}/`;
};

/** Where a part keeps its incremental results (a complete mutation report of that part). */
export const partResults = (name: string): string => `mutation/incremental/${name}.json`;
