import { createHash } from "node:crypto";
import { charts } from "../charts/registry.ts";
import type { Story } from "../content/load.ts";
import type { Section } from "../content/story.ts";
import { sizes, type Mark, type Scene, type SizeName } from "../render/scene.ts";
import type { FigurePayload, PooledScene } from "./payload.ts";

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
  const pool: Mark[] = [];
  const index = new Map<string, number>();
  const pooled = (scene: Scene): PooledScene => ({
    ...scene,
    layers: scene.layers.map((layer) => ({
      id: layer.id,
      marks: layer.marks.map((mark) => {
        const json = JSON.stringify(mark);
        let i = index.get(json);
        if (i === undefined) index.set(json, (i = pool.push(mark) - 1));
        return i;
      }),
    })),
  });
  const steps = Object.fromEntries(
    section.steps.map((step) => {
      const scenes = scenesFor(story, chartId, step.state);
      const byPool = Object.fromEntries(sizeNames().map((size) => [size, pooled(scenes[size])]));
      return [step.id, { alt: step.alt, scenes: byPool as Record<SizeName, PooledScene> }];
    }),
  );
  return { chart: chartId, pool, steps };
}

/**
 * A scrolly section's states as the file the browser fetches, beside the page rather than inline:
 * on a phone, tokenising a few hundred kilobytes of inline JSON held up the page's first parse
 * (about 100 ms of Lighthouse's blocking time), and only the script needs it. The version is the
 * content's hash, so a cached file never meets a page built from other content.
 */
export function statesFile(section: Section, payload: FigurePayload): { path: string; version: string; json: string } {
  const json = JSON.stringify(payload);
  const version = createHash("sha256").update(json).digest("hex").slice(0, 12);
  return { path: `states/${section.id}.json`, version, json };
}

/** Every (chart, step) pair in the story, for static SVG files and embeds. */
export function chartStates(
  story: Story,
): { chart: string; step: string; alt: string; state: Record<string, unknown> }[] {
  return story.sections.flatMap((section) =>
    section.steps.map((step) => ({ chart: section.chart!, step: step.id, alt: step.alt, state: step.state })),
  );
}
