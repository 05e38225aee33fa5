import { describe, expect, it } from "vitest";
import { doorChart } from "../../src/charts/door/index.ts";
import { dotsPath, parseDots } from "../../src/charts/door/dots.ts";
import { placeGroups } from "../../src/charts/door/exits.ts";
import { doorFrame } from "../../src/charts/door/geometry.ts";
import { doorCapacity } from "../../src/charts/door/layout.ts";
import { doorModel } from "../../src/charts/door/model.ts";
import { heldRow } from "../../src/charts/door/state.ts";
import { doorGeometry, flowPlan, sceneDots } from "../../src/charts/door/plan.ts";
import { leftOtherwise, recognisedOver } from "../../src/content/bindings.ts";
import { loadStory } from "../../src/content/load.ts";
import { addDays } from "../../src/data/flows.ts";
import { ORIGIN_PLACE, type Dataset } from "../../src/data/load.ts";
import { sizes, type Mark, type Scene } from "../../src/render/scene.ts";
import { held, withCount } from "../support/dataset.ts";
import { FIXTURE } from "../support/fixture.ts";

const story = loadStory(FIXTURE);
const { data } = story;
const steps = story.sections.find((s) => s.chart === "door")!.steps;
const FIELD = ["held", "new", "net"];

/** The dots a scene draws: one per zero-length subpath, as the SVG paints them. */
const dotMarks = (scene: Scene): Mark[] => scene.layers.find((l) => l.id === "door-dots")?.marks ?? [];
const dotsIn = (marks: readonly Mark[]): number =>
  marks.reduce((n, m) => n + (String(m.attrs.d).match(/h0/g)?.length ?? 0), 0);
const byRole = (scene: Scene, ...roles: string[]): Mark[] =>
  dotMarks(scene).filter((m) => roles.includes(String(m.attrs["data-role"])));
const layout = (state: Record<string, unknown>, size: keyof typeof sizes = "wide"): Scene =>
  doorChart.layout(data, doorChart.state.parse(state), sizes[size]);
const count = (date: string): number => data.held.find((r) => r.date === date)!.count;
const failed = (x: object): x is { problem: string } => "problem" in x;

/** What the data says left between two dates, by how and where to, worked out here from the rows. */
function expectedExits(d: Dataset, after: string, upTo: string): Map<string, number> {
  const exits = new Map<string, number>();
  const add = (key: string, n: number): void => {
    if (n > 0) exits.set(key, (exits.get(key) ?? 0) + n);
  };
  for (const r of d.releases.filter((r) => r.date > after && r.date <= upTo)) {
    const kind = r.us_brokered ? "us" : "other";
    const places = d.deportations.filter((p) => p.release_id === r.id && p.count !== null);
    for (const p of places) add(`${kind}/${p.place}`, p.count!);
    add(`${kind}/unreported`, r.released - places.reduce((n, p) => n + p.count!, 0));
  }
  return exits;
}

function drawnExits(scene: Scene): Map<string, number> {
  const exits = new Map<string, number>();
  for (const m of byRole(scene, "out", "after")) {
    const kind = /door-dots--(\w+)/.exec(String(m.attrs.class))![1]!;
    if (kind === "left") continue;
    const key = `${kind}/${String(m.attrs["data-group"])}`;
    exits.set(key, (exits.get(key) ?? 0) + dotsIn([m]));
  }
  return exits;
}

describe("the door draws one dot per person in Viasna's count", () => {
  it("in its default state, as many dots as the latest count in held.csv", () => {
    for (const size of ["wide", "compact"] as const) {
      expect(dotsIn(byRole(layout({}, size), ...FIELD))).toBe(data.held.at(-1)!.count);
    }
  });

  it("in every step of the story, as many dots in the field as the count of its date", () => {
    for (const step of steps) {
      const at = data.held.find((r) => r.date === step.state.at) ?? data.held.at(-1)!;
      expect(dotsIn(byRole(layout(step.state), ...FIELD)), step.id).toBe(at.count);
    }
  });

  it("keeps a dot that stays in the count in the same place from step to step", () => {
    for (let i = 1; i < steps.length; i++) {
      const before = parseDots(
        byRole(layout(steps[i - 1]!.state), ...FIELD)
          .map((m) => String(m.attrs.d))
          .join(""),
      );
      const held = parseDots(String(byRole(layout(steps[i]!.state), "held")[0]!.attrs.d));
      expect(before.slice(0, held.length), steps[i]!.id).toEqual(held);
    }
  });
});

