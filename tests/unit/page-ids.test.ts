import { describe, expect, it } from "vitest";
import type { ContentProblem } from "../../src/content/errors.ts";
import { checkPageIds, suggestSectionFile } from "../../src/content/page-ids.ts";

describe("the name a section file should have", () => {
  it("keeps the editor's number and words, in the form the story reads", () => {
    expect(suggestSectionFile("07 What Next.md")).toBe("07-what-next.md");
    expect(suggestSectionFile("05-method.MD")).toBe("05-method.md");
    expect(suggestSectionFile("3_Грудзень.txt")).toBe("3-grudzen.md");
  });

  it("drops only the extension at the end, and takes a number only from the start", () => {
    expect(suggestSectionFile("02 the deals.md.txt")).toBe("02-the-deals-md.md");
    expect(suggestSectionFile("What Next 2.md")).toBe("99-what-next-2.md");
    expect(suggestSectionFile("12.md")).toBe("12-section.md");
    // Cut to the longest id, 64 characters: thirteen words here.
    expect(suggestSectionFile(`01 ${"word ".repeat(20)}.md`)).toBe(`01-${"word-".repeat(12)}word.md`);
  });
});

describe("the story's one namespace of ids", () => {
  const section = (id: string, steps: string[] = []) => ({
    id,
    file: `content/story/01-${id}.md`,
    steps: steps.map((step, i) => ({ id: step, line: 10 + i })),
  });
  const problemsOf = (sections: ReturnType<typeof section>[]) => {
    const problems: ContentProblem[] = [];
    checkPageIds(["deals"], sections, problems);
    return problems;
  };

  it("refuses a second section of the same id, naming the first", () => {
    const [problem] = problemsOf([section("deals-x"), { ...section("deals-x"), file: "content/story/02-deals-x.md" }]);
    expect(problem).toMatchObject({
      file: "content/story/02-deals-x.md",
      field: "file name",
      value: "02-deals-x.md",
      problem: 'this section\'s id "deals-x" (from its file name) is already the id of content/story/01-deals-x.md',
    });
    expect(problem!.fix).toMatch(
      /^Rename the file: the words after its number become the section's id, and must not be one of the ids already taken: story, corrections, /,
    );
  });

  it.each([
    ["story", "the story itself (the page's main landmark)"],
    ["corrections-heading", "the heading of the corrections log"],
    ["steps", "the embed that shows every step (/embed/<chart>/steps/)"],
    ["one", "the section content/story/01-one.md"],
    ["one-heading", "the heading of content/story/01-one.md"],
    ["one-after", 'the end of the chart in content/story/01-one.md ("Skip the graphic" jumps there)'],
    ["deals-title", "the title of the deals chart"],
    ["deals-alt", "the text alternative of the deals chart"],
    ["deals-sources", 'the sources of the deals chart ("All sources and the data" jumps there)'],
    ["embed-deals", "the embed code of the deals chart"],
  ])("refuses the step id %s, naming what on the page already has it", (id, owner) => {
    const [problem] = problemsOf([section("one", [id])]);
    expect(problem!.problem).toBe(
      `the step id "${id}" is already an id on the page: ${owner}, so a link to this step would land there`,
    );
  });

  it("refuses a step id used twice, at the second, saying why it must be unique", () => {
    expect(problemsOf([section("one", ["peak"]), section("two", ["peak"])])).toEqual([
      {
        file: "content/story/01-two.md",
        line: 10,
        field: "id",
        value: "peak",
        problem: 'the step id "peak" is already used at content/story/01-one.md:10',
        fix: "Step ids are page anchors and must be unique in the whole story: rename one of them.",
      },
    ]);
  });
});
