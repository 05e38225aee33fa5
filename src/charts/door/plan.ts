import type { Mark, Scene } from "../../render/scene.ts";
import { parseDots, type Point } from "./dots.ts";

/**
 * The motion between two door states, as sprites: one per dot, with where and when it starts and
 * ends. Built from the two states' dots alone (their paths and roles), so it works between any two
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

/**
 * One dot's motion. A dot that passes through the door (`via`) moves; any other holds its place
 * and at most fades, from opacity a0 to a1.
 */
export interface Sprite {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  via: boolean;
  /** Its colour before and after the door (the same for a dot that does not pass it). */
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
  doorRadius: number;
  radius: number;
  duration: number;
  /** How far the door's vanes turn, in degrees, while people pass. */
  turn: number;
}

/** What the motion needs of a scene besides its dots: the door, where newcomers appear, a dot's radius. */
export interface DoorGeometry {
  door: Point;
  doorRadius: number;
  outside: Point;
  radius: number;
}

/** How long the flows take, and the cross-fade that replaces them for readers who reduce motion. */
export const FLOW_MS = 2400;
export const FADE_MS = 500;
/** A pause between batches, so each release reads as one group going out. */
const BATCH_GAP_MS = 60;

const tintOf = (cls: string): Tint => (/door-dots--(\w+)/.exec(cls)?.[1] ?? "held") as Tint;

const parsed = new Map<string, Point[]>();

/** Parses path data once per distinct string: the same scenes come back as the reader scrolls. */
function dotsOf(d: string): Point[] {
  let points = parsed.get(d);
  if (!points) {
    if (parsed.size > 64) parsed.clear();
    parsed.set(d, (points = parseDots(d)));
  }
  return points;
}

