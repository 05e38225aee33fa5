import type { Dataset } from "../../data/load.ts";
import { periodKey, releasesKey } from "../../data/periods.ts";
import { en } from "../../i18n/en.ts";
import { formatDay, parseDay } from "../shared/dates.ts";
import { formatCount } from "../shared/format.ts";
import { sourceName } from "../shared/sources.ts";
import type { ChartModule, DataTable } from "../types.ts";
import { prisonersClaims, prisonersLabels } from "./annotations.ts";
import { axisPeriods, axisSpan } from "./axis.ts";
import { layoutPrisoners } from "./layout.ts";
import { checkPrisonersState, prisonersFields, prisonersState, type PrisonersState } from "./state.ts";

const day = (iso: string): string => formatDay(parseDay(iso));
const NOT_PUBLISHED = "not published";
const NOT_DERIVABLE = "not derivable";

function tables(data: Dataset): DataTable[] {
  return [
    {
      caption:
        "In and out, period by period (left by other routes is derived: held at the start + newly recognised − freed − held at the end)",
      columns: [
        "From",
        "To",
        "Held at the start",
        "Newly recognised",
        "Freed, US-brokered",
        "Freed, other pardons",
        "Left by other routes (derived)",
        "Held at the end",
      ],
      rows: axisPeriods(data).map((p) => [
        day(p.start),
        day(p.end),
        p.heldBefore?.count ?? NOT_PUBLISHED,
        p.recognised?.count ?? NOT_PUBLISHED,
        p.freedUs,
        p.freedOther,
        // Below zero is not people who left: the counts contradict each other, as the chart marks it.
        p.leftOtherwise === null
          ? NOT_DERIVABLE
          : p.leftOtherwise < 0
            ? en.prisoners.conflict(formatCount(-p.leftOtherwise))
            : p.leftOtherwise,
        p.heldAfter?.count ?? NOT_PUBLISHED,
      ]),
    },
    {
      caption: "Political prisoners held, Viasna's count",
      columns: ["Date", "Held", "Source"],
      rows: data.held.map((r) => [day(r.date), r.count, sourceName(data, r)]),
    },
    {
      caption: "People newly recognised as political prisoners",
      columns: ["From", "To", "Recognised", "Source"],
      rows: data.recognitions.map((r) => [day(r.period_start), day(r.period_end), r.count, sourceName(data, r)]),
    },
  ];
}

export const prisonersChart: ChartModule<PrisonersState> = {
  id: "prisoners",
  state: prisonersState,
  fields: prisonersFields,
  check: checkPrisonersState,
  layout: layoutPrisoners,
  claimKinds: ["held", "recognised", "freed", "freed-us", "freed-other", "left-otherwise"],
  claims: prisonersClaims,
  draftAlt(data, state) {
    const [from, to] = axisSpan(data);
    const { held, focus } = prisonersLabels(data, state);
    const base = `Viasna's count of political prisoners held, and for each period from ${day(from)} to ${day(to)} the people newly recognised as political prisoners against the people freed and, derived, those who left the list in other ways.`;
    const counts = held.map((r) => ` Labelled: :held[${r.date}] on ${day(r.date)}.`).join("");
    if (!focus) return base + counts;
    const key = periodKey([focus.start, focus.end]);
    const parts = [
      focus.recognised !== null ? `:recognised[${key}] newly recognised` : "no published count of recognitions",
      focus.freedUs + focus.freedOther > 0
        ? `:freed[${releasesKey([focus.start, focus.end], data.releases)}] freed`
        : "",
      focus.leftOtherwise !== null && focus.leftOtherwise > 0 ? `:left-otherwise[${key}] left by other routes` : "",
    ].filter(Boolean);
    return `${base}${counts} Picked out, ${day(focus.start)} to ${day(focus.end)}: ${parts.join(", ")}.`;
  },
  rows: (data) => [...data.held, ...data.recognitions, ...data.releases],
  table: tables,
  dataFiles: ["held.csv", "recognitions.csv", "releases.csv"],
  legend: [
    { swatch: "held", label: en.legend.held },
    { swatch: "recognised", label: en.legend.recognised },
    { swatch: "freed-us", label: en.legend.freedUs },
    { swatch: "freed-other", label: en.legend.freedOther },
    { swatch: "left-otherwise", label: en.legend.leftOtherwise },
    { swatch: "no-count", label: en.legend.noCount },
    { swatch: "left-negative", label: en.legend.conflict },
  ],
};
