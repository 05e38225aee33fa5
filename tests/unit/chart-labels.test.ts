import { describe, expect, it } from "vitest";
import { prisonersChart } from "../../src/charts/prisoners/index.ts";
import { axisPeriods } from "../../src/charts/prisoners/axis.ts";
import { periodKey } from "../../src/data/periods.ts";
import { sizes } from "../../src/render/scene.ts";
import { fixtureDataset } from "../support/dataset.ts";
import { textProblems } from "../support/text-boxes.ts";

// Every state a step could ask of a chart, not only those the fixture's steps use: the labels of
// each stay inside the chart and clear of each other, measured with the story's typeface.
const data = fixtureDataset();

describe("the prisoners chart's labels, in every state a step can ask for", () => {
  const periods = axisPeriods(data).map((p) => periodKey([p.start, p.end]));
  const spans = periods.flatMap((a, i) => periods.slice(i).map((b) => `${a.split("..")[0]}..${b.split("..").at(-1)}`));
  const focuses = ["none", "latest", ...spans];
  const helds = ["none", "peak,latest", ...data.held.map((h) => h.date)];

  it.each(Object.entries(sizes))("at the %s size", (_, size) => {
    const problems: string[] = [];
    for (const focus of focuses)
      for (const held of helds) {
        const state = prisonersChart.state.parse({ focus, held });
        if (prisonersChart.check(state, data).length > 0) continue;
        for (const p of textProblems(prisonersChart.layout(data, state, size)))
          problems.push(`${focus} / ${held}: ${p}`);
      }
    expect(problems).toEqual([]);
    expect(focuses.length * helds.length).toBeGreaterThan(20);
  });
});