export function dotSet(role: string, cls: string, d: string, from: string | null, order: number): DotSet {
  return { role, tint: tintOf(cls), points: dotsOf(d), from: from ? dotsOf(from) : null, order };
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

/** A number for a point (coordinates are tenths, under 819.2 units), cheaper to hash than a string. */
const key = (p: Point): number => Math.round(p.x * 10) * 8192 + Math.round(p.y * 10);
const FIELD = new Set(["held", "new", "net"]);

function frameMark(scene: Scene, markKey: string): Mark | undefined {
  return scene.layers.find((l) => l.id === "door-frame")?.marks.find((m) => m.key === markKey);
}

/** Where the door is, the point just outside it where newcomers appear, and a dot's radius. */
export function doorGeometry(scene: Scene): DoorGeometry {
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
  const dot = scene.layers.find((l) => l.id === "door-dots")?.marks[0];
  return {
    door,
    doorRadius: Number(drum.r),
    outside: { x: door.x + (dx / length) * 40, y: door.y + (dy / length) * 40 },
    radius: Number(dot?.attrs["stroke-width"] ?? 4) / 2,
  };
}

/** A dot that holds its place and fades: in (0 → 1), out (1 → 0), or not at all (1 → 1). */
const fade = (p: Point, tint: Tint, a0: number, a1: number, start: number, end: number): Sprite => ({
  x0: p.x,
  y0: p.y,
  x1: p.x,
  y1: p.y,
  via: false,
  tint0: tint,
  tint1: tint,
  a0,
  a1,
  start,
  end,
});

/** A dot that passes through the door, from one point to another, and is fully shown on arrival. */
const move = (from: Point, to: Point, tint0: Tint, tint1: Tint, a0: number, start: number, end: number): Sprite => ({
  x0: from.x,
  y0: from.y,
  x1: to.x,
  y1: to.y,
  via: true,
  tint0,
  tint1,
  a0,
  a1: 1,
  start,
  end,
});

/** A cross-fade: dots that are the same in both states stay, the others fade out and in. */
export function fadePlan(from: readonly DotSet[], target: readonly DotSet[], geometry: DoorGeometry): Plan {
  const before = new Map<number, Tint>();
  for (const set of from) for (const p of set.points) before.set(key(p), set.tint);
  const kept = new Set<number>();
  const sprites: Sprite[] = [];
  for (const set of target) {
    for (const p of set.points) {
      const same = before.get(key(p)) === set.tint;
      if (same) kept.add(key(p));
      sprites.push(fade(p, set.tint, same ? 1 : 0, 1, 0, FADE_MS));
    }
  }
  for (const set of from) {
    for (const p of set.points) if (!kept.has(key(p))) sprites.push(fade(p, set.tint, 1, 0, 0, FADE_MS));
  }
  const { door, doorRadius, radius } = geometry;
  return { sprites, door, doorRadius, radius, duration: FADE_MS, turn: 0 };
}

/**
 * The flows: the target state's leavers go from the slots they left, through the door, to their
 * group, batch by batch; then its newcomers come in through the door to their slots. Dots that stay
 * hold still (a newcomer of the last step takes the colour of the held at once); dots with no flow
 * behind them (a net change, or a jump between distant steps) fade.
 */
export function flowPlan(from: readonly DotSet[], target: readonly DotSet[], geometry: DoorGeometry): Plan {
  const D = FLOW_MS;
  const { door, outside } = geometry;
  const field = new Map<number, Tint>();
  for (const set of from) if (FIELD.has(set.role)) for (const p of set.points) field.set(key(p), set.tint);
  const used = new Set<number>();
  const sprites: Sprite[] = [];

  // Leavers, batch by batch in the order they left, each dot a moment after the one before.
  const leaving = target.filter((s) => s.role === "out" || s.role === "after").sort((a, b) => a.order - b.order);
  const leavers = leaving.reduce((n, s) => n + s.points.length, 0);
  // The pauses between batches take at most a third of the time the leavers have to set off.
  const gap = Math.min(BATCH_GAP_MS, (0.15 * D) / Math.max(1, leaving.length));
  const spacing = leavers ? Math.min(4, (0.45 * D - gap * leaving.length) / leavers) : 0;
  const travel = 0.25 * D;
  let clock = 0;
  for (const set of leaving) {
    set.points.forEach((p, i) => {
      const origin = set.from?.[i] ?? door;
      const known = set.from ? field.get(key(origin)) : undefined;
      if (known) used.add(key(origin));
      const start = clock + i * spacing;
      // A dot with no slot to leave (a jump from a smaller count) appears there; one leaving after
      // the latest count comes from the door itself.
      const a0 = known || !set.from ? 1 : 0;
      sprites.push(move(origin, p, known ?? set.tint, set.tint, a0, start, start + travel));
    });
    clock += set.points.length * spacing + gap;
  }

  // Newcomers, after the first leavers are out: the deepest slot first, as in a queue.
  const arriving = target.filter((s) => s.role === "new").flatMap((s) => s.points.map((p) => ({ p, tint: s.tint })));
  const inFrom = leavers ? 0.3 * D : 0.05 * D;
  const inTravel = 0.22 * D;
  const inSpacing = arriving.length ? Math.min(4, (0.95 * D - inFrom - inTravel) / arriving.length) : 0;
  arriving.forEach(({ p, tint }, i) => {
    const start = inFrom + i * inSpacing;
    sprites.push(move(outside, p, tint, tint, 0, start, start + inTravel));
  });

  // The held: still where they were; new where the count grew without a published flow, appearing
  // once the leavers are out (or at once, when nobody leaves).
  const appear = leavers ? 0.5 * D : 0.1 * D;
  for (const set of target.filter((s) => s.role === "held" || s.role === "net")) {
    for (const p of set.points) {
      const was = set.role === "held" && field.has(key(p));
      if (was) used.add(key(p));
      sprites.push(was ? fade(p, set.tint, 1, 1, 0, 0) : fade(p, set.tint, 0, 1, appear, appear + 0.3 * D));
    }
  }

  // Whatever the target does not account for fades where it is: the last step's groups outside
  // first, then any dot of the count that left with no published flow.
  for (const set of from) {
    const wasOutside = !FIELD.has(set.role);
    for (const p of set.points) {
      if (!wasOutside && used.has(key(p))) continue;
      sprites.push(fade(p, set.tint, 1, 0, wasOutside ? 0 : 0.1 * D, wasOutside ? 0.2 * D : 0.5 * D));
    }
  }
  const duration = sprites.reduce((d, s) => Math.max(d, s.end), 0.5 * D);
  return { sprites, door, doorRadius: geometry.doorRadius, radius: geometry.radius, duration, turn: 270 };
}

export const ease = (u: number): number => (u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2);

/** Where a moving sprite is at a moment: filled in place, so a frame allocates nothing per dot. */
export interface SpriteFrame {
  x: number;
  y: number;
  alpha: number;
  tint: Tint;
}

/** A moving sprite's place, opacity and colour at a moment. A dot that leaves takes its new colour at the door. */
export function spriteAt(s: Sprite, door: Point, t: number, out: SpriteFrame): SpriteFrame {
  const u = t <= s.start ? 0 : t >= s.end ? 1 : (t - s.start) / (s.end - s.start);
  const e = ease(u);
  const through = e >= 0.5;
  const k = through ? e * 2 - 1 : e * 2;
  const ax = through ? door.x : s.x0;
  const ay = through ? door.y : s.y0;
  out.x = ax + ((through ? s.x1 : door.x) - ax) * k;
  out.y = ay + ((through ? s.y1 : door.y) - ay) * k;
  // Newcomers become visible as they reach the door, not out of thin air.
  out.alpha = s.a0 + (s.a1 - s.a0) * Math.min(1, u * (s.a0 === 0 ? 2.5 : 1));
  out.tint = through ? s.tint1 : s.tint0;
  return out;
}
