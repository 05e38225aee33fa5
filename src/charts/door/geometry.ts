import { isCompact, type Size } from "../../render/scene.ts";
import type { Point } from "./dots.ts";

/**
 * Where everything sits, for one size. The field (inside) holds one slot per person up to the
 * largest count in the data, so its scale never changes between steps: a slot is always in the same
 * place, and a person-dot that stays in the count keeps its slot. Slots fill towards the wall with
 * the door in it, so the people who come and go last are the ones nearest the door.
 */
export interface DoorFrame {
  width: number;
  height: number;
  compact: boolean;
  /** Distance between neighbouring dots, and a dot's radius. */
  pitch: number;
  radius: number;
  /** The field's first slot, its grid, and whether it fills column by column (wide) or row by row. */
  field: { x: number; y: number; cols: number; rows: number; byColumn: boolean };
  /** The inside, drawn behind the field. */
  inside: { x0: number; y0: number; x1: number; y1: number };
  door: { x: number; y: number; r: number };
  /** The wall between inside and outside, in two pieces either side of the door. */
  walls: { x1: number; y1: number; x2: number; y2: number }[];
  /** Where the groups that leave are drawn; labels go above each group, or beside it in a column this wide. */
  out: { x0: number; y0: number; x1: number; y1: number; labelWidth: number };
  /** Anchors of the fixed labels. */
  text: {
    held: Point;
    since: Point;
    arrived: Point;
    outHead: Point & { anchor: "start" | "end" };
    outSub: Point & { anchor: "start" | "end" };
  };
  font: number;
}

const tenth = (n: number): number => Math.round(n * 10) / 10;

/** The largest pitch (to a tenth of a unit) at which `capacity` slots fit a w × h box. */
export function fitPitch(capacity: number, w: number, h: number): number {
  let pitch = tenth(Math.sqrt((w * h) / capacity));
  while (pitch > 1 && Math.floor(w / pitch) * Math.floor(h / pitch) < capacity) pitch = tenth(pitch - 0.1);
  return pitch;
}

function wideFrame(capacity: number, { width, height }: Size): DoorFrame {
  const outWidth = 260;
  const x0 = 12;
  const y0 = 58;
  const wallX = width - 12 - outWidth - 30;
  const pitch = fitPitch(capacity, wallX - 12 - x0, height - 36 - y0);
  const rows = Math.floor((height - 36 - y0) / pitch);
  const cols = Math.ceil(capacity / rows);
  const y1 = y0 + rows * pitch;
  const door = { x: tenth(wallX), y: tenth((y0 + y1) / 2), r: 16 };
  return {
    width,
    height,
    compact: false,
    pitch,
    radius: tenth(pitch * 0.36),
    field: { x: x0, y: y0, cols, rows, byColumn: true },
    inside: { x0: x0 - 6, y0: y0 - 6, x1: wallX, y1: y1 + 6 },
    door,
    walls: [
      { x1: wallX, y1: y0 - 6, x2: wallX, y2: door.y - door.r },
      { x1: wallX, y1: door.y + door.r, x2: wallX, y2: y1 + 6 },
    ],
    out: { x0: width - 12 - outWidth, y0: y0 - 4, x1: width - 12, y1: height - 8, labelWidth: 0 },
    text: {
      held: { x: x0, y: 20 },
      since: { x: x0, y: 40 },
      arrived: { x: x0, y: tenth(y1 + 24) },
      outHead: { x: width - 12 - outWidth, y: 20, anchor: "start" },
      outSub: { x: width - 12 - outWidth, y: 40, anchor: "start" },
    },
    font: 14,
  };
}

function compactFrame(capacity: number, { width, height }: Size): DoorFrame {
  const x0 = 10;
  const y0 = 48;
  const w = width - 2 * x0;
  const pitch = fitPitch(capacity, w, 128);
  const cols = Math.floor(w / pitch);
  const rows = Math.ceil(capacity / cols);
  const y1 = y0 + rows * pitch;
  const wallY = tenth(y1 + 6);
  const door = { x: width / 2, y: wallY, r: 13 };
  return {
    width,
    height,
    compact: true,
    pitch,
    radius: tenth(pitch * 0.36),
    field: { x: x0, y: y0, cols, rows, byColumn: false },
    inside: { x0: x0 - 5, y0: y0 - 6, x1: width - x0 + 5, y1: wallY },
    door,
    walls: [
      { x1: x0 - 5, y1: wallY, x2: door.x - door.r, y2: wallY },
      { x1: door.x + door.r, y1: wallY, x2: width - x0 + 5, y2: wallY },
    ],
    out: { x0: x0, y0: tenth(wallY + 56), x1: width - x0, y1: height - 4, labelWidth: 120 },
    text: {
      held: { x: x0, y: 17 },
      since: { x: x0, y: 36 },
      arrived: { x: x0, y: tenth(wallY + 30) },
      outHead: { x: width - x0, y: tenth(wallY + 30), anchor: "end" },
      outSub: { x: width - x0, y: tenth(wallY + 47), anchor: "end" },
    },
    font: 14,
  };
}

/**
 * The frame for a size and the data's largest count; the same for every state of a data set. Worked
 * out afresh each time (a few dozen calls per build, microseconds each): a cache here would also keep
 * a mutation test's deliberate bug from ever running.
 */
export function doorFrame(capacity: number, size: Size): DoorFrame {
  return isCompact(size.width) ? compactFrame(capacity, size) : wideFrame(capacity, size);
}

/** The centre of slot i of the field. */
export function slotPoint(f: DoorFrame, i: number): Point {
  const { x, y, cols, rows, byColumn } = f.field;
  const col = byColumn ? Math.floor(i / rows) : i % cols;
  const row = byColumn ? i % rows : Math.floor(i / cols);
  return { x: tenth(x + (col + 0.5) * f.pitch), y: tenth(y + (row + 0.5) * f.pitch) };
}

/** The centres of slots from (inclusive) to (exclusive). */
export function slotPoints(f: DoorFrame, from: number, to: number): Point[] {
  const points: Point[] = [];
  for (let i = from; i < to; i++) points.push(slotPoint(f, i));
  return points;
}
