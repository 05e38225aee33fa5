import type { Mark, Scene } from "../../render/scene.ts";
import { parseDots, type Point } from "./dots.ts";

/**
 * The motion between two door states, as sprites: one per dot, with where and when it starts and
 * ends. Built from the two scenes alone (the dots' paths and roles), so it works between any two
 * states, in either direction; between adjacent steps it is exactly the flows of the later one.
 * Pure: no DOM, so it is unit-tested and its cost is measured on its own.
 */

/** The colour classes of dots, by their suffix: door-dots--held … */
export type Tint = "held" | "new" | "net" | "us" | "other" | "left";

export interface DotSet {
  role: string;
  tint: Tint;
  points: Point[];
  /** For dots that left the field: the slots they left, in the same order. */
  from: Point[] | null;
  /** The order in which batches leave. */
  order: number;
}

export interface Sprite {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Whether the dot passes through the door on its way. */
  via: boolean;
  tint0: Tint;
  tint1: Tint;
  a0: number;
  a1: number;
  /** Milliseconds from the start of the motion. */
  start: number;
  end: number;
}

export interface Plan {
  sprites: Sprite[];
  door: Point;
  radius: number;
  duration: number;
}

/** How long the flows take, and the cross-fade that replaces them for readers who reduce motion. */
export const FLOW_MS = 2400;
export const FADE_MS = 500;
/** A pause between batches, so each release reads as one group going out. */
const BATCH_GAP_MS = 60;

const tintOf = (cls: string): Tint => (/door-dots--(\w+)/.exec(cls)?.[1] ?? "held") as Tint;

export function dotSet(role: string, cls: string, d: string, from: string | null, order: number): DotSet {
  return { role, tint: tintOf(cls), points: parseDots(d), from: from ? parseDots(from) : null, order };
}

/** The dot sets of a scene (the state being drawn). */
export function sceneDots(scene: Scene): DotSet[] {
  const marks: Mark[] = scene.layers.find((l) => l.id === "door-dots")?.marks ?? [];
  return marks.map(({ attrs }) =>
    dotSet(
      String(attrs["data-role"]),
      String(attrs.class),
      String(attrs.d),
      attrs["data-from"] === undefined ? null : String(attrs["data-from"]),
      Number(attrs["data-order"] ?? 0),
    ),
  );
}

const key = (p: Point): string => `${p.x},${p.y}`;
const FIELD = new Set(["held", "new", "net"]);

function frameMark(scene: Scene, markKey: string): Mark | undefined {
  return scene.layers.find((l) => l.id === "door-frame")?.marks.find((m) => m.key === markKey);
}

/** Where the door is, and the point just outside it where newcomers appear. */
function doorPoints(scene: Scene): { door: Point; outside: Point } {
  const drum = frameMark(scene, "door")?.attrs ?? {};
  const inside = frameMark(scene, "inside")?.attrs ?? {};
  const door = { x: Number(drum.cx), y: Number(drum.cy) };
  const centre = {
    x: Number(inside.x) + Number(inside.width) / 2,
    y: Number(inside.y) + Number(inside.height) / 2,
  };
  const dx = door.x - centre.x;
  const dy = door.y - centre.y;
  const length = Math.hypot(dx, dy) || 1;
  return { door, outside: { x: door.x + (dx / length) * 40, y: door.y + (dy / length) * 40 } };
}

const still = (p: Point, tint0: Tint, tint1: Tint, start: number, end: number): Sprite => ({
  x0: p.x,
  y0: p.y,
  x1: p.x,
  y1: p.y,
  via: false,
  tint0,
  tint1,
  a0: 1,
  a1: 1,
  start,
  end,
});

const fade = (p: Point, tint: Tint, a0: number, a1: number, start: number, end: number): Sprite => ({
  ...still(p, tint, tint, start, end),
  a0,
  a1,
});

/** A cross-fade: dots that are the same in both states stay, the others fade out and in. */
export function fadePlan(from: readonly DotSet[], to: Scene): Plan {
  const target = sceneDots(to);
  const before = new Map<string, Tint>();
  for (const set of from) for (const p of set.points) before.set(key(p), set.tint);
  const kept = new Set<string>();
  const sprites: Sprite[] = [];
  for (const set of target) {
    for (const p of set.points) {
      if (before.get(key(p)) === set.tint) {
        kept.add(key(p));
        sprites.push(still(p, set.tint, set.tint, 0, FADE_MS));
      } else sprites.push(fade(p, set.tint, 0, 1, 0, FADE_MS));
    }
  }
  for (const set of from) {
    for (const p of set.points) if (!kept.has(key(p))) sprites.push(fade(p, set.tint, 1, 0, 0, FADE_MS));
  }
  return { sprites, door: doorPoints(to).door, radius: radiusOf(to), duration: FADE_MS };
}

function radiusOf(scene: Scene): number {
  const dot = scene.layers.find((l) => l.id === "door-dots")?.marks[0];
  return Number(dot?.attrs["stroke-width"] ?? 4) / 2;
}

