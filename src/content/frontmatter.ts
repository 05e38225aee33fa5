import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { ContentProblem } from "./errors.ts";
import { validChoices } from "./did-you-mean.ts";

export interface FrontMatterResult<T> {
  data: T | undefined;
  /** The markdown after the front matter, with the front matter's lines blanked so positions stay true. */
  body: string;
  problems: ContentProblem[];
  /** The line each front-matter key stands on, for later messages about its value. */
  lines: ReadonlyMap<string, number>;
}

/**
 * Reads a `---` YAML block at the top of a markdown file and validates it against a schema.
 * Problems point at the line of the offending key. The text is as readMarkdownFile gives it, every
 * line ending already "\n".
 */
export function readFrontMatter<S extends z.ZodObject>(
  text: string,
  file: string,
  schema: S,
  docs: Record<string, string>,
): FrontMatterResult<z.output<S>> {
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  const problems: ContentProblem[] = [];
  const keyLines = new Map<string, number>();
  const fields = Object.keys(schema.shape);
  const expectedBlock = `Start the file with a block like:\n---\n${fields.map((f) => `${f}: …`).join("\n")}\n---`;
  if (!match) {
    problems.push({
      file,
      line: 1,
      problem: "the file does not start with front matter (a block between two --- lines)",
      fix: expectedBlock,
    });
    return { data: undefined, body: text, problems, lines: keyLines };
  }
  const body = match[0].replace(/[^\n]/g, "") + text.slice(match[0].length);
  const lineCounter = new LineCounter();
  const doc = parseDocument(match[1]!, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined): number =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line + 1;

  for (const error of doc.errors) {
    problems.push({
      file,
      line: lineOf(error.pos[0]),
      problem: `the front matter is not valid YAML: ${error.message}`,
      fix: "Write one `key: value` per line; put a value that contains a colon in quotes.",
    });
  }
  if (problems.length) return { data: undefined, body, problems, lines: keyLines };
  if (!isMap(doc.contents)) {
    problems.push({
      file,
      line: 2,
      problem: "the front matter is not a list of `key: value` lines",
      fix: expectedBlock,
    });
    return { data: undefined, body, problems, lines: keyLines };
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineOf(isScalar(pair.key) ? pair.key.range[0] : undefined);
    keyLines.set(key, line);
    if (!fields.includes(key)) {
      problems.push({
        file,
        line,
        field: key,
        value: key,
        problem: `"${key}" is not a front-matter field here`,
        fix: validChoices(key, fields),
      });
    }
  }
  if (problems.length) return { data: undefined, body, problems, lines: keyLines };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const raw = (doc.toJS() as Record<string, unknown>)[field];
      problems.push({
        file,
        line: keyLines.get(field) ?? 1,
        field,
        ...(raw === undefined ? {} : { value: JSON.stringify(raw) }),
        problem: raw === undefined ? `the front-matter field "${field}" is missing` : `${field} ${issue.message}`,
        fix: `${field}: ${docs[field] ?? "see EDITING.md"}`,
      });
    }
    return { data: undefined, body, problems, lines: keyLines };
  }
  return { data: parsed.data, body, problems, lines: keyLines };
}