describe("releases after the latest count (after=)", () => {
  // Two releases after the fixture's latest count (31 May 2025): a US deal to Lithuania, a pardon.
  const later = {
    ...data,
    releases: [
      ...data.releases,
      { ...data.releases.find((r) => r.id === "feb-deal")!, id: "jun-deal", date: "2025-06-10", released: 6 },
      { ...data.releases.find((r) => r.id === "apr-pardon")!, id: "jun-pardon", date: "2025-06-20", released: 3 },
      { ...data.releases.find((r) => r.id === "apr-pardon")!, id: "jul-pardon", date: "2025-07-01", released: 50 },
    ],
    deportations: [...data.deportations, { ...data.deportations[0]!, release_id: "jun-deal", count: 6 }],
  };

  it("draw the freed of those releases, up to the date given, leaving without being taken off the count", () => {
    const model = doorModel(later, doorChart.state.parse({ at: "latest", after: "2025-06-30" }));
    expect(model.afterCount).toBe(true);
    expect(model.span).toEqual(["2025-06-01", "2025-06-30"]);
    expect(model.releases.map((r) => r.id)).toEqual(["jun-deal", "jun-pardon"]);
    expect([model.freedUs, model.freedOther]).toEqual([6, 3]);
    expect(model.stay).toBe(data.held.at(-1)!.count);
    expect(model.groups.map((g) => [g.id, g.count])).toEqual([
      ["lithuania", 6],
      ["unreported", 3],
    ]);
  });
});

describe("the door's legend", () => {
  it("names only the kinds of dot a state draws", () => {
    const legendOf = (id: string): string[] | undefined => layout(steps.find((s) => s.id === id)!.state).legend;
    expect(legendOf("fx-door-start")).toEqual(["door-held"]);
    expect(legendOf("fx-door-growth")).toEqual(["door-held", "door-new", "door-derived"]);
    expect(legendOf("fx-door-january")).toEqual(["door-held", "door-new", "door-other", "door-derived"]);
    expect(legendOf("fx-door-net")).toEqual(["door-held", "door-us", "door-other", "door-derived"]);
    // Everyone held at the start freed, and the count made of newcomers alone: no held dot, none in the legend.
    const renewed = {
      ...data,
      held: data.held.map((h) =>
        h.date === "2025-01-31" ? { ...h, count: 10 } : h.date === "2025-02-28" ? { ...h, count: 10 } : h,
      ),
    };
    expect(
      doorChart.layout(renewed, doorChart.state.parse({ at: "2025-02-28", since: "2025-01-31" }), sizes.wide).legend,
    ).toEqual(["door-new", "door-us"]);
    // A count of nobody draws no dot, and the legend names none.
    const nobody = withCount("2025-02-28", 0);
    expect(doorChart.layout(nobody, doorChart.state.parse({ at: "2025-02-28" }), sizes.wide).legend).toEqual([]);
  });
});

