import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { badInputs } from "../support/bad-inputs.ts";
import { copyContent, rejection } from "../support/content-copy.ts";

describe("content is validated with messages an editor can act on", () => {
  it("loads the fixture story, which every case breaks in one place, without problems", () => {
    expect(loadStory(copyContent().dir).sections.some((s) => s.chart === "prisoners")).toBe(true);
  });

  for (const bad of badInputs) {
    it(`rejects ${bad.name}, naming file, line, field and fix`, () => {
      expect(rejection({ [bad.file]: bad.change })).toMatch(bad.message);
    });
  }

  it("reports every problem at once, not only the first", () => {
    const copy = copyContent();
    copy.edit("data/held.csv", (t) => t.replace(",125,", ",-125,").replace("https://spring96.org/en/news/1", "nope"));
    expect(() => loadStory(copy.dir)).toThrow(/count is negative/);
    expect(() => loadStory(copy.dir)).toThrow(/source_url is not a web address/);
  });
});
