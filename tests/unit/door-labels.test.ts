import { describe, expect, it } from "vitest";
import { doorChart } from "../../src/charts/door/index.ts";
import type { Dataset } from "../../src/data/load.ts";
import { sizes, type SizeName } from "../../src/render/scene.ts";
import { fixtureDataset, release, withCount } from "../support/dataset.ts";
import { textProblems } from "../support/text-boxes.ts";

/**
 * The door's words in each case the model knows, on the hand-made dataset (tests/support/dataset.ts):
 * what came in (recognised, or a net change when that was not published, and counts that conflict),
 * what went out (by kind), and releases after the latest count.
 */
const labels = (data: Dataset, state: Record<string, string>, size: SizeName = "wide"): Record<string, string> => {
  const scene = doorChart.layout(data, doorChart.state.parse(state), sizes[size]);
  expect(textProblems(scene)).toEqual([]);
  const marks = scene.layers.find((l) => l.id === "door-labels")!.marks;
  return Object.fromEntries(marks.filter((m) => !m.key.startsWith("group-")).map((m) => [m.key, m.text!]));
};

const position = (data: Dataset, state: Record<string, string>, size: SizeName, key: string) => {
  const mark = doorChart
    .layout(data, doorChart.state.parse(state), sizes[size])
    .layers.find((l) => l.id === "door-labels")!
    .marks.find((m) => m.key === key)!;
  return { x: Number(mark.attrs.x), y: Number(mark.attrs.y) };
};

describe("the door's labels", () => {
  it("a count alone: the count and its date, nothing in or out", () => {
    expect(labels(fixtureDataset(), { at: "2025-02-28" })).toEqual({ held: "Held: 105 on 28 Feb 2025" });
  });

  it("a span broken down: from, to, newly recognised, freed and how", () => {
    expect(labels(fixtureDataset(), { since: "2025-01-31", at: "2025-02-28" })).toEqual({
      held: "Held: 105 on 28 Feb 2025",
      since: "from 110 on 31 Jan 2025",
      arrived: "▲ In: 10 newly recognised",
      "out-head": "▼ Out: 10 freed",
      "out-sub": "all in US-brokered deals",
    });
    // January: a pardon only; compact words on a phone.
    expect(labels(fixtureDataset(), { since: "2024-12-31", at: "2025-01-31" }, "compact")).toMatchObject({
      arrived: "▲ 20 newly recognised",
      "out-head": "▼ 4 freed",
      "out-sub": "all in pardons",
    });
    // March–April: a US deal and a pardon.
    expect(labels(fixtureDataset(), { since: "2025-02-28", at: "2025-04-30" })).toMatchObject({
      "out-head": "▼ Out: 25 freed",
      "out-sub": "20 in US deals, 5 in pardons",
    });
  });

  it("a span broken down with nobody newly recognised draws no arrivals and labels none", () => {
    const data = withCount("2025-02-28", 95);
    data.recognitions = data.recognitions.map((r) => (r.period_start === "2025-02-01" ? { ...r, count: 0 } : r));
    // 110 + 0 − 10 freed − 5 left otherwise = 95.
    const words = labels(data, { since: "2025-01-31", at: "2025-02-28" });
    expect(words.arrived).toBeUndefined();
    expect(words["out-head"]).toBe("▼ Out: 10 freed");
  });

  it("a span with nobody freed says so", () => {
    const data = fixtureDataset();
    data.releases = data.releases.filter((r) => r.id !== "feb-deal");
    data.deportations = [];
    data.concessions = data.concessions.filter((c) => c.release_id !== "feb-deal");
    const words = labels(data, { since: "2025-01-31", at: "2025-02-28" });
    expect(words["out-head"]).toBe("▼ Out: no release");
    expect(words["out-sub"]).toBeUndefined();
  });

  it("no recognitions published: the net change, signed, and not broken down", () => {
    // May: 90 − 7 freed, ending at 95: 12 more, a net rise.
    expect(labels(fixtureDataset(), { since: "2025-04-30", at: "2025-05-31" })).toMatchObject({
      arrived: "+12 net change, not broken down: who came in was not published",
    });
    expect(labels(withCount("2025-05-31", 80), { since: "2025-04-30", at: "2025-05-31" })).toMatchObject({
      arrived: "−3 net change, not broken down: who came in was not published",
    });
    expect(labels(withCount("2025-05-31", 83), { since: "2025-04-30", at: "2025-05-31" }, "compact")).toMatchObject({
      arrived: "±0 net change",
      "arrived-note": "not broken down",
    });
  });

  it("counts that conflict: the net change and by how much, under it", () => {
    // 110 + 10 − 10 − 120 = −10.
    for (const size of ["wide", "compact"] as const) {
      const words = labels(withCount("2025-02-28", 120), { since: "2025-01-31", at: "2025-02-28" }, size);
      expect(words.conflict).toBe("the counts conflict by 10");
      expect(words.arrived).toMatch(/^\+20 net change/);
      // Under the net change, at the same x: the line after its last.
      const at = (key: string) =>
        position(withCount("2025-02-28", 120), { since: "2025-01-31", at: "2025-02-28" }, size, key);
      const last = at(size === "compact" ? "arrived-note" : "arrived");
      expect(at("conflict").x).toBe(last.x);
      expect(at("conflict").y - last.y).toBeGreaterThanOrEqual(15);
      expect(at("conflict").y - last.y).toBeLessThanOrEqual(17);
    }
  });

  it("releases after the latest count: the freed up to the date, the count unchanged", () => {
    const data = fixtureDataset();
    data.releases.push(release("jun-deal", "2025-06-01", 12, true), release("jun-pardon", "2025-06-30", 3));
    expect(labels(data, { at: "latest", after: "2025-06-30" })).toEqual({
      held: "Viasna's latest count: 95 on 31 May 2025",
      "out-head": "▼ Freed on 30 Jun 2025: 15",
      "out-sub": "after the latest count",
    });
  });
});

