import { geoCentroid, geoConicConformal, geoPath } from "d3-geo";
import { scaleSqrt } from "d3-scale";
import { ORIGIN_PLACE, type Dataset, type DeportationRow, type PlaceRow } from "../../data/load.ts";
import { round, type Mark, type Scene, type Size } from "../../render/scene.ts";
import { formatCount } from "../shared/format.ts";
import { countries, neighbours } from "./geography.ts";
import { extents, type RoutesState } from "./state.ts";

export interface Route {
  place: PlaceRow;
  /** The people taken there, where every source row states a count. */
  count: number | null;
  /** True when at least one row behind the route gives no count: the label then says "at least". */
  partial: boolean;
}

/** The routes a state asks for, one per destination; counts of several releases are added up. */
export function routesFor(data: Dataset, state: RoutesState): Route[] {
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

export function layoutRoutes(data: Dataset, state: RoutesState, size: Size): Scene {
  const { width, height } = size;
  const compact = width < 500;
  const [west, south, east, north] = extents[state.extent];
  const frame = {
    type: "Polygon" as const,
    coordinates: [
      [
        [west, south],
        [west, north],
        [east, north],
        [east, south],
        [west, south],
      ],
    ],
  };
  const projection = geoConicConformal()
    .parallels([50, 56])
    .rotate([-27, 0])
    .fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  const project = (p: PlaceRow): [number, number] => projection([p.lon, p.lat]) ?? [0, 0];

  const land: Mark[] = [];
  for (const country of neighbours().features) {
    const id = String(country.id);
    const d = path(country);
    if (!d) continue;
    // Keyed by extent too: a new extent cross-fades the outlines instead of morphing mismatched paths.
    land.push({
      key: `land-${id}-${state.extent}`,
      tag: "path",
      attrs: { d, class: id === "112" ? "country belarus" : "country" },
    });
    const [cx, cy] = projection(geoCentroid(country)) ?? [-1, -1];
    if (id !== "643" && id !== "112" && cx > 20 && cx < width - 20 && cy > 20 && cy < height - 20) {
      land.push({
        key: `name-${id}`,
        tag: "text",
        attrs: { x: round(cx), y: round(cy), class: "country-name", "text-anchor": "middle" },
        text: countries[id]!.toUpperCase(),
      });
    }
  }
  const russia = projection([east - 0.8, north - 0.8]);
  if (russia)
    land.push({
      key: "name-643",
      tag: "text",
      attrs: { x: round(russia[0]), y: round(russia[1]), class: "country-name", "text-anchor": "end" },
      text: "RUSSIA",
    });

  const origin = data.places.find((p) => p.id === ORIGIN_PLACE)!;
  const [ox, oy] = project(origin);
  const routes = routesFor(data, state).filter((r) => r.place.id !== ORIGIN_PLACE);
  const widthOf = scaleSqrt()
    .domain([0, 150])
    .range([1.5, compact ? 9 : 14])
    .clamp(true);
  const marks: Mark[] = [];
  for (const route of routes) {
    const [tx, ty] = project(route.place);
    // A gentle curve, bowing to the left of the direction of travel.
    const mx = (ox + tx) / 2 + (ty - oy) * 0.2;
    const my = (oy + ty) / 2 - (tx - ox) * 0.2;
    marks.push({
      key: `route-${route.place.id}`,
      tag: "path",
      attrs: {
        d: `M${round(ox)},${round(oy)}Q${round(mx)},${round(my)} ${round(tx)},${round(ty)}`,
        class: route.count === null ? "route unknown" : "route",
        "stroke-width": round(route.count === null ? 1.5 : widthOf(route.count)),
      },
    });
    marks.push({
      key: `dest-${route.place.id}`,
      tag: "circle",
      attrs: { cx: round(tx), cy: round(ty), r: 4, class: "destination" },
    });
    const count =
      route.count === null ? "number not reported" : `${route.partial ? "at least " : ""}${formatCount(route.count)}`;
    const left = tx < ox;
    marks.push({
      key: `label-${route.place.id}`,
      tag: "text",
      attrs: {
        x: round(tx + (left ? -8 : 8)),
        y: round(ty + 4),
        class: "route-label",
        "text-anchor": left ? "end" : "start",
      },
      text: `${route.place.name}: ${count}`,
    });
  }
  marks.push({ key: "origin", tag: "circle", attrs: { cx: round(ox), cy: round(oy), r: 5, class: "origin" } });
  marks.push({
    key: "origin-label",
    tag: "text",
    attrs: { x: round(ox + 8), y: round(oy - 8), class: "route-label strong", "text-anchor": "start" },
    text: origin.name,
  });

  return {
    width,
    height,
    layers: [
      { id: "land", marks: land },
      { id: "routes", marks },
    ],
  };
}
