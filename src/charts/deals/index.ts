import type { Dataset } from "../../data/load.ts";
import { formatDay, parseDay } from "../shared/dates.ts";
import { highlightPhrase, rangePhrase } from "../shared/draft.ts";
import type { ChartModule, DataTable } from "../types.ts";
import { layoutDeals } from "./layout.ts";
import { checkDealsState, dealsFields, dealsState, type DealsState } from "./state.ts";

const day = (iso: string): string => formatDay(parseDay(iso));

function tables(data: Dataset): DataTable[] {
  return [
    {
      caption: "Releases since July 2024",
      columns: ["Date", "Freed", "US-brokered", "Negotiated by", "Source"],
      rows: data.releases.map((r) => [
        day(r.date),
        r.released,
        r.us_brokered ? "yes" : "no",
        r.broker || "—",
        r.source_name,
      ]),
    },
    {
      caption: "What was given or promised",
      columns: ["Date", "What", "Source"],
      rows: data.concessions.map((c) => [day(c.date), c.what, c.source_name]),
    },
  ];
}

export const dealsChart: ChartModule<DealsState> = {
  id: "deals",
  state: dealsState,
  fields: dealsFields,
  check: checkDealsState,
  layout: layoutDeals,
  draftAlt: (data, state) =>
    `Timeline of releases, US concessions and new political prisoners ${rangePhrase(state, data)}.${highlightPhrase(state, data)}`,
  rows: (data) => [...data.releases, ...data.concessions, ...data.recognitions],
  table: tables,
  dataFiles: ["releases.csv", "concessions.csv", "recognitions.csv"],
  legend: [
    { swatch: "released-us", label: "US-brokered release" },
    { swatch: "released", label: "Other pardon" },
    { swatch: "concession", label: "Sanctions relief or promise" },
    { swatch: "recognised", label: "Newly recognised (a day ▼, a period ━)" },
  ],
};
