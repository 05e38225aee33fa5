import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { ORIGIN as TEST_ORIGIN } from "../support/dist.ts";
import { useBrowser, waitForState, waitForTransitions } from "../support/story-page.ts";
import { labelProblems } from "./label-boxes.ts";

const browser = useBrowser();
const story = loadStory();
const steps = story.sections
  .filter((s) => s.chart)
  .flatMap((s) => s.steps.map((step) => ({ chart: s.chart!, id: step.id })));

const fontsReady = (page: import("playwright-core").Page) => page.evaluate(() => document.fonts.ready.then(() => true));

describe("chart labels: none overlaps another, covers a mark it does not describe, is clipped or under 12 px", () => {
  for (const viewport of [
    { width: 320, height: 640 },
    { width: 375, height: 740 },
    { width: 430, height: 900 },
    { width: 1280, height: 800 },
  ]) {
    it(`in the story at ${viewport.width} px, at every step`, async () => {
      const page = await browser().newPage({ viewport, reducedMotion: "reduce" });
      const found: string[] = [];
      for (const step of steps) {
        await page.goto(`${TEST_ORIGIN}/#${step.id}`);
        await waitForState(page, step.chart, step.id);
        await waitForTransitions(page, step.chart);
        await fontsReady(page);
        for (const p of await labelProblems(page, `figure[data-chart="${step.chart}"] svg[data-size]`))
          found.push(`${step.id}: ${p.label} ${p.kind} ${p.other}`);
      }
      expect(found).toEqual([]);
      await page.close();
    });
  }

  it("in the 330 px embed of every state", async () => {
    const page = await browser().newPage({ viewport: { width: 330, height: 800 } });
    const found: string[] = [];
    for (const step of steps) {
      await page.goto(`${TEST_ORIGIN}/embed/${step.chart}/${step.id}/`);
      await fontsReady(page);
      for (const p of await labelProblems(page)) found.push(`${step.id}: ${p.label} ${p.kind} ${p.other}`);
    }
    expect(found).toEqual([]);
    await page.close();
  });

  it("finds the collisions in a chart drawn to have them", async () => {
    const page = await browser().newPage({ viewport: { width: 400, height: 300 } });
    await page.setContent(`<svg class="chart-svg" viewBox="0 0 200 100" width="400" height="200" style="font: 14px sans-serif">
      <circle data-key="dot-x" cx="40" cy="40" r="8" fill="#1f6f8b"/>
      <text data-key="label-a" x="30" y="45">Covers the dot</text>
      <text data-key="label-b" x="60" y="48">Sits on the first</text>
      <text data-key="label-c" x="150" y="90">Runs off the edge</text>
      <circle data-key="dot-d" cx="40" cy="80" r="4" fill="#1f6f8b"/>
      <text data-key="label-d" x="42" y="85" data-for="dot-d">Beside its own dot</text>
      <text data-key="label-e" x="120" y="20" style="font-size: 5px">Too small</text>
    </svg>`);
    const problems = await labelProblems(page);
    expect(problems).toContainEqual({ kind: "overlaps mark", label: 'label-a "Covers the dot"', other: "dot-x" });
    expect(problems).toContainEqual({
      kind: "overlaps label",
      label: 'label-a "Covers the dot"',
      other: 'label-b "Sits on the first"',
    });
    expect(problems).toContainEqual({
      kind: "clipped",
      label: 'label-c "Runs off the edge"',
      other: "the chart's edge",
    });
    expect(problems).toContainEqual({ kind: "smaller than 12 px", label: 'label-e "Too small"', other: "10.0 px" });
    expect(problems.filter((p) => p.label.startsWith("label-d"))).toEqual([]);
    await page.close();
  });
});
