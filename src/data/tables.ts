import { column, sourceColumns } from "./columns.ts";
import { defineTable } from "./csv.ts";
import { count, isoDate, optionalCount, optionalText, slug, yesNo } from "./fields.ts";

/** Viasna's count of political prisoners held on a date. */
export const heldTable = defineTable({
  file: "held.csv",
  describe: "Viasna's count of political prisoners held in Belarus on one date",
  columns: {
    date: column(isoDate, "The date the count applies to, YYYY-MM-DD", "2025-09-18"),
    count: column(count, "How many political prisoners Viasna counted, a whole number without commas", "1184"),
    ...sourceColumns,
  },
  key: ["date"],
});

/** People newly recognised as political prisoners by Viasna over a period (a day, a month or a year). */
export const recognitionsTable = defineTable({
  file: "recognitions.csv",
  describe: "How many people Viasna newly recognised as political prisoners in one period",
  columns: {
    period_start: column(isoDate, "The first day of the period, YYYY-MM-DD", "2025-09-01"),
    period_end: column(
      isoDate,
      "The last day of the period (the same as period_start for one day), YYYY-MM-DD",
      "2025-09-30",
    ),
    count: column(count, "How many people were recognised in the period, a whole number", "8"),
    ...sourceColumns,
  },
  key: ["period_start", "period_end"],
});

/** One release of prisoners: a pardon or a negotiated deal. */
export const releasesTable = defineTable({
  file: "releases.csv",
  describe: "One release of prisoners from Belarusian jails, by pardon or deal",
  columns: {
    id: column(
      slug,
      "A short unique id for the release, used by steps and prose, e.g. date and kind",
      "2025-09-11-us-deal",
    ),
    date: column(isoDate, "The day the prisoners were freed, YYYY-MM-DD", "2025-09-11"),
    released: column(count, "How many people were freed, as the source states it", "52"),
    political_prisoners: column(
      optionalCount,
      "How many of them Viasna recognised as political prisoners; leave empty if no source says",
      "",
    ),
    us_brokered: column(yesNo, 'Whether US officials negotiated the release: "yes" or "no"', "yes"),
    broker: column(optionalText, "Who negotiated it, if anyone (may be empty)", "US envoy John Coale"),
    ...sourceColumns,
  },
  key: ["id"],
});
