import { afterEach, describe, expect, it, vi } from "vitest";
import { chartIds, charts } from "../../src/charts/registry.ts";
import { ContentError } from "../../src/content/errors.ts";
import { checkStory } from "../../src/content/load.ts";
import { sizes } from "../../src/render/scene.ts";
import { FIXTURE } from "../support/fixture.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** What npm run check tells the editor about the fixture story, or "" when it passes. */
function refusal(): string {
  try {
    checkStory(FIXTURE);
    return "";
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
}

describe("npm run check lays out every chart state the build will draw", () => {
  it("lets a story whose every state can be drawn through", () => {
    // Every layout stubbed to succeed at once: what is checked is that success passes, not the charts.
    for (const id of chartIds)
      vi.spyOn(charts[id]!, "layout").mockImplementation((_data, _state, size) => ({ ...size, layers: [] }));
    expect(checkStory(FIXTURE).sections.map((s) => s.chart ?? s.figure ?? "text")).toContain("routes");
  });

  it("reports a state a chart cannot draw at the step that asks for it, not as a crash in the build", () => {
    const prisoners = charts.prisoners!;
    const layout = prisoners.layout.bind(prisoners);
    vi.spyOn(prisoners, "layout").mockImplementation((data, state, size) => {
      if (state.focus === "2025-01") throw new Error("no room for the label");
      return layout(data, state, size);
    });
    const message = refusal();
    // The first size it lays out, the compact one, is the first that fails.
    expect(message).toMatch(
      new RegExp(
        `^content/story/01-in-and-out\\.md:14: the prisoners chart cannot be drawn in this state at ${sizes.compact.width} px: no room for the label\\n {2}field: state\\n {2}value: "fx-january"\\n {2}fix: {3}The content passed every other check, so this is a fault in the chart's code`,
      ),
    );
  });

  it("reports a chart whose default state cannot be drawn at the chart's own file", () => {
    const failOnce = vi.fn<() => never>().mockImplementationOnce(() => {
      throw new Error("no room");
    });
    for (const id of chartIds) {
      const chart = charts[id]!;
      const layout = chart.layout.bind(chart);
      vi.spyOn(chart, "layout").mockImplementation((data, state, size) =>
        failOnce.mock.calls.length === 0 ? failOnce() : layout(data, state, size),
      );
    }
    const message = refusal();
    // Default states are drawn first, so the first layout is one chart's default.
    expect(message).toMatch(
      /^content\/charts\/([a-z]+)\.md: the \1 chart cannot be drawn in this state at \d+ px: no room\n {2}field: default state\n/,
    );
  });
});
