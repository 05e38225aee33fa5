import { describe, expect, it } from "vitest";
import { dotsPath, type Point } from "../../src/charts/door/dots.ts";
import {
  doorGeometry,
  dotSet,
  ease,
  fadePlan,
  FADE_MS,
  flowPlan,
  FLOW_MS,
  sceneDots,
  spriteAt,
  type DoorGeometry,
  type DotSet,
  type Sprite,
  type SpriteFrame,
  type Tint,
} from "../../src/charts/door/plan.ts";
import type { Scene } from "../../src/render/scene.ts";

// The door's motion as numbers, on a few hand-placed dots: who moves, from where to where, when,
// and where a moving dot is at a given moment. The fixture's real steps are in door.test.ts.

const at = (x: number, y: number): Point => ({ x, y });
const set = (role: string, tint: Tint, points: Point[], from: Point[] | null = null, order = 0): DotSet => ({
  role,
  tint,
  points,
  from,
  order,
});
const geometry: DoorGeometry = { door: at(100, 50), doorRadius: 12, outside: at(140, 50), radius: 2 };
const D = FLOW_MS;
const where = (s: Sprite) => ({ from: at(s.x0, s.y0), to: at(s.x1, s.y1) });

describe("reading a door scene's dots", () => {
  const scene = (marks: Scene["layers"][number]["marks"], frame: Scene["layers"][number]["marks"] = []): Scene => ({
    width: 200,
    height: 100,
    layers: [
      { id: "door-frame", marks: frame },
      { id: "door-dots", marks },
    ],
  });

  it("takes each path's role, colour, points, the slots it left and its batch order", () => {
    const [held, out] = sceneDots(
      scene([
        {
          key: "held",
          tag: "path",
          attrs: { d: dotsPath([at(1, 2), at(3, 4)]), class: "door-dots door-dots--held", "data-role": "held" },
        },
        {
          key: "out-1",
          tag: "path",
          attrs: {
            d: dotsPath([at(150, 10)]),
            class: "door-dots door-dots--us",
            "data-role": "out",
            "data-from": dotsPath([at(3, 4)]),
            "data-order": 2,
          },
        },
      ]),
    );
    expect(held).toEqual(set("held", "held", [at(1, 2), at(3, 4)], null, 0));
    expect(out).toEqual(set("out", "us", [at(150, 10)], [at(3, 4)], 2));
  });

  it("calls a path with no colour class held, and a scene with no dots empty", () => {
    expect(dotSet("held", "door-dots", "M1 1h0", null, 0).tint).toBe("held");
    expect(sceneDots({ width: 1, height: 1, layers: [] })).toEqual([]);
  });

  it("parses each path once: the same path data gives back the same points", () => {
    const d = dotsPath([at(7, 7), at(8, 8)]);
    expect(dotSet("held", "door-dots--held", d, null, 0).points).toBe(dotSet("new", "door-dots--new", d, d, 1).points);
  });

  it("finds the door, the point 40 units outside it away from the field's centre, and a dot's radius", () => {
    const frame = [
      { key: "inside", tag: "rect" as const, attrs: { x: 0, y: 0, width: 100, height: 100 } },
      { key: "door", tag: "circle" as const, attrs: { cx: 130, cy: 90, r: 11 } },
    ];
    const dots = [{ key: "held", tag: "path" as const, attrs: { d: "M1 1h0", "stroke-width": 5 } }];
    const found = doorGeometry(scene(dots, frame));
    // The centre is (50, 50); the door 80 right and 40 down of it, 89.4 away.
    expect(found.door).toEqual(at(130, 90));
    expect(found.doorRadius).toBe(11);
    expect(found.outside.x).toBeCloseTo(130 + (80 / Math.hypot(80, 40)) * 40, 6);
    expect(found.outside.y).toBeCloseTo(90 + (40 / Math.hypot(80, 40)) * 40, 6);
    expect(found.radius).toBe(2.5);
    // Without a stroke width, a dot is 4 units across.
    expect(doorGeometry(scene([{ key: "held", tag: "path", attrs: { d: "M1 1h0" } }], frame)).radius).toBe(2);
    // A door at the field's very centre has no outward direction: newcomers appear at the door.
    const centred = [frame[0]!, { ...frame[1]!, attrs: { cx: 50, cy: 50, r: 11 } }];
    expect(doorGeometry(scene(dots, centred)).outside).toEqual(at(50, 50));
    // A state that draws no dot (a count of nobody) still has its door, and dots 4 units across.
    expect(doorGeometry(scene([], frame)).radius).toBe(2);
  });
});

