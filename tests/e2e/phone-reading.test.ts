import { describe, expect, it } from "vitest";
import { charts } from "../../src/charts/registry.ts";
import { loadStory } from "../../src/content/load.ts";
import { scenesFor } from "../../src/story/figure-model.ts";
import { ORIGIN as TEST_ORIGIN } from "../support/dist.ts";
import { focusNextStep, useBrowser, waitForState } from "../support/story-page.ts";

const browser = useBrowser();
const story = loadStory();
const sections = story.sections.filter((s) => s.chart);

describe("on a phone (375 px)", () => {
  it("never covers the focused Next step button with the step card it scrolls into place", async () => {
    const page = await browser().newPage({ viewport: { width: 375, height: 740 }, reducedMotion: "reduce" });
    await page.goto(TEST_ORIGIN);
    const covered: string[] = [];
    for (const section of sections) {
      const chart = section.chart!;
      await page.goto(`${TEST_ORIGIN}/#${section.steps[0]!.id}`);
      await waitForState(page, chart, section.steps[0]!.id);
      await focusNextStep(page, chart);
      for (const step of section.steps.slice(1)) {
        await page.keyboard.press("Enter");
        await waitForState(page, chart, step.id);
        const hit = await page.evaluate(() => {
          const button = document.activeElement!;
          const r = button.getBoundingClientRect();
          const points = [
            [r.left + 2, r.top + 2],
            [r.right - 2, r.top + 2],
            [r.left + 2, r.bottom - 2],
            [r.right - 2, r.bottom - 2],
            [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
          ];
          return points.every(([x, y]) => {
            const top = document.elementFromPoint(x!, y!);
            return top !== null && (top === button || button.contains(top));
          });
        });
        if (!hit) covered.push(step.id);
      }
    }
    expect(covered).toEqual([]);
    await page.close();
  });

  it("shows in the legend only what the step draws, and keeps the chart still when that changes", async () => {
    // Two adjacent steps of one chart whose states draw different legend entries.
    const drawn = (chart: string, state: Record<string, unknown>): string[] | undefined =>
      scenesFor(story, chart, state).compact.legend;
    const pair = sections
      .flatMap((s) => s.steps.slice(1).map((step, i) => ({ chart: s.chart!, a: s.steps[i]!, b: step })))
      .find(({ chart, a, b }) => String(drawn(chart, a.state)) !== String(drawn(chart, b.state)));
    expect(pair, "no two adjacent steps draw different legend entries").toBeDefined();
    const { chart, a, b } = pair!;
    const page = await browser().newPage({ viewport: { width: 375, height: 740 }, reducedMotion: "reduce" });
    const legend = () =>
      page.$$eval(`figure[data-chart="${chart}"] [data-legend-entry]`, (items) =>
        items
          .filter((li) => li.checkVisibility({ visibilityProperty: true }))
          .map((li) => li.getAttribute("data-legend-entry")),
      );
    const inLegendOrder = (ids: string[] | undefined): string[] =>
      charts[chart]!.legend.map((e) => e.swatch).filter((id) => ids?.includes(id));
    // The chart's place within its figure: the legend above it must not push it down.
    const chartTop = () =>
      page.$eval(
        `figure[data-chart="${chart}"]`,
        (figure) =>
          figure.querySelector(".chart-frame")!.getBoundingClientRect().top - figure.getBoundingClientRect().top,
      );
    await page.goto(`${TEST_ORIGIN}/#${a.id}`);
    await waitForState(page, chart, a.id);
    expect(await legend()).toEqual(inLegendOrder(drawn(chart, a.state)));
    const top = await chartTop();
    await page.evaluate((id) => {
      document.getElementById(id)!.scrollIntoView({ block: "start" });
    }, b.id);
    await waitForState(page, chart, b.id);
    expect(await legend()).toEqual(inLegendOrder(drawn(chart, b.state)));
    expect(await chartTop()).toBe(top);
    await page.close();
  });

  it("keeps an open data table inside its own box: the page never scrolls sideways", async () => {
    const page = await browser().newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(TEST_ORIGIN);
    await page.evaluate(() => {
      for (const details of document.querySelectorAll("details.data-tables")) details.setAttribute("open", "");
    });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll(".data-tables table")].map((t) => t.getBoundingClientRect().width),
    }));
    expect(widths.page).toBeLessThanOrEqual(375);
    expect(widths.tables.length).toBeGreaterThan(0);
    await page.close();
  });
});
