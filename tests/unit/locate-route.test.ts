import { describe, expect, it } from "vitest";
import { locateRoute } from "../../scripts/lib/locate-route.ts";
import { loadStory } from "../../src/content/load.ts";
import { FIXTURE } from "../support/fixture.ts";

describe("a crash in the build names the content behind the page it was making", () => {
  const story = loadStory(FIXTURE);

  it("names the step's file and line for its images, embed page and oEmbed", () => {
    // The line where the step opens in the fixture: :::step{#fx-january …}
    const expected = "content/story/01-in-and-out.md:14 (step fx-january)";
    for (const route of [
      "/charts/prisoners/fx-january-card.png",
      "/charts/prisoners/fx-january-wide.svg",
      "/embed/prisoners/fx-january/",
      "/oembed/embed/prisoners/fx-january.json",
    ]) {
      expect(locateRoute(route, story), route).toBe(expected);
    }
  });

  it("names the chart's file, section or data file for the other pages", () => {
    expect(locateRoute("/embed/routes/", story)).toBe("content/charts/routes.md");
    expect(locateRoute("/embed/deals/steps/", story)).toBe("content/story/02-deals.md");
    expect(locateRoute("/data/held.csv", story)).toBe("content/data/held.csv");
    expect(locateRoute("/", story)).toBe("the story page, made from every file in content/");
  });
});