describe("between two adjacent steps, the dots that come and go are the data's flows between their dates", () => {
  const pairs = steps.slice(1).map((step, i) => ({ before: steps[i]!, after: step }));

  it("chains every step to the one before it", () => {
    for (const { before, after } of pairs) {
      const start = after.state.after === "none" ? after.state.since : before.state.at;
      expect(start, after.id).toBe(before.state.at);
    }
  });

  for (const { before, after } of pairs) {
    it(`${before.id} → ${after.id}`, () => {
      const from = String(before.state.at);
      const to = after.state.after === "none" ? String(after.state.at) : String(after.state.after);
      const scene = layout(after.state);
      const span: [string, string] = [addDays(from, 1), to];

      expect(drawnExits(scene)).toEqual(new Map([...expectedExits(data, from, to)].filter(([, n]) => n > 0)));
      const recognised = recognisedOver(data, span);
      const left = leftOtherwise(data, span);
      const entering = dotsIn(byRole(scene, "new"));
      const leftDots = dotsIn(dotMarks(scene).filter((m) => String(m.attrs.class).includes("door-dots--left")));
      if (after.state.after === "none" && !failed(recognised) && !failed(left)) {
        expect(entering).toBe(recognised.count);
        expect(leftDots).toBe(left.value);
      } else {
        // Not published for the whole span: nothing comes in through the door and nothing is derived.
        expect(entering).toBe(0);
        expect(leftDots).toBe(0);
        const freed = [...expectedExits(data, from, to).values()].reduce((n, x) => n + x, 0);
        const net = after.state.after === "none" ? count(to) - (count(from) - freed) : 0;
        expect(dotsIn(byRole(scene, "net"))).toBe(Math.max(0, net));
      }
    });
  }
});

describe("the motion between two steps", () => {
  it("moves each leaving dot from a dot of the step before, and each newcomer in through the door", () => {
    for (let i = 1; i < steps.length; i++) {
      const a = layout(steps[i - 1]!.state, "compact");
      const b = layout(steps[i]!.state, "compact");
      const plan = flowPlan(sceneDots(a), sceneDots(b), doorGeometry(b));
      const shown = new Set(
        sceneDots(a)
          .filter((s) => FIELD.includes(s.role))
          .flatMap((s) => s.points.map((p) => `${p.x},${p.y}`)),
      );
      const movers = plan.sprites.filter((s) => s.via);
      expect(movers.length, steps[i]!.id).toBe(dotsIn(byRole(b, "out", "after", "new")));
      for (const s of movers.filter((m) => m.a0 > 0 && m.tint1 !== "new" && steps[i]!.state.after === "none"))
        expect(shown.has(`${s.x0},${s.y0}`)).toBe(true);
    }
  });
});

