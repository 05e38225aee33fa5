import type { Dataset } from "../../data/load.ts";
import { flowPeriods, spanDays, type FlowPeriod } from "../../data/flows.ts";
import { monthEnd } from "../../data/periods.ts";
import { latestDate } from "../../data/latest.ts";

/**
 * The span the prisoners chart's periods cover, for every step: from the first month with a
 * published count of recognitions to the newest row in the data. Steps never re-window it, so the
 * same period is always in the same place.
 */
export function axisSpan(data: Dataset): [string, string] {
  const firstMonth = data.recognitions.find(
    (r) => r.period_start.endsWith("-01") && r.period_end === monthEnd(r.period_start.slice(0, 7)),
  );
  const start = firstMonth?.period_start ?? data.held[0]?.date ?? latestDate(data);
  return [start, latestDate(data)];
}

/** The drawn time axis: the periods' span, run on to the end of its last month. */
export function axisDomain(data: Dataset): [string, string] {
  const [start, end] = axisSpan(data);
  return [start, monthEnd(end.slice(0, 7))];
}

const cache = new WeakMap<Dataset, FlowPeriod[]>();

/** The flow periods on the axis, computed once per data set. */
export function axisPeriods(data: Dataset): FlowPeriod[] {
  let periods = cache.get(data);
  if (!periods) {
    const [from, to] = axisSpan(data);
    periods = flowPeriods(data, from, to);
    cache.set(data, periods);
  }
  return periods;
}

/** Average days in a month: flows are drawn as people a month, so a block's area is its total. */
export const DAYS_PER_MONTH = 365.25 / 12;

export const monthsIn = (p: FlowPeriod): number => spanDays(p.start, p.end) / DAYS_PER_MONTH;
