import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { distDocument } from "./dist.ts";

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

export interface ScrollyFigure {
  chart: string;
  steps: string[];
}

/**
 * The scroll-driven figures of the built story and their step ids, in page order, read from the
 * page a reader gets (not from our loader), so these tests follow whatever content was built.
 */
export function scrollyFigures(): ScrollyFigure[] {
  return [...distDocument("index.html").querySelectorAll("[data-scrolly]")].map((section) => ({
    chart: section.querySelector("figure[data-chart]")!.getAttribute("data-chart")!,
    steps: [...section.querySelectorAll("[data-step]")].map((step) => step.getAttribute("data-step")!),
  }));
}

/** Every step of the story, in reading order, with the chart it drives. */
export const storySteps = (): { chart: string; id: string }[] =>
  scrollyFigures().flatMap(({ chart, steps }) => steps.map((id) => ({ chart, id })));

/** The figure of one chart; every selector of a test about that chart starts here. */
export const figure = (page: Page, chart: string): Locator => page.locator(`figure[data-chart="${chart}"]`);

/**
 * A chart's Next step button, focused. It waits until its section has started: until the section's
 * states arrive the buttons are hidden (visibility: hidden), and a hidden button takes no focus, so a
 * key pressed then would go nowhere. Reached this way, the first state is already shown server-side.
 */
export async function focusNextStep(page: Page, chart: string): Promise<Locator> {
  const next = figure(page, chart).locator('[data-step-go="1"]');
  await next.waitFor({ state: "visible" });
  await next.focus();
  return next;
}

export const stateOf = (page: Page, chart: string): Promise<string | null> =>
  figure(page, chart).getAttribute("data-state");

export async function waitForState(page: Page, chart: string, id: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([c, s]) => document.querySelector(`figure[data-chart="${c}"]`)?.getAttribute("data-state") === s,
      [chart, id],
      { timeout: 5000 },
    );
  } catch (error) {
    // Say which chart and step, and where it stopped instead, and where the page was.
    const [shown, y] = await Promise.all([stateOf(page, chart), page.evaluate(() => Math.round(scrollY))]);
    throw new Error(`the ${chart} chart did not reach ${id} in 5 s: it shows ${shown}, the page at ${y} px`, {
      cause: error,
    });
  }
}

/**
 * Scrolls a step to where the page itself puts it for a deep link (its scroll-margin), as a reader
 * following the story would reach it; the test does not need to know where the trigger line is.
 */
export async function scrollToStep(page: Page, id: string): Promise<void> {
  await page.evaluate((stepId) => {
    document.getElementById(stepId)!.scrollIntoView({ block: "start", behavior: "instant" });
  }, id);
}

/** Resolves after the page has painted `count` more frames: the page has handled what came before. */
export async function frames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const tick = (left: number): void => {
          if (left === 0) resolve();
          else
            requestAnimationFrame(() => {
              tick(left - 1);
            });
        };
        tick(n);
      }),
    count,
  );
}

/** Waits until no mark in the chart (leaving ones included) has a transition scheduled or running (d3 keeps them on `__transition`). */
export async function waitForTransitions(page: Page, chart: string): Promise<void> {
  // render()'s keyed transitions mark their nodes; a chart with a motion of its own (the door)
  // marks its SVG with data-motion until the motion ends.
  await page.waitForFunction(
    (c) =>
      !document.querySelector(`figure[data-chart="${c}"] svg[data-motion]`) &&
      ![...document.querySelectorAll(`figure[data-chart="${c}"] svg g[data-layer] > *`)].some(
        (node) => (node as unknown as { __transition?: unknown }).__transition,
      ),
    chart,
    { timeout: 10_000 },
  );
}
