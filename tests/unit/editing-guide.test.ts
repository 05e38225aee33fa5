import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { charts } from "../../src/charts/registry.ts";
import { ContentError } from "../../src/content/errors.ts";
import { loadStory, type Story } from "../../src/content/load.ts";
import { sizes } from "../../src/render/scene.ts";
import { copyContent } from "../support/content-copy.ts";
import { CONTENT, expectedNumber, numberDirectives, sectionSources } from "../support/source.ts";

/**
 * The examples in EDITING.md, as written (```csv append=<file> or ```md create=<file> blocks), applied
 * to a copy of the real content/, not the fixture: the guide promises editors that its examples work
 * on the story they edit. Every expectation is read from the example itself or from the copy's CSV
 * files, so the test holds whatever the real data say today and after the next update.
 */
const examples = [
  ...readFileSync("EDITING.md", "utf8").matchAll(/```\w+ (append|create)=content\/(\S+)\n([\s\S]*?)```/g),
].map(([, action, file, body]) => ({ action: action!, file: file!, body: body! }));

const example = (file: string): string => {
  const found = examples.find((e) => e.file === file);
  if (!found) throw new Error(`EDITING.md has no example for ${file}`);
  return found.body;
};
/** The example's one CSV row, read with the file's own header as a spreadsheet would. */
const exampleRow = (file: string): Record<string, string | undefined> => {
  const header = readFileSync(join(CONTENT, file), "utf8").split("\n")[0]!;
  const rows = csvParse(`${header}\n${example(file)}`);
  expect(rows.length, `the example for ${file} is one row`).toBe(1);
  return rows[0]!;
};

/**
 * Loads the edited copy as an editor would check it, doing what the guide says when a release is newer
 * than all the others: the step whose focus now cuts the latest period in two has the end of its
 * focus, and of the periods in its numbers, moved to the new release's date. Any other problem fails.
 */
function loadFollowingTheGuide(dir: string): Story {
  try {
    return loadStory(dir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const problem of error.problems) {
      const cut = /^focus (\S+)\.\.(\S+) cuts the period \S+\.\.(\S+) in two/.exec(problem.problem);
      if (!cut) throw error;
      const [, start, end, newEnd] = cut as unknown as [string, string, string, string];
      const file = join(dir, problem.file.replace(/^content\//, ""));
      writeFileSync(file, readFileSync(file, "utf8").replaceAll(`${start}..${end}`, `${start}..${newEnd}`));
    }
    return loadStory(dir);
  }
}

function applyExamples(filter: (file: string) => boolean): { story: Story; dir: string } {
  const copy = copyContent(CONTENT);
  for (const { action, file, body } of examples.filter((e) => filter(e.file))) {
    const path = join(copy.dir, file);
    if (action === "create") writeFileSync(path, body);
    else appendFileSync(path, `\n${body}`);
  }
  return { story: loadFollowingTheGuide(copy.dir), dir: copy.dir };
}

const keys = (story: Story, chart: string, state: Record<string, string>): string[] =>
  charts[chart]!.layout(story.data, charts[chart]!.state.parse(state), sizes.wide).layers.flatMap((l) =>
    l.marks.map((m) => m.key),
  );

/** Every number the loader bound in a section's prose, in order, as `<data value>` attributes. */
const boundValues = (story: Story, sectionId: string): number[] => {
  const section = story.sections.find((s) => s.id === sectionId)!;
  const html = [section.introHtml, ...section.steps.map((s) => s.html), section.outroHtml].join("");
  return [...html.matchAll(/<data value="(\d+)"/g)].map(([, value]) => Number(value));
};

describe("the editors' guide", () => {
  it("has examples for a release, its route, a data row, a step, a section and a correction", () => {
    expect(examples.map((e) => e.file)).toEqual([
      "data/releases.csv",
      "data/deportations.csv",
      "data/held.csv",
      "story/02-the-deals.md",
      "story/06-what-next.md",
      "corrections.csv",
    ]);
  });

  it("adds a release, following the guide, to both timelines, to the routes map, and to every total in the text", () => {
    const release = exampleRow("data/releases.csv");
    const route = exampleRow("data/deportations.csv");
    expect(route.release_id).toBe(release.id);
    const { story, dir } = applyExamples((file) => /^data\/(releases|deportations)/.test(file));
    expect(keys(story, "deals", {})).toContain(`rel-${release.id!}`);
    // The prisoners chart adds it to the period it falls in: some step prints (and, as the loader
    // checks, its chart labels) a :freed total over a period that includes the new release.
    const freedOver = sectionSources(dir)
      .flatMap(({ body }) => numberDirectives(body))
      .filter(({ name, key }) => name === "freed" && key.includes(".."))
      .map(({ key }) => key.split(".."));
    expect(
      freedOver.some(([from, to]) => from! <= release.date! && release.date! <= to!),
      String(freedOver),
    ).toBe(true);
    expect(() => charts.routes!.state.parse({ release: release.id })).not.toThrow();
    expect(charts.routes!.check(charts.routes!.state.parse({ release: release.id }), story.data)).toEqual([]);
    // Every bound number in the text, recomputed from the edited CSV files: the totals now count it.
    for (const { file, body } of sectionSources(dir)) {
      const id = file.replace(/\.md$/, "").replace(/^\d+[-_]/, "");
      const expected = numberDirectives(body.replace(/^::alt\[.*$/gm, "")).map(({ name, key }) =>
        expectedNumber(name, key, dir),
      );
      const bound = boundValues(story, id);
      expect(bound.length, file).toBe(expected.length);
      // Derived figures (flows, percentages) are left to the bindings' own tests: undefined here.
      expect(
        bound.map((value, i) => (expected[i] === undefined ? undefined : value)),
        file,
      ).toEqual(expected);
    }
  });

  it("builds every example together without a problem", () => {
    const { story } = applyExamples(() => true);
    const sectionFile = examples.find((e) => e.action === "create")!.file;
    expect(story.sections.map((s) => s.file)).toContain(`content/${sectionFile}`);
    const stepId = /:::step\{#([a-z0-9-]+)/.exec(example("story/02-the-deals.md"))?.[1];
    expect(stepId).toBeDefined();
    expect(story.sections.flatMap((s) => s.steps.map((step) => step.id))).toContain(stepId);
    expect(story.data.held.map((r) => r.date)).toContain(exampleRow("data/held.csv").date);
    const correction = exampleRow("corrections.csv");
    expect(story.corrections.entries).toContainEqual(expect.objectContaining(correction));
  });
});
