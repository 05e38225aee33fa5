import { geoConicConformal, geoPath, type GeoPath, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { PlaceRow } from "../../data/load.ts";
import { isCompact, type Size } from "../../render/scene.ts";
import type { Point } from "./curve.ts";
import { countriesIn } from "./geography.ts";

/** The map's projection, its path (clipped to the frame) and the countries it shows. */
export interface MapFrame {
  projection: GeoProjection;
  path: GeoPath;
  land: FeatureCollection<Geometry, { name: string }>;
}

/**
 * One frame for every state: Belarus and every place a route in the data points at, so the map
 * never pans between steps and no route runs off its edge.
 */
export function mapFrame(country: Feature, destinations: readonly PlaceRow[], { width, height }: Size): MapFrame {
  const pad = isCompact(width) ? 20 : 28;
  const projection = geoConicConformal()
    .parallels([50, 56])
    .rotate([-27, 0])
    .fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      {
        type: "FeatureCollection",
        features: [
          country,
          {
            type: "Feature",
            properties: {},
            geometry: { type: "MultiPoint", coordinates: destinations.map((p) => [p.lon, p.lat]) },
          },
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  // The countries within the longitudes and latitudes the frame's edge runs through. On this cone,
  // whose pole lies north of the frame, meridians are straight lines from the pole and parallels
  // are circles around it: along the frame's sides and foot both run to their extremes at the
  // corners, but along its top the latitude peaks between them, where the edge passes nearest the
  // pole (on a tall frame, degrees further north than at its corners). Sixteen steps along the top
  // find that peak closely enough to miss no country (tested to 20° away in every direction). A
  // country kept that the frame does not show costs time only: the layout draws a country whose
  // clipped outline is not empty.
  const edge = [...Array.from({ length: 17 }, (_, i) => [(i / 16) * width, 0]), [0, height], [width, height]];
  const geo = edge.map((c) => projection.invert!(c as Point)!);
  const lons = geo.map((c) => c[0]);
  const lats = geo.map((c) => c[1]);
  const land = countriesIn("50m", [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], 0.002);
  return { projection, path, land };
}
