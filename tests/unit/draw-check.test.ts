import { afterEach, describe, expect, it, vi } from "vitest";
import { charts } from "../../src/charts/registry.ts";
import { ContentError } from "../../src/content/errors.ts";
import { checkStory } from "../../src/content/load.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("npm run check lays out every chart state the build will draw", () => {
  it("reports a state a chart cannot draw at the step that asks for it, not as a crash in the build", () => {
    const prisoners = charts.prisoners!;
    const layout = prisoners.layout.bind(prisoners);
    vi.spyOn(prisoners, "layout").mockImplementation((data, state, size) => {
      if (state.highlight === "2025-09-16-pardon-25") throw new Error("no room for the label");
      return layout(data, state, size);
    });
    let message = "";
    try {
      checkStory();
    } catch (error) {
      if (error instanceof ContentError) message = error.message;
    }
    expect(message).toMatch(
      /^content\/story\/01-the-count\.md:30: the prisoners chart cannot be drawn in this state at 360 px: no room for the label\n {2}field: state\n {2}value: "sep-16"\n {2}fix: {3}The content passed every other check, so this is a fault in the chart's code/,
    );
  });
});
