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
  /**
   * The legend entries (swatch ids of the chart's legend) this state draws. The figure's legend,
   * the share card and the embed show only these; a scene without the list shows every entry.
   */
  legend?: string[];
}

/**
 * The two widths charts are laid out for; the SVG then scales with its container via viewBox.
 * Compact is drawn as narrow as 280 px (a 320 px phone) and wide as narrow as 600 px, so chart text
 * is set at 14 px or more in scene units: never under 12 CSS px on screen.
 */
export const sizes = {
  compact: { width: 320, height: 400 },
  wide: { width: 720, height: 440 },
} as const;

/**
 * Whether a layout of this width is the phone's: below 500 units (the page's sizes are 320 and 720;
 * the share card's chart area, 560, is laid out wide). Every chart asks this one question.
 */
export const isCompact = (width: number): boolean => width < 500;

export type SizeName = keyof typeof sizes;
/** Any size a layout can be asked for: one of `sizes`, or the share card's chart area. */
export interface Size {
  width: number;
  height: number;
}

/** Rounds a coordinate so snapshots and bytes stay small and stable. */
export const round = (n: number): number => Math.round(n * 10) / 10;
