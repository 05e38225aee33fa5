import { z } from "zod";
import { validChoices } from "../../content/did-you-mean.ts";
import type { Dataset } from "../../data/load.ts";
import { dayOrMonth } from "../shared/dates.ts";
import type { StateProblem } from "../types.ts";

export const panels = ["both", "held", "flows"] as const;

/** What a step may ask of the prisoners chart. Every field has a default, so a state is always complete. */
export const prisonersState = z.strictObject({
  from: dayOrMonth.default("2020-08-01"),
  to: z.union([z.literal("latest"), dayOrMonth]).default("latest"),
  show: z.enum(panels, { error: `is not one of ${panels.join(", ")}` }).default("both"),
  highlight: z.string().default("none"),
});

export type PrisonersState = z.output<typeof prisonersState>;

export const prisonersFields: Record<keyof PrisonersState, string> = {
  from: "first day shown, YYYY-MM-DD or YYYY-MM (default 2020-08-01)",
  to: 'last day shown, YYYY-MM-DD or YYYY-MM, or "latest" for the newest row in the data (default latest)',
  show: `which panels: ${panels.join(", ")} (default both): "held" is the count still held, "flows" the monthly recognitions against releases`,
  highlight: 'the id of a release in content/data/releases.csv to pick out, or "none" (default none)',
};

/** The last date any series of the chart has a row for. */
export function latestDate(data: Dataset): string {
  const dates = [
    ...data.held.map((r) => r.date),
    ...data.releases.map((r) => r.date),
    ...data.recognitions.map((r) => r.period_end),
  ];
  return dates.reduce((a, b) => (a > b ? a : b), "2020-08-01");
}

export function checkPrisonersState(state: PrisonersState, data: Dataset): StateProblem[] {
  const problems: StateProblem[] = [];
  const to = state.to === "latest" ? latestDate(data) : state.to;
  if (state.from >= to) {
    problems.push({
      field: "from",
      value: state.from,
      problem: `from is not before to (${to})`,
      fix: "Make from an earlier date than to.",
    });
  }
  const latest = latestDate(data);
  if (to > latest) {
    problems.push({
      field: "to",
      value: state.to,
      problem: `to is after the newest data (${latest})`,
      fix: `Use a date on or before ${latest}, or "latest".`,
    });
  }
  if (state.highlight !== "none") {
    const release = data.releases.find((r) => r.id === state.highlight);
    if (!release) {
      problems.push({
        field: "highlight",
        value: state.highlight,
        problem: "highlight names no release in content/data/releases.csv",
        fix: `Use a release id from that file, or "none"; ${validChoices(
          state.highlight,
          data.releases.map((r) => r.id),
        )}`,
      });
    } else if (release.date < state.from || release.date > to) {
      problems.push({
        field: "highlight",
        value: state.highlight,
        problem: `the highlighted release (${release.date}) falls outside the dates shown (${state.from} to ${to})`,
        fix: "Widen from/to so they include the release, or highlight another one.",
      });
    }
  }
  return problems;
}
