import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ContentProblem } from "../../src/content/errors.ts";
import { readMarkdownFile } from "../../src/content/text-file.ts";
import { tempDir } from "../support/temp.ts";

/** Writes bytes to a file of its own and reads it back as the story loader does. */
function read(bytes: Uint8Array | string): { text: string | undefined; problems: ContentProblem[] } {
  const path = join(tempDir("text-file"), "x.md");
  writeFileSync(path, bytes);
  const problems: ContentProblem[] = [];
  return { text: readMarkdownFile(path, "content/story/x.md", problems), problems };
}

describe("reading an editor's markdown file", () => {
  it("gives the text with Windows and old Mac line ends made plain, and adds no problem", () => {
    expect(read("a\r\nb\rc\n")).toEqual({ text: "a\nb\nc\n", problems: [] });
  });

  it("refuses a file that is not UTF-8, with the decoder's message", () => {
    const { text, problems } = read(Uint8Array.from([0x61, 0xff]));
    expect(text).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: "content/story/x.md", line: 1, column: 2 })]);
  });

  it("quotes thirty characters each side of a hidden character, marking what it cut", () => {
    const left = "L".repeat(40);
    const right = "R".repeat(40);
    const { text, problems } = read(`ok\n${left}\u200b${right}\nshort\u200bline\n`);
    expect(text).toBeUndefined();
    expect(problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [2, 41, `…${"L".repeat(30)}\u200b${"R".repeat(29)}…`],
      [3, 6, "short\u200bline"],
    ]);
    expect(problems[0]!.problem).toMatch(/^this line has an invisible character U\+200B/);
  });

  it("quotes a line that ends exactly where the quote would, without a mark", () => {
    const { problems } = read(`\u200b${"x".repeat(29)}`);
    expect(problems[0]!.value).toBe(`\u200b${"x".repeat(29)}`);
  });
});