describe("states the door cannot draw are refused with a fix", () => {
  const problems = (state: Record<string, string>, d: Dataset = data) =>
    doorChart.check(doorChart.state.parse(state), d);

  it("a count date that is not in held.csv", () => {
    const found = problems({ at: "2025-03-15" });
    expect(found).toMatchObject([
      { field: "at", value: "2025-03-15", problem: "at names no count in content/data/held.csv (2025-03-15)" },
    ]);
    expect(found[0]!.fix).toMatch(/^Use a date of held\.csv, "latest" or "peak"\. .*2025-02-28/);
  });

  it("a since that is not before at, the same count included", () => {
    for (const [at, since] of [
      ["2024-12-31", "2025-02-28"],
      ["2025-02-28", "2025-02-28"],
    ])
      expect(problems({ at: at!, since: since! })).toEqual([
        {
          field: "since",
          value: since,
          problem: `since (${since}) is not before at (${at})`,
          fix: "Name an earlier count: the flows run from since to at.",
        },
      ]);
  });

  it("releases after a count that is not the latest", () => {
    expect(problems({ at: "2024-12-31", after: "2025-05-10" })[0]).toMatchObject({
      field: "after",
      problem: "after draws the releases since the latest count, so it needs at=latest and since=none",
    });
  });

  it("a since that names no count, or names one by a keyword that moves with the data", () => {
    for (const since of ["2025-03-15", "latest", "peak"]) {
      const found = problems({ at: "latest", since });
      expect(found).toMatchObject([
        { field: "since", value: since, problem: `since names no count in content/data/held.csv (${since})` },
      ]);
      expect(found[0]!.fix).toMatch(/^Use a date of held\.csv before at, or "none"\. /);
    }
  });

  it("reads peak as the highest count, the first of equal ones", () => {
    expect(heldRow(data, "peak")).toMatchObject({ date: "2025-02-28", count: 125 });
    expect(heldRow(data, "latest")).toMatchObject({ date: "2025-05-31" });
    const tied = { held: [held("2025-01-31", 7), held("2025-02-28", 9), held("2025-03-31", 9)] };
    expect(heldRow(tied, "peak")?.date).toBe("2025-02-28");
    expect(heldRow({ held: [] }, "peak")).toBeUndefined();
  });

  it("an after that is no date, or falls outside the latest count and the newest release", () => {
    // The fixture's newest release (10 May) is before its latest count (31 May): give it one after.
    const later = {
      ...data,
      releases: [...data.releases, { ...data.releases.at(-1)!, id: "jun-deal", date: "2025-06-20" }],
    };
    const fix =
      'Write a date after the latest count (2025-05-31) and on or before the newest release (2025-06-20), with at=latest and since=none, or "none".';
    for (const after of ["soon", "2025-06-31"])
      expect(problems({ at: "latest", after }, later)).toEqual([
        { field: "after", value: after, problem: "after is not a date written YYYY-MM-DD", fix },
      ]);
    for (const after of ["2025-05-31", "2025-06-21"])
      expect(problems({ at: "latest", after }, later)).toEqual([
        {
          field: "after",
          value: after,
          problem: `after (${after}) is not between the latest count (2025-05-31) and the newest release (2025-06-20)`,
          fix,
        },
      ]);
    expect(problems({ at: "latest", after: "2025-06-20" }, later)).toEqual([]);
    expect(problems({ at: "latest", since: "2025-04-30", after: "2025-06-20" }, later)[0]?.problem).toBe(
      "after draws the releases since the latest count, so it needs at=latest and since=none",
    );
  });

  it("a span in which more left than were there to leave, which no dot of the count can show", () => {
    // 12 held on 31 Jan; in February 10 freed and 10 recognised; 9 held on 28 Feb: 3 left otherwise,
    // more than the 2 held and not freed, so one of February's newly recognised left too.
    const few = (end: number) => ({
      ...data,
      held: data.held.map((h) =>
        h.date === "2025-01-31" ? { ...h, count: 12 } : h.date === "2025-02-28" ? { ...h, count: end } : h,
      ),
    });
    const state = { at: "2025-02-28", since: "2025-01-31" };
    expect(problems(state, few(9))).toEqual([
      {
        field: "since",
        value: "2025-01-31",
        problem:
          "3 left the list in other ways in this state's span, more than the 2 held at its start and not freed: some of those newly recognised in it left too, and the door cannot show which",
        fix: "Choose a later since (a shorter span).",
      },
    ]);
    // 10 held on 28 Feb: 2 left otherwise, as many as were there to leave; drawn.
    expect(problems(state, few(10))).toEqual([]);
    // 10 held on 31 Jan, all freed in February; 9 held on 28 Feb: the 1 who left otherwise was a newcomer.
    const allFreed = { ...few(9), held: few(9).held.map((h) => (h.date === "2025-01-31" ? { ...h, count: 10 } : h)) };
    expect(problems(state, allFreed)[0]?.problem).toMatch(
      /^1 left the list in other ways in this state's span, more than the 0 held/,
    );
    // 8 held on 31 Jan and the February deal freeing 10: more freed than were held.
    const freedMore = { ...few(0), held: few(0).held.map((h) => (h.date === "2025-01-31" ? { ...h, count: 8 } : h)) };
    expect(problems(state, freedMore)).toEqual([
      {
        field: "since",
        value: "2025-01-31",
        problem:
          "the releases in this state's span freed 10, more than the 8 held at its start, and each leaves as a dot of that count",
        fix: "Choose a later since (a shorter span).",
      },
    ]);
    // A pardon and a deal together: 4 + 10 freed since 31 Dec, when 10 were held.
    const fewInDecember = { ...data, held: data.held.map((h) => (h.date === "2024-12-31" ? { ...h, count: 10 } : h)) };
    expect(problems({ at: "2025-02-28", since: "2024-12-31" }, fewInDecember)[0]?.problem).toMatch(
      /^the releases in this state's span freed 14, more than the 10 held/,
    );
  });

  it("after, with no release in the data or no count at its at, is refused, not a crash", () => {
    const none = { ...data, releases: [] };
    expect(problems({ at: "latest", after: "2025-06-20" }, none)).toEqual([
      {
        field: "after",
        value: "2025-06-20",
        problem: "after (2025-06-20) is not between the latest count (2025-05-31) and the newest release (none)",
        fix: 'Write a date after the latest count (2025-05-31) and on or before the newest release (none), with at=latest and since=none, or "none".',
      },
    ]);
    expect(problems({ at: "2025-03-15", after: "2025-06-20" }).map((p) => p.field)).toEqual(["at", "after"]);
    const uncounted = problems({ at: "latest", after: "2025-06-20" }, { ...data, held: [] });
    expect(uncounted.find((p) => p.field === "after")?.fix).toMatch(
      /^Write a date after the latest count \(none\) and/,
    );
  });

  it("a span whose leavers would not fit outside the door", () => {
    expect(problems({ at: "2025-02-28", since: "2024-12-31" })).toEqual([]);
    // The same span, had the February deal freed 900 people: they cannot all be drawn leaving.
    const crowded = {
      ...data,
      releases: data.releases.map((r) => (r.id === "feb-deal" ? { ...r, released: 900 } : r)),
    };
    expect(problems({ at: "2025-02-28", since: "2024-12-31" }, crowded)).toEqual([
      {
        field: "since",
        value: "2024-12-31",
        problem: "904 people leave in this state's span, more than the space outside the door holds",
        fix: "Choose a later since (a shorter span), so fewer people leave in one step.",
      },
    ]);
    // Refused when the leavers overflow at either size. The two fill at different crowds (here the
    // wide screen's space beside the door first, at 71 freed; the phone's at 77), and in between the
    // state is refused all the same.
    const state = doorChart.state.parse({ at: "2025-02-28", since: "2024-12-31" });
    const overflows = (d: Dataset, size: keyof typeof sizes): boolean =>
      placeGroups(doorFrame(doorCapacity(d), sizes[size]), doorModel(d, state), d).overflow > 0;
    let oneSize = 0;
    for (let released = 10; released <= 100; released += 1) {
      const d = { ...data, releases: data.releases.map((r) => (r.id === "feb-deal" ? { ...r, released } : r)) };
      const [phone, wide] = [overflows(d, "compact"), overflows(d, "wide")];
      if (phone !== wide) oneSize++;
      expect(problems({ at: "2025-02-28", since: "2024-12-31" }, d).length, `${released} freed`).toBe(
        phone || wide ? 1 : 0,
      );
    }
    expect(oneSize).toBeGreaterThan(0);
    // A space overflows exactly when its lowest dot's edge runs past its foot: swept over chart
    // heights a unit apart, so the foot passes every place a dot can end.
    const crowd = { ...data, releases: data.releases.map((r) => (r.id === "feb-deal" ? { ...r, released: 60 } : r)) };
    for (const width of [320, 720])
      for (let height = 300; height <= 520; height++) {
        const frame = doorFrame(doorCapacity(crowd), { width, height });
        const { groups, overflow } = placeGroups(frame, doorModel(crowd, state), crowd);
        const lowest = Math.max(...groups.flatMap((g) => g.cohorts.flatMap((c) => c.points.map((p) => p.y))));
        expect(overflow > 0, `${width} × ${height}`).toBe(lowest + frame.pitch / 2 > frame.out.y1 + 0.05);
      }
  });
});

describe("dots as path data", () => {
  it("reads back exactly the points it wrote, to a tenth of a unit", () => {
    const points = [
      { x: 12.3, y: 45.6 },
      { x: 700.1, y: 0 },
      { x: 0.5, y: 439.9 },
      { x: 18.4, y: 45.6 },
    ];
    expect(parseDots(dotsPath(points))).toEqual(points);
    expect(dotsPath(points)).toBe("M12.3 45.6h0m687.8 -45.6h0m-699.6 439.9h0m17.9 -394.3h0");
  });

  it("treats the place 'stayed in Belarus' as where the routes start", () => {
    expect(ORIGIN_PLACE).toBe("belarus");
  });
});
