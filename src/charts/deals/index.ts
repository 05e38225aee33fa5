import type { Dataset } from "../../data/load.ts";
import { concessionKinds } from "../../data/tables.ts";
import { en } from "../../i18n/en.ts";
import { formatDay, parseDay } from "../shared/dates.ts";
import { sourceName } from "../shared/sources.ts";
import type { ChartModule, DataTable } from "../types.ts";
import { dealsAxis, dealsHighlight, layoutDeals } from "./layout.ts";
import { checkDealsState, dealsFields, dealsState, type DealsState } from "./state.ts";

const day = (iso: string): string => formatDay(parseDay(iso));

function tables(data: Dataset): DataTable[] {
  const releaseDate = new Map(data.releases.map((r) => [r.id, day(r.date)]));
  return [
    {
      caption: "Releases since July 2024",
      columns: ["Date", "Freed", "Negotiated by US officials", "Negotiated by", "Source"],
      rows: data.releases.map((r) => [
        day(r.date),
        r.released,
        r.us_brokered ? "yes" : "no",
        r.broker || "—",
        sourceName(data, r),
      ]),
    },
    {
      caption: "What the US gave, and the contacts between the two governments",
      columns: ["Date", "Kind", "What", "With the release of", "Source"],
      rows: data.concessions.map((c) => [
        day(c.date),
        c.kind === "relief" ? "US relief" : "contact",
        c.what,
        c.release_id ? (releaseDate.get(c.release_id) ?? "—") : "—",
        sourceName(data, c),
      ]),
    },
  ];
}

export const dealsChart: ChartModule<DealsState> = {
  id: "deals",
  state: dealsState,
  fields: dealsFields,
  check: checkDealsState,
  layout: layoutDeals,
  claimKinds: ["released"],
  claims(data, state) {
    const picked = dealsHighlight(data, state);
    return picked ? [{ kind: "released", key: picked.release.id, value: picked.release.released }] : [];
  },
  draftAlt(data, state) {
    const [from, to] = dealsAxis(data);
    const base = `Timeline from ${day(from)} to ${day(to)}: every release of prisoners, sized by the number freed, above what the US gave (${concessionKinds.relief}) and the contacts between the two governments.`;
    const picked = dealsHighlight(data, state);
    if (!picked) return base;
    const { release, linked } = picked;
    const given = linked.filter((c) => c.kind === "relief").map((c) => c.label);
    return `${base} Picked out: the release of ${day(release.date)}, which freed :released[${release.id}]${given.length ? `, and with it: ${given.join("; ")}` : ""}.`;
  },
  rows: (data) => [...data.releases, ...data.concessions],
  table: tables,
  dataFiles: ["releases.csv", "concessions.csv"],
  legend: [
    { swatch: "released-us", label: en.legend.releaseUs },
    { swatch: "released", label: en.legend.releaseOther },
    { swatch: "concession", label: en.legend.relief },
    { swatch: "contact", label: en.legend.contact },
  ],
};
