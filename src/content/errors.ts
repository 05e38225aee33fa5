import { showHidden } from "./hidden-characters.ts";

/**
 * One error type for everything an editor can get wrong in `content/`.
 * The message is written for a person who edits markdown and CSV, not for a developer:
 * where (file, line, column), which field, what was there, what would be valid.
 */
export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/data/held.csv`. */
  file: string;
  /** 1-based line in that file, where there is one. */
  line?: number | undefined;
  /** 1-based column, where there is one. */
  column?: number | undefined;
  /** The field, column, attribute or key that is wrong. */
  field?: string | undefined;
  /** The value that was found, as written. */
  value?: string | undefined;
  /** What is wrong, in one sentence. */
  problem: string;
  /** What would be valid, or what to do. */
  fix: string;
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(problems.map(formatProblem).join("\n\n"));
    this.name = "ContentError";
    this.problems = problems;
  }
}

/**
 * The message an editor reads. The value is quoted with every hidden character written out
 * (`"2025-09-18<U+200B>"`), so a value that is wrong never looks right.
 */
export function formatProblem(p: ContentProblem): string {
  const where = [p.file, p.line, p.column].filter((part) => part !== undefined).join(":");
  const lines = [`${where}: ${p.problem}`];
  if (p.field !== undefined) lines.push(`  field: ${p.field}`);
  if (p.value !== undefined) lines.push(`  value: ${p.value === "" ? "(empty)" : JSON.stringify(showHidden(p.value))}`);
  lines.push(`  fix:   ${p.fix}`);
  return lines.join("\n");
}
