import { z } from "zod";
import { checkTimeRange, timeRangeDocs, timeRangeFields } from "../shared/time-range.ts";

export const panels = ["both", "held", "flows"] as const;

/** What a step may ask of the prisoners chart. Every field has a default, so a state is always complete. */
export const prisonersState = z.strictObject({
  ...timeRangeFields("2020-08-01"),
  show: z.enum(panels, { error: `is not one of ${panels.join(", ")}` }).default("both"),
});

export type PrisonersState = z.output<typeof prisonersState>;

export const prisonersFields: Record<keyof PrisonersState, string> = {
  ...timeRangeDocs("2020-08-01"),
  show: `which panels: ${panels.join(", ")} (default both): "held" is the count still held, "flows" the monthly recognitions against releases`,
};

export const checkPrisonersState = checkTimeRange;
