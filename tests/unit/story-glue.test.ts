import { beforeEach, describe, expect, it } from "vitest";
import { charts } from "../../src/charts/registry.ts";
import { sourceLine, sourceName } from "../../src/charts/shared/sources.ts";
import { loadStory, type Story } from "../../src/content/load.ts";
import { sizes } from "../../src/render/scene.ts";
import { embedEntries, storyAnchor } from "../../src/story/embeds.ts";
import { chartStates, figurePayload, scenesFor, sizeNames, statesFile } from "../../src/story/figure-model.ts";
import { unpool } from "../../src/story/payload.ts";
import { distinctSources } from "../../src/story/sources.ts";
import { FIXTURE } from "../support/fixture.ts";

// Loaded in each test, not once for the file: a mutant is switched on per test (npm run mutation).
let story: Story;
beforeEach(() => {
  story = loadStory(FIXTURE);
});
const outlets = (): Story["data"]["outlets"] => story.data.outlets;
const row = (source_url: string, source_name: string, published: string) => ({
  source_url,
  source_name,
  published,
  note: "",
  line: 1,
});

describe("the chart states of a story", () => {
  it("are every step of every chart section, in reading order, with its alt text and complete state", () => {
    expect(chartStates(story).map(({ chart, step }) => `${chart}/${step}`)).toEqual([
      "door/fx-door-start",
      "door/fx-door-growth",
      "door/fx-door-january",
      "door/fx-door-net",
      "prisoners/fx-peak",
      "prisoners/fx-january",
      "prisoners/fx-spring",
      "prisoners/fx-latest",
      "prisoners/fx-february",
      "deals/fx-feb-deal",
      "deals/fx-no-highlight",
      "routes/fx-routes-all",
      "routes/fx-routes-march",
      "routes/fx-routes-may",
    ]);
    const march = chartStates(story).find((s) => s.step === "fx-routes-march")!;
    expect(march.state).toEqual({ release: "mar-deal", city: "vilnius", refused: "lithuania" });
    expect(march.alt).toBe(
      "Two routes from Minsk for the March release, one to Vilnius, and the two who refused to cross into Lithuania.",
    );
  });

  it("are laid out at every size the figure offers", () => {
    expect(sizeNames()).toEqual(["compact", "wide"]);
    const scenes = scenesFor(story, "routes", { release: "all", city: "none", refused: "none" });
    expect(scenes.wide.width).toBe(sizes.wide.width);
    expect(scenes.compact.width).toBe(sizes.compact.width);
    expect(scenes.wide).toEqual(
      charts.routes!.layout(story.data, { release: "all", city: "none", refused: "none" }, sizes.wide),
    );
  });
});

describe("the browser payload of a figure", () => {
  const section = (): Story["sections"][number] => story.sections.find((s) => s.chart === "prisoners")!;

  it("holds every step's scenes at every size, exactly as laid out", () => {
    const payload = figurePayload(story, section());
    expect(payload.chart).toBe("prisoners");
    expect(Object.keys(payload.steps)).toEqual(section().steps.map((s) => s.id));
    for (const step of section().steps) {
      expect(payload.steps[step.id]!.alt).toBe(step.alt);
      const expected = scenesFor(story, "prisoners", step.state);
      for (const size of sizeNames())
        expect(unpool(payload, payload.steps[step.id]!.scenes[size])).toEqual(expected[size]);
    }
  });

  it("sends a mark shared by several states once", () => {
    const payload = figurePayload(story, section());
    const all = section().steps.flatMap((step) =>
      sizeNames().flatMap((size) => scenesFor(story, "prisoners", step.state)[size].layers.flatMap((l) => l.marks)),
    );
    const distinct = new Set(all.map((m) => JSON.stringify(m)));
    expect(all.length).toBeGreaterThan(distinct.size);
    expect(payload.pool.length).toBe(distinct.size);
  });
});

describe("the states file a section's script fetches", () => {
  it("is the payload as JSON, at the section's own path, versioned by its content", () => {
    const prisoners = story.sections.find((s) => s.chart === "prisoners")!;
    const payload = figurePayload(story, prisoners);
    const file = statesFile(prisoners, payload);
    expect(file.path).toBe(`states/${prisoners.id}.json`);
    expect(JSON.parse(file.json)).toEqual(payload);
    expect(file.version).toMatch(/^[0-9a-f]{12}$/);
    // The same states keep their version; any change to them gives a new one, so no cache serves stale states.
    expect(statesFile(prisoners, figurePayload(story, prisoners)).version).toBe(file.version);
    const changed = { ...payload, steps: { ...payload.steps, extra: payload.steps[prisoners.steps[0]!.id]! } };
    expect(statesFile(prisoners, changed).version).not.toBe(file.version);
  });
});

