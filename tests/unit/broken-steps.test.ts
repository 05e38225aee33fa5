import { describe, expect, it } from "vitest";
import { brokenStepOpenings } from "../../src/content/broken-steps.ts";

/** The message and column for one `:::step` line the markdown parser did not read as a step. */
const diagnosed = (line: string): [string, number | undefined] => {
  const [problem] = brokenStepOpenings([line], new Set(), "content/story/x.md");
  return [problem!.problem.replace("this step's attribute list cannot be read: ", ""), problem!.column];
};

describe("a :::step line that did not become a step says what is wrong with its attribute list, and where", () => {
  it.each([
    [":::step {#a}", "there is a space between step and {", 8],
    [":::step", "the step has no attribute list {…} with its id", 8],
    [":::step{#a x='b}", "a single quote in the attribute list is not closed", 14],
    [':::step{#a x="b}', "a double quote in the attribute list is not closed", 14],
    [":::step{#a x=b", "the attribute list is not closed: the } is missing", 8],
    [":::step{#a} extra ", 'something follows the closing }: "extra"', 12],
    [":::step{#a}", "the attribute list could not be read", 8],
    ["  :::: step{#a} x", 'something follows the closing }: "x"', 16],
    // Each of these would read as another fault if the rule before it looked too far or not far enough.
    [":::step  {#a}", "there is a space between step and {", 8],
    [":::step{#a} extra {", 'something follows the closing }: "extra {"', 12],
    [':::step{#a x="b"', "the attribute list is not closed: the } is missing", 8],
    [":::step{#a} it's", 'something follows the closing }: "it\'s"', 12],
    [":::step{} it's", 'something follows the closing }: "it\'s"', 10],
    [":::step{#a}   ", "the attribute list could not be read", 8],
  ])("%s: %s (column %i)", (line, problem, column) => {
    expect(diagnosed(line)).toEqual([problem, column]);
  });

  it("names the file, the line and the line as written, with the fix", () => {
    expect(brokenStepOpenings(["Intro", "", "  :::step {#a}  "], new Set(), "content/story/x.md")).toEqual([
      {
        file: "content/story/x.md",
        line: 3,
        column: 10,
        field: "step attributes",
        value: ":::step {#a}",
        problem: "this step's attribute list cannot be read: there is a space between step and {",
        fix: 'Write it as :::step{#step-id field=value other=value} with nothing after the }, no space before the {, and "double quotes" around a value that has spaces.',
      },
    ]);
  });

  it("leaves alone the lines the parser read as steps, and lines that are not step openings", () => {
    expect(brokenStepOpenings([":::step{#a}", "text about a :::step", ":::stepper{#b}"], new Set([1]), "x.md")).toEqual(
      [],
    );
  });
});
