import { describe, expect, it } from "vitest";
import type { Box } from "../../src/render/boxes.ts";
import { around, firstClear, labelBox, text } from "../../src/charts/routes/labels.ts";
import type { Point } from "../../src/charts/routes/curve.ts";

const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });
/** Which side of the point a label's box sits on: -1, 0 or 1 across and down (level within 3 px). */
const side = ([x, y]: Point, b: Box): Point => {
  const sign = (v: number): number => (Math.abs(v) <= 3 ? 0 : Math.sign(v));
  return [sign(b.x + b.width / 2 - x), sign(b.y + b.height / 2 - y)];
};
const containsPoint = (b: Box, [x, y]: Point): boolean =>
  x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;

describe("a label's box", () => {
  it("runs from the baseline's ascent to its descent, and from the anchor by the text's width", () => {
    const start = labelBox("Vilnius", 100, 50, "start", 20);
    expect(start.y).toBe(35);
    expect(start.height).toBeCloseTo(19.6);
    expect(labelBox("Vilnius", 100, 50, "end", 20).x).toBeCloseTo(100 - start.width);
    expect(labelBox("Vilnius", 100, 50, "middle", 20).x).toBeCloseTo(100 - start.width / 2);
  });
});

describe("the spots around a point where its label may go", () => {
  const point: Point = [200, 200];
  const spots = (prefer?: Point) => around(point, "Lithuania", 14, 400, 8, prefer);

  it("surround the point without covering it, twelve to a ring, in three rings moving out", () => {
    const all = spots();
    expect(all).toHaveLength(36);
    // A name as short as one letter too, whose box is narrower than the distance it keeps.
    for (const s of [...all, ...around(point, "A", 14, 700, 8)]) {
      expect(containsPoint(s.box, point), `${s.anchor} at ${s.x},${s.y}`).toBe(false);
      // Each spot's anchor is one SVG knows, and its box is measured from it.
      const left = { start: s.x, middle: s.x - s.box.width / 2, end: s.x - s.box.width }[s.anchor];
      expect(s.box.x).toBeCloseTo(left);
    }
    const sides = (ring: typeof all) => ring.map((s) => side(point, s.box).join()).sort();
    // Right, left, below, above; each diagonal twice, once beside its corner and once centred over it.
    const expected = [
      "1,0",
      "-1,0",
      "0,1",
      "0,-1",
      "1,1",
      "-1,1",
      "1,-1",
      "-1,-1",
      "1,1",
      "-1,1",
      "1,-1",
      "-1,-1",
    ].sort();
    expect(sides(all.slice(0, 12))).toEqual(expected);
    expect(sides(around(point, "A", 14, 700, 8).slice(0, 12))).toEqual(expected);
    expect(sides(all.slice(12, 24))).toEqual(expected);
    const distance = (s: (typeof all)[number]) => Math.hypot(s.x - point[0], s.y - point[1]);
    expect(Math.min(...all.slice(12, 24).map(distance))).toBeGreaterThan(Math.min(...all.slice(0, 12).map(distance)));
  });

  it("come first in the preferred direction (ahead of an arrow), then the nearest to it", () => {
    for (const prefer of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
      [0.7, 0.7],
      [-0.7, 0.7],
      [0.7, -0.7],
      [-0.7, -0.7],
    ] as Point[]) {
      const [first, second] = spots(prefer);
      expect(side(point, first!.box), `prefer ${prefer.join()}`).toEqual(prefer.map(Math.sign));
      // The same direction, the other way of anchoring, before any other direction.
      if (prefer[0] !== 0 && prefer[1] !== 0) expect(side(point, second!.box)).toEqual(prefer.map(Math.sign));
    }
    // Unasked, ahead means to the right: the right-hand diagonals come before the left.
    expect(
      spots()
        .slice(0, 3)
        .map((spot) => side(point, spot.box)[0]),
    ).toEqual([1, 1, 1]);
  });

  it("make a label's text mark, anchored at its start unless told", () => {
    expect(text("name", 1.234, 5.678, "Vilnius", "route-label").attrs).toEqual({
      x: 1.2,
      y: 5.7,
      class: "route-label",
      "text-anchor": "start",
    });
  });

  it("the first that fits is taken: in the frame, clear of every obstacle, and passing the last test", () => {
    const frame = box(0, 0, 400, 400);
    const all = spots();
    expect(firstClear(all, [], frame)).toBe(all[0]);
    expect(firstClear(all, [all[0]!.box], frame)).not.toBe(all[0]);
    expect(firstClear(all, [], frame, (c) => c !== all[0])).toBe(all[1]);
    expect(firstClear(all, [], box(0, 0, 1, 1))).toBeUndefined();
  });
});
