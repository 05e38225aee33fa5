import type { Dataset } from "../data/load.ts";
import type { ContentProblem } from "./errors.ts";
import { checkAndBindProse, parseMarkdown, plainText, type BoundNumber } from "./markdown.ts";

/**
 * A one-line text from front matter (a headline, a chart title) with its numbers bound like the
 * prose's, so a changed row changes the headline. Problems point at the line of the field.
 */
export function bindLine(
  value: string,
  data: Dataset,
  where: { file: string; line: number | undefined },
  problems: ContentProblem[],
): { text: string; bound: BoundNumber[] } {
  const tree = parseMarkdown(value);
  const before = problems.length;
  const bound = checkAndBindProse(tree.children, data, where.file, problems);
  for (const problem of problems.slice(before)) {
    problem.line = where.line;
    problem.column = undefined;
  }
  return { text: plainText(tree).trim(), bound };
}
