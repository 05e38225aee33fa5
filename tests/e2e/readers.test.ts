import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../support/dist.ts";
import {
  figure,
  focusNextStep,
  frames,
  scrollyFigures,
  stateOf,
  useBrowser,
  waitForState,
} from "../support/story-page.ts";

const browser = useBrowser();

const scrolly = scrollyFigures();

describe("keyboard readers", () => {
  it("read every section from its first step to its last with the Next step button alone, focus staying on it", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(ORIGIN);
    for (const { chart, steps } of scrolly) {
      await page.evaluate((id) => {
        document.getElementById(id)!.scrollIntoView({ block: "start" });
      }, steps[0]!);
      await waitForState(page, chart, steps[0]!);
      const next = await focusNextStep(page, chart);
      for (const step of steps.slice(1)) {
        await page.keyboard.press("Enter");
        await waitForState(page, chart, step);
        expect(await page.evaluate(() => document.activeElement?.getAttribute("data-step-go"))).toBe("1");
      }
      expect(await next.getAttribute("aria-disabled")).toBe("true");
    }
    await page.close();
  });

  it("shows a visible focus outline on the step controls", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${ORIGIN}/#${scrolly[0]!.steps[1]!}`);
    await focusNextStep(page, scrolly[0]!.chart);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe("solid");
    await page.close();
  });
});

/**
 * Resizes the viewport as a phone's URL bar or a rotation does, and waits until the page has handled
 * it: the new size is in effect and two frames have been painted since (the scroller updates in the
 * next frame). The test never scrolls: putting the step back is the page's job.
 */
async function resize(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.waitForFunction(([w, h]) => window.innerWidth === w && window.innerHeight === h, [width, height]);
  await frames(page, 2);
}

/** Where a step's top sits, as a share of the viewport height. */
const stepTop = (page: Page, id: string): Promise<number> =>
  page.evaluate((stepId) => document.getElementById(stepId)!.getBoundingClientRect().top / window.innerHeight, id);

describe("mobile readers", () => {
  it("keep the active step, where they left it, when the URL bar hides and shows (360 x 740)", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const { chart, steps } = scrolly[0]!;
    const target = steps[3]!;
    await page.goto(`${ORIGIN}/#${target}`);
    await waitForState(page, chart, target);
    await frames(page, 2);
    const top = await stepTop(page, target);
    for (const height of [796, 740, 680, 740]) {
      await resize(page, 360, height);
      expect(await stateOf(page, chart), `at 360 x ${height}`).toBe(target);
      expect(await stepTop(page, target), `at 360 x ${height}`).toBeCloseTo(top, 1);
    }
    await page.close();
  });

  it("keep the active step on rotation, both ways", async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { chart, steps } = scrolly[1]!;
    const target = steps[2]!;
    await page.goto(`${ORIGIN}/#${target}`);
    await waitForState(page, chart, target);
    await frames(page, 2);
    await resize(page, 844, 390);
    expect(await stateOf(page, chart), "landscape").toBe(target);
    await resize(page, 390, 844);
    expect(await stateOf(page, chart), "portrait again").toBe(target);
    await page.close();
  });
});

describe("reduced motion as a reader's choice", () => {
  it("is remembered across reloads without a cookie", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(ORIGIN);
    const toggle = page.locator("[data-motion-toggle]");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    await page.reload();
    expect(await page.locator("[data-motion-toggle]").getAttribute("aria-pressed")).toBe("true");
    expect(await page.evaluate(() => document.documentElement.dataset.motion)).toBe("reduce");
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});

describe("readers without JavaScript", () => {
  it("get every step's text and its chart state as an image, and the charts inline", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(ORIGIN);
    for (const { chart, steps } of scrolly) {
      expect(await figure(page, chart).locator("svg[data-size=compact]").isVisible()).toBe(true);
      for (const step of steps) {
        const image = page.locator(`#${step} noscript + *, #${step} picture img`).first();
        await page.locator(`#${step}`).scrollIntoViewIfNeeded();
        expect(await page.locator(`#${step} .step-text`).isVisible()).toBe(true);
        expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      }
    }
    await context.close();
  });
});

describe("readers whose connection drops the charts' states", () => {
  it("get every step's chart state as an image, as without JavaScript, and no step buttons", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.route("**/states/**", (route) => route.abort("internetdisconnected"));
    await page.goto(ORIGIN);
    for (const { chart, steps } of scrolly) {
      const section = page.locator(`section:has(figure[data-chart="${chart}"])`);
      await section.and(page.locator("[data-states-unavailable]")).waitFor({ state: "attached" });
      expect(await figure(page, chart).locator("[data-step-nav]").isVisible()).toBe(false);
      for (const step of steps) {
        await page.locator(`#${step}`).scrollIntoViewIfNeeded();
        const image = page.locator(`#${step} picture img`);
        await image.evaluate((img: HTMLImageElement) => img.decode());
        expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
        expect(await image.getAttribute("src")).toBe(`/charts/${chart}/${step}-compact.svg`);
      }
    }
    await page.close();
  });
});

describe("print", () => {
  it("prints each chart's title, legend and source line, then every step once with its own chart state", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(ORIGIN);
    await page.emulateMedia({ media: "print" });
    for (const { chart, steps } of scrolly) {
      // The live chart gives way to each step's own; the chart's title, legend and source line stay.
      expect(await figure(page, chart).locator(".chart-frame").isVisible()).toBe(false);
      for (const part of [".chart-title", ".legend", ".chart-sourceline"])
        expect(await figure(page, chart).locator(part).isVisible(), part).toBe(true);
      for (const step of steps) {
        const image = page.locator(`#${step} img.step-print`);
        expect(await image.isVisible()).toBe(true);
        expect(await image.getAttribute("src")).toContain(`/charts/${chart}/${step}-wide.svg`);
      }
    }
    await page.close();
  });
});
