import { z } from "zod";
import { validChoices } from "../../content/did-you-mean.ts";
import type { Dataset } from "../../data/load.ts";
import type { StateProblem } from "../types.ts";
import { dayOrMonth, dayOrMonthEnd } from "./dates.ts";

/**
 * The state fields every timeline chart shares: a date range and one highlighted release.
 * Defaults differ per chart, so each builds its own schema from this.
 */
export function timeRangeFields(defaultFrom: string) {
  return {
    from: dayOrMonth.default(defaultFrom),
    to: z.union([z.literal("latest"), dayOrMonthEnd]).default("latest"),
    highlight: z.string().default("none"),
  };
}

export function timeRangeDocs(defaultFrom: string) {
  return {
    from: `first day shown, YYYY-MM-DD or YYYY-MM (default ${defaultFrom})`,
    to: 'last day shown, YYYY-MM-DD or YYYY-MM (its last day), or "latest" for the newest row in the data (default latest)',
    highlight: 'the id of a release in content/data/releases.csv to pick out, or "none" (default none)',
  };
}

/** The last date any dated series has a row for. */
export function latestDate(data: Dataset): string {
  const dates = [
    ...data.held.map((r) => r.date),
    ...data.releases.map((r) => r.date),
    ...data.recognitions.map((r) => r.period_end),
    ...data.concessions.map((r) => r.date),
  ];
  return dates.reduce((a, b) => (a > b ? a : b), "2020-08-01");
}

export interface TimeRangeState {
  from: string;
  to: string;
  highlight: string;
}

export const resolveTo = (state: TimeRangeState, data: Dataset): string =>
  state.to === "latest" ? latestDate(data) : state.to;

/** The checks a time range and highlight need against the data. */
export function checkTimeRange(state: TimeRangeState, data: Dataset): StateProblem[] {
  const problems: StateProblem[] = [];
  const latest = latestDate(data);
  const to = resolveTo(state, data);
  if (state.from >= to) {
    problems.push({
      field: "from",
      value: state.from,
      problem: `from is not before to (${to})`,
      fix: "Make from an earlier date than to.",
    });
  }
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
