import { readFileSync } from "node:fs";
import { decodeContent } from "./encoding.ts";
import type { ContentProblem } from "./errors.ts";
import { characterCount, describeHidden, findHiddenCharacters, fixHidden } from "./hidden-characters.ts";

/** How much of a long line a message quotes on each side of the character it points at. */
const CONTEXT = 30;

/** The part of a line around a position, so a message quotes what the editor will find. */
function around(line: string, index: number): string {
  const start = Math.max(0, index - CONTEXT);
  const end = Math.min(line.length, index + CONTEXT);
  return `${start > 0 ? "…" : ""}${line.slice(start, end)}${end < line.length ? "…" : ""}`;
}

/**
 * Reads a markdown file in content/: UTF-8 (a byte-order mark is dropped), and free of hidden
 * characters, each reported at its line and column. Returns undefined, with problems added, when
 * the file cannot be used as it is: its text would not be what the editor sees.
 */
export function readMarkdownFile(path: string, file: string, problems: ContentProblem[]): string | undefined {
  const decoded = decodeContent(readFileSync(path), file);
  if ("problem" in decoded) {
    problems.push(decoded.problem);
    return undefined;
  }
  const text = decoded.text.replace(/\r\n?/g, "\n");
  const before = problems.length;
  text.split("\n").forEach((line, i) => {
    const [first] = findHiddenCharacters(line);
    if (!first) return;
    problems.push({
      file,
      line: i + 1,
      column: characterCount(line.slice(0, first.index)) + 1,
      value: around(line, first.index),
      problem: `this line has ${describeHidden(first)}`,
      fix: fixHidden(first),
    });
  });
  return problems.length > before ? undefined : text;
}
