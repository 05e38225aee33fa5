import type { ContentProblem } from "./errors.ts";
import { characterCount } from "./hidden-characters.ts";

/**
 * A `:::step{…}` line whose attribute list cannot be read is not a step at all to the markdown
 * parser: its text and its `::alt` spill into the section, and the messages that follow ("text
 * stands between two steps", "::alt is not allowed here") point at the wrong cause. This finds such
 * lines and says what is wrong with the attribute list itself.
 */

const OPENING = /^\s*:{3,}\s*step\b/;

/** What is wrong with the text after `:::step`, in an editor's words, and where. */
function diagnose(rest: string): { problem: string; offset: number } {
  const brace = rest.indexOf("{");
  if (/^\s+\{/.test(rest)) return { problem: "there is a space between step and {", offset: 0 };
  if (brace === -1) return { problem: "the step has no attribute list {…} with its id", offset: 0 };
  const close = rest.indexOf("}", brace);
  const inside = rest.slice(brace + 1, close === -1 ? undefined : close);
  for (const quote of ['"', "'"]) {
    const count = inside.split(quote).length - 1;
    if (count % 2 === 1) {
      return {
        problem: `a ${quote === '"' ? "double" : "single"} quote in the attribute list is not closed`,
        offset: brace + 1 + inside.lastIndexOf(quote),
      };
    }
  }
  if (close === -1) return { problem: "the attribute list is not closed: the } is missing", offset: brace };
  const after = rest.slice(close + 1);
  if (after.trim() !== "") return { problem: `something follows the closing }: "${after.trim()}"`, offset: close + 1 };
  return { problem: "the attribute list could not be read", offset: brace };
}

/**
 * Problems for every `:::step` opening line that did not become a step. `recognised` holds the
 * lines on which the parser did start a step.
 */
export function brokenStepOpenings(
  lines: readonly string[],
  recognised: ReadonlySet<number>,
  file: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  lines.forEach((text, i) => {
    const opening = OPENING.exec(text);
    if (!opening || recognised.has(i + 1)) return;
    const { problem, offset } = diagnose(text.slice(opening[0].length));
    problems.push({
      file,
      line: i + 1,
      column: characterCount(text.slice(0, opening[0].length + offset)) + 1,
      field: "step attributes",
      value: text.trim(),
      problem: `this step's attribute list cannot be read: ${problem}`,
      fix: 'Write it as :::step{#step-id field=value other=value} with nothing after the }, no space before the {, and "double quotes" around a value that has spaces.',
    });
  });
  return problems;
}
