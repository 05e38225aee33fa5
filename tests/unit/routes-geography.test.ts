import type { Feature } from "geojson";
import { describe, expect, it } from "vitest";
import { BELARUS, countriesIn } from "../../src/charts/routes/geography.ts";

type Box = [number, number, number, number];
const WORLD: Box = [-180, -90, 180, 90];

/** Every [lon, lat] of an outline, however deeply its rings are nested. */
const points = (c: unknown): number[][] =>
  Array.isArray(c) && typeof c[0] === "number" ? [c as number[]] : Array.isArray(c) ? c.flatMap(points) : [];

const keeps = (box: Box): boolean => countriesIn("110m", box, 0.25).features.some((f) => String(f.id) === BELARUS);

describe("the countries a frame keeps", () => {
  it("keeps a country whose outline reaches the box's edge from any side, and not one that stops short", () => {
    const belarus = countriesIn("110m", WORLD, 0.25).features.find((f) => String(f.id) === BELARUS) as Feature;
    const all = points((belarus.geometry as { coordinates: unknown }).coordinates);
    const lons = all.map((p) => p[0]!);
    const lats = all.map((p) => p[1]!);
    const [w, s, e, n] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    // Boxes touching Belarus's outermost points, to its east, west, north and south.
    expect([
      keeps([e, s, e + 5, n]),
      keeps([w - 5, s, w, n]),
      keeps([w, n, e, n + 5]),
      keeps([w, s - 5, e, s]),
    ]).toEqual([true, true, true, true]);
    expect([
      keeps([e + 0.01, s, e + 5, n]),
      keeps([w - 5, s, w - 0.01, n]),
      keeps([w, n + 0.01, e, n + 5]),
      keeps([w, s - 5, e, s - 0.01]),
    ]).toEqual([false, false, false, false]);
  });
});
