/**
 * Dots as SVG path data: one zero-length subpath per dot, drawn round by `stroke-linecap: round`.
 * A grid of dots becomes the same few characters repeated ("m9.8 0h0"), so a thousand dots cost
 * a few hundred bytes gzipped in the page, where a thousand <circle> elements would cost tens of
 * kilobytes. This module is shared by the layout (server) and the motion (browser): it imports nothing.
 */
export interface Point {
  x: number;
  y: number;
}

const tenth = (n: number): number => Math.round(n * 10) / 10;
const num = (n: number): string => String(tenth(n) || 0);

/** Path data for dots at these points, in order; positions are rounded to a tenth of a unit. */
export function dotsPath(points: readonly Point[]): string {
  let d = "";
  let px = 0;
  let py = 0;
  points.forEach((p, i) => {
    const x = tenth(p.x);
    const y = tenth(p.y);
    d += i === 0 ? `M${num(x)} ${num(y)}h0` : `m${num(x - px)} ${num(y - py)}h0`;
    px = x;
    py = y;
  });
  return d;
}

const MOVE = /([Mm])(-?[\d.]+)[ ,](-?[\d.]+)h0/g;

/** The dots a path made by dotsPath draws, in order. */
export function parseDots(d: string): Point[] {
  const points: Point[] = [];
  let x = 0;
  let y = 0;
  for (const [, command, dx, dy] of d.matchAll(MOVE)) {
    x = command === "M" ? Number(dx) : tenth(x + Number(dx));
    y = command === "M" ? Number(dy) : tenth(y + Number(dy));
    points.push({ x, y });
  }
  return points;
}
