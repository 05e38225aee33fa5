import { createRequire } from "node:module";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";

/** Belarus and the countries around it, by ISO 3166 numeric code (world-atlas ids) and name. */
export const countries: Record<string, string> = {
  "112": "Belarus",
  "440": "Lithuania",
  "428": "Latvia",
  "233": "Estonia",
  "616": "Poland",
  "804": "Ukraine",
  "643": "Russia",
  "498": "Moldova",
};

let cached: FeatureCollection<Geometry, { name: string }> | undefined;

/**
 * Country outlines from world-atlas (Natural Earth 1:50m), read from the installed package at build
 * time and simplified to what a 700-pixel map can show: no tiles, no tokens, nothing fetched.
 */
export function neighbours(): FeatureCollection<Geometry, { name: string }> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topology = require("world-atlas/countries-50m.json") as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const simplified = simplify(presimplify(topology), 0.002);
  const all = feature(simplified, simplified.objects.countries);
  cached = {
    type: "FeatureCollection",
    features: all.features.filter((f): f is Feature<Geometry, { name: string }> => String(f.id) in countries),
  };
  return cached;
}
