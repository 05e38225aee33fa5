import { describe, expect, it } from "vitest";
import { charts } from "../../src/charts/registry.ts";
import { loadStory } from "../../src/content/load.ts";
import { chartStates, scenesFor } from "../../src/story/figure-model.ts";
import { FIXTURE } from "../support/fixture.ts";

/**
 * The words each chart writes for the fixture story, compared with committed files as the chart
 * states are: the text alternative it drafts for every step (offered to an editor whose step has
 * none), the legend entries each step draws, and its data tables as a reader of the page reads them.
 * A changed file means a change in how charts word their data: review the diff; if it is meant, run
 * `npx vitest run --project snapshots -u` and commit the new files.
 */
const chartIds = [...new Set(chartStates(loadStory(FIXTURE)).map((s) => s.chart))];

function words(chart: string): string {
  const story = loadStory(FIXTURE);
  const module = charts[chart]!;
  const drafts = chartStates(story)
    .filter((s) => s.chart === chart)
    .map((s) => {
      // The legend entries the state draws, at each size (the legend under the chart shows only these).
      const legends = Object.entries(scenesFor(story, chart, s.state)).map(
        ([size, scene]) => `Legend (${size}): ${scene.legend?.join(", ") ?? "every entry"}`,
      );
      return `## ${s.step}\n\n${module.draftAlt(story.data, s.state)}\n\n${legends.join("\n")}\n`;
    });
  const tables = module.table(story.data).map((t) => {
    const row = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
    return [`## Table: ${t.caption}`, "", row(t.columns), row(t.columns.map(() => "---")), ...t.rows.map(row), ""].join(
      "\n",
    );
  });
  return [`# ${chart}`, "", ...drafts, ...tables].join("\n");
}

describe("every chart's drafted text alternatives and data tables for the fixture match the committed words", () => {
  for (const chart of chartIds) {
    it(chart, async () => {
      await expect(words(chart)).toMatchFileSnapshot(`./__words__/${chart}.md`);
    });
  }
});