describe("how the door's words and dots are set", () => {
  const scene = (data: Dataset, state: Record<string, string>) =>
    doorChart.layout(data, doorChart.state.parse(state), sizes.wide);
  const classes = (data: Dataset, state: Record<string, string>): Record<string, string> =>
    Object.fromEntries(
      scene(data, state)
        .layers.find((l) => l.id === "door-labels")!
        .marks.filter((m) => !m.key.startsWith("group-"))
        .map((m) => [m.key, String(m.attrs.class)]),
    );

  it("sets counts and what went out strong, their notes soft, what came in by its kind", () => {
    expect(classes(fixtureDataset(), { since: "2025-01-31", at: "2025-02-28" })).toEqual({
      held: "door-label strong",
      since: "door-label soft",
      arrived: "door-label door-label--new",
      "out-head": "door-label strong",
      "out-sub": "door-label soft",
    });
    // Counts that conflict: the line saying by how much is set as the net change above it.
    expect(classes(withCount("2025-02-28", 120), { since: "2025-01-31", at: "2025-02-28" })).toMatchObject({
      arrived: "door-label door-label--net",
      conflict: "door-label door-label--net",
    });
    const data = fixtureDataset();
    data.releases.push(release("jun-deal", "2025-06-01", 12, true));
    expect(classes(data, { at: "latest", after: "2025-06-30" })).toMatchObject({
      "out-head": "door-label strong",
      "out-sub": "door-label soft",
    });
    // Releases after the latest count leave as their own role of dot, which the motion does not take from the count.
    const after = scene(data, { at: "latest", after: "2025-06-30" }).layers.find((l) => l.id === "door-dots")!.marks;
    expect(
      after.filter((m) => m.key.startsWith("out-")).map((m) => [m.attrs["data-role"], m.attrs["data-from"]]),
    ).toEqual([["after", undefined]]);
  });

  it("sends the leavers out in order: releases by date, those who left otherwise last", () => {
    // January and February: a pardon (15 Jan), the US deal (20 Feb), and 11 who left otherwise.
    const out = scene(fixtureDataset(), { since: "2024-12-31", at: "2025-02-28" })
      .layers.find((l) => l.id === "door-dots")!
      .marks.filter((m) => m.key.startsWith("out-"))
      .sort((a, b) => Number(a.attrs["data-order"]) - Number(b.attrs["data-order"]));
    expect(out.map((m) => m.key)).toEqual(["out-unreported-jan-pardon", "out-lithuania-feb-deal", "out-left-left"]);
  });
});

