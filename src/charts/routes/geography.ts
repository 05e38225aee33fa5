import { createRequire } from "node:module";
import type { Feature, FeatureCollection, Geometry, Polygon } from "geojson";
import { feature } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";

/** World-atlas id (ISO 3166 numeric) of Belarus. */
export const BELARUS = "112";

type Countries = FeatureCollection<Geometry, { name: string }>;
type Atlas = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const require = createRequire(import.meta.url);
const cache = new Map<string, Countries>();
const atlases = new Map<string, Countries>();

/** Every country of an atlas, simplified: the costly part, done once per atlas and tolerance, whatever the frame. */
function simplifiedAtlas(scale: "50m" | "110m", tolerance: number): Countries {
  const key = `${scale}:${tolerance}`;
  const known = atlases.get(key);
  if (known) return known;
  const topology = require(`world-atlas/countries-${scale}.json`) as Atlas;
  const simplified = simplify(presimplify(topology), tolerance);
  const all = feature(simplified, simplified.objects.countries);
  atlases.set(key, all);
  return all;
}

/** A rough [west, south, east, north] box of a feature, enough to keep what a frame can show. */
function bounds(f: Feature): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      xs.push(c[0]);
      ys.push(c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk((f.geometry as Polygon).coordinates);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Country outlines from world-atlas (Natural Earth), read from the installed package at build time
 * and simplified to what the frame can show: no tiles, no tokens, nothing fetched. `scale` is the
 * atlas (50m for the map, 110m for the locator); `box` keeps the countries that reach into it.
 */
export function countriesIn(
  scale: "50m" | "110m",
  box: [number, number, number, number],
  tolerance: number,
): Countries {
  const key = `${scale}:${box.join(",")}:${tolerance}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const all = simplifiedAtlas(scale, tolerance);
  const [west, south, east, north] = box;
  const kept: Countries = {
    type: "FeatureCollection",
    features: all.features.filter((f): f is Feature<Geometry, { name: string }> => {
      const [w, s, e, n] = bounds(f);
      return e >= west && w <= east && n >= south && s <= north;
    }),
  };
  cache.set(key, kept);
  return kept;
}

/** The part of Europe the locator shows, [west, south, east, north] in degrees. */
export const EUROPE: [number, number, number, number] = [-11, 35, 45, 66];

/** Belarus's outline, from the map's atlas. */
export function belarus(): Feature<Geometry, { name: string }> {
  return countriesIn("50m", [23, 51, 33, 56.2], 0.002).features.find((f) => String(f.id) === BELARUS)!;
}