describe("the cross-fade that replaces motion for readers who reduce it", () => {
  const from = [set("held", "held", [at(1, 1), at(2, 2)]), set("out", "us", [at(150, 5)])];
  const target = [set("held", "held", [at(1, 1)]), set("new", "new", [at(2, 2), at(3, 3)])];
  // Planned inside each test, not while the file is read: a mutation test switches its bug on per test.
  const plan = () => fadePlan(from, target, geometry);

  it("keeps a dot that is the same in both states, fades in what is new or changed colour, fades out the rest", () => {
    const by = (p: Point, a0: number, a1: number) =>
      plan().sprites.filter((s) => s.x0 === p.x && s.y0 === p.y && s.a0 === a0 && s.a1 === a1);
    expect(by(at(1, 1), 1, 1)).toHaveLength(1);
    // (2, 2) was held and is now a newcomer: its new colour fades in over it, its old one is not kept.
    expect(by(at(2, 2), 0, 1).map((s) => s.tint1)).toEqual(["new"]);
    expect(by(at(2, 2), 1, 0).map((s) => s.tint1)).toEqual(["held"]);
    expect(by(at(3, 3), 0, 1)).toHaveLength(1);
    expect(by(at(150, 5), 1, 0).map((s) => s.tint1)).toEqual(["us"]);
    expect(by(at(1, 1), 1, 0)).toEqual([]);
    expect(plan().sprites).toHaveLength(5);
  });

  it("moves nothing, turns no vane, and takes the fade's time", () => {
    expect(plan().sprites.every((s) => !s.via && s.x0 === s.x1 && s.y0 === s.y1)).toBe(true);
    expect(plan().sprites.every((s) => s.start === 0 && s.end === FADE_MS)).toBe(true);
    expect([plan().duration, plan().turn, plan().door, plan().doorRadius, plan().radius]).toEqual([
      FADE_MS,
      0,
      at(100, 50),
      12,
      2,
    ]);
  });
});

