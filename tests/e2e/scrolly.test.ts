import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { TEST_ORIGIN as ORIGIN } from "../support/global-setup.ts";
import { useBrowser, stateOf, waitForState, scrollToStep } from "../support/story-page.ts";

const browser = useBrowser();

const steps = loadStory().sections.flatMap((s) => s.steps.map((step) => ({ chart: s.chart!, id: step.id })));
const widths = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

for (const viewport of widths) {
  describe(`scrolling at ${viewport.width}px`, () => {
    it("sets data-state to each step as the reader scrolls down, and back up", async () => {
      const page = await browser().newPage({ viewport });
      await page.goto(ORIGIN);
      for (const step of steps) {
        await scrollToStep(page, step.id);
        await waitForState(page, step.chart, step.id);
      }
      for (const step of [...steps].reverse()) {
        await scrollToStep(page, step.id);
        await waitForState(page, step.chart, step.id);
      }
      await page.close();
    });

    it("opens a deep link /#<step-id> at that step's state", async () => {
      const page = await browser().newPage({ viewport });
      const target = steps[2]!;
      await page.goto(`${ORIGIN}/#${target.id}`);
      await waitForState(page, target.chart, target.id);
      await page.close();
    });

    it("restores the right state after a reload mid-story", async () => {
      const page = await browser().newPage({ viewport });
      const target = steps[3]!;
      await page.goto(ORIGIN);
      await scrollToStep(page, target.id);
      await waitForState(page, target.chart, target.id);
      await page.reload();
      await waitForState(page, target.chart, target.id);
      await page.close();
    });

    it("lands on the last step after a fast scroll to the end", async () => {
      const page = await browser().newPage({ viewport });
      await page.goto(ORIGIN);
      const last = steps.at(-1)!;
      await page.evaluate(() => {
        window.scrollTo(0, document.body.scrollHeight);
      });
      await page.waitForTimeout(300);
      expect(await stateOf(page, last.chart)).toBe(last.id);
      await page.close();
    });
  });
}

describe("reduced motion", () => {
  it("changes state with no transition: marks are at their final place in the next frame", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const target = steps.find((s) => s.id === "sep-11")!;
    const expected = await (await page.request.get(`${ORIGIN}/charts/${target.chart}/${target.id}-wide.svg`)).text();
    const finalX = /<line[^>]*data-key="hl-rule"[^>]*>/.exec(expected)?.[0].match(/x1="([\d.]+)"/)?.[1];
    await page.goto(ORIGIN);
    await scrollToStep(page, target.id);
    await waitForState(page, target.chart, target.id);
    const x1 = await page.evaluate(() =>
      document.querySelector('svg[data-size=wide] [data-key="hl-rule"]')?.getAttribute("x1"),
    );
    expect(x1).toBe(finalX);
    await page.close();
  });

  it("animates for other readers (the same check fails mid-transition)", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const from = steps.find((s) => s.id === "releases-2025")!;
    const target = steps.find((s) => s.id === "sep-11")!;
    await page.goto(`${ORIGIN}/#${from.id}`);
    await waitForState(page, from.chart, from.id);
    const before = await page.evaluate(() =>
      document.querySelector('svg[data-size=wide] [data-key="hl-rule"]')?.getAttribute("x1"),
    );
    await scrollToStep(page, target.id);
    await waitForState(page, target.chart, target.id);
    const during = await page.evaluate(() =>
      document.querySelector('svg[data-size=wide] [data-key="hl-rule"]')?.getAttribute("x1"),
    );
    const expected = await (await page.request.get(`${ORIGIN}/charts/${target.chart}/${target.id}-wide.svg`)).text();
    const finalX = /<line[^>]*data-key="hl-rule"[^>]*>/.exec(expected)?.[0].match(/x1="([\d.]+)"/)?.[1];
    expect(during === before || during !== finalX).toBe(true);
    await page.close();
  });
});
