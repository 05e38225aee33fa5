import { round } from "../../render/scene.ts";
import type { Box } from "../../render/boxes.ts";

export type Point = [number, number];

/** A quadratic Bézier curve and the operations the map needs on it. */
export class Curve {
  readonly p0: Point;
  readonly p1: Point;
  readonly p2: Point;
  constructor(p0: Point, p1: Point, p2: Point) {
    this.p0 = p0;
    this.p1 = p1;
    this.p2 = p2;
  }
  /** From a to b, bowing to the left of the direction of travel by `bow` of its length. */
  static between(a: Point, b: Point, bow: number): Curve {
    return new Curve(a, [(a[0] + b[0]) / 2 + (b[1] - a[1]) * bow, (a[1] + b[1]) / 2 - (b[0] - a[0]) * bow], b);
  }
  at(t: number): Point {
    const u = 1 - t;
    return [
      u * u * this.p0[0] + 2 * u * t * this.p1[0] + t * t * this.p2[0],
      u * u * this.p0[1] + 2 * u * t * this.p1[1] + t * t * this.p2[1],
    ];
  }
  /** Unit direction of travel at t. */
  direction(t: number): Point {
    const dx = 2 * (1 - t) * (this.p1[0] - this.p0[0]) + 2 * t * (this.p2[0] - this.p1[0]);
    const dy = 2 * (1 - t) * (this.p1[1] - this.p0[1]) + 2 * t * (this.p2[1] - this.p1[1]);
    const length = Math.hypot(dx, dy) || 1;
    return [dx / length, dy / length];
  }
  /** The same path from its start to t (de Casteljau). */
  until(t: number): Curve {
    return new Curve(
      this.p0,
      [this.p0[0] + (this.p1[0] - this.p0[0]) * t, this.p0[1] + (this.p1[1] - this.p0[1]) * t],
      this.at(t),
    );
  }
  d(): string {
    const [a, b, c] = [this.p0, this.p1, this.p2].map(([x, y]) => `${round(x)},${round(y)}`);
    return `M${a!}Q${b!} ${c!}`;
  }
  /** Boxes along the curve, for keeping labels off it. */
  boxes(width: number): Box[] {
    const half = width / 2 + 2;
    return Array.from({ length: 25 }, (_, i) => this.at(i / 24)).map(([x, y]) => ({
      x: x - half,
      y: y - half,
      width: 2 * half,
      height: 2 * half,
    }));
  }
}
