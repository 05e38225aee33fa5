import { ascending } from "d3-array";
import type { Dataset } from "../../data/load.ts";
import { en } from "../../i18n/en.ts";
import type { Mark, Scene, Size } from "../../render/scene.ts";
import { formatDay, parseDay } from "../shared/dates.ts";
import { formatCount } from "../shared/format.ts";
import { dotsPath, type Point } from "./dots.ts";
import { placeGroups, type PlacedGroup } from "./exits.ts";
import { doorFrame, slotPoints, type DoorFrame } from "./geometry.ts";
import { doorModel, type Cohort, type DoorModel } from "./model.ts";
import type { DoorState } from "./state.ts";

const m = en.door;
const day = (iso: string): string => formatDay(parseDay(iso));
const tenth = (n: number): number => Math.round(n * 10) / 10;

/** The field's scale: one slot per person up to the largest count in the data, for every state. */
export const doorCapacity = (data: Pick<Dataset, "held">): number => Math.max(1, ...data.held.map((r) => r.count));

/**
 * What a dot path is, for the motion in the browser: "held" dots stay where they are; "new" ones
 * came in through the door; "net" ones appeared without a published flow; "out" ones left the
 * field through the door (from the slots in data-from); "after" ones left after the latest count.
 */
export type DotRole = "held" | "new" | "net" | "out" | "after";

const text = (key: string, p: Point, value: string, cls: string, anchor = "start"): Mark => ({
  key,
  tag: "text",
  attrs: { x: tenth(p.x), y: tenth(p.y), class: cls, "text-anchor": anchor },
  text: value,
});

function dots(f: DoorFrame, key: string, points: Point[], cls: string, role: DotRole, extra = {}): Mark[] {
  if (points.length === 0) return [];
  return [
    {
      key,
      tag: "path",
      attrs: {
        d: dotsPath(points),
        class: `door-dots ${cls}`,
        "stroke-width": tenth(f.radius * 2),
        "data-role": role,
        ...extra,
      },
    },
  ];
}

function frameMarks(f: DoorFrame): Mark[] {
  const { x, y, r } = f.door;
  const v = tenth(r * Math.SQRT1_2);
  return [
    {
      key: "inside",
      tag: "rect",
      attrs: {
        x: f.inside.x0,
        y: f.inside.y0,
        width: tenth(f.inside.x1 - f.inside.x0),
        height: tenth(f.inside.y1 - f.inside.y0),
        class: "door-inside",
      },
    },
    ...f.walls.map((w, i): Mark => ({ key: `wall-${i}`, tag: "line", attrs: { ...w, class: "door-wall" } })),
    { key: "door", tag: "circle", attrs: { cx: x, cy: y, r, class: "door-drum" } },
    {
      key: "door-vanes",
      tag: "path",
      attrs: {
        d: `M${tenth(x - v)} ${tenth(y - v)}L${tenth(x + v)} ${tenth(y + v)}M${tenth(x + v)} ${tenth(y - v)}L${tenth(x - v)} ${tenth(y + v)}`,
        class: "door-vanes",
      },
    },
  ];
}

/**
 * When a cohort leaves, to sort by: a release's date; the people who left otherwise after every
 * release. Compared by code unit (d3's ascending): localeCompare set "~" before the digits.
 */
const leavesOn = (c: Cohort): string => c.release?.date ?? "9999-12-31";

/** Every cohort in the order it leaves: releases by date, then the people who left otherwise. */
function leavingOrder(groups: readonly PlacedGroup[]): { cohort: Cohort; points: Point[]; group: string }[] {
  return groups
    .flatMap((g) => g.cohorts.map((c) => ({ ...c, group: g.group.id })))
    .sort((a, b) => ascending(leavesOn(a.cohort), leavesOn(b.cohort)));
}

function exitMarks(f: DoorFrame, model: DoorModel, groups: readonly PlacedGroup[]): Mark[] {
  // The leavers came from the tail of the count before the span, those who left first from nearest the door.
  let next = model.stay + groups.reduce((sum, g) => sum + g.group.count, 0);
  return leavingOrder(groups).flatMap(({ cohort, points, group }, order) => {
    const from = model.afterCount ? {} : { "data-from": dotsPath(slotPoints(f, next - cohort.count, next).reverse()) };
    next -= cohort.count;
    return dots(
      f,
      `out-${group}-${cohort.release?.id ?? "left"}`,
      points,
      `door-dots--${cohort.kind}`,
      model.afterCount ? "after" : "out",
      {
        "data-group": group,
        "data-order": order,
        ...from,
      },
    );
  });
}

