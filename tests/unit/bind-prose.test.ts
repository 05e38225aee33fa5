import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import type { ContentProblem } from "../../src/content/errors.ts";
import { checkAndBindProse, markdownToHtml, parseMarkdown, plainText } from "../../src/content/markdown.ts";
import { FIXTURE } from "../support/fixture.ts";

/** One paragraph of prose, bound against the fixture's data (as changed by `edit`), as HTML. */
function bind(markdown: string, edit: (data: ReturnType<typeof loadStory>["data"]) => void = () => undefined) {
  const data = loadStory(FIXTURE).data;
  edit(data);
  const problems: ContentProblem[] = [];
  const root = parseMarkdown(markdown);
  checkAndBindProse(root.children, data, "content/story/01-a.md", problems);
  return { html: markdownToHtml(root.children), problems };
}

describe("numbers in prose", () => {
  it("bind with spaces inside the brackets, as an editor may type them", () => {
    const { html, problems } = bind("Held: :held[ 2024-12-31 ].");
    expect(problems).toEqual([]);
    expect(html).toContain(">100</data>");
  });

  it('say "undated" in their source note when the row gives no publication date', () => {
    const { html } = bind("Held: :held[2024-12-31].", (data) => {
      data.held = data.held.map((r) => (r.date === "2024-12-31" ? { ...r, published: "" } : r));
    });
    expect(html).toContain('title="Source: Viasna, undated"');
  });
});

describe("the plain text of a node", () => {
  it("is the text of its children, with nothing for a node that has neither text nor children", () => {
    // A hard break (two spaces at a line's end) and an image hold no text.
    const [paragraph] = parseMarkdown("one  \ntwo ![a picture](/x.png) three").children;
    expect(plainText(paragraph!)).toBe("onetwo  three");
  });
});
