import { describe, expect, it } from "vitest";
import { joinedRuns, MAX_JOINED_GAP_DAYS } from "../../src/charts/prisoners/runs.ts";
import { addDays } from "../../src/data/flows.ts";
import { held } from "../support/dataset.ts";

// A gap is drawn as a gap: counts further apart than the limit are not joined by the held line.
describe("the held line's runs", () => {
  it("joins counts up to 200 days apart and breaks the line after more", () => {
    expect(MAX_JOINED_GAP_DAYS).toBe(200);
    const first = "2025-01-01";
    const joined = addDays(first, 200);
    const apart = addDays(joined, 201);
    const runs = joinedRuns([held(first, 10), held(joined, 20), held(apart, 30)]);
    expect(runs.map((run) => run.map((r) => r.date))).toEqual([[first, joined], [apart]]);
    expect(joinedRuns([])).toEqual([]);
  });
});
