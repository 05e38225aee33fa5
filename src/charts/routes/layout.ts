import { geoContains, type GeoProjection } from "d3-geo";
import { ORIGIN_PLACE, type Dataset, type DeportationRow, type PlaceRow } from "../../data/load.ts";
import { isCompact, round, type Mark, type Scene, type Size } from "../../render/scene.ts";
import { BELARUS, belarus } from "./geography.ts";
import { mapFrame } from "./frame.ts";
import { Curve, type Point } from "./curve.ts";
import type { Box } from "../../render/boxes.ts";
import { around, firstClear, text } from "./labels.ts";
import { locator } from "./locator.ts";
import { placeNames } from "./names.ts";
import { routeMessages as say } from "./messages.ts";
import type { RoutesState } from "./state.ts";

export interface Route {
  place: PlaceRow;
  /** The people taken there, where every source row states a count. */
  count: number | null;
  /** True when at least one row behind the route gives no count: the label then says "at least". */
  partial: boolean;
}

/** Sizes of the map's type, in scene pixels: at least 14, so that a compact map shown 280 px wide prints 12 px text. */
export const TYPE = { label: 14 } as const;

/** The routes a state asks for, one per place; counts of several releases are added up. */
export function routesFor(data: Dataset, state: Pick<RoutesState, "release">): Route[] {
  const rows = data.deportations.filter((d) => state.release === "all" || d.release_id === state.release);
  const byPlace = new Map<string, DeportationRow[]>();
  for (const row of rows) byPlace.set(row.place, [...(byPlace.get(row.place) ?? []), row]);
  return [...byPlace.entries()].map(([id, group]) => {
    const known = group.filter((g) => g.count !== null);
    return {
      place: data.places.find((p) => p.id === id)!,
      count: known.length ? known.reduce((sum, g) => sum + (g.count ?? 0), 0) : null,
      partial: known.length < group.length,
    };
  });
}

/**
 * The widest any route gets: the largest count any state draws, so widths compare across steps. A
 * place's total over every release is at least its count in any one, so the totals are enough.
 */
function largestCount(data: Dataset): number {
  return Math.max(1, ...routesFor(data, { release: "all" }).map((r) => r.count ?? 0));
}

function project(projection: GeoProjection, p: PlaceRow): Point {
  return projection([p.lon, p.lat]) ?? [0, 0];
}

