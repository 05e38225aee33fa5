import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/errors.ts";
import { loadStory } from "../../src/content/load.ts";
import { badInputs } from "../support/bad-inputs.ts";
import { copyContent } from "../support/content-copy.ts";

/** Loads a broken copy of the fixture story and returns the error message it fails with. */
function failure(file: string, change: (text: string) => string): string {
  const copy = copyContent();
  copy.edit(file, change);
  try {
    loadStory(copy.dir);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error("expected the content to be rejected");
}

describe("content is validated with messages an editor can act on", () => {
  it("loads the fixture story, which every case breaks in one place, without problems", () => {
    expect(loadStory(copyContent().dir).sections.some((s) => s.chart === "prisoners")).toBe(true);
  });

  for (const bad of badInputs) {
    it(`rejects ${bad.name}, naming file, line, field and fix`, () => {
      expect(failure(bad.file, bad.change)).toMatch(bad.message);
    });
  }

  it("reports every problem at once, not only the first", () => {
    const copy = copyContent();
    copy.edit("data/held.csv", (t) => t.replace(",125,", ",-125,").replace("https://spring96.org/en/news/1", "nope"));
    expect(() => loadStory(copy.dir)).toThrow(/count is negative/);
    expect(() => loadStory(copy.dir)).toThrow(/source_url is not a web address/);
  });
});
