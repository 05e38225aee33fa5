import { textWidth, type Weight } from "../../render/fonts.ts";

/** An axis-aligned box in scene pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Anchor = "start" | "middle" | "end";

/** The box a one-line SVG text label covers, from its baseline point, measured in the story's typeface. */
export function labelBox(
  text: string,
  x: number,
  y: number,
  anchor: Anchor,
  size: number,
  weight: Weight = 400,
  letterSpacing = 0,
): Box {
  const width = textWidth(text, size, weight, letterSpacing);
  const left = anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
  return { x: left, y: y - size * 0.75, width, height: size * 0.98 };
}

export const overlaps = (a: Box, b: Box, gap = 2): boolean =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

export const inside = (a: Box, frame: Box): boolean =>
  a.x >= frame.x &&
  a.y >= frame.y &&
  a.x + a.width <= frame.x + frame.width &&
  a.y + a.height <= frame.y + frame.height;

/** The first candidate whose box stays in the frame and clear of every obstacle, or undefined. */
export function firstClear<T extends { box: Box }>(candidates: T[], obstacles: Box[], frame: Box): T | undefined {
  return candidates.find((c) => inside(c.box, frame) && !obstacles.some((o) => overlaps(c.box, o)));
}
