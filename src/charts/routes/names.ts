import { geoContains, type GeoPath, type GeoProjection } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { isCompact, type Mark } from "../../render/scene.ts";
import type { Point } from "./curve.ts";
import { BELARUS } from "./geography.ts";
import { inside, overlaps, type Box } from "../../render/boxes.ts";
import { firstClear, labelBox, text } from "./labels.ts";
import { routeMessages as say } from "./messages.ts";

/** Sizes of the names, in scene pixels (at least 14: see TYPE in layout.ts). */
const SIZE = { country: 14, belarus: 17 } as const;

const grow =
  (by: number) =>
  (b: Box): Box => ({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by });

/**
 * Country names inside their own outline where there is room (Belarus first and larger, then by
 * visible area), and the seas where the frame shows open water, all clear of the obstacles.
 */
export function placeNames(
  countries: Feature<Geometry, { name: string }>[],
  projection: GeoProjection,
  path: GeoPath,
  obstacles: Box[],
  frame: Box,
): Mark[] {
  const compact = isCompact(frame.width);
  const taken = obstacles.map(grow(6));
  const names: Mark[] = [];
  // Projecting an outline to measure it is costly: once per country, not once per comparison.
  const areas = new Map(countries.map((f) => [f, path.area(f)]));
  const byArea = countries
    .filter((f) => areas.get(f)! > 1500)
    .sort(
      (a, b) => Number(String(b.id) === BELARUS) - Number(String(a.id) === BELARUS) || areas.get(b)! - areas.get(a)!,
    );
  for (const f of byArea) {
    const isBelarus = String(f.id) === BELARUS;
    const value = f.properties.name.toUpperCase();
    const fontSize = isBelarus ? SIZE.belarus : SIZE.country;
    const [cx, cy] = path.centroid(f);
    const step = compact ? 16 : 22;
    // On the sphere, so a costly test: asked only of spots that are already clear (see firstClear).
    const withinOutline = ({ box }: { box: Box }): boolean =>
      [
        [box.x, box.y],
        [box.x + box.width, box.y],
        [box.x, box.y + box.height],
        [box.x + box.width, box.y + box.height],
      ].every((c) => {
        const geo = projection.invert!(c as Point);
        return geo !== null && geoContains(f, geo);
      });
    const candidates = Array.from(
      { length: 81 },
      (_, i) => [((i % 9) - 4) * step, (Math.floor(i / 9) - 4) * step] as Point,
    )
      .sort((a, b) => Math.hypot(...a) - Math.hypot(...b))
      .map(([dx, dy]) => ({ x: cx + dx, y: cy + dy }))
      .map((p) => ({ ...p, box: labelBox(value, p.x, p.y, "middle", fontSize, 700, 0.12) }));
    const spot = firstClear(candidates, taken, frame, withinOutline);
    if (!spot) continue;
    taken.push(grow(6)(spot.box));
    names.push(
      text(
        `name-${String(f.id)}`,
        spot.x,
        spot.y,
        value,
        isBelarus ? "country-name belarus" : "country-name",
        "middle",
      ),
    );
  }
  for (const [sea, lon, lat] of say.seas) {
    const at = projection([lon, lat]);
    if (!at || countries.some((f) => geoContains(f, [lon, lat]))) continue;
    const box = labelBox(sea, at[0], at[1], "middle", SIZE.country, 400);
    if (inside(box, frame) && !taken.some((o) => overlaps(box, o)))
      names.push(text(`sea-${sea}`, at[0], at[1], sea, "sea-name", "middle"));
  }
  return names;
}
