import type { Dataset } from "../../data/load.ts";
import { ORIGIN_PLACE } from "../../data/load.ts";
import { en } from "../../i18n/en.ts";
import { formatDay, parseDay } from "../shared/dates.ts";
import { sourceName } from "../shared/sources.ts";
import type { ChartModule, DataTable } from "../types.ts";
import { layoutRoutes, routesFor } from "./layout.ts";
import { checkRoutesState, routesFields, routesState, type RoutesState } from "./state.ts";

/** A release as a reader knows it: its date, not its id. */
function releaseName(data: Dataset, id: string): string {
  const release = data.releases.find((r) => r.id === id);
  return release ? formatDay(parseDay(release.date)) : id;
}

function tables(data: Dataset): DataTable[] {
  return [
    {
      caption: "Where the freed were taken",
      columns: ["Release of", "Taken to", "How many", "Source"],
      rows: data.deportations.map((d) => [
        releaseName(data, d.release_id),
        d.place === ORIGIN_PLACE ? "stayed in Belarus" : (data.places.find((p) => p.id === d.place)?.name ?? d.place),
        d.count ?? "not reported",
        sourceName(data, d),
      ]),
    },
  ];
}

export const routesChart: ChartModule<RoutesState> = {
  id: "routes",
  state: routesState,
  fields: routesFields,
  check: checkRoutesState,
  layout: layoutRoutes,
  // The map labels the people taken to each place: prose that prints such a number must show its route.
  claimKinds: ["taken"],
  claims: (data, state) =>
    routesFor(data, state).flatMap((r) =>
      r.count === null ? [] : [{ kind: "taken", key: `${state.release}/${r.place.id}`, value: r.count }],
    ),
  draftAlt(data, state) {
    const places = routesFor(data, state)
      .filter((r) => r.place.id !== ORIGIN_PLACE)
      .map((r) => r.place.name);
    const which =
      state.release === "all"
        ? "every reported release"
        : `the release of ${releaseName(data, state.release)}, which freed :released[${state.release}]`;
    return `Map of Belarus and its neighbours with the routes of ${which}: from Minsk across the border into ${places.join(" and ")}.`;
  },
  rows: (data) => [...data.deportations, ...data.places],
  table: tables,
  dataFiles: ["deportations.csv", "places.csv"],
  legend: [
    { swatch: "route", label: en.legend.route },
    { swatch: "route-unknown", label: en.legend.routeUnknown },
    { swatch: "stayed", label: en.legend.stayed },
  ],
};
