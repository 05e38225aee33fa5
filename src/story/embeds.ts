import { charts } from "../charts/registry.ts";
import type { Story } from "../content/load.ts";
export { ALL_STEPS } from "../content/story.ts";
import { chartStates } from "./figure-model.ts";

/** One embeddable chart state: the chart's default, or one step's. */
export interface EmbedEntry {
  chart: string;
  /** The step id, or undefined for the chart's default state. */
  step: string | undefined;
  /** Site path of the embed page, with trailing slash. */
  path: string;
  state: Record<string, unknown>;
  alt: string;
}

export function embedEntries(story: Story): EmbedEntry[] {
  const defaults = Object.keys(story.furniture).map((chart) => ({
    chart,
    step: undefined,
    path: `/embed/${chart}/`,
    state: charts[chart]!.state.parse({}),
    alt: story.furniture[chart]!.alt,
  }));
  const steps = chartStates(story).map(({ chart, step, alt, state }) => ({
    chart,
    step,
    path: `/embed/${chart}/${step}/`,
    state,
    alt,
  }));
  return [...defaults, ...steps];
}

/** Where a state sits in the story, for the embed's link back. */
export function storyAnchor(entry: EmbedEntry, story: Story): string {
  return entry.step ?? story.sections.find((s) => s.chart === entry.chart)?.id ?? "";
}
