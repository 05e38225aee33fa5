import { addDays, flowPeriods, flowsOver } from "../../data/flows.ts";
import { ORIGIN_PLACE, type Dataset, type HeldRow, type ReleaseRow } from "../../data/load.ts";
import { heldRow, type DoorState } from "./state.ts";

/** How a batch of people left: freed in a US-brokered release, in another pardon, or otherwise (derived). */
export type ExitKind = "us" | "other" | "left";

/** A batch that leaves together: the people one release freed to one place, or those who left otherwise. */
export interface Cohort {
  release: ReleaseRow | null;
  kind: ExitKind;
  count: number;
}

/** Where people went: a place of places.csv, "unreported" where no source says, or "left" (derived). */
export interface ExitGroup {
  id: string;
  cohorts: Cohort[];
  count: number;
}

export const UNREPORTED = "unreported";
export const LEFT = "left";

/**
 * What a door state shows, in counts: the field of people held, and the flows of its span. Every
 * number here is published or derived by the balance identity in src/data/flows.ts; none is filled in.
 */
export interface DoorModel {
  at: HeldRow;
  since: HeldRow | null;
  /** The days whose flows are drawn, inclusive, or null for none. */
  span: [string, string] | null;
  /** The span runs past the latest count (state.after): its releases leave, but no count says from where. */
  afterCount: boolean;
  releases: ReleaseRow[];
  freedUs: number;
  freedOther: number;
  /** Published recognitions over the whole span, or null where they are not all published. */
  recognised: number | null;
  /** Derived, when every term is published and the counts agree; null otherwise. */
  leftOtherwise: number | null;
  /** The derived figure where it came out below zero: the counts conflict by this much. */
  conflict: number | null;
  /** Where the span is not broken down: the change in the count beyond the releases, or null. */
  net: number | null;
  /** The people leaving, by where they went, in a fixed order. */
  groups: ExitGroup[];
  /** Dots counted before the span that are still counted at its end (the whole count when no span). */
  stay: number;
  /** Dots after the stayers: newly recognised ("new"), or a net rise not broken down ("net"). */
  arrived: number;
  arrivedKind: "new" | "net";
}

/** The batches a release's freed make: one per reported place, and the rest where nobody reported. */
export function cohortsOf(
  release: ReleaseRow,
  data: Pick<Dataset, "deportations">,
): { place: string; cohort: Cohort }[] {
  const kind: ExitKind = release.us_brokered ? "us" : "other";
  const reported = data.deportations.filter((d) => d.release_id === release.id && d.count !== null);
  const out = reported.map((d) => ({ place: d.place, cohort: { release, kind, count: d.count! } }));
  const rest = release.released - reported.reduce((sum, d) => sum + d.count!, 0);
  if (rest > 0) out.push({ place: UNREPORTED, cohort: { release, kind, count: rest } });
  return out;
}

/** Destinations first (in places.csv order), then "stayed in Belarus", then not reported, then left otherwise. */
function groupOrder(data: Pick<Dataset, "places">): string[] {
  const abroad = data.places.map((p) => p.id).filter((id) => id !== ORIGIN_PLACE);
  return [...abroad, ORIGIN_PLACE, UNREPORTED, LEFT];
}

function groupsOf(releases: readonly ReleaseRow[], left: number, data: Dataset): ExitGroup[] {
  const batches = releases.flatMap((r) => cohortsOf(r, data));
  if (left > 0) batches.push({ place: LEFT, cohort: { release: null, kind: "left", count: left } });
  return groupOrder(data)
    .map((id) => {
      const cohorts = batches.filter((b) => b.place === id).map((b) => b.cohort);
      return { id, cohorts, count: cohorts.reduce((sum, c) => sum + c.count, 0) };
    })
    .filter((g) => g.count > 0);
}

const none = (at: HeldRow): DoorModel => ({
  at,
  since: null,
  span: null,
  afterCount: false,
  releases: [],
  freedUs: 0,
  freedOther: 0,
  recognised: null,
  leftOtherwise: null,
  conflict: null,
  net: null,
  groups: [],
  stay: at.count,
  arrived: 0,
  arrivedKind: "new",
});

const freedBy = (releases: readonly ReleaseRow[], us: boolean): number =>
  releases.filter((r) => r.us_brokered === us).reduce((sum, r) => sum + r.released, 0);

/** The door's model for a valid state (see checkDoorState). */
export function doorModel(data: Dataset, state: DoorState): DoorModel {
  const at = heldRow(data, state.at)!;
  if (state.after !== "none") {
    const span: [string, string] = [addDays(at.date, 1), state.after];
    const releases = data.releases.filter((r) => r.date >= span[0] && r.date <= span[1]);
    return {
      ...none(at),
      span,
      afterCount: true,
      releases,
      freedUs: freedBy(releases, true),
      freedOther: freedBy(releases, false),
      groups: groupsOf(releases, 0, data),
    };
  }
  const since = state.since === "none" ? undefined : heldRow(data, state.since);
  if (!since) return none(at);

  const span: [string, string] = [addDays(since.date, 1), at.date];
  const totals = flowsOver(flowPeriods(data, span[0], span[1]), span[0], span[1])!;
  const releases = totals.periods.flatMap((p) => p.releases);
  const freed = totals.freedUs + totals.freedOther;
  const base = { at, since, span, afterCount: false, releases, freedUs: totals.freedUs, freedOther: totals.freedOther };
  const derived = totals.leftOtherwise;
  if (totals.recognised !== null && derived !== null && derived >= 0) {
    return {
      ...base,
      recognised: totals.recognised,
      leftOtherwise: derived,
      conflict: null,
      net: null,
      groups: groupsOf(releases, derived, data),
      stay: since.count - freed - derived,
      arrived: totals.recognised,
      arrivedKind: "new",
    };
  }
  // Not broken down: the releases are published, so they leave; the rest of the change is shown as a
  // net figure, rising dots that come from nowhere in particular, or falling ones that simply go.
  const net = at.count - (since.count - freed);
  return {
    ...base,
    recognised: totals.recognised,
    leftOtherwise: null,
    conflict: derived !== null && derived < 0 ? -derived : null,
    net,
    groups: groupsOf(releases, 0, data),
    stay: net >= 0 ? since.count - freed : at.count,
    arrived: Math.max(0, net),
    arrivedKind: "net",
  };
}
