import { z } from "zod";
import { validChoices } from "../../content/did-you-mean.ts";
import type { Dataset } from "../../data/load.ts";
import type { StateProblem } from "../types.ts";

/** Map extents as [west, south, east, north] in degrees; a step picks one by name. */
export const extents = {
  region: [19.5, 49.2, 33.5, 57.2],
  belarus: [22.8, 50.9, 32.9, 56.4],
  wide: [13.5, 44.5, 40.5, 60.5],
} as const;
export type ExtentName = keyof typeof extents;
const extentNames = Object.keys(extents) as ExtentName[];

/** What a step may ask of the routes map: whose routes, and how far out to look. */
export const routesState = z.strictObject({
  release: z.string().default("all"),
  extent: z
    .enum(extentNames as [ExtentName, ...ExtentName[]], { error: `is not one of ${extentNames.join(", ")}` })
    .default("region"),
});
export type RoutesState = z.output<typeof routesState>;

export const routesFields: Record<keyof RoutesState, string> = {
  release:
    'the id of a release in content/data/releases.csv whose routes to draw, or "all" for every route in deportations.csv (default all)',
  extent: `how much of the map to show: ${extentNames.join(", ")} (default region)`,
};

export function checkRoutesState(state: RoutesState, data: Dataset): StateProblem[] {
  if (state.release === "all") return [];
  const withRoutes = [...new Set(data.deportations.map((d) => d.release_id))];
  if (withRoutes.includes(state.release)) return [];
  const exists = data.releases.some((r) => r.id === state.release);
  return [
    {
      field: "release",
      value: state.release,
      problem: exists
        ? `the release "${state.release}" has no rows in content/data/deportations.csv`
        : `release names no release in content/data/releases.csv`,
      fix: `${exists ? "Add its routes to deportations.csv, or pick" : "Pick"} a release that has routes, or "all": ${validChoices(state.release, withRoutes)}`,
    },
  ];
}
