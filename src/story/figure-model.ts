import { charts } from "../charts/registry.ts";
import type { Story } from "../content/load.ts";
import type { Section } from "../content/story.ts";
import { sizes, type Scene, type SizeName } from "../render/scene.ts";

/** What the browser needs to move a figure between its steps' states: every scene, precomputed. */
export interface FigurePayload {
  chart: string;
  steps: Record<string, { alt: string; scenes: Record<SizeName, Scene> }>;
}

export function sizeNames(): SizeName[] {
  return Object.keys(sizes) as SizeName[];
}

export function scenesFor(story: Story, chartId: string, state: Record<string, unknown>): Record<SizeName, Scene> {
  const chart = charts[chartId]!;
  return Object.fromEntries(sizeNames().map((name) => [name, chart.layout(story.data, state, sizes[name])])) as Record<
    SizeName,
    Scene
  >;
}

export function figurePayload(story: Story, section: Section): FigurePayload {
  const chartId = section.chart!;
  return {
    chart: chartId,
    steps: Object.fromEntries(
      section.steps.map((step) => [step.id, { alt: step.alt, scenes: scenesFor(story, chartId, step.state) }]),
    ),
  };
}

/** Every (chart, step) pair in the story, for static SVG files and embeds. */
export function chartStates(
  story: Story,
): { chart: string; step: string; alt: string; state: Record<string, unknown> }[] {
  return story.sections.flatMap((section) =>
    section.steps.map((step) => ({ chart: section.chart!, step: step.id, alt: step.alt, state: step.state })),
  );
}
