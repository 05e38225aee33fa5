import { geoAzimuthalEqualArea } from "d3-geo";
import { describe, expect, it } from "vitest";
import type { Box } from "../../src/render/boxes.ts";
import { locator } from "../../src/charts/routes/locator.ts";
import { sizes, type Size } from "../../src/render/scene.ts";

// The main map: Belarus and its neighbours, fitted to the chart as the routes layout fits it.
const mainMap = ({ width, height }: Size) =>
  geoAzimuthalEqualArea()
    .rotate([-27, -54])
    .fitExtent(
      [
        [0, 0],
        [width, height],
      ],
      {
        type: "Polygon",
        coordinates: [
          [
            [20, 50],
            [20, 57],
            [33, 57],
            [33, 50],
            [20, 50],
          ],
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);

describe("the locator inset", () => {
  const { wide, compact } = sizes;
  const place = (size: Size, obstacles: Box[]) => locator(mainMap(size), size, obstacles);
  // The four corners, 6 units in from the edges, in the order they are tried.
  const corners = (size: Size, w: number, h: number): Box[] => [
    { x: size.width - w - 6, y: 6, width: w, height: h },
    { x: 6, y: 6, width: w, height: h },
    { x: 6, y: size.height - h - 6, width: w, height: h },
    { x: size.width - w - 6, y: size.height - h - 6, width: w, height: h },
  ];

  it("takes the first corner clear of every obstacle: top right, top left, bottom left, bottom right", () => {
    for (const [size, w, h] of [
      [wide, 118, 100],
      [compact, 84, 74],
    ] as const) {
      const all = corners(size, w, h);
      for (let blocked = 0; blocked < 4; blocked++)
        expect(place(size, all.slice(0, blocked)).box, `${size.width}: ${blocked} blocked`).toEqual(all[blocked]);
      // With no corner clear it keeps the first.
      expect(place(size, all).box).toEqual(all[0]);
    }
  });

  it("is the compact inset below 500 units wide, the wide one from 500", () => {
    expect(place({ width: 499, height: 440 }, []).box.width).toBe(84);
    expect(place({ width: 500, height: 440 }, []).box.width).toBe(118);
  });

  it("keeps 4 units between itself and an obstacle", () => {
    const [topRight] = corners(wide, 118, 100);
    const beside = (gap: number): Box => ({ x: topRight!.x - gap - 10, y: 20, width: 10, height: 10 });
    expect(place(wide, [beside(3.9)]).box).not.toEqual(topRight);
    expect(place(wide, [beside(4.1)]).box).toEqual(topRight);
  });

  it("draws its frame in the corner, Europe's land inside it with Belarus picked out, and the main map's extent", () => {
    const { box, marks } = place(wide, []);
    const frame = marks.find((m) => m.key === "locator-frame")!;
    expect(frame.attrs).toMatchObject({ x: box.x, y: box.y, width: 118, height: 100, class: "locator-water" });
    expect(marks.filter((m) => m.attrs.class === "locator-land belarus").map((m) => m.key)).toEqual(["locator-112"]);
    expect(marks.filter((m) => m.attrs.class === "locator-land").length).toBeGreaterThan(20);
    // Every point the inset draws lies inside its frame.
    for (const m of marks.filter((m) => m.tag === "path")) {
      const numbers = String(m.attrs.d)
        .match(/-?\d+(\.\d+)?/g)!
        .map(Number);
      for (let i = 0; i + 1 < numbers.length; i += 2) {
        expect(numbers[i]).toBeGreaterThanOrEqual(box.x);
        expect(numbers[i]).toBeLessThanOrEqual(box.x + box.width);
        expect(numbers[i + 1]).toBeGreaterThanOrEqual(box.y);
        expect(numbers[i + 1]).toBeLessThanOrEqual(box.y + box.height);
      }
    }
    // The main map's frame: a small closed ring around Belarus, well inside the inset.
    const extent = String(marks.find((m) => m.key === "locator-extent")!.attrs.d);
    const xs = extent
      .match(/-?\d+/g)!
      .map(Number)
      .filter((_, i) => i % 2 === 0);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(box.width / 2);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(5);
  });
});
