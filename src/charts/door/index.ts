import type { Dataset } from "../../data/load.ts";
import { periodKey, releasesKey } from "../../data/periods.ts";
import { en } from "../../i18n/en.ts";
import { sizes } from "../../render/scene.ts";
import { formatDay, parseDay } from "../shared/dates.ts";
import { formatCount } from "../shared/format.ts";
import { sourceName } from "../shared/sources.ts";
import type { ChartModule, DataTable, StateProblem } from "../types.ts";
import { doorStateClaims } from "./annotations.ts";
import { groupName, placeGroups } from "./exits.ts";
import { doorFrame } from "./geometry.ts";
import { doorCapacity, layoutDoor } from "./layout.ts";
import { cohortsOf, doorModel } from "./model.ts";
import { checkDoorState, doorFields, doorState, type DoorState } from "./state.ts";

const day = (iso: string): string => formatDay(parseDay(iso));
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function tables(data: Dataset): DataTable[] {
  return [
    {
      caption: "Political prisoners held, Viasna's count: one dot each",
      columns: ["Date", "Held", "Source"],
      rows: data.held.map((r) => [day(r.date), r.count, sourceName(data, r)]),
    },
    {
      caption: "Who left in each release, and where they were taken",
      columns: ["Release of", "Freed", "How", "Where they went", "How many"],
      rows: data.releases.flatMap((r) =>
        cohortsOf(r, data).map(({ place, cohort }) => [
          day(r.date),
          r.released,
          r.us_brokered ? "US-brokered" : "other pardon",
          groupName(place, data),
          cohort.count,
        ]),
      ),
    },
  ];
}

/**
 * A state the door cannot draw dot for dot: leaving groups that would not fit below or beside the
 * door at either size; releases that freed more people than were held at the span's start (each
 * freed person leaves as a dot of that count); or more people leaving the list otherwise than were
 * held and not freed (some of those recognised in the span left in it too, and no dot of the count
 * before can stand for them).
 */
function checkFit(state: DoorState, data: Dataset): StateProblem[] {
  const model = doorModel(data, state);
  const worst = Math.max(
    ...Object.values(sizes).map((size) => placeGroups(doorFrame(doorCapacity(data), size), model, data).overflow),
  );
  const problem = (text: string, fix: string): StateProblem[] => [
    { field: "since", value: state.since, problem: text, fix },
  ];
  const shorter = "Choose a later since (a shorter span)";
  if (worst > 0) {
    const leaving = model.groups.reduce((sum, g) => sum + g.count, 0);
    return problem(
      `${leaving} people leave in this state's span, more than the space outside the door holds`,
      `${shorter}, so fewer people leave in one step.`,
    );
  }
  if (model.stay >= 0 || !model.since) return [];
  const freed = model.freedUs + model.freedOther;
  const kept = model.since.count - freed;
  return kept < 0
    ? problem(
        `the releases in this state's span freed ${formatCount(freed)}, more than the ${formatCount(model.since.count)} held at its start, and each leaves as a dot of that count`,
        `${shorter}.`,
      )
    : problem(
        `${formatCount(model.leftOtherwise ?? 0)} left the list in other ways in this state's span, more than the ${formatCount(kept)} held at its start and not freed: some of those newly recognised in it left too, and the door cannot show which`,
        `${shorter}.`,
      );
}

/** Text alternatives are written from the same model the layout draws, with every number bound. */
function draftAlt(data: Dataset, state: DoorState): string {
  const model = doorModel(data, state);
  const { at, since, span } = model;
  const base = `A field of dots, one for each of the :held[${at.date}] political prisoners in Viasna's count on ${day(at.date)}.`;
  if (!span) return base;
  const key = periodKey(span);
  const freed = model.freedUs + model.freedOther;
  const places = model.groups.filter((g) => g.id !== "left").map((g) => lowerFirst(groupName(g.id, data)));
  const freedPart =
    freed > 0
      ? ` :freed[${releasesKey(span, data.releases)}] freed in releases leave through the door in groups (${places.join(", ")}).`
      : "";
  if (model.afterCount) return `${base} After that count, until ${day(span[1])}:${freedPart}`;
  const from = since ? ` Since ${day(since.date)}, when the count was :held[${since.date}]:` : "";
  const arrived =
    model.leftOtherwise !== null
      ? ` :recognised[${key}] newly recognised come in through a door;${freedPart} :left-otherwise[${key}] left in other ways (derived).`
      : `${freedPart} Who came in was not published: the rest of the change is drawn as a net figure.`;
  return `${base}${from}${arrived}`;
}

export const doorChart: ChartModule<DoorState> = {
  id: "door",
  state: doorState,
  fields: doorFields,
  check: (state, data) => {
    const problems = checkDoorState(state, data);
    return problems.length ? problems : checkFit(state, data);
  },
  layout: layoutDoor,
  claimKinds: ["held", "recognised", "freed", "freed-us", "freed-other", "left-otherwise"],
  claims: doorStateClaims,
  draftAlt,
  rows: (data) => [...data.held, ...data.recognitions, ...data.releases, ...data.deportations],
  table: tables,
  dataFiles: ["held.csv", "recognitions.csv", "releases.csv", "deportations.csv"],
  legend: [
    { swatch: "door-held", label: en.legend.doorHeld },
    { swatch: "door-new", label: en.legend.doorNew },
    { swatch: "door-us", label: en.legend.doorUs },
    { swatch: "door-other", label: en.legend.doorOther },
    { swatch: "door-derived", label: en.legend.doorDerived },
  ],
};
