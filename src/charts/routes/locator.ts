import { geoAzimuthalEqualArea, geoPath, type GeoProjection } from "d3-geo";
import { isCompact, round, type Mark, type Size } from "../../render/scene.ts";
import { BELARUS, countriesIn, EUROPE } from "./geography.ts";
import { overlaps, type Box } from "../../render/boxes.ts";

/**
 * A locator inset of Europe: Belarus picked out and the main map's frame drawn on it, in whichever
 * corner is clear of the routes and their ends.
 */
export function locator(main: GeoProjection, { width, height }: Size, obstacles: Box[]): { box: Box; marks: Mark[] } {
  const compact = isCompact(width);
  const w = compact ? 84 : 118;
  const h = compact ? 74 : 100;
  const m = 6;
  const corners: Box[] = [
    { x: width - w - m, y: m, width: w, height: h },
    { x: m, y: m, width: w, height: h },
    { x: m, y: height - h - m, width: w, height: h },
    { x: width - w - m, y: height - h - m, width: w, height: h },
  ];
  const box = corners.find((c) => !obstacles.some((o) => overlaps(c, o, 4))) ?? corners[0]!;
  const [west, south, east, north] = EUROPE;
  const projection = geoAzimuthalEqualArea()
    .rotate([-17, -51])
    .fitExtent(
      [
        [box.x + 2, box.y + 2],
        [box.x + w - 2, box.y + h - 2],
      ],
      {
        type: "Polygon",
        coordinates: [
          [
            [west, south],
            [west, north],
            [east, north],
            [east, south],
            [west, south],
          ],
        ],
      },
    )
    .clipExtent([
      [box.x + 1, box.y + 1],
      [box.x + w - 1, box.y + h - 1],
    ]);
  const path = geoPath(projection).digits(0);
  const marks: Mark[] = [
    {
      key: "locator-frame",
      tag: "rect",
      attrs: { x: round(box.x), y: round(box.y), width: w, height: h, class: "locator-water" },
    },
  ];
  for (const f of countriesIn("110m", EUROPE, 0.25).features) {
    const d = path(f);
    if (d)
      marks.push({
        key: `locator-${String(f.id)}`,
        tag: "path",
        attrs: { d, class: String(f.id) === BELARUS ? "locator-land belarus" : "locator-land" },
      });
  }
  // The main map's frame, traced along its edges so the projection's curvature shows.
  const edge = (a: [number, number], b: [number, number]) =>
    Array.from({ length: 9 }, (_, i) =>
      main.invert!([a[0] + ((b[0] - a[0]) * i) / 8, a[1] + ((b[1] - a[1]) * i) / 8])!,
    );
  const [mw, mh] = [main.clipExtent()![1][0], main.clipExtent()![1][1]];
  const ring = [
    ...edge([0, 0], [mw, 0]),
    ...edge([mw, 0], [mw, mh]),
    ...edge([mw, mh], [0, mh]),
    ...edge([0, mh], [0, 0]),
  ];
  const d = path({ type: "LineString", coordinates: ring });
  if (d) marks.push({ key: "locator-extent", tag: "path", attrs: { d, class: "locator-extent" } });
  return { box, marks };
}
