import type { Dataset } from "../../data/load.ts";
import type { ChartModule, DataTable } from "../types.ts";
import { layoutPrisoners } from "./layout.ts";
import { checkPrisonersState, prisonersFields, prisonersState, type PrisonersState } from "./state.ts";
import { formatDay, parseDay } from "../shared/dates.ts";
import { highlightPhrase, rangePhrase } from "../shared/draft.ts";
import { resolveTo } from "../shared/time-range.ts";

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
  draftAlt(data, state) {
    const to = resolveTo(state, data);
    const held = data.held.filter((r) => r.date >= state.from && r.date <= to);
    const first = held[0];
    const last = held.at(-1);
    const count =
      first && last
        ? ` Viasna's count of political prisoners held goes from :held[${first.date}] to :held[${last.date}].`
        : "";
    const panels = {
      both: "The count of political prisoners held, above monthly recognitions and releases",
      held: "The count of political prisoners held",
      flows: "Monthly recognitions of new political prisoners against releases",
    }[state.show];
    return `${panels}, ${rangePhrase(state, data)}.${state.show === "flows" ? "" : count}${highlightPhrase(state, data)}`;
  },
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
