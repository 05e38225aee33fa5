import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { TEST_ORIGIN } from "../support/global-setup.ts";
import { useBrowser, stateOf, waitForState } from "../support/story-page.ts";

const browser = useBrowser();

const story = loadStory();
const scrolly = story.sections.filter((s) => s.chart);

describe("keyboard readers", () => {
  it("read every section from its first step to its last with the Next step button alone, focus staying on it", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(TEST_ORIGIN);
    for (const section of scrolly) {
      const chart = section.chart!;
      const next = page.locator(`figure[data-chart="${chart}"] [data-step-go="1"]`);
      await page.locator(`#${section.steps[0]!.id}`).scrollIntoViewIfNeeded();
      await page.evaluate((id) => {
        document.getElementById(id)!.scrollIntoView({ block: "start" });
      }, section.steps[0]!.id);
      await waitForState(page, chart, section.steps[0]!.id);
      await next.focus();
      for (const step of section.steps.slice(1)) {
        await page.keyboard.press("Enter");
        await waitForState(page, chart, step.id);
        expect(await page.evaluate(() => document.activeElement?.getAttribute("data-step-go"))).toBe("1");
      }
      expect(await next.getAttribute("aria-disabled")).toBe("true");
    }
    await page.close();
  });

  it("shows a visible focus outline on the step controls", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${TEST_ORIGIN}/#${scrolly[0]!.steps[1]!.id}`);
    await page.locator(`figure[data-chart="${scrolly[0]!.chart!}"] [data-step-go="1"]`).focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe("solid");
    await page.close();
  });
});

describe("mobile readers", () => {
  it("keep the active step when the URL bar hides and shows (360 x 740)", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const target = scrolly[0]!.steps[3]!;
    await page.goto(`${TEST_ORIGIN}/#${target.id}`);
    await waitForState(page, scrolly[0]!.chart!, target.id);
    for (const height of [796, 740, 680, 740]) {
      await page.setViewportSize({ width: 360, height });
      await page.waitForTimeout(250);
      expect(await stateOf(page, scrolly[0]!.chart!)).toBe(target.id);
    }
    await page.close();
  });

  it("keep the active step on rotation", async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const target = scrolly[1]!.steps[2]!;
    await page.goto(`${TEST_ORIGIN}/#${target.id}`);
    await waitForState(page, scrolly[1]!.chart!, target.id);
    await page.setViewportSize({ width: 844, height: 390 });
    await page.evaluate((id) => {
      document.getElementById(id)!.scrollIntoView({ block: "start" });
    }, target.id);
    await page.waitForTimeout(300);
    expect(await stateOf(page, scrolly[1]!.chart!)).toBe(target.id);
    await page.close();
  });
});

describe("reduced motion as a reader's choice", () => {
  it("is remembered across reloads without a cookie", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(TEST_ORIGIN);
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
    await page.goto(TEST_ORIGIN);
    for (const section of scrolly) {
      expect(await page.locator(`figure[data-chart="${section.chart!}"] svg[data-size=compact]`).isVisible()).toBe(
        true,
      );
      for (const step of section.steps) {
        const image = page.locator(`#${step.id} noscript + *, #${step.id} picture img`).first();
        await page.locator(`#${step.id}`).scrollIntoViewIfNeeded();
        expect(await page.locator(`#${step.id} .step-text`).isVisible()).toBe(true);
        expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      }
    }
    await context.close();
  });
});

describe("print", () => {
  it("prints each chart's title, legend and source line, then every step once with its own chart state", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(TEST_ORIGIN);
    await page.emulateMedia({ media: "print" });
    for (const section of scrolly) {
      // The live chart gives way to each step's own; the chart's title, legend and source line stay.
      const figure = page.locator(`figure[data-chart="${section.chart!}"]`);
      expect(await figure.locator(".chart-frame").isVisible()).toBe(false);
      for (const part of [".chart-title", ".legend", ".chart-sourceline"])
        expect(await figure.locator(part).isVisible(), part).toBe(true);
      for (const step of section.steps) {
        const image = page.locator(`#${step.id} img.step-print`);
        expect(await image.isVisible()).toBe(true);
        expect(await image.getAttribute("src")).toContain(`/charts/${section.chart!}/${step.id}-wide.svg`);
      }
    }
    await page.close();
  });
});
