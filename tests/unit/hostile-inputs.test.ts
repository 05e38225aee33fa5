import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/errors.ts";
import { loadStory } from "../../src/content/load.ts";
import { copyContent } from "../support/content-copy.ts";
import { hostileInputs } from "../support/hostile-inputs.ts";

/** A throwaway copy of the fixture story, removed when the test ends. */
const contentCopy = (): string => copyContent().dir;

function failure(apply: (dir: string) => void): string {
  const dir = contentCopy();
  apply(dir);
  try {
    loadStory(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error("expected the content to be refused");
}

describe("hostile and careless input is refused with a message that names what and where", () => {
  for (const bad of hostileInputs) {
    it(`case ${bad.issue}: refuses ${bad.name}`, () => {
      const message = failure(bad.apply);
      expect(message).toMatch(bad.message);
      if (bad.not) expect(message).not.toMatch(bad.not);
    });
  }

  it("case 12: accepts a byte-order mark before the front matter and reads the file as written", () => {
    const dir = contentCopy();
    const path = join(dir, "story/01-in-and-out.md");
    writeFileSync(path, `\ufeff${readFileSync(path, "utf8")}`);
    const csv = join(dir, "data/held.csv");
    writeFileSync(csv, `\ufeff${readFileSync(csv, "utf8")}`);
    const story = loadStory(dir);
    expect(story.sections.find((s) => s.id === "in-and-out")?.title).toBe("Who goes in, who comes out");
    expect(story.data.held.find((r) => r.date === "2025-02-28")?.count).toBe(125);
  });

  it("accepts paired text-direction controls, links to the web, e-mail and this site, and comments as notes", () => {
    const dir = contentCopy();
    const path = join(dir, "story/00-intro.md");
    writeFileSync(
      path,
      `${readFileSync(path, "utf8").trimEnd()}\n\n<!-- a note to editors -->\nSee [Viasna](https://spring96.org/en), [mail](mailto:desk@example.org), [a step](/#fx-peak), the name \u2067عربي\u2069 and ![the map](/charts/routes/routes-all-wide.svg).\n`,
    );
    const intro = loadStory(dir).sections[0]!;
    expect(intro.introHtml).toContain('href="https://spring96.org/en"');
    expect(intro.introHtml).toContain('src="/charts/routes/routes-all-wide.svg"');
    expect(intro.introHtml).not.toContain("a note to editors");
  });
});