export function layoutRoutes(data: Dataset, state: RoutesState, size: Size): Scene {
  const { width, height } = size;
  const compact = isCompact(width);
  const frameBox: Box = { x: 0, y: 0, width, height };
  const country = belarus();
  const origin = data.places.find((p) => p.id === ORIGIN_PLACE)!;
  const destinations = [...new Set(data.deportations.map((d) => d.place))]
    .map((id) => data.places.find((p) => p.id === id)!)
    .filter((p) => p.id !== ORIGIN_PLACE);

  const { projection, path, land } = mapFrame(country, destinations, size);
  const inBelarus = (p: Point): boolean => {
    const geo = projection.invert!(p);
    return geo !== null && geoContains(country, geo);
  };

  const base: Mark[] = [{ key: "water", tag: "rect", attrs: { x: 0, y: 0, width, height, class: "water" } }];
  for (const f of land.features) {
    const d = path(f);
    if (d)
      base.push({
        key: `land-${String(f.id)}`,
        tag: "path",
        attrs: { d, class: String(f.id) === BELARUS ? "country belarus" : "country" },
      });
  }

  // Routes: the geometry first, so that every label can be placed clear of it.
  const routes = routesFor(data, state);
  const most = largestCount(data);
  const maxWidth = compact ? 12 : 16;
  const widthOf = (count: number | null): number => (count === null ? 2 : Math.max(1.5, (count / most) * maxWidth));
  const [ox, oy] = project(projection, origin);
  const city = state.city === "none" ? undefined : data.places.find((p) => p.id === state.city);
  const countryOf = (p: PlaceRow) => land.features.find((f) => geoContains(f, [p.lon, p.lat]));
  const lines: Mark[] = [];
  const ends: { key: string; at: Point; gap: number; ahead: Point; value: string; describes: string[] }[] = [];
  const curves = new Map<string, { curve: Curve; width: number }>();
  const obstacles: Box[] = [];
  const legend = new Set<string>();

  /** Where a curve from Minsk first leaves Belarus, as a fraction of its length. */
  const exitOf = (curve: Curve): number => {
    for (let t = 0; t <= 1; t += 0.01) if (!inBelarus(curve.at(t))) return t;
    return 1;
  };
  const stayed = routes.find((r) => r.place.id === ORIGIN_PLACE);
  for (const route of routes.filter((r) => r.place.id !== ORIGIN_PLACE)) {
    const id = route.place.id;
    const named = city && countryOf(city) === countryOf(route.place) ? city : undefined;
    const full = Curve.between([ox, oy], project(projection, named ?? route.place), 0.18);
    const w = widthOf(route.count);
    // Without a named place the sources report only the country: the route stops just past the border.
    const reach = 6 / Math.hypot(full.p2[0] - ox, full.p2[1] - oy);
    const curve = named ? full : full.until(Math.min(1, exitOf(full) + reach));
    const cls = route.count === null ? "route unknown" : "route";
    legend.add(route.count === null ? "route-unknown" : "route");
    lines.push({
      key: `casing-${id}`,
      tag: "path",
      attrs: { d: curve.d(), class: "route-casing", "stroke-width": round(w + 4) },
    });
    lines.push({ key: `route-${id}`, tag: "path", attrs: { d: curve.d(), class: cls, "stroke-width": round(w) } });
    const [dx, dy] = curve.direction(1);
    const [ex, ey] = curve.p2;
    const count = say.count(route.count, route.partial);
    curves.set(id, { curve: full, width: w });
    obstacles.push(...curve.boxes(w + 4));
    if (named) {
      // A named place ends the route with a dot and its name; an arrow would overshoot it.
      lines.push({
        key: `city-${named.id}`,
        tag: "circle",
        attrs: { cx: round(ex), cy: round(ey), r: 4.5, class: "destination" },
      });
      ends.push({
        key: `label-${id}`,
        at: [ex, ey],
        gap: 6,
        ahead: [dx, dy],
        value: say.to(count, named.name),
        describes: [`route-${id}`, `city-${named.id}`],
      });
      continue;
    }
    const head = Math.max(7, w * 1.3);
    const tip: Point = [ex + dx * head, ey + dy * head];
    lines.push({
      key: `arrow-${id}`,
      tag: "path",
      attrs: {
        d: `M${round(tip[0])},${round(tip[1])}L${round(ex - dy * head * 0.8)},${round(ey + dx * head * 0.8)}L${round(ex + dy * head * 0.8)},${round(ey - dx * head * 0.8)}Z`,
        class: "route-arrow",
      },
    });
    obstacles.push({ x: tip[0] - head, y: tip[1] - head, width: 2 * head, height: 2 * head });
    ends.push({
      key: `label-${id}`,
      at: tip,
      gap: head,
      ahead: [dx, dy],
      value: say.into(count, route.place.name),
      describes: [`route-${id}`, `arrow-${id}`],
    });
  }

  // People freed who did not leave: at Minsk, or, when the step says so, stopped at a border.
  if (stayed?.count) {
    const refusedAt = state.refused === "none" ? undefined : data.places.find((p) => p.id === state.refused);
    const beside = refusedAt && curves.get(refusedAt.id);
    if (beside) {
      // Beside the route the others took, on its right, stopping where it crosses the border.
      const w = widthOf(stayed.count);
      const along = beside.curve;
      const [cx, cy] = [along.p2[0] - along.p0[0], along.p2[1] - along.p0[1]];
      const length = Math.hypot(cx, cy) || 1;
      const offset = beside.width / 2 + w / 2 + 5;
      const shift = ([x, y]: Point): Point => [x - (cy / length) * offset, y + (cx / length) * offset];
      const curve = new Curve(shift(along.p0), shift(along.p1), shift(along.p2));
      const stop = curve.until(exitOf(curve));
      const [dx, dy] = stop.direction(1);
      const [ex, ey] = stop.p2;
      lines.push({
        key: "refused-casing",
        tag: "path",
        attrs: { d: stop.d(), class: "route-casing", "stroke-width": round(w + 4) },
      });
      lines.push({
        key: "refused",
        tag: "path",
        attrs: { d: stop.d(), class: "route refused", "stroke-width": round(w) },
      });
      lines.push({
        key: "refused-bar",
        tag: "path",
        attrs: {
          d: `M${round(ex - dy * 8)},${round(ey + dx * 8)}L${round(ex + dy * 8)},${round(ey - dx * 8)}`,
          class: "refused-bar",
        },
      });
      obstacles.push(...stop.boxes(w + 4), { x: ex - 10, y: ey - 10, width: 20, height: 20 });
      // Labelled beside its own line, on the far side from the route the others took.
      ends.push({
        key: "label-refused",
        at: stop.at(0.6),
        gap: w / 2 + 4,
        ahead: [-cy / length, cx / length],
        value: say.refused(stayed.count),
        describes: ["refused", "refused-bar"],
      });
      legend.add("route");
    } else {
      const r = Math.max(7, Math.sqrt(stayed.count / most) * maxWidth);
      lines.push({
        key: "stayed",
        tag: "circle",
        attrs: { cx: round(ox), cy: round(oy), r: round(r), class: "stayed" },
      });
      obstacles.push({ x: ox - r, y: oy - r, width: 2 * r, height: 2 * r });
      ends.push({
        key: "label-stayed",
        at: [ox, oy],
        gap: r + 4,
        ahead: [0, 1],
        value: say.stayed(stayed.count),
        describes: ["stayed", "origin"],
      });
      legend.add("stayed");
    }
  }
  lines.push({ key: "origin", tag: "circle", attrs: { cx: round(ox), cy: round(oy), r: 5, class: "origin" } });
  obstacles.push({ x: ox - 6, y: oy - 6, width: 12, height: 12 });

  const inset = locator(projection, size, obstacles);
  obstacles.push(inset.box);

  // Labels, most important first; each keeps clear of the routes and of every label placed before it.
  const labels: Mark[] = [];
  const place = (
    key: string,
    at: Point,
    value: string,
    cls: string,
    fontSize: number,
    weight: 400 | 700,
    gap: number,
    ahead: Point,
    describes: string[],
  ): void => {
    const spot = firstClear(around(at, value, fontSize, weight, gap, ahead), obstacles, frameBox);
    if (!spot) return;
    obstacles.push(spot.box);
    labels.push(text(key, spot.x, spot.y, value, cls, spot.anchor, describes));
  };
  for (const end of ends)
    place(end.key, end.at, end.value, "route-label strong", TYPE.label, 700, end.gap + 3, end.ahead, end.describes);
  place("origin-label", [ox, oy], origin.name, "route-label", TYPE.label, 400, 9, [1, -1], ["origin", "stayed"]);

  // Names last: they keep clear of every route in the data, not just this step's, so that they hold
  // still from step to step, and of every label placed above.
  const everyRoute = destinations.flatMap((p) =>
    Curve.between([ox, oy], project(projection, p), 0.18).boxes(maxWidth + 4),
  );
  const names = placeNames(land.features, projection, path, [...obstacles, ...everyRoute], frameBox);

  return {
    width,
    height,
    layers: [
      { id: "land", marks: base },
      { id: "names", marks: names },
      { id: "routes", marks: lines },
      { id: "labels", marks: labels },
      { id: "locator", marks: inset.marks },
    ],
    legend: [...legend],
  };
}
