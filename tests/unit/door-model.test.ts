import { describe, expect, it } from "vitest";
import { cohortsOf, doorModel, LEFT, UNREPORTED } from "../../src/charts/door/model.ts";
import { doorState } from "../../src/charts/door/state.ts";
import type { Dataset } from "../../src/data/load.ts";
import { fixtureDataset, release, withCount } from "../support/dataset.ts";

/**
 * The door's model on the hand-made dataset (tests/support/dataset.ts), with the figures worked out
 * by hand in each case: who stays, who arrives and how, who leaves and where to, and what happens
 * at the edges (a derived figure of zero, counts that conflict, a span with no breakdown).
 */
const model = (data: Dataset, state: Record<string, string>) => doorModel(data, doorState.parse(state));
const groups = (m: ReturnType<typeof model>) => Object.fromEntries(m.groups.map((g) => [g.id, g.count]));

describe("the door's model", () => {
  it("with no span, draws the count alone: no releases, nothing arriving", () => {
    const m = model(fixtureDataset(), { at: "2025-02-28" });
    expect(m).toMatchObject({ since: null, span: null, releases: [], stay: 105, arrived: 0, arrivedKind: "new" });
    expect(m.groups).toEqual([]);
  });

  it("breaks February down: 110 + 10 recognised − 10 freed to Lithuania − 5 left otherwise = 105", () => {
    const m = model(fixtureDataset(), { since: "2025-01-31", at: "2025-02-28" });
    expect(m).toMatchObject({ recognised: 10, leftOtherwise: 5, conflict: null, net: null });
    expect(m).toMatchObject({ stay: 95, arrived: 10, arrivedKind: "new", freedUs: 10, freedOther: 0 });
    expect(groups(m)).toEqual({ lithuania: 10, [LEFT]: 5 });
  });

  it("still breaks a span down when nobody left otherwise (a derived figure of 0), with no group for it", () => {
    const m = model(withCount("2025-02-28", 110), { since: "2025-01-31", at: "2025-02-28" });
    expect(m).toMatchObject({ leftOtherwise: 0, arrivedKind: "new", arrived: 10, stay: 100 });
    expect(groups(m)).toEqual({ lithuania: 10 });
  });

  it("where the derived figure comes out below zero, says by how much the counts conflict and draws a net change", () => {
    // 110 + 10 − 10 − 120 = −10: the counts conflict by 10; the count rose by 20 beyond the release.
    const m = model(withCount("2025-02-28", 120), { since: "2025-01-31", at: "2025-02-28" });
    expect(m).toMatchObject({ leftOtherwise: null, conflict: 10, net: 20, arrivedKind: "net", arrived: 20, stay: 100 });
    expect(groups(m)).toEqual({ lithuania: 10 });
  });

  it("in a span with no count of recognitions, lets the releases leave and shows the rest as a net rise", () => {
    // May: 90 − 7 freed = 83 stay; the count ended at 95, so 12 more are a net rise.
    const m = model(fixtureDataset(), { since: "2025-04-30", at: "2025-05-31" });
    expect(m).toMatchObject({ recognised: null, leftOtherwise: null, conflict: null, net: 12 });
    expect(m).toMatchObject({ stay: 83, arrived: 12, arrivedKind: "net", freedUs: 7 });
    expect(groups(m)).toEqual({ [UNREPORTED]: 7 });
  });

  it("in such a span with a net fall, keeps only the end count: nobody arrives", () => {
    const m = model(withCount("2025-05-31", 80), { since: "2025-04-30", at: "2025-05-31" });
    expect(m).toMatchObject({ net: -3, stay: 80, arrived: 0, arrivedKind: "net" });
  });

  it("after the latest count, lets the releases up to a date leave by kind, without changing the count", () => {
    const data = fixtureDataset();
    // The first day after the count and the last day asked for are both in; the day after is not.
    data.releases.push(release("jun-deal", "2025-06-01", 12, true), release("jun-pardon", "2025-06-30", 3));
    data.releases.push(release("jul-deal", "2025-07-01", 40, true));
    const m = model(data, { at: "latest", after: "2025-06-30" });
    expect(m).toMatchObject({ afterCount: true, span: ["2025-06-01", "2025-06-30"], freedUs: 12, freedOther: 3 });
    expect(m.releases.map((r) => r.id)).toEqual(["jun-deal", "jun-pardon"]);
    expect(m).toMatchObject({ stay: 95, arrived: 0 });
    expect(groups(m)).toEqual({ [UNREPORTED]: 15 });
  });
});

describe("a release's cohorts", () => {
  it("one per place with a reported count, and the rest as not reported; a place reported without a count is not a place", () => {
    const data = fixtureDataset();
    const deal = release("deal", "2025-03-01", 30, true);
    data.deportations = [
      { ...data.deportations[0]!, release_id: "deal", place: "lithuania", count: 12 },
      { ...data.deportations[0]!, release_id: "deal", place: "belarus", count: null },
    ];
    const cohorts = cohortsOf(deal, data).map((c) => [c.place, c.cohort.kind, c.cohort.count]);
    expect(cohorts).toEqual([
      ["lithuania", "us", 12],
      [UNREPORTED, "us", 18],
    ]);
  });
});