describe("the flows between two steps", () => {
  const from = [set("held", "held", [at(1, 1), at(2, 2), at(3, 3), at(4, 4)]), set("out", "other", [at(160, 9)])];
  const target = [
    set("held", "held", [at(1, 1), at(9, 9)]),
    set("new", "new", [at(5, 5), at(6, 6)]),
    // Listed second but left first: batches go in their order.
    set("out", "other", [at(170, 30)], [at(3, 3)], 2),
    set("out", "us", [at(150, 10), at(152, 10)], [at(2, 2), at(8, 8)], 1),
  ];
  // Planned inside each test, not while the file is read: a mutation test switches its bug on per test.
  const plan = () => flowPlan(from, target, geometry);
  const movers = () => plan().sprites.filter((s) => s.via);

  it("sends each batch of leavers from the slots they left to their group, in batch order", () => {
    const leaving = movers().filter((s) => s.tint1 !== "new");
    expect(leaving.map(where)).toEqual([
      { from: at(2, 2), to: at(150, 10) },
      { from: at(8, 8), to: at(152, 10) },
      { from: at(3, 3), to: at(170, 30) },
    ]);
    // A dot leaves in the colour it had in the field, and takes its group's at the door.
    expect(leaving.map((s) => [s.tint0, s.tint1])).toEqual([
      ["held", "us"],
      ["us", "us"],
      ["held", "other"],
    ]);
    // A slot that was not a dot of the field (a jump from a smaller count): the dot appears as it goes.
    expect(leaving.map((s) => s.a0)).toEqual([1, 0, 1]);
    const starts = leaving.map((s) => s.start);
    expect(starts[0]).toBe(0);
    expect(starts[1]! - starts[0]!).toBeGreaterThan(0);
    expect(starts[2]! - starts[1]!).toBeGreaterThan(starts[1]! - starts[0]!);
    expect(leaving.every((s) => s.end - s.start === 0.25 * D)).toBe(true);
  });

  it("brings the newcomers in from outside the door, unseen until they reach it, after the first leavers", () => {
    const coming = movers().filter((s) => s.tint1 === "new");
    expect(coming.map(where)).toEqual([
      { from: at(140, 50), to: at(5, 5) },
      { from: at(140, 50), to: at(6, 6) },
    ]);
    expect(coming.map((s) => s.a0)).toEqual([0, 0]);
    expect(coming[0]!.start).toBe(0.3 * D);
    expect(coming[1]!.start).toBeGreaterThan(coming[0]!.start);
    expect(coming[0]!.end - coming[0]!.start).toBe(0.22 * D);
  });

  it("holds the held still, and fades in a held dot that was not in the field, once the leavers are out", () => {
    const still = plan().sprites.filter((s) => !s.via && s.a0 === 1 && s.a1 === 1);
    expect(still.map((s) => at(s.x0, s.y0))).toEqual([at(1, 1)]);
    expect([still[0]!.start, still[0]!.end]).toEqual([0, 0]);
    const appearing = plan().sprites.filter((s) => !s.via && s.a0 === 0);
    expect(appearing.map((s) => [s.x0, s.y0, s.start, s.end])).toEqual([[9, 9, 0.5 * D, 0.8 * D]]);
  });

  it("fades out what the new step does not account for: the last step's groups first, then dots that left unseen", () => {
    const fading = plan().sprites.filter((s) => s.a0 === 1 && s.a1 === 0);
    expect(fading.map((s) => [s.x0, s.y0, s.start, s.end])).toEqual([
      [4, 4, 0.1 * D, 0.5 * D],
      [160, 9, 0, 0.2 * D],
    ]);
    expect(plan().sprites).toHaveLength(9);
  });

  it("lasts until the last dot arrives, turns the vanes, and carries the door along", () => {
    expect(plan().duration).toBe(Math.max(...plan().sprites.map((s) => s.end)));
    expect(plan().duration).toBeLessThanOrEqual(D);
    expect([plan().turn, plan().door, plan().doorRadius, plan().radius]).toEqual([270, at(100, 50), 12, 2]);
  });

  it("with nobody leaving, brings newcomers in and count changes up almost at once", () => {
    const quiet = flowPlan(
      [set("held", "held", [at(1, 1)])],
      [set("held", "held", [at(1, 1)]), set("net", "net", [at(2, 2)]), set("new", "new", [at(3, 3)])],
      geometry,
    );
    expect(quiet.sprites.find((s) => s.via)!.start).toBe(0.05 * D);
    const net = quiet.sprites.find((s) => s.tint1 === "net")!;
    expect([net.a0, net.start, net.end]).toEqual([0, 0.1 * D, 0.4 * D]);
    // Nothing is shorter than half the flow's time, so a quiet step still reads as a change.
    expect(quiet.duration).toBe(0.5 * D);
  });

  it("sends leavers with no slots recorded (after the latest count) from the door itself, shown", () => {
    const after = flowPlan([set("held", "held", [at(1, 1)])], [set("after", "us", [at(150, 10)])], geometry);
    const [leaver] = after.sprites.filter((s) => s.via);
    expect([leaver!.x0, leaver!.y0, leaver!.a0, leaver!.tint0]).toEqual([100, 50, 1, "us"]);
  });

  it("paces a crowd to fit the flow: leavers out by 45 % of it with short pauses between batches, newcomers in by 95 %", () => {
    const row = (n: number, y: number): Point[] => Array.from({ length: n }, (_, i) => at(i / 10, y));
    const field = set("held", "held", [...row(600, 1), ...row(20, 2)]);
    const batches = (count: number) =>
      Array.from({ length: count }, (_, b) =>
        set("out", "us", row(600 / count, 50 + b), row(600, 1).slice((600 / count) * b, (600 / count) * (b + 1)), b),
      );
    const crowd = flowPlan([field], [...batches(3), set("new", "new", row(300, 3))], geometry);
    const leavers = crowd.sprites.filter((s) => s.via && s.tint1 === "us");
    const newcomers = crowd.sprites.filter((s) => s.via && s.tint1 === "new");
    // 600 leavers in 3 batches: a 60 ms pause after each, and (0.45 D − 3 × 60) / 600 = 1.5 ms between dots.
    const starts = leavers.map((s) => s.start);
    expect(starts[1]! - starts[0]!).toBeCloseTo(1.5, 9);
    expect(starts[200]! - starts[199]!).toBeCloseTo(1.5 + 60, 9);
    expect(starts[400]! - starts[399]!).toBeCloseTo(1.5 + 60, 9);
    expect(starts.at(-1)! + 1.5 + 60).toBeCloseTo(0.45 * D, 9);
    // 300 newcomers from 0.3 D, each taking 0.22 D, the last in at 0.95 D.
    const arrivals = newcomers.map((s) => s.start);
    expect(arrivals[0]).toBe(0.3 * D);
    expect(arrivals[1]! - arrivals[0]!).toBeCloseTo((0.95 * D - 0.3 * D - 0.22 * D) / 300, 9);
    expect(newcomers.at(-1)!.end).toBeLessThanOrEqual(0.95 * D);
    // With many batches the pauses share 15 % of the flow, so each pause shrinks.
    const many = flowPlan([field], batches(30), geometry).sprites.filter((s) => s.via);
    expect(many[20]!.start - many[19]!.start).toBeCloseTo((0.15 * D) / 30 + (0.45 * D - 0.15 * D) / 600, 9);
  });

  it("counts only the field as where a dot was: a group's dot outside, or a held dot turning net, cross-fades", () => {
    const plan = flowPlan(
      [set("held", "held", [at(1, 1)]), set("out", "us", [at(5, 5)], [at(9, 9)])],
      [set("net", "net", [at(1, 1)]), set("held", "held", [at(5, 5)])],
      geometry,
    );
    const fades = plan.sprites.map((s) => [s.x0, s.y0, s.tint1, s.a0, s.a1]);
    expect(fades).toEqual(
      expect.arrayContaining([
        [1, 1, "net", 0, 1],
        [5, 5, "held", 0, 1],
        [1, 1, "held", 1, 0],
        [5, 5, "us", 1, 0],
      ]),
    );
    expect(fades).toHaveLength(4);
  });

  it("tells apart dots a tenth of a unit apart, across and down", () => {
    const plan = flowPlan(
      [set("held", "held", [at(1, 1)])],
      [set("held", "held", [at(1, 1), at(1.1, 1), at(1, 1.1)])],
      geometry,
    );
    const appearing = plan.sprites.filter((s) => s.a0 === 0).map((s) => at(s.x0, s.y0));
    expect(appearing).toEqual([at(1.1, 1), at(1, 1.1)]);
  });
});

