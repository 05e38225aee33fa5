/**
 * Axis-aligned boxes and spans, in scene pixels (or any unit, the same on both axes): the one place
 * every chart asks whether a label is clear of a mark or inside its frame. Touching is the
 * boundary: two things exactly `gap` apart are clear, and a box flush with its frame's edge is inside.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether the spans [a0, a1] and [b0, b1] come closer than `gap` (they overlap when gap is 0). */
export const near = (a0: number, a1: number, b0: number, b1: number, gap: number): boolean =>
  a0 < b1 + gap && b0 < a1 + gap;

/** Whether the span [a0, a1] lies within [lo, hi], ends included. */
export const within = (a0: number, a1: number, lo: number, hi: number): boolean => a0 >= lo && a1 <= hi;

/** Whether two boxes come closer than `gap` on both axes. */
export const overlaps = (a: Box, b: Box, gap = 2): boolean =>
  near(a.x, a.x + a.width, b.x, b.x + b.width, gap) && near(a.y, a.y + a.height, b.y, b.y + b.height, gap);

/** Whether a box lies wholly inside a frame. */
export const inside = (a: Box, frame: Box): boolean =>
  within(a.x, a.x + a.width, frame.x, frame.x + frame.width) &&
  within(a.y, a.y + a.height, frame.y, frame.y + frame.height);