describe("the figures a door state claims for the prose to bind", () => {
  const claims = (data: Dataset, state: Record<string, string>) =>
    doorChart.claims(data, doorChart.state.parse(state)).map((c) => `${c.kind} ${c.key} ${c.value}`);

  it("the counts at either end, and over the span what came in and went out, by kind; no zeros", () => {
    expect(claims(fixtureDataset(), { since: "2025-01-31", at: "2025-02-28" })).toEqual([
      "held 2025-02-28 105",
      "held 2025-01-31 110",
      "recognised 2025-02-01..2025-02-28 10",
      "freed 2025-02-01..2025-02-28 10",
      "freed-us 2025-02-01..2025-02-28 10",
      "left-otherwise 2025-02-01..2025-02-28 5",
    ]);
    expect(claims(fixtureDataset(), { since: "2025-02-28", at: "2025-04-30" })).toEqual([
      "held 2025-04-30 90",
      "held 2025-02-28 105",
      "recognised 2025-03-01..2025-04-30 30",
      "freed 2025-03-01..2025-04-30 25",
      "freed-us 2025-03-01..2025-04-30 20",
      "freed-other 2025-03-01..2025-04-30 5",
      "left-otherwise 2025-03-01..2025-04-30 20",
    ]);
  });

  it("no recognitions where the counts conflict (the door draws a net change, not who came in)", () => {
    expect(claims(withCount("2025-02-28", 120), { since: "2025-01-31", at: "2025-02-28" })).toEqual([
      "held 2025-02-28 120",
      "held 2025-01-31 110",
      "freed 2025-02-01..2025-02-28 10",
      "freed-us 2025-02-01..2025-02-28 10",
    ]);
  });

  it("a count alone claims the count", () => {
    expect(claims(fixtureDataset(), { at: "2025-02-28" })).toEqual(["held 2025-02-28 105"]);
  });
});

describe("the door's draft text alternative, with every number bound", () => {
  const draft = (data: Dataset, state: Record<string, string>) =>
    doorChart.draftAlt(data, doorChart.state.parse(state));
  const base =
    "A field of dots, one for each of the :held[2025-02-28] political prisoners in Viasna's count on 28 Feb 2025.";

  it("a count alone, and a span broken down", () => {
    expect(draft(fixtureDataset(), { at: "2025-02-28" })).toBe(base);
    expect(draft(fixtureDataset(), { since: "2025-01-31", at: "2025-02-28" })).toBe(
      `${base} Since 31 Jan 2025, when the count was :held[2025-01-31]: :recognised[2025-02-01..2025-02-28] newly recognised come in through a door; :freed[2025-02-01..2025-02-28] freed in releases leave through the door in groups (to Lithuania). :left-otherwise[2025-02-01..2025-02-28] left in other ways (derived).`,
    );
  });

  it("a span with no release says nothing of releases", () => {
    const data = fixtureDataset();
    data.releases = data.releases.filter((r) => r.id !== "feb-deal");
    data.deportations = [];
    expect(draft(data, { since: "2025-01-31", at: "2025-02-28" })).not.toContain("freed");
  });

  it("a span not broken down, and releases after the latest count", () => {
    expect(draft(fixtureDataset(), { since: "2025-04-30", at: "2025-05-31" })).toMatch(
      / freed in releases leave through the door in groups \(not reported\)\. Who came in was not published: the rest of the change is drawn as a net figure\.$/,
    );
    const data = fixtureDataset();
    data.releases.push(release("jun-deal", "2025-06-01", 12, true));
    expect(draft(data, { at: "latest", after: "2025-06-01" })).toBe(
      "A field of dots, one for each of the :held[2025-05-31] political prisoners in Viasna's count on 31 May 2025. After that count, until 1 Jun 2025: :freed[2025-06-01] freed in releases leave through the door in groups (not reported).",
    );
  });
});
