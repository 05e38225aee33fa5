import { greatest } from "d3-array";
import { z } from "zod";
import { validChoices } from "../../content/did-you-mean.ts";
import type { Dataset } from "../../data/load.ts";
import { parsePeriod, periodKey, PERIOD_FORMS } from "../../data/periods.ts";
import type { StateProblem } from "../types.ts";
import { axisPeriods } from "./axis.ts";

/**
 * What a step may ask of the prisoners chart. The time axis and both scales come from the data and
 * never change between steps: a step only picks out a span of periods and labels counts.
 */
export const prisonersState = z.strictObject({
  focus: z.string().default("latest"),
  held: z
    .string()
    .default("latest")
    .transform((s) =>
      s
        .split(",")
        .map((d) => d.trim())
        .filter((d) => d !== "" && d !== "none"),
    ),
});

export type PrisonersState = z.output<typeof prisonersState>;

export const prisonersFields: Record<keyof PrisonersState, string> = {
  focus: `the span whose flows are picked out and added up, made of whole periods: ${PERIOD_FORMS}; "latest" for the newest period with a complete balance; or "none" (default latest)`,
  held: 'the counts to label, by date in held.csv (2023-05-31), comma-separated; "latest" and "peak" name the newest and the highest; or "none" (default latest)',
};

/** The focus of a state as a span of days, or undefined for none. */
export function focusSpan(state: PrisonersState, data: Dataset): [string, string] | undefined {
  if (state.focus === "none") return undefined;
  if (state.focus === "latest") {
    const complete = axisPeriods(data).filter((p) => p.leftOtherwise !== null);
    const last = complete.at(-1);
    return last ? [last.start, last.end] : undefined;
  }
  return parsePeriod(state.focus);
}

/** The held counts a state labels, with "latest" and "peak" resolved to dates. */
export function labelledHeldDates(state: PrisonersState, data: Dataset): string[] {
  // Without a count, "latest" and "peak" stay as written, and so match no count to label.
  const named = new Map([
    ["latest", data.held.at(-1)?.date],
    // The first time the count reached its highest.
    ["peak", greatest(data.held, (r) => r.count)?.date],
  ]);
  const resolve = (d: string): string => named.get(d) ?? d;
  return [...new Set(state.held.map(resolve))];
}

export function checkPrisonersState(state: PrisonersState, data: Dataset): StateProblem[] {
  const problems: StateProblem[] = [];
  if (state.focus !== "none" && state.focus !== "latest") {
    const span = parsePeriod(state.focus);
    const periods = axisPeriods(data);
    if (!span) {
      problems.push({
        field: "focus",
        value: state.focus,
        problem: "focus is not a period",
        fix: `Write ${PERIOD_FORMS}, "latest" or "none".`,
      });
    } else {
      const inside = periods.filter((p) => p.start >= span[0] && p.end <= span[1]);
      // A focus reaching past the periods (beyond the data, or into a gap) would be drawn as no focus
      // at all. The periods do not overlap, so one the focus cuts also leaves the whole periods inside
      // it short of its span: that test alone finds every focus that is not whole periods.
      const covered = inside.length > 0 ? periodKey([inside[0]!.start, inside.at(-1)!.end]) : undefined;
      if (covered !== periodKey(span)) {
        const bounds = periods.map((p) => periodKey([p.start, p.end]));
        // Only to say what is wrong: a period the focus cuts in two, if there is one.
        const cut = periods.filter(
          (p) => p.start <= span[1] && p.end >= span[0] && (p.start < span[0] || p.end > span[1]),
        );
        problems.push({
          field: "focus",
          value: state.focus,
          problem: cut.length
            ? `focus ${periodKey(span)} cuts the period ${periodKey([cut[0]!.start, cut[0]!.end])} in two: the chart adds up whole periods only`
            : covered
              ? `focus ${periodKey(span)} reaches past the chart's periods, which cover only ${covered} of it`
              : `focus ${periodKey(span)} holds no period of the chart`,
          fix: `Start and end the focus on period boundaries. ${validChoices(state.focus, bounds, 60)}`,
        });
      }
    }
  }
  const dates = data.held.map((r) => r.date);
  for (const date of state.held) {
    if (date === "latest" || date === "peak" || dates.includes(date)) continue;
    problems.push({
      field: "held",
      value: date,
      problem: `held names no count in content/data/held.csv (${date})`,
      fix: `Use dates of held.csv, "latest", "peak" or "none". ${validChoices(date, dates)}`,
    });
  }
  return problems;
}
