import { describe, expect, it } from "vitest";
import { anchorWithin } from "../../src/charts/shared/anchor.ts";
import { inside, near, overlaps, within, type Box } from "../../src/render/boxes.ts";

const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });

// Every label check of every chart asks these: each boundary is pinned from both sides.
describe("spans and boxes", () => {
  it("call two spans near when closer than the gap, and clear exactly the gap apart, in either order", () => {
    expect(near(0, 10, 16, 20, 6)).toBe(false);
    expect(near(0, 10, 15.9, 20, 6)).toBe(true);
    expect(near(16, 20, 0, 10, 6)).toBe(false);
    expect(near(15.9, 20, 0, 10, 6)).toBe(true);
    // A point is a span of no length; with no gap, touching is not overlapping.
    expect(near(5, 5, 5, 9, 0)).toBe(false);
    expect(near(5, 5, 4.9, 9, 0)).toBe(true);
  });

  it("hold a span within bounds up to its very ends", () => {
    expect(within(2, 8, 2, 8)).toBe(true);
    expect(within(1.9, 8, 2, 8)).toBe(false);
    expect(within(2, 8.1, 2, 8)).toBe(false);
  });

  it("overlap another box closer than the gap, and fit a frame up to its very edge", () => {
    const a = box(0, 0, 10, 10);
    expect(overlaps(a, box(12, 0, 10, 10))).toBe(false);
    expect(overlaps(a, box(11.9, 0, 10, 10))).toBe(true);
    expect(overlaps(box(12, 0, 10, 10), a)).toBe(false);
    expect(overlaps(a, box(0, 12, 10, 10))).toBe(false);
    expect(overlaps(box(0, 12, 10, 10), a)).toBe(false);
    expect(overlaps(a, box(0, 11.9, 10, 10))).toBe(true);
    expect(overlaps(a, box(14, 0, 10, 10), 4)).toBe(false);
    expect(overlaps(a, box(13.9, 0, 10, 10), 4)).toBe(true);
    expect(inside(a, box(0, 0, 10, 10))).toBe(true);
    for (const frame of [box(0.1, 0, 10, 10), box(0, 0.1, 10, 10), box(0, 0, 9.9, 10), box(0, 0, 10, 9.9)])
      expect(inside(a, frame)).toBe(false);
  });
});

describe("a label kept between two edges", () => {
  it("is centred where it fits, up to touching either edge", () => {
    expect(anchorWithin(50, 20, 40, 60)).toBe("middle");
    expect(anchorWithin(50, 100, 0, 100)).toBe("middle");
  });

  it("starts at the left edge or ends at the right one that it would cross, the left first when it crosses both", () => {
    expect(anchorWithin(49.9, 20, 40, 100)).toBe("start");
    expect(anchorWithin(50.1, 20, 0, 60)).toBe("end");
    expect(anchorWithin(50, 30, 40, 60)).toBe("start");
  });
});