function groupLabels(groups: readonly PlacedGroup[]): Mark[] {
  return groups.flatMap(({ group, label }) =>
    label.lines.map((line, i) =>
      text(
        `group-${group.id}-${i}`,
        { x: label.x, y: label.y + i * 14 },
        line,
        `door-label door-label--${group.id === "left" ? "left" : "out"}`,
      ),
    ),
  );
}

const signed = (n: number): string => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : "±0");

function fixedLabels(f: DoorFrame, model: DoorModel): Mark[] {
  const marks: Mark[] = [];
  const { at, since } = model;
  const latest = model.afterCount;
  marks.push(
    text("held", f.text.held, (latest ? m.latest : m.held)(formatCount(at.count), day(at.date)), "door-label strong"),
  );
  if (since)
    marks.push(text("since", f.text.since, m.since(formatCount(since.count), day(since.date)), "door-label soft"));
  // What came in, over a span before the latest count (the model leaves these null otherwise).
  const p = f.text.arrived;
  if (model.leftOtherwise !== null && model.arrived > 0) {
    const label = (f.compact ? m.recognisedShort : m.recognised)(formatCount(model.arrived));
    marks.push(text("arrived", p, label, "door-label door-label--new"));
  } else if (model.net !== null) {
    if (f.compact) {
      marks.push(text("arrived", p, m.netShort(signed(model.net)), "door-label door-label--net"));
      marks.push(text("arrived-note", { x: p.x, y: p.y + 17 }, m.netShortNote, "door-label door-label--net"));
    } else marks.push(text("arrived", p, m.net(signed(model.net)), "door-label door-label--net"));
  }
  if (model.conflict !== null) {
    marks.push(
      text(
        "conflict",
        // Under the net change: its two lines on a phone, its one line on a wide screen.
        { x: p.x, y: p.y + (f.compact ? 34 : 15) },
        m.conflict(formatCount(model.conflict)),
        "door-label door-label--net",
      ),
    );
  }
  const freed = model.freedUs + model.freedOther;
  const { outHead: head, outSub: sub } = f.text;
  if (model.afterCount && model.span) {
    marks.push(
      text("out-head", head, m.afterCount(day(model.span[1]), formatCount(freed)), "door-label strong", head.anchor),
    );
    marks.push(text("out-sub", sub, m.afterNote, "door-label soft", sub.anchor));
  } else if (freed > 0) {
    marks.push(
      text(
        "out-head",
        head,
        (f.compact ? m.freedShort : m.freed)(formatCount(freed)),
        "door-label strong",
        head.anchor,
      ),
    );
    const split =
      model.freedOther === 0
        ? m.allUs
        : model.freedUs === 0
          ? m.allOther
          : m.split(formatCount(model.freedUs), formatCount(model.freedOther));
    marks.push(text("out-sub", sub, split, "door-label soft", sub.anchor));
  } else if (model.groups.length > 0) {
    marks.push(text("out-head", head, m.noneFreed, "door-label strong", head.anchor));
  }
  return marks;
}

/** The door in one state: the count as a field of dots, and the flows of the state's span. */
export function layoutDoor(data: Dataset, state: DoorState, size: Size): Scene {
  const f = doorFrame(doorCapacity(data), size);
  const model = doorModel(data, state);
  const { groups } = placeGroups(f, model, data);
  const arrivedClass = model.arrivedKind === "new" ? "door-dots--new" : "door-dots--net";
  const dotMarks = [
    ...dots(f, "held", slotPoints(f, 0, model.stay), "door-dots--held", "held"),
    ...dots(f, "arrived", slotPoints(f, model.stay, model.stay + model.arrived), arrivedClass, model.arrivedKind),
    ...exitMarks(f, model, groups),
  ];
  const drawn = (kind: string): boolean => dotMarks.some((m) => String(m.attrs.class).includes(`door-dots--${kind}`));
  return {
    width: size.width,
    height: size.height,
    layers: [
      { id: "door-frame", marks: frameMarks(f) },
      { id: "door-dots", marks: dotMarks },
      { id: "door-labels", marks: [...fixedLabels(f, model), ...groupLabels(groups)] },
    ],
    // The legend names only the kinds of dot this state draws.
    legend: [
      ...(drawn("held") ? ["door-held"] : []),
      ...(drawn("new") ? ["door-new"] : []),
      ...(drawn("us") ? ["door-us"] : []),
      ...(drawn("other") ? ["door-other"] : []),
      ...(drawn("net") || drawn("left") ? ["door-derived"] : []),
    ],
  };
}
