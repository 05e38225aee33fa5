import { z } from "zod";
import { validChoices } from "../../content/did-you-mean.ts";
import { ORIGIN_PLACE, type Dataset } from "../../data/load.ts";
import type { StateProblem } from "../types.ts";

/** What a step may ask of the routes map: whose routes, which place to name, who refused to cross. */
export const routesState = z.strictObject({
  release: z.string().default("all"),
  city: z.string().default("none"),
  refused: z.string().default("none"),
});
export type RoutesState = z.output<typeof routesState>;

export const routesFields: Record<keyof RoutesState, string> = {
  release:
    'the id of a release in content/data/releases.csv whose routes to draw, or "all" for every route in deportations.csv (default all)',
  city: 'a place in places.csv to name at the end of the route into its country, when the text names it (e.g. vilnius), or "none" (default)',
  refused:
    'the place in places.csv whose border the people who stayed in Belarus (the deportations row whose place is "belarus") refused to cross, or "none" (default)',
};

export function checkRoutesState(state: RoutesState, data: Dataset): StateProblem[] {
  const problems: StateProblem[] = [];
  const rows = data.deportations.filter((d) => state.release === "all" || d.release_id === state.release);
  if (state.release === "all" && rows.length === 0) {
    problems.push({
      field: "release",
      value: state.release,
      problem: "content/data/deportations.csv has no rows, so there is no route to draw",
      fix: "Add where the freed of a release were taken to content/data/deportations.csv, with its source, or take the routes chart's steps out.",
    });
  } else if (rows.length === 0) {
    const withRoutes = [...new Set(data.deportations.map((d) => d.release_id))];
    const exists = data.releases.some((r) => r.id === state.release);
    problems.push({
      field: "release",
      value: state.release,
      problem: exists
        ? `the release "${state.release}" has no rows in content/data/deportations.csv`
        : `release names no release in content/data/releases.csv`,
      fix: `${exists ? "Add its routes to deportations.csv, or pick" : "Pick"} a release that has routes, or "all". ${validChoices(state.release, withRoutes)}`,
    });
  }
  const placeIds = data.places.map((p) => p.id);
  if (state.city !== "none" && !placeIds.includes(state.city))
    problems.push({
      field: "city",
      value: state.city,
      problem: "city names no place in content/data/places.csv",
      fix: `Add the place to places.csv (with sourced coordinates), or pick one. ${validChoices(state.city, [...placeIds, "none"])}`,
    });
  if (state.refused !== "none") {
    const destinations = rows.map((r) => r.place).filter((p) => p !== ORIGIN_PLACE);
    if (!destinations.includes(state.refused))
      problems.push({
        field: "refused",
        value: state.refused,
        problem: "refused must be a place this release's routes go to",
        fix: `Pick one of its destinations, or "none". ${validChoices(state.refused, [...destinations, "none"])}`,
      });
    else if (!rows.some((r) => r.place === ORIGIN_PLACE))
      problems.push({
        field: "refused",
        value: state.refused,
        problem: `the release has no deportations row with the place "${ORIGIN_PLACE}" saying how many stayed`,
        fix: `Add that row to content/data/deportations.csv, with its source, or leave refused out`,
      });
  }
  return problems;
}
