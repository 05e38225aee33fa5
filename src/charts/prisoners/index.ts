import type { Dataset } from "../../data/load.ts";
import type { ChartModule, DataTable } from "../types.ts";
import { layoutPrisoners } from "./layout.ts";
import { checkPrisonersState, prisonersFields, prisonersState, type PrisonersState } from "./state.ts";
import { formatDay, parseDay } from "../shared/dates.ts";

function tables(data: Dataset): DataTable[] {
  const day = (iso: string): string => formatDay(parseDay(iso));
  return [
    {
      caption: "Political prisoners held, Viasna count",
      columns: ["Date", "Held", "Source"],
      rows: data.held.map((r) => [day(r.date), r.count, r.source_name]),
    },
    {
      caption: "People newly recognised as political prisoners",
      columns: ["From", "To", "Recognised", "Source"],
      rows: data.recognitions.map((r) => [day(r.period_start), day(r.period_end), r.count, r.source_name]),
    },
    {
      caption: "Releases",
      columns: ["Date", "Freed", "Of whom political prisoners", "US-brokered", "Source"],
      rows: data.releases.map((r) => [
        day(r.date),
        r.released,
        r.political_prisoners ?? "not reported",
        r.us_brokered ? "yes" : "no",
        r.source_name,
      ]),
    },
  ];
}

export const prisonersChart: ChartModule<PrisonersState> = {
  id: "prisoners",
  state: prisonersState,
  fields: prisonersFields,
  check: checkPrisonersState,
  layout: layoutPrisoners,
  rows: (data) => [...data.held, ...data.recognitions, ...data.releases],
  table: tables,
  dataFiles: ["held.csv", "recognitions.csv", "releases.csv"],
  legend: [
    { swatch: "held", label: "Political prisoners held (Viasna count)" },
    { swatch: "recognised", label: "Newly recognised per month" },
    { swatch: "released-us", label: "Freed in a US-brokered deal" },
    { swatch: "released", label: "Freed in another pardon" },
    { swatch: "gap", label: "No monthly count published" },
  ],
};
