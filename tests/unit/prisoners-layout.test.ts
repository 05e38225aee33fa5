import { describe, expect, it } from "vitest";
import { layoutPrisoners, joinedRuns, isCalendarMonth } from "../../src/charts/prisoners/layout.ts";
import { prisonersState } from "../../src/charts/prisoners/state.ts";
import { loadStory } from "../../src/content/load.ts";
import { sizes, type Mark } from "../../src/render/scene.ts";

const { data } = loadStory();
const marks = (state: Record<string, string>, size = sizes.wide): Map<string, Mark> =>
  new Map(
    layoutPrisoners(data, prisonersState.parse(state), size)
      .layers.flatMap((l) => l.marks)
      .map((m) => [m.key, m]),
  );

describe("layoutPrisoners", () => {
  it("puts the 11 Sep 2025 release in the highlight, with its count and the same-day recognitions from the data", () => {
    const m = marks({ from: "2025-08", to: "2025-10", highlight: "2025-09-11-us-deal" });
    expect(m.get("hl-freed")?.text).toBe("52 freed");
    expect(m.get("hl-recognised")?.text).toBe("8 newly recognised that day");
    expect(String(m.get("rel-2025-09-11-us-deal")?.attrs.class)).toContain("highlighted");
  });

  it("draws nothing outside the date range", () => {
    const m = marks({ from: "2025-08", to: "2025-10" });
    expect([...m.keys()].filter((k) => k.startsWith("held-20"))).toEqual([
      "held-2025-08-17",
      "held-2025-09-17",
      "held-2025-09-18",
      "held-2025-09-29",
    ]);
    expect(m.has("rel-2025-12-13-us-deal")).toBe(false);
  });

  it("marks months without a published count as gaps instead of zero bars", () => {
    const m = marks({ from: "2025-01", to: "2025-12-31", show: "flows" });
    expect(m.has("gap-2025-05-01")).toBe(true);
    expect(m.has("rec-2025-05-01")).toBe(false);
  });

  it("hides the flows panel (keeping its marks for the transition) when a step shows only the count", () => {
    const m = marks({ show: "held" });
    expect(m.get("rel-2025-09-11-us-deal")?.attrs.opacity).toBe(0);
    expect(m.get("held-2025-09-18")?.attrs.opacity).toBe(1);
  });

  it("keeps every mark key unique, so transitions match marks one to one", () => {
    const scene = layoutPrisoners(data, prisonersState.parse({}), sizes.compact);
    const keys = scene.layers.flatMap((l) => l.marks.map((m) => m.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("the count line shows gaps as gaps", () => {
  const row = (date: string) => ({ date, count: 1, source_name: "", source_url: "", published: "", note: "", line: 1 });
  it("splits observations more than 200 days apart into separate runs", () => {
    expect(joinedRuns([row("2021-01-01"), row("2021-03-01"), row("2022-03-01")]).map((r) => r.length)).toEqual([2, 1]);
  });

  it("draws only whole calendar months as monthly bars", () => {
    const rec = (period_start: string, period_end: string) => ({
      period_start,
      period_end,
      count: 1,
      source_name: "",
      source_url: "",
      published: "",
      note: "",
      line: 1,
    });
    expect(isCalendarMonth(rec("2024-02-01", "2024-02-29"))).toBe(true);
    expect(isCalendarMonth(rec("2025-09-11", "2025-09-11"))).toBe(false);
    expect(isCalendarMonth(rec("2025-01-01", "2025-12-31"))).toBe(false);
  });
});
