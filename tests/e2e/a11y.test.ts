import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { distFiles, ORIGIN, relativeToDist } from "../support/dist.ts";
import { storySteps, useBrowser, waitForState, waitForTransitions } from "../support/story-page.ts";

const browser = useBrowser();

const steps = storySteps();
/** Every embed page in the build, and the gallery, as site paths. */
const embedPages = distFiles()
  .map(relativeToDist)
  .filter((file) => /^embed\/(.+\/)?index\.html$/.test(file))
  .map((file) => `/${file.replace(/index\.html$/, "")}`)
  .sort();

describe("accessibility (axe-core, WCAG 2.2 A and AA)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`finds no violation on the story at any step state (${colorScheme} mode)`, async () => {
      const page = await browser().newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
      for (const step of steps) {
        await page.goto(`${ORIGIN}/#${step.id}`);
        await waitForState(page, step.chart, step.id);
        // Checked once the chart has arrived at the step: contrast is measured on the final marks.
        await waitForTransitions(page, step.chart);
        expect(await axeViolations(page), step.id).toEqual([]);
      }
      await page.close();
    });
  }

  it("finds no violation on any embed page, nor on the gallery", async () => {
    expect(embedPages).toContain("/embed/");
    expect(embedPages.length).toBeGreaterThan(steps.length);
    const page = await browser().newPage({ viewport: { width: 660, height: 800 } });
    for (const path of embedPages) {
      await page.goto(`${ORIGIN}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.close();
  });
});
