import type { Claim } from "../../data/claim.ts";
import { periodKey } from "../../data/periods.ts";
import type { Dataset } from "../../data/load.ts";
import type { DoorModel } from "./model.ts";
import { doorModel } from "./model.ts";
import type { DoorState } from "./state.ts";

/**
 * The figures a door state labels, as the claims prose bindings make. The layout prints exactly
 * these (and the per-group counts, which no binding names), so a step's text and its chart agree.
 */
export function doorClaims(model: DoorModel): Claim[] {
  const claims: Claim[] = [{ kind: "held", key: model.at.date, value: model.at.count }];
  if (model.since) claims.push({ kind: "held", key: model.since.date, value: model.since.count });
  if (!model.span) return claims;
  const key = periodKey(model.span);
  const add = (kind: string, value: number | null): void => {
    if (value !== null && value > 0) claims.push({ kind, key, value });
  };
  // Recognitions are drawn only where the balance closes (the dots that came in are then exact).
  if (model.leftOtherwise !== null) add("recognised", model.recognised);
  add("freed", model.freedUs + model.freedOther);
  add("freed-us", model.freedUs);
  add("freed-other", model.freedOther);
  add("left-otherwise", model.leftOtherwise);
  return claims;
}

export const doorStateClaims = (data: Dataset, state: DoorState): Claim[] => doorClaims(doorModel(data, state));
