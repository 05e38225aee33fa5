import { geoEquirectangular, geoPath } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { describe, expect, it } from "vitest";
import type { Box } from "../../src/render/boxes.ts";
import { labelBox } from "../../src/charts/routes/labels.ts";
import { placeNames } from "../../src/charts/routes/names.ts";

// Rectangles for countries on a plain projection, so each case can be worked out by eye: Belarus,
// a neighbour, a country too small to name, and the Baltic Sea's label point (19.9° E, 55.6° N) in
// open water at the map's west edge.
const country = (id: string, name: string, [w, s, e, n]: number[]): Feature<Geometry, { name: string }> => ({
  type: "Feature",
  id,
  properties: { name },
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [w!, s!],
        [w!, n!],
        [e!, n!],
        [e!, s!],
        [w!, s!],
      ],
    ],
  },
});
const belarus = country("112", "Belarus", [23.5, 51, 32, 56]);
const lithuania = country("440", "Lithuania", [21, 56.2, 26.5, 57.8]);
// About 40 × 29 units: room for its name, but under the 1,500 square units a country needs to be named.
const tiny = country("999", "Tiny", [33, 50.2, 33.9, 50.85]);
const frame: Box = { x: 0, y: 0, width: 720, height: 440 };

function names(countries = [belarus, lithuania, tiny], obstacles: Box[] = [], map = [18, 49.5, 34, 58]) {
  const projection = geoEquirectangular().fitExtent(
    [
      [0, 0],
      [frame.width, frame.height],
    ],
    country("", "", map),
  );
  return placeNames(countries, projection, geoPath(projection), obstacles, frame);
}

describe("names on the routes map", () => {
  it("names Belarus, larger, and each country with room, inside its own outline; not a country too small", () => {
    const marks = names();
    expect(marks.map((m) => [m.key, m.text, m.attrs.class])).toEqual([
      ["name-112", "BELARUS", "country-name belarus"],
      ["name-440", "LITHUANIA", "country-name"],
      ["sea-Baltic Sea", "Baltic Sea", "sea-name"],
    ]);
  });

  it("names a country whose outline covers more than 1,500 square units, and not one of exactly 1,500", () => {
    const projection = geoEquirectangular().fitExtent(
      [
        [0, 0],
        [frame.width, frame.height],
      ],
      country("", "", [18, 49.5, 34, 58]),
    );
    const path = geoPath(projection);
    // The small country's area as measured, set to either side of the line.
    const named = (area: number): boolean => {
      const measured = Object.assign((o: Parameters<typeof path>[0]) => path(o), path, {
        area: (f: Parameters<typeof path.area>[0]) => (f === tiny ? area : path.area(f)),
      });
      return placeNames([belarus, tiny], projection, measured, [], frame).some((m) => m.key === "name-999");
    };
    expect([named(1500), named(1500.5)]).toEqual([false, true]);
  });

  it("names Belarus first, so it has its centre even where a larger country would take it", () => {
    // A country larger than Belarus around it: without Belarus first, its name would sit where Belarus's goes.
    const around = country("643", "Russia", [18.5, 49.8, 33.8, 57.9]);
    // Listed before or after it: the sort compares Belarus on either side.
    for (const listed of [
      [around, belarus],
      [belarus, around],
      [around, lithuania, belarus],
    ])
      expect(names(listed)[0]).toMatchObject({ key: "name-112" });
  });

  it("keeps names 8 units clear of the obstacles (and so of each other)", () => {
    const [plain] = names([belarus]);
    const box = labelBox("BELARUS", Number(plain!.attrs.x), Number(plain!.attrs.y), "middle", 17, 700, 0.12);
    const leftOf = (gap: number): Box => ({ x: box.x - gap - 10, y: box.y, width: 10, height: box.height });
    expect(names([belarus], [leftOf(8.5)])[0]!.attrs).toMatchObject({ x: plain!.attrs.x, y: plain!.attrs.y });
    const moved = names([belarus], [leftOf(7.5)])[0]!;
    // Moved to the nearest clear spot on a grid of 22 units (16 on a phone).
    const shift = [Number(moved.attrs.x) - Number(plain!.attrs.x), Number(moved.attrs.y) - Number(plain!.attrs.y)];
    expect(shift).not.toEqual([0, 0]);
    for (const d of shift) expect(Math.abs(d) % 22).toBeCloseTo(0, 6);
    // Two names never overlap: a second country with the same outline is named elsewhere in it.
    const [first, second] = names([belarus, country("113", "Twin", [23.5, 51, 32, 56])]);
    const a = labelBox("BELARUS", Number(first!.attrs.x), Number(first!.attrs.y), "middle", 17, 700, 0.12);
    const b = labelBox("TWIN", Number(second!.attrs.x), Number(second!.attrs.y), "middle", 14, 700, 0.12);
    expect(
      a.x + a.width + 8 <= b.x || b.x + b.width + 8 <= a.x || a.y + a.height + 8 <= b.y || b.y + b.height + 8 <= a.y,
    ).toBe(true);
    // The sea's label is dropped when an obstacle sits on it.
    const sea = names([belarus]).find((m) => m.key === "sea-Baltic Sea")!;
    const on: Box = { x: Number(sea.attrs.x) - 2, y: Number(sea.attrs.y) - 6, width: 4, height: 4 };
    expect(names([belarus], [on]).map((m) => m.key)).toEqual(["name-112"]);
  });

  it("names a sea only in open water, and only where its label fits in the frame", () => {
    expect(names([belarus]).map((m) => m.key)).toContain("sea-Baltic Sea");
    // Land over the sea's point: no sea name.
    // (An islet too small to be named, so it is the land that stops the sea's name, not a name.)
    const coast = country("999", "Islet", [19.7, 55.5, 20.1, 55.7]);
    expect(names([belarus, coast]).map((m) => m.key)).not.toContain("sea-Baltic Sea");
    // The sea's point placed near each edge of the frame: its label would run off, so it is dropped.
    const seaAt = (x: number, y: number) => {
      const projection = geoEquirectangular()
        .scale((100 * 180) / Math.PI)
        .center([19.9, 55.6])
        .translate([x, y]);
      return placeNames([], projection, geoPath(projection), [], frame).map((m) => m.key);
    };
    expect(seaAt(360, 220)).toEqual(["sea-Baltic Sea"]);
    for (const [x, y] of [
      [20, 220],
      [700, 220],
      [360, 5],
      [360, 438],
    ])
      expect(seaAt(x!, y!), `at ${x}, ${y}`).toEqual([]);
  });
});
