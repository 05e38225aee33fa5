import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readFrontMatter } from "../../src/content/frontmatter.ts";

const schema = z.object({ title: z.string() });
const read = (text: string) => readFrontMatter(text, "content/story/01-a.md", schema, { title: "the heading" });

describe("front matter", () => {
  it("is read only at the very top of the file", () => {
    const { data, problems } = read("Some words first.\n---\ntitle: A\n---\nText.");
    expect(data).toBeUndefined();
    expect(problems.map((p) => p.problem)).toEqual([
      "the file does not start with front matter (a block between two --- lines)",
    ]);
  });

  it("may end the file, with no line after its closing ---", () => {
    const { data, body, problems } = read("---\ntitle: A\n---");
    expect(problems).toEqual([]);
    expect(data).toEqual({ title: "A" });
    expect(body).toBe("\n\n");
  });

  it("blanks its own lines in the body, so a line number in the body is the line in the file", () => {
    const { body } = read("---\ntitle: A\n---\nText.\n");
    expect(body.split("\n").indexOf("Text.") + 1).toBe(4);
  });

  it("stops at invalid YAML with that one problem, reading nothing further", () => {
    const { data, problems } = read("---\ntitle: [A\nother: B\n---\n");
    expect(data).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toMatch(/^the front matter is not valid YAML: /);
  });
});
