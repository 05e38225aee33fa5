import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { FADE_MS, FLOW_MS } from "../../src/charts/door/plan.ts";
import { loadStory } from "../../src/content/load.ts";
import { ORIGIN as TEST_ORIGIN } from "../support/dist.ts";
import { scrollToStep, useBrowser, waitForState } from "../support/story-page.ts";

const browser = useBrowser();
const { data, sections } = loadStory();
const steps = sections.find((s) => s.chart === "door")!.steps;
const countAt = (at: unknown): number => (data.held.find((r) => r.date === at) ?? data.held.at(-1)!).count;

/** The dots of the people counted that the door's visible SVG draws, counted in the page. */
const fieldDots = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const svg = [...document.querySelectorAll('figure[data-chart="door"] svg[data-size]')].find(
      (s) => s.getBoundingClientRect().width > 0,
    )!;
    return [...svg.querySelectorAll("[data-role=held],[data-role=new],[data-role=net]")].reduce(
      (n, p) => n + (p.getAttribute("d")?.match(/h0/g)?.length ?? 0),
      0,
    );
  });

/** Waits for the door to be still: from a step change to the end of its motion, its SVG carries data-motion. */
const motionOver = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => !document.querySelector('figure[data-chart="door"] svg[data-motion]'), undefined, {
    timeout: 10_000,
  });

for (const viewport of [
  { width: 375, height: 740 },
  { width: 1280, height: 800 },
]) {
  describe(`the door at ${viewport.width}px`, () => {
    it("opens the story, its inline SVG holding one dot per person in the first step's count", async () => {
      const page = await browser().newPage({ viewport });
      await page.goto(TEST_ORIGIN);
      const first = await page.evaluate(() => document.querySelector("figure[data-chart]")?.getAttribute("data-chart"));
      expect(first).toBe("door");
      await waitForState(page, "door", steps[0]!.id);
      expect(await fieldDots(page)).toBe(countAt(steps[0]!.state.at));
      await page.close();
    });

    it("sets data-state at each step as the reader scrolls, and ends each motion on that step's count", async () => {
      const page = await browser().newPage({ viewport });
      await page.goto(TEST_ORIGIN);
      for (const step of steps) {
        await scrollToStep(page, step.id);
        await waitForState(page, "door", step.id);
        await motionOver(page);
        expect(await fieldDots(page), step.id).toBe(countAt(step.state.at));
      }
      await page.close();
    });
  });
}

describe("the door's motion", () => {
  it("draws the moving dots on a canvas over the SVG, and clears it when they have arrived", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${TEST_ORIGIN}/#${steps[3]!.id}`);
    await waitForState(page, "door", steps[3]!.id);
    await motionOver(page);
    await scrollToStep(page, steps[4]!.id);
    await page.waitForSelector('figure[data-chart="door"] svg.door-moving');
    expect(await page.locator("canvas.door-canvas").getAttribute("aria-hidden")).toBe("true");
    const inked = (): Promise<number> =>
      page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>("canvas.door-canvas")!;
        const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
        return count;
      });
    expect(await inked()).toBeGreaterThan(0);
    await motionOver(page);
    expect(await inked()).toBe(0);
    await page.close();
  });

  it("takes each leaving dot off its slot as it sets off: once all have gone through the door, the field holds none of the held colour", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${TEST_ORIGIN}/#${steps[3]!.id}`);
    await waitForState(page, "door", steps[3]!.id);
    await motionOver(page);
    // Counts, at a moment of the motion's own clock, the canvas's pixels of the held colour inside the field.
    const heldInField = page.evaluate((at) => {
      const count = (svg: SVGSVGElement): number => {
        const canvas = document.querySelector<HTMLCanvasElement>("canvas.door-canvas")!;
        const scale = canvas.width / svg.viewBox.baseVal.width;
        const field = svg.querySelector<SVGRectElement>(".door-inside")!;
        const [x, y, w, h] = ["x", "y", "width", "height"].map((a) => Number(field.getAttribute(a)) * scale);
        const [r, g, b] = getComputedStyle(svg.querySelector(".door-dots--held")!).stroke.match(/\d+/g)!.map(Number);
        const pixels = canvas.getContext("2d")!.getImageData(x!, y!, w!, h!).data;
        let n = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          const near = Math.abs(pixels[i]! - r!) + Math.abs(pixels[i + 1]! - g!) + Math.abs(pixels[i + 2]! - b!) < 60;
          if (near && pixels[i + 3]! > 200) n++;
        }
        return n;
      };
      return new Promise<{ waiting: number; gone: number; moving: boolean }>((resolve) => {
        new MutationObserver((_, observer) => {
          const svg = document.querySelector<SVGSVGElement>('figure[data-chart="door"] svg.door-moving');
          if (!svg) return;
          observer.disconnect();
          const began = performance.now();
          const waiting = count(svg);
          const later = (): void => {
            if (performance.now() - began < at) requestAnimationFrame(later);
            else resolve({ waiting, gone: count(svg), moving: svg.dataset.motion === "animate" });
          };
          requestAnimationFrame(later);
        }).observe(document.querySelector('figure[data-chart="door"]')!, { subtree: true, attributeFilter: ["class"] });
      });
      // Every leaver has set off by 60 % of the flows and passed the door a quarter of their trip later.
    }, 0.8 * FLOW_MS);
    await scrollToStep(page, steps[4]!.id);
    const { waiting, gone, moving } = await heldInField;
    // In the motion's first frame the leavers wait on their slots, drawn on the canvas.
    expect(waiting).toBeGreaterThan(0);
    expect(moving).toBe(true);
    expect(gone).toBe(0);
    await page.close();
  });

  it("cross-fades for readers who reduce motion, in a fraction of the time the flows take", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    await page.goto(`${TEST_ORIGIN}/#${steps[3]!.id}`);
    await waitForState(page, "door", steps[3]!.id);
    await motionOver(page);
    await page.evaluate(() => {
      const w = window as unknown as { __moving: number[] };
      w.__moving = [];
      const svg = [...document.querySelectorAll('figure[data-chart="door"] svg')].find(
        (s) => s.getBoundingClientRect().width > 0,
      )!;
      new MutationObserver(() => w.__moving.push(performance.now())).observe(svg, {
        attributeFilter: ["data-motion"],
      });
    });
    await scrollToStep(page, steps[4]!.id);
    await waitForState(page, "door", steps[4]!.id);
    await page.waitForFunction(() => (window as unknown as { __moving: number[] }).__moving.length >= 2);
    const [on, off] = await page.evaluate(() => (window as unknown as { __moving: number[] }).__moving);
    expect(off! - on!).toBeLessThan((FADE_MS + FLOW_MS) / 2);
    expect(await fieldDots(page)).toBe(countAt(steps[4]!.state.at));
    await page.close();
  });
});