/**
 * The flows: the target state's leavers go from the slots they left, through the door, to their
 * group, batch by batch; then its newcomers come in through the door to their slots. Dots that stay
 * hold still (changing colour where a newcomer of the last step becomes one of the held); dots with
 * no flow behind them (a net change, or a jump between distant steps) fade.
 */
export function flowPlan(from: readonly DotSet[], to: Scene): Plan {
  const D = FLOW_MS;
  const target = sceneDots(to);
  const { door, outside } = doorPoints(to);
  const field = new Map<string, Tint>();
  for (const set of from) if (FIELD.has(set.role)) for (const p of set.points) field.set(key(p), set.tint);
  const used = new Set<string>();
  const sprites: Sprite[] = [];

  // Leavers, batch by batch in the order they left, each dot a moment after the one before.
  const leaving = target.filter((s) => s.role === "out" || s.role === "after").sort((a, b) => a.order - b.order);
  const leavers = leaving.reduce((n, s) => n + s.points.length, 0);
  const spacing = leavers ? Math.min(4, (0.4 * D - BATCH_GAP_MS * leaving.length) / leavers) : 0;
  const travel = 0.38 * D;
  let clock = 0;
  for (const set of leaving) {
    set.points.forEach((p, i) => {
      const origin = set.from?.[i] ?? door;
      const known = set.from ? field.get(key(origin)) : undefined;
      if (known) used.add(key(origin));
      sprites.push({
        x0: origin.x,
        y0: origin.y,
        x1: p.x,
        y1: p.y,
        via: set.from !== null,
        tint0: known ?? set.tint,
        tint1: set.tint,
        a0: known || !set.from ? 1 : 0,
        a1: 1,
        start: clock + i * spacing,
        end: clock + i * spacing + travel,
      });
    });
    clock += set.points.length * spacing + BATCH_GAP_MS;
  }

  // Newcomers, after the first leavers are out: the deepest slot first, as in a queue.
  const arriving = target.filter((s) => s.role === "new").flatMap((s) => s.points.map((p) => ({ p, tint: s.tint })));
  const inFrom = leavers ? 0.3 * D : 0.05 * D;
  const inTravel = 0.3 * D;
  const inSpacing = arriving.length ? Math.min(4, (D - inFrom - inTravel) / arriving.length) : 0;
  arriving.forEach(({ p, tint }, i) => {
    const start = inFrom + i * inSpacing;
    sprites.push({
      x0: outside.x,
      y0: outside.y,
      x1: p.x,
      y1: p.y,
      via: true,
      tint0: tint,
      tint1: tint,
      a0: 0,
      a1: 1,
      start,
      end: start + inTravel,
    });
  });

  // The held: still where they were; new where the count grew without a published flow.
  for (const set of target.filter((s) => s.role === "held" || s.role === "net")) {
    set.points.forEach((p, i) => {
      const was = set.role === "held" ? field.get(key(p)) : undefined;
      if (was) {
        used.add(key(p));
        sprites.push(still(p, was, set.tint, 0, 0.3 * D));
      } else {
        const start = 0.4 * D + (i / set.points.length) * 0.3 * D;
        sprites.push(fade(p, set.tint, 0, 1, start, start + 0.3 * D));
      }
    });
  }

  // Whatever the target does not account for fades where it is: the last step's groups outside
  // first, then any dot of the count that left with no published flow.
  for (const set of from) {
    const outside = !FIELD.has(set.role);
    for (const p of set.points) {
      if (!outside && used.has(key(p))) continue;
      sprites.push(fade(p, set.tint, 1, 0, outside ? 0 : 0.1 * D, outside ? 0.2 * D : 0.5 * D));
    }
  }
  return { sprites, door, radius: radiusOf(to), duration: Math.max(D, ...sprites.map((s) => s.end)) };
}

const ease = (u: number): number => (u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2);

/** A sprite's place and opacity at a moment, as [x, y, alpha, share of tint1]. */
export function spriteAt(s: Sprite, door: Point, t: number): [number, number, number, number] {
  const u = t <= s.start ? 0 : t >= s.end ? 1 : (t - s.start) / (s.end - s.start);
  const e = ease(u);
  let x: number;
  let y: number;
  if (!s.via) {
    x = s.x0 + (s.x1 - s.x0) * e;
    y = s.y0 + (s.y1 - s.y0) * e;
  } else if (e < 0.5) {
    x = s.x0 + (door.x - s.x0) * e * 2;
    y = s.y0 + (door.y - s.y0) * e * 2;
  } else {
    x = door.x + (s.x1 - door.x) * (e * 2 - 1);
    y = door.y + (s.y1 - door.y) * (e * 2 - 1);
  }
  // Arrivals become visible as they reach the door, not out of thin air in the middle of the field.
  const alpha = s.a0 + (s.a1 - s.a0) * Math.min(1, u * (s.via && s.a0 === 0 ? 2.5 : 1));
  return [x, y, alpha, s.tint0 === s.tint1 ? 1 : u];
}
