import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { embedEntries } from "../../src/story/embeds.ts";
import { axeViolations } from "../support/axe.ts";
import { TEST_ORIGIN } from "../support/global-setup.ts";
import { useBrowser } from "../support/story-page.ts";

const browser = useBrowser();

const story = loadStory();
const steps = story.sections.flatMap((s) => s.steps.map((step) => ({ chart: s.chart!, id: step.id })));

describe("accessibility (axe-core, WCAG 2.2 A and AA)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`finds no violation on the story at any step state (${colorScheme} mode)`, async () => {
      const page = await browser().newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
      for (const step of steps) {
        await page.goto(`${TEST_ORIGIN}/#${step.id}`);
        await page.waitForFunction(
          ([c, s]) => document.querySelector(`figure[data-chart="${c}"]`)?.getAttribute("data-state") === s,
          [step.chart, step.id],
        );
        await page.waitForTimeout(700);
        expect(await axeViolations(page), step.id).toEqual([]);
      }
      await page.close();
    });
  }

  it("finds no violation on any embed page, nor on the gallery", async () => {
    const page = await browser().newPage({ viewport: { width: 660, height: 800 } });
    for (const path of [...embedEntries(story).map((e) => e.path), "/embed/prisoners/steps/", "/embed/"]) {
      await page.goto(`${TEST_ORIGIN}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.close();
  });
});
