import type { Dataset } from "./load.ts";

/** The last date any dated table has a row for: where the charts' time axes end. */
export function latestDate(data: Pick<Dataset, "held" | "releases" | "recognitions" | "concessions">): string {
  const dates = [
    ...data.held.map((r) => r.date),
    ...data.releases.map((r) => r.date),
    ...data.recognitions.map((r) => r.period_end),
    ...data.concessions.map((r) => r.date),
  ];
  return dates.reduce((a, b) => (a > b ? a : b), "");
}
