import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { charts } from "../../src/charts/registry.ts";
import { loadStory } from "../../src/content/load.ts";
import { sizes } from "../../src/render/scene.ts";
import { copyContent } from "../support/content-copy.ts";

/** The examples in EDITING.md, as written: ```csv append=<file> or ```md create=<file> blocks. */
const examples = [
  ...readFileSync("EDITING.md", "utf8").matchAll(/```\w+ (append|create)=content\/(\S+)\n([\s\S]*?)```/g),
].map(([, action, file, body]) => ({ action: action!, file: file!, body: body! }));

function applyExamples(filter: (file: string) => boolean) {
  const copy = copyContent();
  for (const { action, file, body } of examples.filter((e) => filter(e.file))) {
    const path = join(copy.dir, file);
    if (action === "create") writeFileSync(path, body);
    else appendFileSync(path, `\n${body}`);
  }
  return loadStory(copy.dir);
}

const keys = (story: ReturnType<typeof loadStory>, chart: string, state: Record<string, string>): string[] =>
  charts[chart]!.layout(story.data, charts[chart]!.state.parse(state), sizes.wide).layers.flatMap((l) =>
    l.marks.map((m) => m.key + (m.text ? `=${m.text}` : "")),
  );

describe("the editors' guide", () => {
  it("has examples for a release, its route, a data row, a step and a section", () => {
    expect(examples.map((e) => e.file)).toEqual([
      "data/releases.csv",
      "data/deportations.csv",
      "data/held.csv",
      "story/02-the-deals.md",
      "story/06-what-next.md",
      "corrections.csv",
    ]);
  });

  it("adds a release, following the guide, to every chart and to the prose", () => {
    const before = loadStory();
    const after = applyExamples((file) => file.startsWith("data/releases") || file.startsWith("data/deportations"));
    expect(keys(after, "prisoners", {})).toContain("rel-2026-04-02-us-deal");
    expect(keys(after, "deals", {})).toContain("rel-2026-04-02-us-deal");
    expect(keys(before, "routes", { release: "all" })).toContain("label-lithuania=75 into Lithuania");
    expect(keys(after, "routes", { release: "all" })).toContain("label-lithuania=115 into Lithuania");
    const intro = (story: ReturnType<typeof loadStory>) => story.sections[0]!.introHtml;
    const releases = (html: string) => /reports of <data value="(\d+)"/.exec(html)?.[1];
    expect(Number(releases(intro(after)))).toBe(Number(releases(intro(before))) + 1);
  });

  it("builds every example together without a problem", () => {
    const story = applyExamples(() => true);
    expect(story.sections.map((s) => s.id)).toContain("what-next");
    expect(story.sections.flatMap((s) => s.steps.map((step) => step.id))).toContain("example-step");
    expect(story.data.held.map((r) => r.date)).toContain("2026-04-30");
    expect(story.corrections.entries[0]).toMatchObject({ date: "2026-11-25", kind: "correction", chart: "prisoners" });
  });
});
