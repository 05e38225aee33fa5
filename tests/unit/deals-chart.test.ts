import { describe, expect, it } from "vitest";
import { dealsChart } from "../../src/charts/deals/index.ts";
import { sizes, type Mark } from "../../src/render/scene.ts";
import { fixtureDataset, release } from "../support/dataset.ts";
import { textProblems } from "../support/text-boxes.ts";

const data = fixtureDataset();
const marks = (highlight: string, size: (typeof sizes)[keyof typeof sizes] = sizes.wide): Map<string, Mark> =>
  new Map(
    dealsChart
      .layout(data, dealsChart.state.parse({ highlight }), size)
      .layers.flatMap((l) => l.marks)
      .map((m) => [m.key, m]),
  );

describe("the deals chart", () => {
  it("draws every release on one fixed axis whichever release a step picks out", () => {
    const none = marks("none");
    const picked = marks("mar-deal");
    for (const r of data.releases) expect(picked.get(`rel-${r.id}`)?.attrs).toEqual(none.get(`rel-${r.id}`)?.attrs);
  });

  it("sizes releases by area and tells US-brokered releases from pardons by class", () => {
    const m = marks("none");
    const r = (id: string): number => Number(m.get(`rel-${id}`)?.attrs.r);
    expect((r("mar-deal") / r("feb-deal")) ** 2).toBeCloseTo(20 / 10, 1);
    expect([m.get("rel-feb-deal")?.attrs.class, m.get("rel-jan-pardon")?.attrs.class]).toEqual([
      "release us",
      "release",
    ]);
  });

  it("keeps relief and contacts apart: diamonds in one lane, open circles in another", () => {
    const m = marks("none");
    expect([m.get("con-feb-relief")?.tag, m.get("con-feb-relief")?.attrs.class]).toEqual(["path", "relief"]);
    expect([m.get("con-feb-call")?.tag, m.get("con-feb-call")?.attrs.class]).toEqual(["circle", "contact"]);
  });

  it("rings the picked-out release in ink, not a category colour, and lists what came with it under the axis", () => {
    const m = marks("feb-deal");
    expect(m.get("hl-ring")?.attrs).toMatchObject({ cx: m.get("rel-feb-deal")?.attrs.cx, class: "hl-ring" });
    const notes = [...m.values()].filter((x) => x.key.startsWith("hl-note-")).map((x) => x.text);
    expect(notes).toEqual([
      "20 Feb 2025: 10 freed, US-brokered",
      "Negotiated by US envoy",
      "○ A phone call (18 Feb)",
      "◆ US eases sanctions on X (20 Feb)",
    ]);
    expect(m.get("con-feb-relief")?.attrs.class).toBe("relief linked");
    expect(m.get("con-apr-visit")?.attrs.class).toBe("contact");
  });

  it("names in its legend only the kinds of mark the data has", () => {
    const legend = (dataset: typeof data) =>
      dealsChart.layout(dataset, dealsChart.state.parse({ highlight: "none" }), sizes.wide).legend;
    expect(legend(data)).toEqual(["released-us", "released", "concession", "contact"]);
    const usOnly = { ...data, releases: data.releases.filter((r) => r.us_brokered) };
    const reliefOnly = { ...usOnly, concessions: data.concessions.filter((c) => c.kind === "relief") };
    expect(legend(reliefOnly)).toEqual(["released-us", "concession"]);
    const pardonsOnly = { ...data, releases: data.releases.filter((r) => !r.us_brokered), concessions: [] };
    expect(legend(pardonsOnly)).toEqual(["released"]);
    const contactsOnly = { ...data, concessions: data.concessions.filter((c) => c.kind === "contact") };
    expect(legend(contactsOnly)).toEqual(["released-us", "released", "contact"]);
  });

  it("dates its axis by month, with the year on the first tick and on each January, its words clear of each other", () => {
    // Releases from the middle of 2024 to the middle of 2025, so the axis crosses a new year.
    const longer = {
      ...data,
      releases: [release("june-pardon", "2024-06-20", 3), ...data.releases, release("july-pardon", "2025-07-03", 2)],
    };
    for (const size of [sizes.wide, sizes.compact]) {
      const scene = dealsChart.layout(longer, dealsChart.state.parse({ highlight: "none" }), size);
      const ticks = scene.layers.flatMap((l) => l.marks).filter((m) => m.key.startsWith("x-"));
      const texts = ticks.map((t) => t.text!);
      expect(texts[0]).toMatch(/^[A-Z][a-z]{2} 2024$/);
      for (const text of texts.slice(1))
        expect(text).toMatch(text.startsWith("Jan") ? /^Jan 2025$/ : /^[A-Z][a-z]{2}$/);
      expect(texts).toContain("Jan 2025");
      expect(textProblems(scene)).toEqual([]);
    }
  });

  it("claims only the release it picks out", () => {
    expect(dealsChart.claims(data, dealsChart.state.parse({ highlight: "feb-deal" }))).toEqual([
      { kind: "released", key: "feb-deal", value: 10 },
    ]);
    expect(dealsChart.claims(data, dealsChart.state.parse({}))).toEqual([]);
  });

  it("refuses a release that is not in the data, with a did-you-mean", () => {
    const [problem] = dealsChart.check(dealsChart.state.parse({ highlight: "feb-dael" }), data);
    expect(problem?.fix).toContain('Did you mean "feb-deal"?');
  });
});
