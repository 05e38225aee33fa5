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

/**
 * The dots a path made by dotsPath draws, in order. A hand-written scanner rather than a regular
 * expression: it allocates nothing per dot, and the browser runs it on a thousand dots per step.
 */
export function parseDots(d: string): Point[] {
  const points: Point[] = [];
  let x = 0;
  let y = 0;
  let i = 0;
  const number = (): number => {
    while (d.charCodeAt(i) === 32 || d.charCodeAt(i) === 44) i++;
    let sign = 1;
    if (d.charCodeAt(i) === 45) {
      sign = -1;
      i++;
    }
    let value = 0;
    let scale = 0;
    for (let c = d.charCodeAt(i); (c >= 48 && c <= 57) || c === 46; c = d.charCodeAt(++i)) {
      if (c === 46) scale = 1;
      else {
        value = value * 10 + (c - 48);
        scale *= 10;
      }
    }
    return (sign * value) / (scale || 1);
  };
  while (i < d.length) {
    const command = d[i++];
    if (command === "M" || command === "m") {
      const dx = number();
      const dy = number();
      x = command === "M" ? dx : tenth(x + dx);
      y = command === "M" ? dy : tenth(y + dy);
      points.push({ x, y });
    }
  }
  return points;
}
