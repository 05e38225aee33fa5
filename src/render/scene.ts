/**
 * The model every chart's layout() returns: a flat, serialisable description of SVG marks.
 * Keeping it plain data lets the server render it, the browser animate it, and tests snapshot it.
 */
export type MarkTag = "path" | "rect" | "circle" | "line" | "text";

export interface Mark {
  /** Stable across states, so the same mark is animated rather than replaced. */
  key: string;
  tag: MarkTag;
  attrs: Record<string, string | number>;
  /** Text content, for `text` marks. */
  text?: string;
}

export interface Layer {
  id: string;
  marks: Mark[];
}

export interface Scene {
  width: number;
  height: number;
  layers: Layer[];
}

/** The two widths charts are laid out for; the SVG then scales with its container via viewBox. */
export const sizes = {
  compact: { width: 360, height: 420 },
  wide: { width: 720, height: 440 },
} as const;

export type SizeName = keyof typeof sizes;
export type Size = (typeof sizes)[SizeName];

/** Rounds a coordinate so snapshots and bytes stay small and stable. */
export const round = (n: number): number => Math.round(n * 10) / 10;
