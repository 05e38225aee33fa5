import { describe, expect, it } from "vitest";
import { prisonersChart } from "../../src/charts/prisoners/index.ts";
import { textWidth } from "../../src/render/fonts.ts";
import { sizes, type Mark } from "../../src/render/scene.ts";
import { monthEnd } from "../../src/data/periods.ts";
import { fixtureDataset, held, recognised, release, withCount } from "../support/dataset.ts";
import { textBoxes } from "../support/text-boxes.ts";

const data = fixtureDataset();
const layout = (state: Record<string, string>, dataset = data, size: (typeof sizes)[keyof typeof sizes] = sizes.wide) =>
  prisonersChart.layout(dataset, prisonersChart.state.parse(state), size);
const marks = (
  state: Record<string, string>,
  dataset = data,
  size: (typeof sizes)[keyof typeof sizes] = sizes.wide,
): Map<string, Mark> =>
  new Map(
    layout(state, dataset, size)
      .layers.flatMap((l) => l.marks)
      .map((m) => [m.key, m]),
  );
const n = (m: Mark | undefined, attr: string): number => Number(m?.attrs[attr]);
const area = (m: Mark | undefined): number => n(m, "width") * n(m, "height");
/** The plot's left and right edges, as the layout sets them for a phone and for a wide screen. */
const plotEdges = (size: { width: number }): [number, number] =>
  size.width < 500 ? [42, size.width - 10] : [50, size.width - 16];