describe("a moving dot at a moment", () => {
  const sprite: Sprite = {
    x0: 0,
    y0: 0,
    x1: 200,
    y1: 100,
    via: true,
    tint0: "held",
    tint1: "us",
    a0: 1,
    a1: 1,
    start: 100,
    end: 300,
  };
  const door = at(100, 20);
  const frame = (s: Sprite, t: number): SpriteFrame =>
    spriteAt(s, door, t, { x: NaN, y: NaN, alpha: NaN, tint: "held" });

  it("eases in and out, symmetric about the middle", () => {
    expect([ease(0), ease(0.25), ease(0.5), ease(0.75), ease(1)]).toEqual([0, 0.0625, 0.5, 0.9375, 1]);
    expect(ease(0.1)).toBeCloseTo(0.004, 6);
    expect(ease(0.9)).toBeCloseTo(0.996, 6);
  });

  it("waits at its start before its time, and rests at its end after it", () => {
    expect(frame(sprite, 0)).toEqual({ x: 0, y: 0, alpha: 1, tint: "held" });
    expect(frame(sprite, 100)).toEqual({ x: 0, y: 0, alpha: 1, tint: "held" });
    expect(frame(sprite, 300)).toEqual({ x: 200, y: 100, alpha: 1, tint: "us" });
    expect(frame(sprite, 999)).toEqual({ x: 200, y: 100, alpha: 1, tint: "us" });
  });

  it("goes to the door in the first half of its eased way and from it in the second, taking its new colour there", () => {
    // A quarter of the time is ease 0.0625: an eighth of the way to the door.
    expect(frame(sprite, 150)).toEqual({ x: 12.5, y: 2.5, alpha: 1, tint: "held" });
    expect(frame(sprite, 200)).toEqual({ x: 100, y: 20, alpha: 1, tint: "us" });
    // Three quarters is ease 0.9375: seven eighths of the way from the door to the group.
    expect(frame(sprite, 250)).toEqual({ x: 187.5, y: 90, alpha: 1, tint: "us" });
    const before = frame(sprite, 199.9);
    expect(before.tint).toBe("held");
    expect(before.x).toBeLessThan(100);
  });

  it("fades from a0 to a1 over its time; a newcomer is fully seen by the time it reaches the door", () => {
    const newcomer = { ...sprite, a0: 0, a1: 1 };
    expect(frame(newcomer, 100).alpha).toBe(0);
    expect(frame(newcomer, 140).alpha).toBeCloseTo(0.5, 9);
    expect(frame(newcomer, 180).alpha).toBe(1);
    expect(frame(newcomer, 250).alpha).toBe(1);
    const leaving = { ...sprite, a0: 1, a1: 0.2 };
    expect(frame(leaving, 150).alpha).toBeCloseTo(0.8, 9);
    expect(frame(leaving, 300).alpha).toBeCloseTo(0.2, 9);
  });
});