describe("embeds", () => {
  it("offer each chart's default state and each step, at their own paths", () => {
    const entries = embedEntries(story);
    expect(entries.map((e) => e.path)).toEqual([
      "/embed/door/",
      "/embed/prisoners/",
      "/embed/deals/",
      "/embed/routes/",
      ...chartStates(story).map(({ chart, step }) => `/embed/${chart}/${step}/`),
    ]);
    const routes = entries.find((e) => e.path === "/embed/routes/")!;
    expect(routes).toEqual({
      chart: "routes",
      step: undefined,
      path: "/embed/routes/",
      state: { release: "all", city: "none", refused: "none" },
      alt: story.furniture.routes!.alt,
    });
  });

  it("link back to their step, or to their chart's section for a default state", () => {
    const entries = embedEntries(story);
    const step = entries.find((e) => e.step === "fx-routes-may")!;
    expect(storyAnchor(step, story)).toBe("fx-routes-may");
    expect(
      storyAnchor(
        entries.find((e) => e.path === "/embed/routes/")!,
        story,
      ),
    ).toBe("routes");
    expect(storyAnchor({ ...step, chart: "nowhere", step: undefined }, story)).toBe("");
  });
});

describe("sources", () => {
  it("are listed once per page cited (not per outlet), newest first, named as the register names them", () => {
    const rows = [
      row("https://kyivindependent.com/a", "KI", "2025-01-02"),
      row("https://kyivindependent.com/b", "KI", "2025-03-04"),
      row("https://kyivindependent.com/a", "KI again", "2025-01-02"),
      row("https://unknown.example/x", "Some outlet", "2025-03-04"),
      // An archive page cited for items of several dates: listed once, as its first row cites it.
      row("https://unknown.example/x", "Some outlet's archive", "2024-12-31"),
    ];
    expect(distinctSources(rows, { outlets: outlets() })).toEqual([
      { name: "Some outlet", url: "https://unknown.example/x", published: "2025-03-04" },
      { name: "The Kyiv Independent", url: "https://kyivindependent.com/b", published: "2025-03-04" },
      { name: "The Kyiv Independent", url: "https://kyivindependent.com/a", published: "2025-01-02" },
    ]);
    expect(sourceName({ outlets: outlets() }, row("https://www.spring96.org/x", "V", ""))).toBe(
      "Human Rights Center Viasna",
    );
  });

  it("make the source line under a chart: the most cited first, the rest counted, places apart", () => {
    const cite = (url: string, n: number, name = "unregistered") =>
      Array.from({ length: n }, () => row(url, name, "2025-01-01"));
    const rows = [
      ...cite("https://kyivindependent.com/x", 2),
      ...cite("https://spring96.org/x", 3),
      ...cite("https://a.example/x", 1, "Outlet A"),
      ...cite("https://b.example/x", 1, "Outlet B"),
      ...cite("https://www.geonames.org/1", 2),
    ];
    expect(sourceLine({ outlets: outlets() }, rows, "Map: Natural Earth", 2)).toBe(
      "Sources: Human Rights Center Viasna; The Kyiv Independent and 2 other outlets. Places: GeoNames. Map: Natural Earth",
    );
    expect(sourceLine({ outlets: outlets() }, rows.slice(0, 5), "")).toBe(
      "Sources: Human Rights Center Viasna; The Kyiv Independent",
    );
    expect(sourceLine({ outlets: outlets() }, rows, "")).toBe(
      "Sources: Human Rights Center Viasna; The Kyiv Independent; Outlet A and 1 other outlet. Places: GeoNames",
    );
    // Exactly as many outlets as are shown: none left to count.
    expect(sourceLine({ outlets: outlets() }, rows.slice(0, 6), "")).toBe(
      "Sources: Human Rights Center Viasna; The Kyiv Independent; Outlet A",
    );
    // Two reference works, each named once.
    const register = [
      ...outlets(),
      { domain: "naturalearthdata.com", name: "Natural Earth", kind: "reference" as const, note: "", line: 99 },
    ];
    expect(sourceLine({ outlets: register }, [...rows, ...cite("https://www.naturalearthdata.com/x", 1)], "")).toBe(
      "Sources: Human Rights Center Viasna; The Kyiv Independent; Outlet A and 1 other outlet. Places: GeoNames; Natural Earth",
    );
  });
});
