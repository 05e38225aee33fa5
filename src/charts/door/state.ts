import { z } from "zod";
import { validChoices } from "../../content/did-you-mean.ts";
import { isRealDate } from "../../data/fields.ts";
import type { Dataset, HeldRow } from "../../data/load.ts";
import type { StateProblem } from "../types.ts";

/**
 * What a step may ask of the door chart: the count drawn (one dot per person in it), and the flows
 * drawn as coming in and going out since an earlier count. A state names both ends itself, so any
 * step can be shown on its own; the story chains them (each step's `since` is the step before's `at`).
 */
export const doorState = z.strictObject({
  at: z.string().default("latest"),
  since: z.string().default("none"),
  after: z.string().default("none"),
});

export type DoorState = z.output<typeof doorState>;

export const doorFields: Record<keyof DoorState, string> = {
  at: 'the count drawn, one dot per person: a date in held.csv, "latest" for the newest count or "peak" for the highest (default latest)',
  since:
    'draw who came in and who went out since the count of this date: a date in held.csv before at, or "none" (default none)',
  after:
    'with at=latest only: also draw the releases after the latest count, up to and including this date YYYY-MM-DD, or "none" (default none)',
};

/** The count a keyword or date names, or undefined. */
export function heldRow(data: Pick<Dataset, "held">, value: string): HeldRow | undefined {
  const held = data.held;
  if (value === "latest") return held.at(-1);
  if (value === "peak") return held.reduce<HeldRow | undefined>((a, b) => (a && a.count >= b.count ? a : b), undefined);
  return held.find((r) => r.date === value);
}

export function checkDoorState(state: DoorState, data: Dataset): StateProblem[] {
  const problems: StateProblem[] = [];
  const dates = data.held.map((r) => r.date);
  const at = heldRow(data, state.at);
  if (!at) {
    problems.push({
      field: "at",
      value: state.at,
      problem: `at names no count in content/data/held.csv (${state.at})`,
      fix: `Use a date of held.csv, "latest" or "peak". ${validChoices(state.at, dates)}`,
    });
  }
  if (state.since !== "none") {
    const since = heldRow(data, state.since);
    if (!since || state.since === "latest" || state.since === "peak") {
      problems.push({
        field: "since",
        value: state.since,
        problem: `since names no count in content/data/held.csv (${state.since})`,
        fix: `Use a date of held.csv before at, or "none". ${validChoices(state.since, dates)}`,
      });
    } else if (at && since.date >= at.date) {
      problems.push({
        field: "since",
        value: state.since,
        problem: `since (${since.date}) is not before at (${at.date})`,
        fix: "Name an earlier count: the flows run from since to at.",
      });
    }
  }
  if (state.after !== "none") {
    const latest = data.held.at(-1)?.date ?? "";
    const newestRelease = data.releases.at(-1)?.date ?? "";
    const fix = `Write a date after the latest count (${latest || "none"}) and on or before the newest release (${newestRelease || "none"}), with at=latest and since=none, or "none".`;
    if (!isRealDate(state.after)) {
      problems.push({ field: "after", value: state.after, problem: "after is not a date written YYYY-MM-DD", fix });
    } else if (at?.date !== latest || state.since !== "none") {
      problems.push({
        field: "after",
        value: state.after,
        problem: "after draws the releases since the latest count, so it needs at=latest and since=none",
        fix,
      });
    } else if (state.after <= latest || state.after > newestRelease) {
      problems.push({
        field: "after",
        value: state.after,
        // Here there is a latest count (the branch above takes a state without one); maybe no release.
        problem: `after (${state.after}) is not between the latest count (${latest}) and the newest release (${newestRelease || "none"})`,
        fix,
      });
    }
  }
  return problems;
}
