import { z } from "zod";
import { validChoices } from "../../content/did-you-mean.ts";
import type { Dataset } from "../../data/load.ts";
import type { StateProblem } from "../types.ts";

/**
 * What a step may ask of the deals chart: the release to pick out. The time axis runs over every
 * release and never changes between steps, so a step moves the reader's eye, not the chart.
 */
export const dealsState = z.strictObject({
  highlight: z.string().default("none"),
});
export type DealsState = z.output<typeof dealsState>;

export const dealsFields: Record<keyof DealsState, string> = {
  highlight:
    'the id of a release in content/data/releases.csv to pick out, with what the US gave for it and the contacts around it, or "none" (default none)',
};

export function checkDealsState(state: DealsState, data: Dataset): StateProblem[] {
  if (state.highlight === "none" || data.releases.some((r) => r.id === state.highlight)) return [];
  return [
    {
      field: "highlight",
      value: state.highlight,
      problem: "highlight names no release in content/data/releases.csv",
      fix: `Use a release id from that file, or "none". ${validChoices(
        state.highlight,
        data.releases.map((r) => r.id),
      )}`,
    },
  ];
}
