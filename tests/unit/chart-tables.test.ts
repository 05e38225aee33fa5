import { describe, expect, it } from "vitest";
import { bindings } from "../../src/content/bindings.ts";
import { loadStory } from "../../src/content/load.ts";
import { charts } from "../../src/charts/registry.ts";
import { fixtureDataset } from "../support/dataset.ts";
import { FIXTURE } from "../support/fixture.ts";

// The data tables under each chart, as a reader (or a screen reader) reads them, on the unit
// dataset whose figures are spelled out in tests/support/dataset.ts.
const data = fixtureDataset();
const table = (chart: string, caption: string) => {
  const found = charts[chart]!.table(data).find((t) => t.caption.startsWith(caption));
  if (!found) throw new Error(`no table "${caption}" under ${chart}`);
  return found;
};

describe("each chart's data tables say what the data says", () => {
  it("door: every count, and every release by where its people went, dated as readers know it", () => {
    expect(table("door", "Political prisoners held").rows).toEqual([
      ["31 Dec 2024", 100, "Human Rights Center Viasna"],
      ["31 Jan 2025", 110, "Human Rights Center Viasna"],
      ["28 Feb 2025", 105, "Human Rights Center Viasna"],
      ["30 Apr 2025", 90, "Human Rights Center Viasna"],
      ["31 May 2025", 95, "Human Rights Center Viasna"],
    ]);
    const left = table("door", "Who left in each release");
    expect(left.columns).toEqual(["Release of", "Freed", "How", "Where they went", "How many"]);
    expect(left.rows).toEqual([
      ["15 Jan 2025", 4, "other pardon", "Not reported", 4],
      ["20 Feb 2025", 10, "US-brokered", "To Lithuania", 10],
      ["10 Mar 2025", 20, "US-brokered", "Not reported", 20],
      ["5 Apr 2025", 5, "other pardon", "Not reported", 5],
      ["10 May 2025", 7, "US-brokered", "Not reported", 7],
    ]);
  });

  it("deals: who negotiated each release, and what the US gave with which release", () => {
    expect(table("deals", "Releases since").rows).toEqual([
      ["15 Jan 2025", 4, "no", "—", "The Kyiv Independent"],
      ["20 Feb 2025", 10, "yes", "US envoy", "The Kyiv Independent"],
      ["10 Mar 2025", 20, "yes", "US envoy", "The Kyiv Independent"],
      ["5 Apr 2025", 5, "no", "—", "The Kyiv Independent"],
      ["10 May 2025", 7, "yes", "US envoy", "The Kyiv Independent"],
    ]);
    expect(table("deals", "What the US gave").rows).toEqual([
      ["20 Feb 2025", "US relief", "US eases sanctions on X", "20 Feb 2025", "The Kyiv Independent"],
      ["18 Feb 2025", "contact", "A phone call", "20 Feb 2025", "The Kyiv Independent"],
      ["1 Apr 2025", "contact", "An envoy visits", "—", "The Kyiv Independent"],
    ]);
  });

  it("routes: a count nobody reported is 'not reported', never 0; Minsk is 'stayed in Belarus'; outlets by their names", () => {
    const withGap = {
      ...data,
      deportations: [
        ...data.deportations,
        { ...data.deportations[0]!, release_id: "mar-deal", place: "belarus", count: null },
      ],
    };
    expect(charts.routes!.table(withGap)[0]!.rows).toEqual([
      ["20 Feb 2025", "Lithuania", 10, "The Kyiv Independent"],
      ["10 Mar 2025", "stayed in Belarus", "not reported", "The Kyiv Independent"],
    ]);
  });

  it("prisoners: each period in and out, with what was not published or cannot be derived said in words", () => {
    expect(table("prisoners", "In and out").rows).toEqual([
      ["1 Jan 2025", "31 Jan 2025", 100, 20, 0, 4, 6, 110],
      ["1 Feb 2025", "28 Feb 2025", 110, 10, 10, 0, 5, 105],
      ["1 Mar 2025", "30 Apr 2025", 105, 30, 20, 5, 20, 90],
      ["1 May 2025", "31 May 2025", 90, "not published", 7, 0, "not derivable", 95],
    ]);
    // Counts that contradict each other are said to, not tabled as a negative number of people.
    const conflicting = { ...data, held: data.held.map((h) => (h.date === "2025-01-31" ? { ...h, count: 130 } : h)) };
    const inOut = charts.prisoners!.table(conflicting).find((t) => t.caption.startsWith("In and out"))!;
    expect(inOut.rows[0]).toEqual(["1 Jan 2025", "31 Jan 2025", 100, 20, 0, 4, "counts conflict by 14", 130]);
    expect(table("prisoners", "People newly recognised").rows[1]).toEqual([
      "15 Jan 2025",
      "15 Jan 2025",
      3,
      "Human Rights Center Viasna",
    ]);
  });
});

describe("the text alternative drafted for a step without one", () => {
  const story = loadStory(FIXTURE);
  /** The numbers a draft writes, each as the story's bindings resolve it (a draft must not invent one). */
  const numbers = (draft: string) =>
    [...draft.matchAll(/:([a-z-]+)\[([^\]]+)\]/g)].map(([, name, key]) => {
      const result = bindings.find((b) => b.name === name)!.resolve(key!, story.data);
      return "problem" in result ? `${name}[${key}]: ${result.problem}` : result.value;
    });

  it("binds every number it writes to the data, for every step of every chart", () => {
    for (const section of story.sections.filter((s) => s.chart)) {
      for (const step of section.steps) {
        const draft = charts[section.chart!]!.draftAlt(story.data, step.state);
        for (const n of numbers(draft)) expect(n, `${step.id}: ${draft}`).toEqual(expect.any(Number));
      }
    }
  });

  it("names a release by its date and says how many it freed", () => {
    const routes = story.sections.find((s) => s.chart === "routes")!;
    const one = routes.steps.find((s) => s.state.release !== "all")!;
    const release = story.data.releases.find((r) => r.id === one.state.release)!;
    const draft = charts.routes!.draftAlt(story.data, one.state);
    expect(draft).toContain(`the release of `);
    expect(draft).toContain(`, which freed :released[${release.id}]:`);
    expect(charts.routes!.draftAlt(story.data, { ...one.state, release: "all" })).toContain("every reported release");
  });
});
