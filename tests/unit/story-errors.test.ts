import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/errors.ts";
import { loadStory } from "../../src/content/load.ts";
import { copyContent } from "../support/content-copy.ts";

const SECTION = "story/01-the-count.md";

/** Loads a broken copy of content/ and returns the error message it fails with. */
function failure(file: string, change: (text: string) => string): string {
  const copy = copyContent();
  copy.edit(file, change);
  try {
    loadStory(copy.dir);
  } catch (error) {
    if (error instanceof ContentError) return error.message.replaceAll(copy.dir, "content");
    throw error;
  }
  throw new Error("expected the content to be rejected");
}

describe("story sections are validated with messages an editor can act on", () => {
  it("loads the real content without problems", () => {
    const story = loadStory();
    expect(story.sections.some((s) => s.chart === "prisoners")).toBe(true);
  });

  it("rejects an unknown chart and suggests the right one", () => {
    const message = failure(SECTION, (t) => t.replace("chart: prisoners", "chart: prisoner"));
    expect(message).toMatch(
      /01-the-count\.md:3: there is no chart called "prisoner"\n {2}field: chart\n {2}value: "prisoner"\n {2}fix: {3}did you mean "prisoners"\?/,
    );
  });

  it("rejects an unknown state field, naming line, column and the valid fields", () => {
    const message = failure(SECTION, (t) => t.replace("{#since-2020 show=held}", "{#since-2020 shwo=held}"));
    expect(message).toMatch(
      /01-the-count\.md:6:\d+: "shwo" is not a state field of the prisoners chart\n {2}field: shwo\n.*\n {2}fix: {3}did you mean "show"\? Valid: from, to, highlight, show\./,
    );
  });

  it("rejects a state value of the wrong kind", () => {
    const message = failure(SECTION, (t) => t.replace("{#since-2020 show=held}", "{#since-2020 show=everything}"));
    expect(message).toContain("show is not one of both, held, flows");
    expect(message).toContain('value: "everything"');
  });

  it("rejects an impossible date in a state", () => {
    expect(
      failure(SECTION, (t) => t.replace("{#since-2020 show=held}", "{#since-2020 from=2025-13 show=held}")),
    ).toContain("from is not a real calendar date");
  });

  it("rejects a date range past the newest data", () => {
    const message = failure(SECTION, (t) =>
      t.replace("{#since-2020 show=held}", "{#since-2020 to=2026-11-01 show=held}"),
    );
    expect(message).toMatch(/to is after the newest data \(\d{4}-\d{2}-\d{2}\)/);
  });

  it("rejects a highlight naming no release", () => {
    const message = failure(SECTION, (t) =>
      t.replace("highlight=2025-09-11-us-deal}", "highlight=2025-09-11-us-dael}"),
    );
    expect(message).toContain("highlight names no release in content/data/releases.csv");
    expect(message).toContain('did you mean "2025-09-11-us-deal"?');
  });

  it("rejects duplicate step ids across the story", () => {
    const message = failure(SECTION, (t) => t.replace("{#sep-16 ", "{#sep-11 "));
    expect(message).toMatch(/the step id "sep-11" is already used at .*01-the-count\.md:\d+/);
  });

  it("rejects a step without a text alternative", () => {
    const message = failure(SECTION, (t) => t.replace(/::alt\[Dot chart[^\n]*\n/, ""));
    expect(message).toContain('step "since-2020" has no text alternative');
    expect(message).toMatch(
      /A draft from the data, to check and edit:\n::alt\[The count of political prisoners held, from 1 Aug 2020 to .*:held\[2020-11-02\]/,
    );
  });

  it("rejects a prose number bound to a row that does not exist", () => {
    const message = failure(SECTION, (t) => t.replace(":held[2020-11-02]", ":held[2020-11-01]"));
    expect(message).toMatch(/01-the-count\.md:\d+:\d+: no count for 2020-11-01 in content\/data\/held.csv/);
  });

  it("rejects an unknown number directive, suggesting the known ones", () => {
    expect(failure(SECTION, (t) => t.replace(":held[2020-11-02]", ":hled[2023-02-27]"))).toContain(
      'did you mean "held"?',
    );
  });

  it("rejects malformed front matter", () => {
    expect(failure(SECTION, (t) => t.replace("title: A count", "title A count"))).toContain("the front matter is not");
  });

  it("rejects an unknown front-matter field", () => {
    expect(failure(SECTION, (t) => t.replace("chart: prisoners", "chart: prisoners\ntitel: x"))).toContain(
      '"titel" is not a front-matter field here',
    );
  });

  it("rejects an empty section", () => {
    expect(failure("story/00-intro.md", (t) => `${t.split("---\n\n")[0] ?? ""}---\n`)).toContain(
      "the section is empty",
    );
  });

  it("reports a data problem with the CSV's own file and line", () => {
    const message = failure("data/releases.csv", (t) => t.replace(",52,", ",fifty-two,"));
    expect(message).toMatch(/data\/releases\.csv:\d+:3: released is not a whole number/);
  });
});
