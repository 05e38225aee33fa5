import { textWidth, type Weight } from "../../render/fonts.ts";
import { leftEdge, type Anchor } from "../shared/anchor.ts";
import { inside, overlaps, type Box } from "../../render/boxes.ts";
import { round, type Mark } from "../../render/scene.ts";
import type { Point } from "./curve.ts";

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
  return { x: leftEdge(x, width, anchor), y: y - size * 0.75, width, height: size * 0.98 };
}

/**
 * The first candidate whose box stays in the frame and clear of every obstacle (and passes `also`,
 * a costlier test asked last, of those that pass the others), or undefined.
 */
export function firstClear<T extends { box: Box }>(
  candidates: T[],
  obstacles: Box[],
  frame: Box,
  also: (candidate: T) => boolean = () => true,
): T | undefined {
  return candidates.find((c) => inside(c.box, frame) && !obstacles.some((o) => overlaps(c.box, o)) && also(c));
}

/** A label; `describes` lists the keys of the marks it names, which it may touch (data-for). */
export const text = (
  key: string,
  x: number,
  y: number,
  value: string,
  cls: string,
  anchor: Anchor = "start",
  describes: string[] = [],
): Mark => ({
  key,
  tag: "text",
  attrs: {
    x: round(x),
    y: round(y),
    class: cls,
    "text-anchor": anchor,
    ...(describes.length ? { "data-for": describes.join(" ") } : {}),
  },
  text: value,
});

/**
 * Candidate label spots around a point, at growing distances: in the preferred direction (ahead of
 * an arrow) first, then right, left, below, above and the diagonals.
 */
export function around(
  [x, y]: Point,
  value: string,
  size: number,
  weight: 400 | 700,
  gap: number,
  prefer: Point = [1, 0],
): { x: number; y: number; anchor: Anchor; box: Box }[] {
  const ascent = size * 0.75;
  const descent = size * 0.25;
  const spots: [number, number, Anchor, Point][] = [];
  for (const g of [gap, gap + 10, gap + 24]) {
    const d = g * 0.7;
    spots.push(
      [x + g, y + size * 0.35, "start", [1, 0]],
      [x - g, y + size * 0.35, "end", [-1, 0]],
      [x, y + g + ascent, "middle", [0, 1]],
      [x, y - g - descent, "middle", [0, -1]],
      [x + d, y + d + ascent, "start", [0.7, 0.7]],
      [x - d, y + d + ascent, "end", [-0.7, 0.7]],
      [x + d, y - d - descent, "start", [0.7, -0.7]],
      [x - d, y - d - descent, "end", [-0.7, -0.7]],
      [x + d, y + d + ascent, "middle", [0.7, 0.7]],
      [x - d, y + d + ascent, "middle", [-0.7, 0.7]],
      [x + d, y - d - descent, "middle", [0.7, -0.7]],
      [x - d, y - d - descent, "middle", [-0.7, -0.7]],
    );
  }
  const score = (i: number, [dx, dy]: Point): number => Math.floor(i / 12) * 10 - (dx * prefer[0] + dy * prefer[1]);
  return spots
    .map((spot, i) => ({ spot, k: score(i, spot[3]) }))
    .sort((a, b) => a.k - b.k)
    .map(({ spot: [sx, sy, anchor] }) => ({
      x: sx,
      y: sy,
      anchor,
      box: labelBox(value, sx, sy, anchor, size, weight),
    }));
}
