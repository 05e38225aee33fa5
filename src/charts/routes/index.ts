import { ORIGIN_PLACE, type Dataset } from "../../data/load.ts";
import type { ChartModule, DataTable } from "../types.ts";
import { layoutRoutes, routesFor } from "./layout.ts";
import { checkRoutesState, routesFields, routesState, type RoutesState } from "./state.ts";

function tables(data: Dataset): DataTable[] {
  return [
    {
      caption: "Where the freed were taken",
      columns: ["Release", "Taken to", "How many", "Source"],
      rows: data.deportations.map((d) => [
        d.release_id,
        data.places.find((p) => p.id === d.place)?.name ?? d.place,
        d.count ?? "not reported",
        d.source_name,
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
      r.count === null || r.place.id === ORIGIN_PLACE
        ? []
        : [{ kind: "taken", key: `${state.release}/${r.place.id}`, value: r.count }],
    ),
  draftAlt(data, state) {
    const places = routesFor(data, state).map((r) => r.place.name);
    const which = state.release === "all" ? "every reported release" : `the release :released[${state.release}]`;
    return `Map of Belarus and its neighbours with the routes of ${which}: from Minsk to ${places.join(" and ")}.`;
  },
  rows: (data) => [...data.deportations, ...data.places],
  table: tables,
  dataFiles: ["deportations.csv", "places.csv"],
  legend: [
    { swatch: "route", label: "Route out of Belarus, wider for more people" },
    { swatch: "route-unknown", label: "Number not reported" },
  ],
};
