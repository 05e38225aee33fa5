import { describe, expect, it } from "vitest";
import { locateRoute } from "../../scripts/lib/locate-route.ts";
import { loadStory } from "../../src/content/load.ts";

describe("a crash in the build names the content behind the page it was making", () => {
  const story = loadStory();
  const sep16 = story.sections
    .flatMap((s) => s.steps.map((step) => ({ file: s.file, ...step })))
    .find((s) => s.id === "sep-16")!;

  it("names the step's file and line for its images, embed page and oEmbed", () => {
    const expected = `${sep16.file}:${sep16.line} (step sep-16)`;
    for (const route of [
      "/charts/prisoners/sep-16-card.png",
      "/charts/prisoners/sep-16-wide.svg",
      "/embed/prisoners/sep-16/",
      "/oembed/embed/prisoners/sep-16.json",
    ]) {
      expect(locateRoute(route, story), route).toBe(expected);
    }
  });

  it("names the chart's file, section or data file for the other pages", () => {
    expect(locateRoute("/embed/routes/", story)).toBe("content/charts/routes.md");
    expect(locateRoute("/embed/deals/steps/", story)).toBe("content/story/02-the-deals.md");
    expect(locateRoute("/data/held.csv", story)).toBe("content/data/held.csv");
    expect(locateRoute("/", story)).toBe("the story page, made from every file in content/");
  });
});
