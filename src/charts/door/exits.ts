import { ORIGIN_PLACE, type Dataset } from "../../data/load.ts";
import { en } from "../../i18n/en.ts";
import { formatCount } from "../shared/format.ts";
import { wrapText } from "../../render/fonts.ts";
import type { Point } from "./dots.ts";
import type { DoorFrame } from "./geometry.ts";
import { LEFT, UNREPORTED, type Cohort, type DoorModel, type ExitGroup } from "./model.ts";

const m = en.door;
const LINE = 17;
const GAP = 4;

/** One group placed outside: its label's lines and where, and each cohort's dots. */
export interface PlacedGroup {
  group: ExitGroup;
  label: { x: number; y: number; lines: string[] };
  cohorts: { cohort: Cohort; points: Point[] }[];
}

export interface Placement {
  groups: PlacedGroup[];
  /** How far the groups run past the bottom of the space, in units (0 when they fit). */
  overflow: number;
}

const tenth = (n: number): number => Math.round(n * 10) / 10;

/** What a group is called: where its people went, or how they left. */
export function groupName(id: string, data: Pick<Dataset, "places">): string {
  if (id === LEFT) return m.left;
  if (id === UNREPORTED) return m.unreported;
  if (id === ORIGIN_PLACE) return m.stayed;
  return m.taken(data.places.find((p) => p.id === id)?.name ?? id);
}

/**
 * The groups leaving, one under the other: each a block of dots on the field's pitch (a dot is the
 * same person everywhere), its label above it (wide) or beside it (compact). On a phone the groups
 * sit under the door's own labels, which take a third line when the counts conflict.
 */
export function placeGroups(
  f: DoorFrame,
  model: Pick<DoorModel, "groups" | "conflict">,
  data: Pick<Dataset, "places">,
): Placement {
  const { x0, x1, y1, labelWidth } = f.out;
  const dotsX = x0 + labelWidth;
  const perRow = Math.max(1, Math.floor((x1 - dotsX) / f.pitch));
  let y = f.out.y0 + (f.compact && model.conflict !== null ? LINE : 0);
  const placed = model.groups.map((group): PlacedGroup => {
    const text = m.group(groupName(group.id, data), formatCount(group.count));
    const lines = labelWidth > 0 ? wrapText(text, labelWidth - 8, f.font, 700) : [text];
    const labelHeight = lines.length * LINE;
    const top = labelWidth > 0 ? y : y + labelHeight;
    const rows = Math.ceil(group.count / perRow);
    let index = 0;
    const cohorts = group.cohorts.map((cohort) => {
      const points: Point[] = [];
      for (let i = 0; i < cohort.count; i++, index++) {
        points.push({
          x: tenth(dotsX + ((index % perRow) + 0.5) * f.pitch),
          y: tenth(top + (Math.floor(index / perRow) + 0.5) * f.pitch),
        });
      }
      return { cohort, points };
    });
    const label = { x: x0, y: tenth(y + f.font - 1), lines };
    y = labelWidth > 0 ? y + Math.max(labelHeight, rows * f.pitch) + GAP : top + rows * f.pitch + GAP;
    return { group, label, cohorts };
  });
  return { groups: placed, overflow: Math.max(0, tenth(y - GAP - y1)) };
}
