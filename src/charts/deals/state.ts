import { z } from "zod";
import { checkTimeRange, timeRangeDocs, timeRangeFields } from "../shared/time-range.ts";

/** What a step may ask of the deals chart: a date range and the release to pick out. */
export const dealsState = z.strictObject(timeRangeFields("2024-06-01"));
export type DealsState = z.output<typeof dealsState>;
export const dealsFields: Record<keyof DealsState, string> = timeRangeDocs("2024-06-01");
export const checkDealsState = checkTimeRange;
