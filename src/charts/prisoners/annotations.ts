import type { Claim } from "../../data/claim.ts";
import { flowsOver, type FlowTotals } from "../../data/flows.ts";
import type { Dataset, HeldRow } from "../../data/load.ts";
import { periodKey } from "../../data/periods.ts";
import { axisPeriods } from "./axis.ts";
import { focusSpan, labelledHeldDates, type PrisonersState } from "./state.ts";

/** What a state labels: the held counts it names, and the totals over its focus with the counts at either end. */
export interface PrisonersLabels {
  held: HeldRow[];
  focus: FlowTotals | undefined;
}

export function prisonersLabels(data: Dataset, state: PrisonersState): PrisonersLabels {
  const dates = labelledHeldDates(state, data);
  const span = focusSpan(state, data);
  return {
    held: data.held.filter((r) => dates.includes(r.date)),
    focus: span ? flowsOver(axisPeriods(data), span[0], span[1]) : undefined,
  };
}

/** The figures a state labels, as the claims prose bindings make: the chart draws exactly these. */
export function prisonersClaims(data: Dataset, state: PrisonersState): Claim[] {
  const { held, focus } = prisonersLabels(data, state);
  const claims: Claim[] = held.map((r) => ({ kind: "held", key: r.date, value: r.count }));
  if (focus) {
    for (const r of [focus.heldBefore, focus.heldAfter]) {
      if (r && !claims.some((c) => c.kind === "held" && c.key === r.date))
        claims.push({ kind: "held", key: r.date, value: r.count });
    }
    const key = periodKey([focus.start, focus.end]);
    const freed = focus.freedUs + focus.freedOther;
    const add = (kind: string, value: number | null): void => {
      if (value !== null && value > 0) claims.push({ kind, key, value });
    };
    add("recognised", focus.recognised);
    add("freed", freed);
    add("freed-us", focus.freedUs);
    add("freed-other", focus.freedOther);
    add("left-otherwise", focus.leftOtherwise);
  }
  return claims;
}
