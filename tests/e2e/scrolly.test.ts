import { parseHTML } from "linkedom";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chartMotion } from "../../src/scrolly/chart-motion.ts";
import { ORIGIN, readDist } from "../support/dist.ts";
import {
  figure,
  scrollyFigures,
  scrollToStep,
  stateOf,
  storySteps,
  useBrowser,
  waitForState,
  waitForTransitions,
} from "../support/story-page.ts";

const browser = useBrowser();

const steps = storySteps();
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
      expect(await stateOf(page, last.chart)).not.toBe(last.id);
      await page.evaluate(() => {
        window.scrollTo(0, document.body.scrollHeight);
      });
      await waitForState(page, last.chart, last.id);
      await page.close();
    });
  });
}

/** Attributes that place a mark; a change in one of them is a move a reader can see. */
const PLACE = ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "r"];

interface Move {
  chart: string;
  from: string;
  to: string;
  key: string;
  attribute: string;
  before: number;
  after: number;
}

/**
 * A visible mark that moves at least 20 units between two consecutive steps, found in the built
 * chart files, in a chart drawn by render()'s keyed transition (charts with a motion of their own,
 * the door, are tested in their own file).
 */
function findMove(): Move {
  const marks = (chart: string, step: string): Map<string, Element> =>
    new Map(
      [...parseHTML(readDist(`charts/${chart}/${step}-wide.svg`)).document.querySelectorAll("[data-key]")].map((m) => [
        m.getAttribute("data-key")!,
        m,
      ]),
    );
  const visible = (m: Element): boolean => m.getAttribute("opacity") !== "0";
  for (const { chart, steps: ids } of scrollyFigures().filter((f) => !(f.chart in chartMotion))) {
    for (let i = 1; i < ids.length; i++) {
      const [from, to] = [ids[i - 1]!, ids[i]!];
      const before = marks(chart, from);
      for (const [key, mark] of marks(chart, to)) {
        const old = before.get(key);
        if (!old || !visible(old) || !visible(mark)) continue;
        for (const attribute of PLACE) {
          const [a, b] = [Number(old.getAttribute(attribute)), Number(mark.getAttribute(attribute))];
          if (old.hasAttribute(attribute) && mark.hasAttribute(attribute) && Math.abs(b - a) >= 20)
            return { chart, from, to, key, attribute, before: a, after: b };
        }
      }
    }
  }
  throw new Error("no mark moves between two consecutive steps of any chart: nothing to test motion with");
}

/**
 * Goes to the move's first step and lets it settle, then scrolls to its second step, recording the
 * mark's attribute in every frame from the state change until the mark arrives (or 120 frames).
 */
async function framesOfMove(page: Page, move: Move): Promise<number[]> {
  await page.goto(`${ORIGIN}/#${move.from}`);
  await waitForState(page, move.chart, move.from);
  await waitForTransitions(page, move.chart);
  const mark = `figure[data-chart="${move.chart}"] svg[data-size="wide"] [data-key="${move.key}"]`;
  expect(await figure(page, move.chart).locator('svg[data-size="wide"]').isVisible()).toBe(true);
  expect(Number(await page.locator(mark).getAttribute(move.attribute))).toBeCloseTo(move.before, 0);
  await page.evaluate(
    ({ chart, to, selector, attribute, after }) => {
      const w = window as unknown as { __frames?: number[] };
      const fig = document.querySelector(`figure[data-chart="${chart}"]`)!;
      new MutationObserver((_, observer) => {
        if (fig.getAttribute("data-state") !== to) return;
        observer.disconnect();
        const frames: number[] = [];
        const sample = (): void => {
          const value = Number(document.querySelector(selector)?.getAttribute(attribute));
          frames.push(value);
          if (Math.abs(value - after) < 0.5 || frames.length >= 120) w.__frames = frames;
          else requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      }).observe(fig, { attributes: true, attributeFilter: ["data-state"] });
    },
    { chart: move.chart, to: move.to, selector: mark, attribute: move.attribute, after: move.after },
  );
  await scrollToStep(page, move.to);
  await page.waitForFunction(() => (window as unknown as { __frames?: number[] }).__frames !== undefined);
  return page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
}

describe("motion between two states", () => {
  const move = findMove();
  const name = `${move.chart} ${move.key}.${move.attribute}, ${move.from} → ${move.to}`;

  it(`with reduced motion, a moving mark is at its final place in the first frame (${name})`, async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const frames = await framesOfMove(page, move);
    expect(frames[0]).toBeCloseTo(move.after, 0);
    await page.close();
  });

  it(`otherwise, the same mark is on its way in the first frame and passes mid-way (${name})`, async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: "no-preference" });
    const frames = await framesOfMove(page, move);
    const distance = Math.abs(move.after - move.before);
    const progress = frames.map((value) => (value - move.before) / (move.after - move.before));
    expect(Math.abs(frames[0]! - move.after), `first frame ${frames[0]}`).toBeGreaterThan(distance / 10);
    expect(
      progress.some((p) => p > 0.25 && p < 0.75),
      `progress per frame: ${progress.map((p) => p.toFixed(2)).join(" ")}`,
    ).toBe(true);
    expect(frames.at(-1)).toBeCloseTo(move.after, 0);
    await page.close();
  });
});

describe("the figure's text alternative", () => {
  it("follows the step: the SVG description and the caption both change to the new step's text", async () => {
    const { chart, steps: ids } = scrollyFigures()[0]!;
    const alt = (step: string): string =>
      parseHTML(readDist(`charts/${chart}/${step}-wide.svg`)).document.querySelector("desc")!.textContent;
    const [first, second] = [ids[0]!, ids[1]!];
    expect(alt(second)).not.toBe(alt(first));
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${ORIGIN}/#${first}`);
    await waitForState(page, chart, first);
    const fig = figure(page, chart);
    expect(await fig.locator('svg[data-size="wide"] desc').textContent()).toBe(alt(first));
    await scrollToStep(page, second);
    await waitForState(page, chart, second);
    expect(await fig.locator('svg[data-size="wide"] desc').textContent()).toBe(alt(second));
    expect(await fig.locator("[data-alt]").textContent()).toBe(alt(second));
    await page.close();
  });
});