describe("the prisoners chart", () => {
  it("labels each year just right of its grid line, and the last flush with the right edge where it would run over", () => {
    // Six years and a month: the January of the last year is a few units from the right edge.
    const long = { ...data, recognitions: [recognised("2020-01-01", "2020-01-31", 5), ...data.recognitions] };
    long.held = [...data.held, held("2026-01-05", 1000)];
    for (const size of [sizes.compact, sizes.wide]) {
      const scene = marks({ focus: "none", held: "none" }, long, size);
      const all = [...scene.values()];
      const right = n(
        all.find((m) => m.key.startsWith("yh-grid-")),
        "x2",
      );
      const bottom = n(
        all.find((m) => m.key.startsWith("xg-")),
        "y2",
      );
      const grid = all.filter((m) => m.key.startsWith("xg-"));
      const ticks = grid.map((g) => scene.get(`x-${g.key.slice(3)}`)!);
      expect(ticks.map((t) => [t.text, t.attrs.class, t.attrs.y])).toEqual(
        ["2020", "2021", "2022", "2023", "2024", "2025", "2026"].map((y) => [y, "tick", bottom + 16]),
      );
      expect(ticks.map((t) => t.attrs["text-anchor"])).toEqual([
        "start",
        "start",
        "start",
        "start",
        "start",
        "start",
        "end",
      ]);
      for (const [i, t] of ticks.slice(0, 6).entries()) expect(n(t, "x")).toBeCloseTo(n(grid[i], "x1") + 3, 1);
      expect(n(ticks[6], "x")).toBe(right);
    }
    // On any span, a label is turned to end at the edge only when, beside its line, it would run over.
    for (let first = 2019; first <= 2024; first++)
      for (let month = 1; month <= 12; month++) {
        const span = {
          ...data,
          recognitions: [recognised(`${first}-01-01`, `${first}-01-31`, 5)],
          held: [held(`2025-${String(month).padStart(2, "0")}-05`, 1000)],
        };
        for (const size of [sizes.compact, sizes.wide]) {
          const scene = marks({ focus: "none", held: "none" }, span, size);
          const right = n(
            [...scene.values()].find((m) => m.key.startsWith("yh-grid-")),
            "x2",
          );
          for (const grid of [...scene.values()].filter((m) => m.key.startsWith("xg-"))) {
            const tick = scene.get(`x-${grid.key.slice(3)}`)!;
            const over = n(grid, "x1") + 3 + textWidth(tick.text!, 14) > right;
            expect(tick.attrs["text-anchor"], `${first} to 2025-${month}, ${tick.text}`).toBe(over ? "end" : "start");
          }
        }
      }
  });

  it("draws the counts on its time axis only: one the day before it starts is left to the table", () => {
    // The axis runs from 1 January to 31 May 2025; 31 December is the day before.
    const edges = { ...data, held: [held("2024-12-31", 100), held("2025-01-01", 101), ...data.held.slice(1)] };
    const drawn = [...marks({ focus: "none", held: "none" }, edges).keys()].filter((k) => /^held-\d/.test(k));
    expect(drawn).toEqual([
      "held-2025-01-01",
      "held-2025-01-31",
      "held-2025-02-28",
      "held-2025-04-30",
      "held-2025-05-31",
    ]);
  });

  it("draws each period as a block whose area is its total, in and out on one scale", () => {
    const m = marks({ focus: "none" });
    // January (31 days, 20 in) against March–April (61 days, 30 in): area per person is the same.
    const perPerson = [
      area(m.get("in-2025-01-01")) / 20,
      area(m.get("in-2025-03-01")) / 30,
      area(m.get("left-2025-03-01")) / 20,
      area(m.get("us-2025-03-01")) / 20,
    ];
    // Equal within the hairline gap left between neighbouring blocks.
    for (const a of perPerson) expect(Math.abs(a / perPerson[0]! - 1)).toBeLessThan(0.02);
    // The block of March–April is as wide as the two months, and half as tall per person as January's would be.
    expect(n(m.get("in-2025-03-01"), "width")).toBeGreaterThan(1.9 * n(m.get("in-2025-01-01"), "width"));
  });

  it("keeps the time axis and both scales fixed from step to step: a focus only picks out", () => {
    const a = marks({ focus: "none", held: "none" });
    const b = marks({ focus: "2025-03..2025-04", held: "peak" });
    const grids = [...a.keys()].filter((k) => /^y[hf]-grid-/.test(k));
    expect(grids.length).toBeGreaterThan(4);
    for (const key of ["in-2025-01-01", "other-2025-01-01", "left-2025-03-01", "held-2025-02-28", ...grids]) {
      expect({ ...b.get(key)!.attrs, opacity: 1 }, key).toEqual({ ...a.get(key)!.attrs, opacity: 1 });
    }
    expect(b.get("in-2025-01-01")!.attrs.opacity).toBeLessThan(1);
    expect(b.get("in-2025-03-01")!.attrs.opacity).toBe(1);
  });

  it("labels the focus with the same figures the prose binds, and the counts at either end", () => {
    const m = marks({ focus: "2025-01..2025-04", held: "none" });
    expect(["focus-period", "focus-in", "focus-freed", "focus-left", "focus-held"].map((k) => m.get(k)?.text)).toEqual([
      "1 Jan–30 Apr 2025",
      "In: 60 newly recognised",
      "Out: 39 freed (30 in US deals, 9 in pardons)",
      "Out: 31 left in other ways (derived)",
      "Held: 100 → 90",
    ]);
    expect(
      prisonersChart.claims(data, prisonersChart.state.parse({ focus: "2025-01..2025-04", held: "none" })),
    ).toEqual([
      { kind: "held", key: "2024-12-31", value: 100 },
      { kind: "held", key: "2025-04-30", value: 90 },
      { kind: "recognised", key: "2025-01-01..2025-04-30", value: 60 },
      { kind: "freed", key: "2025-01-01..2025-04-30", value: 39 },
      { kind: "freed-us", key: "2025-01-01..2025-04-30", value: 30 },
      { kind: "freed-other", key: "2025-01-01..2025-04-30", value: 9 },
      { kind: "left-otherwise", key: "2025-01-01..2025-04-30", value: 31 },
    ]);
  });

  it("claims no zero it does not print: a focus without US deals labels the pardons only", () => {
    const claims = prisonersChart.claims(data, prisonersChart.state.parse({ focus: "2025-01", held: "none" }));
    expect(claims.map((c) => c.kind)).toEqual(["held", "held", "recognised", "freed", "freed-other", "left-otherwise"]);
    expect(marks({ focus: "2025-01", held: "none" }).get("focus-freed")?.text).toBe("Out: 4 freed in pardons");
  });

  it("marks a period with no published recognitions instead of drawing a zero, and derives nothing for it", () => {
    const m = marks({ focus: "2025-05", held: "none" });
    expect(m.has("in-2025-05-01")).toBe(false);
    expect(m.get("in-none-2025-05-01")?.attrs.class).toBe("no-count");
    expect(m.has("left-2025-05-01")).toBe(false);
    expect([m.get("focus-in")?.text, m.get("focus-left")?.text]).toEqual([
      "no count of recognitions published",
      "other departures: not derivable",
    ]);
  });

  it("writes the focus callout for each case: across a new year, with nothing freed, with nothing left over", () => {
    const longer = {
      ...data,
      held: [held("2024-11-30", 98), ...data.held],
      recognitions: [recognised("2024-12-01", "2024-12-31", 5), ...data.recognitions],
    };
    expect(marks({ focus: "2024-12..2025-01", held: "none" }, longer).get("focus-period")?.text).toBe(
      "1 Dec 2024–31 Jan 2025",
    );
    const noRelease = { ...data, releases: data.releases.filter((r) => r.id !== "jan-pardon") };
    const quiet = marks({ focus: "2025-01", held: "none" }, noRelease);
    expect(quiet.has("focus-freed")).toBe(false);
    expect(quiet.get("focus-left")?.text).toBe("Out: 10 left in other ways (derived)");
    // 100 held + 20 recognised − 4 freed = 116 held a month later: nobody left otherwise, and no conflict.
    const exact = { ...data, held: data.held.map((h) => (h.date === "2025-01-31" ? { ...h, count: 116 } : h)) };
    const left = marks({ focus: "2025-01", held: "none" }, exact).get("focus-left");
    expect([left?.text, left?.attrs.class]).toEqual(["Out: 0 left in other ways (derived)", "hl-label derived-label"]);
    // And the chart draws neither a block of people who left otherwise nor a conflict for January.
    const drawn = [...marks({ focus: "none", held: "none" }, exact).keys()];
    expect(drawn.filter((k) => k.endsWith("-2025-01-01") && /^(left|conflict)-/.test(k))).toEqual([]);
  });

  it("keeps the focus callout inside the frame for every span of whole periods, at both sizes", () => {
    // The fixture's periods; every run of them as a focus. The period line is set bold, and measured so.
    const starts = ["2025-01-01", "2025-02-01", "2025-03-01", "2025-05-01"];
    const ends = ["2025-01-31", "2025-02-28", "2025-04-30", "2025-05-31"];
    // Also counts that conflict, with few recognised: short lines, and the bold period the widest.
    const conflicting = {
      ...data,
      held: data.held.map((r, i) => ({ ...r, count: 100 + 300 * i })),
      recognitions: data.recognitions.map((r) => ({ ...r, count: 1 })),
    };
    for (const [size, dataset] of [sizes.compact, sizes.wide].flatMap(
      (s) =>
        [
          [s, data],
          [s, conflicting],
        ] as const,
    )) {
      const [left, right] = plotEdges(size);
      for (let i = 0; i < starts.length; i++)
        for (let j = i; j < ends.length; j++) {
          const scene = layout({ focus: `${starts[i]}..${ends[j]}`, held: "none" }, dataset, size);
          for (const box of textBoxes(scene).filter((b) => b.key.startsWith("focus-"))) {
            expect(box.left, `${box.text} at ${size.width}`).toBeGreaterThanOrEqual(left - 0.5);
            expect(box.right, `${box.text} at ${size.width}`).toBeLessThanOrEqual(right + 0.5);
          }
        }
    }
  });

  it("measures the callout's bold period line as bold, where it is the widest line, for every span on a phone", () => {
    // Two years but a month of monthly periods, one recognition each, nobody freed and counts that
    // conflict: every other line is short, so a span across the new year makes the bold period the
    // widest, and December–January sits just right of the middle, its callout pushed in from the left.
    const months = Array.from({ length: 23 }, (_, i) => new Date(Date.UTC(2024, i, 1)).toISOString().slice(0, 10));
    const year = {
      ...data,
      held: [held("2023-12-31", 100), ...months.map((m, i) => held(monthEnd(m.slice(0, 7)), 400 + 300 * i))],
      recognitions: months.map((m) => recognised(m, monthEnd(m.slice(0, 7)), 1)),
      releases: [],
      concessions: [],
      deportations: [],
    };
    const [left, right] = plotEdges(sizes.compact);
    for (let i = 0; i < months.length; i++)
      for (let j = i; j < months.length; j++) {
        const focus = `${months[i]!.slice(0, 7)}..${months[j]!.slice(0, 7)}`;
        for (const box of textBoxes(layout({ focus, held: "none" }, year, sizes.compact)).filter((b) =>
          b.key.startsWith("focus-"),
        )) {
          expect(box.left, `${box.text} in ${focus}`).toBeGreaterThanOrEqual(left - 0.5);
          expect(box.right, `${box.text} in ${focus}`).toBeLessThanOrEqual(right + 0.5);
        }
      }
  });

  it("keeps a count's label off the panel's title, when the line leaves no room under a peak at the left edge", () => {
    // The highest count on the axis's second day, the line falling steeply after it: under the dot
    // is taken by the line, over it by the title; a label set higher would cross the title.
    const steep = {
      ...data,
      held: [held("2025-01-02", 1000), held("2025-01-08", 850), held("2025-01-14", 700), ...data.held.slice(1)],
    };
    const boxes = textBoxes(layout({ focus: "none", held: "2025-01-02" }, steep, sizes.wide));
    const title = boxes.find((b) => b.text === "Political prisoners held, Viasna count")!;
    const label = boxes.find((b) => b.key === "held-label-2025-01-02")!;
    expect(label.left).toBeLessThan(title.right);
    expect(label.top >= title.bottom || label.bottom <= title.top, `${label.top}–${label.bottom}`).toBe(true);
  });

  it("sets a count's label a line over its dot when the line takes the spots under it and just over it", () => {
    // Around 1 March the line runs 10 px over the dot before it and 20 px under it after: the label
    // goes neither under the dot nor a line lower, nor just over, but a line higher: 26 px over.
    const hemmed = {
      ...data,
      held: [held("2025-01-31", 500), held("2025-02-26", 566), held("2025-03-01", 500), held("2025-03-04", 368)],
    };
    hemmed.held.push(held("2025-05-31", 1000));
    const scene = layout({ focus: "none", held: "2025-03-01" }, hemmed, sizes.wide);
    const m = new Map(scene.layers.flatMap((l) => l.marks).map((k) => [k.key, k]));
    const dot = n(m.get("held-2025-03-01"), "cy");
    const pxPerCount = (n(m.get("held-2025-05-31"), "cy") - dot) / 500;
    expect([(566 - 500) * pxPerCount, (368 - 500) * pxPerCount].map(Math.round)).toEqual([-10, 20]);
    expect(n(m.get("held-label-2025-03-01"), "y") - dot).toBeCloseTo(-26, 0);
  });

  it("keeps a count's label off the focus callout's lines, which start at the band and run right", () => {
    // A low count in mid-February, over the callout of a January focus set from the band's start.
    const low = { ...data, held: [...data.held.slice(0, 2), held("2025-02-14", 40), ...data.held.slice(2)] };
    const boxes = textBoxes(layout({ focus: "2025-01", held: "2025-02-14" }, low, sizes.wide));
    const label = boxes.find((b) => b.key === "held-label-2025-02-14")!;
    const callout = boxes.filter((b) => b.key.startsWith("focus-"));
    expect(callout.some((b) => b.left < label.right && label.left < b.right)).toBe(true);
    for (const b of callout)
      expect(
        label.right <= b.left || b.right <= label.left || label.bottom <= b.top || b.bottom <= label.top,
        `${label.text} over ${b.text}`,
      ).toBe(true);
  });

  it("styles what is unknown as soft, and sets the callout on the side of the chart the focus is not", () => {
    const late = marks({ focus: "2025-05", held: "none" });
    expect([late.get("focus-in")?.attrs.class, late.get("focus-left")?.attrs.class]).toEqual([
      "hl-label soft",
      "hl-label soft",
    ]);
    const early = marks({ focus: "2025-01", held: "none" });
    const band = (m: Map<string, Mark>) => [
      n(m.get("focus-band"), "x"),
      n(m.get("focus-band"), "x") + n(m.get("focus-band"), "width"),
    ];
    // Right of centre: the lines end just left of the band's end; left of it, they start just right of its start.
    const [, lateEnd] = band(late);
    expect(late.get("focus-period")?.attrs["text-anchor"]).toBe("end");
    expect(n(late.get("focus-period"), "x")).toBeLessThan(lateEnd!);
    expect(n(late.get("focus-period"), "x")).toBeGreaterThan(lateEnd! - 20);
    const [earlyStart] = band(early);
    expect(early.get("focus-period")?.attrs["text-anchor"]).toBe("start");
    expect(n(early.get("focus-period"), "x")).toBeGreaterThan(earlyStart!);
    expect(n(early.get("focus-period"), "x")).toBeLessThan(earlyStart! + 20);
  });

  it("sets the callout of a band centred on the chart from the band's start, as it reads", () => {
    // A year on the axis, and a focus from February to November: 31 days in from either end.
    const year = {
      ...data,
      held: [held("2024-12-31", 100), held("2025-01-31", 100), held("2025-11-30", 100), held("2025-12-31", 100)],
      recognitions: [
        recognised("2025-01-01", "2025-01-31", 1),
        recognised("2025-02-01", "2025-11-30", 1),
        recognised("2025-12-01", "2025-12-31", 1),
      ],
      releases: [],
    };
    for (const size of [sizes.compact, sizes.wide]) {
      const m = marks({ focus: "2025-02..2025-11", held: "none" }, year, size);
      const band = m.get("focus-band")!;
      const [left, right] = plotEdges(size);
      expect(n(band, "x") - left).toBeCloseTo(right - (n(band, "x") + n(band, "width")), 0);
      expect(m.get("focus-period")?.attrs["text-anchor"]).toBe("start");
    }
  });

  it("shows counts that contradict each other instead of hiding them", () => {
    const conflicting = { ...data, held: [held("2024-12-31", 100), held("2025-01-31", 130), ...data.held.slice(2)] };
    const m = marks({ focus: "2025-01", held: "none" }, conflicting);
    expect(m.get("conflict-2025-01-01")?.attrs.class).toBe("left-negative");
    expect(m.get("focus-left")?.text).toBe("counts conflict by 14");
  });

  it("labels named counts, with peak and latest resolved from the data, inside the frame at both sizes", () => {
    for (const size of [sizes.compact, sizes.wide]) {
      const labels = [...marks({ focus: "none", held: "peak,latest" }, data, size).values()].filter((m) =>
        m.key.startsWith("held-label-"),
      );
      expect(labels.map((l) => l.text)).toEqual(["110 on 31 Jan 2025", "95 on 31 May 2025"]);
      for (const l of labels) {
        expect(n(l, "x")).toBeGreaterThanOrEqual(0);
        expect(n(l, "x")).toBeLessThanOrEqual(size.width);
      }
    }
  });

  it("takes the first of two equal highest counts as the peak, and labels nothing for peak or latest without counts", () => {
    const twice = withCount("2025-05-31", 110);
    const label = (dataset: typeof data) =>
      [...marks({ focus: "none", held: "peak" }, dataset).values()]
        .filter((m) => m.key.startsWith("held-label-"))
        .map((m) => m.text);
    expect(label(twice)).toEqual(["110 on 31 Jan 2025"]);
    const none = { ...data, held: [] };
    for (const held of ["peak", "latest"])
      expect([...marks({ focus: "none", held }, none).keys()].filter((k) => k.startsWith("held-label-"))).toEqual([]);
  });

  it("refuses a focus that would cut a period in two, and a count that is not in the data", () => {
    const problems = prisonersChart.check(
      prisonersChart.state.parse({ focus: "2025-01..2025-03", held: "2025-03-31" }),
      data,
    );
    expect(problems.map((p) => [p.field, p.problem])).toEqual([
      [
        "focus",
        "focus 2025-01-01..2025-03-31 cuts the period 2025-03-01..2025-04-30 in two: the chart adds up whole periods only",
      ],
      ["held", "held names no count in content/data/held.csv (2025-03-31)"],
    ]);
  });

  it("takes a focus of whole periods, and names the period a focus cuts, at either end, or what it reaches past", () => {
    // The fixture's periods: January, February, March–April, May 2025.
    const focus = (f: string) =>
      prisonersChart.check(prisonersChart.state.parse({ focus: f, held: "none" }), data).map((p) => p.problem);
    for (const whole of ["2025-01", "2025-02..2025-04", "2025-01..2025-05", "2025-03-01..2025-04-30"])
      expect(focus(whole), whole).toEqual([]);
    expect(focus("2025-04..2025-05")).toEqual([
      "focus 2025-04-01..2025-05-31 cuts the period 2025-03-01..2025-04-30 in two: the chart adds up whole periods only",
    ]);
    // A day's overlap is a cut too: ending on a period's first day, starting on one's last.
    expect(focus("2025-02-01..2025-03-01")).toEqual([
      "focus 2025-02-01..2025-03-01 cuts the period 2025-03-01..2025-04-30 in two: the chart adds up whole periods only",
    ]);
    expect(focus("2025-02-28..2025-04-30")).toEqual([
      "focus 2025-02-28..2025-04-30 cuts the period 2025-02-01..2025-02-28 in two: the chart adds up whole periods only",
    ]);
    expect(focus("2025-01..2025-07")).toEqual([
      "focus 2025-01-01..2025-07-31 reaches past the chart's periods, which cover only 2025-01-01..2025-05-31 of it",
    ]);
    // Reaching past their start, its last period whole; and lying before them, every period after it.
    expect(focus("2024-12..2025-01")).toEqual([
      "focus 2024-12-01..2025-01-31 reaches past the chart's periods, which cover only 2025-01-01..2025-01-31 of it",
    ]);
    expect(focus("2024-12")).toEqual(["focus 2024-12-01..2024-12-31 holds no period of the chart"]);
    const none = prisonersChart.check(prisonersChart.state.parse({ focus: "2026-01", held: "none" }), data);
    expect(none.map((p) => [p.field, p.value, p.problem])).toEqual([
      ["focus", "2026-01", "focus 2026-01-01..2026-01-31 holds no period of the chart"],
    ]);
    expect(none[0]!.fix).toMatch(/^Start and end the focus on period boundaries\. .*Valid: 2025-01-01\.\.2025-01-31, /);
  });

  it("writes a draft text alternative with bound numbers for the editor to check", () => {
    const draft = prisonersChart.draftAlt(
      data,
      prisonersChart.state.parse({ focus: "2025-01..2025-04", held: "none" }),
    );
    expect(draft).toContain(
      "Picked out, 1 Jan 2025 to 30 Apr 2025: :recognised[2025-01-01..2025-04-30] newly recognised, :freed[2025-01-01..2025-04-30] freed, :left-otherwise[2025-01-01..2025-04-30] left by other routes.",
    );
  });

  it("reads held as a comma-separated list, spaces and empty items ignored, none as nothing", () => {
    const parse = (held: string) => prisonersChart.state.parse({ held }).held;
    expect(parse(" 2025-01-31 , none,,2025-02-28 ")).toEqual(["2025-01-31", "2025-02-28"]);
    expect(parse("none")).toEqual([]);
    expect(prisonersChart.state.parse({}).held).toEqual(["latest"]);
  });

  it("writes each case of the draft's focus: nothing published, nothing freed, nobody left otherwise", () => {
    const draft = (focus: string, dataset = data) =>
      prisonersChart.draftAlt(dataset, prisonersChart.state.parse({ focus, held: "none" })).split("Picked out, ")[1];
    // May: no recognitions published, 7 freed, nothing derivable.
    expect(draft("2025-05")).toBe(
      "1 May 2025 to 31 May 2025: no published count of recognitions, :freed[2025-05-01..2025-05-10] freed.",
    );
    // February with its release taken out: 10 recognised, nobody freed, 15 left otherwise.
    const noFeb = { ...data, releases: data.releases.filter((r) => r.id !== "feb-deal") };
    expect(draft("2025-02", noFeb)).toBe(
      "1 Feb 2025 to 28 Feb 2025: :recognised[2025-02-01..2025-02-28] newly recognised, :left-otherwise[2025-02-01..2025-02-28] left by other routes.",
    );
    // January with a count of 110 + 6 at its end: nobody left otherwise, so it is not named.
    const noneLeft = { ...data, held: data.held.map((r) => (r.date === "2025-01-31" ? { ...r, count: 116 } : r)) };
    expect(draft("2025-01", noneLeft)).toBe(
      "1 Jan 2025 to 31 Jan 2025: :recognised[2025-01-01..2025-01-31] newly recognised, :freed[2025-01-01..2025-01-31] freed.",
    );
    expect(prisonersChart.draftAlt(data, prisonersChart.state.parse({ focus: "none", held: "none" }))).not.toContain(
      "Picked out",
    );
  });

  it("claims each count at the focus's ends once, even when a label names it too", () => {
    const claims = prisonersChart
      .claims(data, prisonersChart.state.parse({ focus: "2025-02", held: "2025-01-31,2025-02-28" }))
      .filter((c) => c.kind === "held")
      .map((c) => c.key);
    expect(claims).toEqual(["2025-01-31", "2025-02-28"]);
    // With no label, the focus's ends are claimed by the callout.
    const callout = prisonersChart
      .claims(data, prisonersChart.state.parse({ focus: "2025-02", held: "none" }))
      .filter((c) => c.kind === "held")
      .map((c) => c.key);
    expect(callout).toEqual(["2025-01-31", "2025-02-28"]);
  });

  it("wraps a callout line too long for a phone, its continuation indented, and gives no count change without a start count", () => {
    const big = {
      ...data,
      held: data.held.map((r) => ({ ...r, count: r.count * 100 })),
      recognitions: data.recognitions.map((r) => ({ ...r, count: r.count * 100 })),
      releases: data.releases.map((r) => ({ ...r, released: r.released * 100 })),
    };
    const callout = (dataset: typeof data, focus: string, size: (typeof sizes)[keyof typeof sizes]) =>
      [...marks({ focus, held: "none" }, dataset, size).values()]
        .filter((m) => m.key.startsWith("focus-") && m.tag === "text")
        .map((m) => [m.key, m.text]);
    const lines = callout(big, "2025-01..2025-04", sizes.compact);
    expect(lines).toContainEqual(["focus-freed", "Out: 3,900 freed (3,000 in US deals, 900 in"]);
    expect(lines).toContainEqual(["focus-freed-1", "  pardons)"]);
    // On a wide screen the same line fits.
    expect(callout(big, "2025-01..2025-04", sizes.wide)).toContainEqual([
      "focus-freed",
      "Out: 3,900 freed (3,000 in US deals, 900 in pardons)",
    ]);
    // With no count before January, the change in the count is not given, nor what left otherwise.
    const noStart = callout({ ...data, held: data.held.slice(1) }, "2025-01", sizes.wide);
    expect(noStart.map(([key]) => key)).not.toContain("focus-held");
    expect(noStart).toContainEqual(["focus-left", "other departures: not derivable"]);
  });

  it("keeps every callout line inside a phone's frame, wrapped only where it needs to be, however many digits its counts have", () => {
    // Counts of one to five digits make lines of many widths, some just wider than the frame.
    const digits = [7, 48, 365, 2_914, 40_127];
    const [left, right] = plotEdges(sizes.compact);
    // A line wraps where, in its own weight (regular), it is wider than the frame less 12 px.
    const room = right - left - 12;
    let wrapped = 0;
    for (const us of digits)
      for (const other of digits) {
        const dataset = {
          ...data,
          releases: [release("deal", "2025-02-10", us, true), release("pardon", "2025-02-20", other)],
        };
        const boxes = textBoxes(layout({ focus: "2025-02", held: "none" }, dataset, sizes.compact)).filter((b) =>
          b.key.startsWith("focus-"),
        );
        const freed = boxes.filter((b) => b.key.startsWith("focus-freed")).map((b) => b.text.trim());
        wrapped += freed.length - 1;
        expect(textWidth(freed.join(" "), 14) > room, freed.join(" ")).toBe(freed.length > 1);
        for (const box of boxes) {
          expect(box.left, `${box.text} (${us}, ${other})`).toBeGreaterThanOrEqual(left - 0.5);
          expect(box.right, `${box.text} (${us}, ${other})`).toBeLessThanOrEqual(right + 0.5);
        }
      }
    expect(wrapped).toBeGreaterThan(0);
  });

  it("tables every period with the derived figure marked, and a gap as a gap", () => {
    // Nobody left otherwise in January when its count is 116: a 0, not a conflict.
    const noneLeft = { ...data, held: data.held.map((r) => (r.date === "2025-01-31" ? { ...r, count: 116 } : r)) };
    expect(prisonersChart.table(noneLeft)[0]!.rows[0]).toEqual(["1 Jan 2025", "31 Jan 2025", 100, 20, 0, 4, 0, 116]);
    const [flows] = prisonersChart.table(data);
    expect(flows!.rows.at(-1)).toEqual(["1 May 2025", "31 May 2025", 90, "not published", 7, 0, "not derivable", 95]);
    // No count at May's end: its end is not published either.
    const noEnd = { ...data, held: data.held.filter((r) => r.date !== "2025-05-31") };
    expect(prisonersChart.table(noEnd)[0]!.rows.at(-1)!.at(-1)).toBe("not published");
  });
});

describe("the prisoners chart's legend", () => {
  it("names the held line always, and only the kinds of block the data draws", () => {
    // The fixture: recognitions, both kinds of release, people leaving otherwise, an unpublished May; no conflict.
    expect(layout({ focus: "none" }).legend).toEqual([
      "held",
      "recognised",
      "freed-us",
      "freed-other",
      "left-otherwise",
      "no-count",
    ]);
    // Counts that conflict draw their own block, and the legend says what it is.
    const conflicting = {
      ...data,
      held: [held("2024-12-31", 100), ...data.held.slice(1).map((r) => ({ ...r, count: r.count + 40 }))],
    };
    expect(layout({ focus: "none" }, conflicting).legend).toContain("left-negative");
    // With nothing published but the counts, only the line.
    expect(layout({ focus: "none" }, { ...data, recognitions: [], releases: [] }).legend).toEqual(["held", "no-count"]);
  });
});
