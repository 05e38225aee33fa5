import type { Scene } from "./scene.ts";

/**
 * The legend entries a figure shows for a state: those its scenes draw (the union over the size
 * variants, which can differ in what fits), or undefined when a chart does not say, which shows all.
 */
export function drawnLegend(scenes: readonly Pick<Scene, "legend">[]): string[] | undefined {
  if (scenes.every((s) => s.legend === undefined)) return undefined;
  return [...new Set(scenes.flatMap((s) => s.legend ?? []))];
}

/**
 * The entries any of a figure's states draws, in the chart's order: a legend never lists what no
 * state shows (print, which shows every step, lists these).
 */
export function legendInUse<T extends { swatch: string }>(
  entries: readonly T[],
  scenes: readonly Pick<Scene, "legend">[],
): T[] {
  const drawn = drawnLegend(scenes);
  return drawn === undefined ? [...entries] : entries.filter((e) => drawn.includes(e.swatch));
}
