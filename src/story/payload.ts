import type { Mark, Scene, SizeName } from "../render/scene.ts";

/*
 * The data a scrolly figure ships to the browser. Kept apart from figure-model.ts so the client
 * bundle imports these few lines, not the charts and the map data that compute them.
 */

/** A scene whose marks are indexes into the payload's pool, so a mark shared by many states is sent once. */
export interface PooledScene {
  width: number;
  height: number;
  layers: { id: string; marks: number[] }[];
  legend?: string[];
}

/** What the browser needs to move a figure between its steps' states: every scene, precomputed. */
export interface FigurePayload {
  chart: string;
  pool: Mark[];
  steps: Record<string, { alt: string; scenes: Record<SizeName, PooledScene> }>;
}

/** Turns a pooled scene back into a scene, for render(). */
export function unpool(payload: FigurePayload, scene: PooledScene): Scene {
  return { ...scene, layers: scene.layers.map((l) => ({ id: l.id, marks: l.marks.map((i) => payload.pool[i]!) })) };
}
