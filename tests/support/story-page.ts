import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";

/** One browser per test file, opened before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export const stateOf = (page: Page, chart: string): Promise<string | null> =>
  page.getAttribute(`figure[data-chart="${chart}"]`, "data-state");

export async function waitForState(page: Page, chart: string, id: string): Promise<void> {
  await page.waitForFunction(
    ([c, s]) => document.querySelector(`figure[data-chart="${c}"]`)?.getAttribute("data-state") === s,
    [chart, id],
    { timeout: 5000 },
  );
}

/** Scrolls so the step's top sits just above the page's trigger line, as a reader reaching it would. */
export async function scrollToStep(page: Page, id: string): Promise<void> {
  await page.evaluate((stepId) => {
    const step = document.getElementById(stepId)!;
    const trigger = window.innerHeight * (window.matchMedia("(max-width: 759px)").matches ? 0.8 : 0.55);
    window.scrollTo(0, window.scrollY + step.getBoundingClientRect().top - trigger + 10);
  }, id);
}
