import { max } from "d3-array";
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from "d3-scale";
import { line } from "d3-shape";
import { utcYear } from "d3-time";
import { utcFormat } from "d3-time-format";
import { addDays, type FlowPeriod, type FlowTotals } from "../../data/flows.ts";
import type { Dataset, HeldRow } from "../../data/load.ts";
import { en } from "../../i18n/en.ts";
import { isCompact, round, type Mark, type Scene, type Size } from "../../render/scene.ts";
import { anchorWithin, leftEdge } from "../shared/anchor.ts";
import { near, within } from "../../render/boxes.ts";
import { formatDay, parseDay } from "../shared/dates.ts";
import { formatCount } from "../shared/format.ts";
import { textWidth, wrapText } from "../../render/fonts.ts";
import { prisonersLabels } from "./annotations.ts";
import { axisDomain, axisPeriods, monthsIn } from "./axis.ts";
import { joinedRuns } from "./runs.ts";
import type { PrisonersState } from "./state.ts";

const m = en.prisoners;
/** Chart text is 14 px in scene units (chart.css), never under 12 CSS px on a 280 px phone. */
const TEXT = 14;
const LINE = 17;
/** Room between a focus callout and the dot of the held line at the edge of its period. */
const DOT_CLEARANCE = 8;
/** Periods outside the focus stay visible for context, but step back. */
const DIMMED = 0.3;

interface Frame {
  width: number;
  height: number;
  compact: boolean;
  left: number;
  right: number;
  heldTop: number;
  heldBottom: number;
  flowsTop: number;
  flowsBottom: number;
  x: ScaleTime<number, number>;
  yHeld: ScaleLinear<number, number>;
  yFlow: ScaleLinear<number, number>;
}

const text = (key: string, x: number, y: number, value: string, cls: string, anchor = "start"): Mark => ({
  key,
  tag: "text",
  attrs: { x: round(x), y: round(y), class: cls, "text-anchor": anchor },
  text: value,
});

/** The x position of the start of a day, and of the end of a day (the start of the next). */
const dayStart = (f: Frame, iso: string): number => f.x(parseDay(iso));
const dayEnd = (f: Frame, iso: string): number => f.x(parseDay(addDays(iso, 1)));

/** The flows are drawn as people a month, on one scale for both directions, fixed by the whole axis. */
function flowExtent(periods: readonly FlowPeriod[]): { up: number; down: number } {
  const up = max(periods, (p) => (p.recognised ? p.recognised.count / monthsIn(p) : 0)) ?? 0;
  const down = max(periods, (p) => (p.freedUs + p.freedOther + Math.max(0, p.leftOtherwise ?? 0)) / monthsIn(p)) ?? 0;
  return { up: Math.max(up, 10), down: Math.max(down, 10) };
}

function frameFor(data: Dataset, size: Size): Frame {
  const { width, height } = size;
  const compact = isCompact(width);
  const left = compact ? 42 : 50;
  const right = width - (compact ? 10 : 16);
  const top = 30;
  const bottom = height - 42;
  const inner = bottom - top;
  const gap = compact ? 34 : 40;
  const heldBottom = top + (inner - gap) * 0.5;
  const flowsTop = heldBottom + gap;
  const [from, to] = axisDomain(data);
  const x = scaleUtc()
    .domain([parseDay(from), parseDay(addDays(to, 1))])
    .range([left, right]);
  // A little headroom over the highest count, not rounded up to a tick: the line keeps its height.
  const yHeld = scaleLinear()
    .domain([0, (max(data.held, (r) => r.count) ?? 1000) * 1.08])
    .range([heldBottom, top]);
  const { up, down } = flowExtent(axisPeriods(data));
  const yFlow = scaleLinear().domain([-down, up]).range([bottom, flowsTop]);
  return {
    width,
    height,
    compact,
    left,
    right,
    heldTop: top,
    heldBottom,
    flowsTop,
    flowsBottom: bottom,
    x,
    yHeld,
    yFlow,
  };
}

function xAxis(f: Frame): Mark[] {
  return f.x.ticks(utcYear.every(1)!).flatMap((t) => [
    {
      key: `xg-${+t}`,
      tag: "line" as const,
      attrs: { x1: round(f.x(t)), x2: round(f.x(t)), y1: f.heldTop, y2: f.flowsBottom, class: "grid" },
    },
    within(f.x(t) + 3, f.x(t) + 3 + textWidth(utcFormat("%Y")(t), TEXT), f.left, f.right)
      ? text(`x-${+t}`, f.x(t) + 3, f.flowsBottom + 16, utcFormat("%Y")(t), "tick")
      : text(`x-${+t}`, f.right, f.flowsBottom + 16, utcFormat("%Y")(t), "tick", "end"),
  ]);
}

/** Grid lines and labels of a y axis; flows are labelled as positive numbers both ways. */
function yAxis(f: Frame, prefix: string, scale: ScaleLinear<number, number>, values: number[]): Mark[] {
  return values.flatMap((v) => {
    const y = round(scale(v));
    return [
      {
        key: `${prefix}-grid-${v}`,
        tag: "line" as const,
        attrs: { x1: f.left, x2: f.right, y1: y, y2: y, class: v === 0 && prefix === "yf" ? "baseline" : "grid" },
      },
      text(`${prefix}-${v}`, f.left - 5, y + 4, formatCount(Math.abs(v)), "tick", "end"),
    ];
  });
}

function heldPanel(f: Frame, held: readonly HeldRow[]): Mark[] {
  const [from, to] = f.x.domain() as [Date, Date];
  const shown = held.filter((r) => parseDay(r.date) >= from && parseDay(r.date) < to);
  const path = line<HeldRow>()
    .x((r) => round(dayStart(f, r.date)))
    .y((r) => round(f.yHeld(r.count)));
  return [
    ...joinedRuns(shown)
      .filter((run) => run.length > 1)
      .map((run): Mark => ({
        key: `held-line-${run[0]!.date}`,
        tag: "path",
        attrs: { d: path(run) ?? "", class: "held-line" },
      })),
    ...shown.map((r): Mark => ({
      key: `held-${r.date}`,
      tag: "circle",
      attrs: {
        cx: round(dayStart(f, r.date)),
        cy: round(f.yHeld(r.count)),
        r: f.compact ? 2.2 : 2.8,
        class: "held-dot",
      },
    })),
  ];
}

/**
 * A count's label goes where the line is not: under its dot if the line stays above the label over
 * the label's width, else over it, else a line lower; turned inwards near the edges so it never
 * leaves the frame, and never on top of the label before it.
 */
function heldLabels(f: Frame, held: readonly HeldRow[], rows: readonly HeldRow[], callout: readonly Mark[]): Mark[] {
  const placed: { x0: number; x1: number; y: number }[] = [];
  // The panel's title and the focus callout's lines are obstacles too, at their own baselines.
  const title = f.compact ? m.heldTitleShort : m.heldTitle;
  placed.push({ x0: f.left, x1: f.left + textWidth(title, TEXT, 700), y: f.heldTop - 12 });
  for (const line of callout) {
    const width = textWidth(line.text ?? "", TEXT);
    const x = Number(line.attrs.x);
    const x0 = line.attrs["text-anchor"] === "end" ? x - width : x;
    placed.push({ x0, x1: x0 + width, y: Number(line.attrs.y) });
  }
  // The heights of the held line's points closer than 8 px to a label's columns.
  const lineY = (x0: number, x1: number): number[] =>
    held.filter((r) => near(dayStart(f, r.date), dayStart(f, r.date), x0, x1, 8)).map((r) => f.yHeld(r.count));
  // In date order, as the data is sorted: each label meets only those to its left.
  return rows.map((r) => {
    const value = m.heldLabel(formatCount(r.count), formatDay(parseDay(r.date)));
    const cx = dayStart(f, r.date);
    const cy = f.yHeld(r.count);
    const width = textWidth(value, TEXT, 700);
    const anchor = anchorWithin(cx, width, f.left, f.right);
    const x = anchor === "end" ? Math.min(cx + 4, f.right) : anchor === "start" ? Math.max(cx - 4, f.left) : cx;
    const x0 = leftEdge(x, width, anchor);
    const ys = lineY(x0, x0 + width);
    // Clear of the line from 3 px over the text to 7 px under its baseline, of the labels placed
    // before it by 6 px across and a line down, and 2 px inside the top of the picture.
    const clear = (y: number): boolean =>
      !ys.some((ly) => within(ly, ly, y - TEXT - 3, y + 7)) &&
      !placed.some((p) => near(p.x0, p.x1, x0, x0 + width, 6) && near(p.y, p.y, y, y, LINE)) &&
      within(y - TEXT, y, 2, f.height);
    const y = [cy + 19, cy - 9, cy + 36, cy - 26, cy - 43].find(clear) ?? cy - 9;
    placed.push({ x0, x1: x0 + width, y });
    return text(`held-label-${r.date}`, x, y, value, "value-label", anchor);
  });
}

function rect(key: string, x0: number, x1: number, y0: number, y1: number, cls: string, opacity: number): Mark {
  return {
    key,
    tag: "rect",
    attrs: {
      x: round(x0),
      y: round(Math.min(y0, y1)),
      width: round(Math.max(0.5, x1 - x0)),
      height: round(Math.abs(y1 - y0)),
      class: cls,
      opacity,
    },
  };
}

/**
 * One block per period, its width the period and its height people a month, so its area is the
 * total: newly recognised above the line; below it, the freed and, derived, those who left otherwise.
 */
function flowBlocks(f: Frame, periods: readonly FlowPeriod[], focus: FlowTotals | undefined): Mark[] {
  const marks: Mark[] = [];
  const y0 = f.yFlow(0);
  const rate = (n: number, p: FlowPeriod): number => n / monthsIn(p);
  for (const p of periods) {
    const opacity = focus && !focus.periods.includes(p) ? DIMMED : 1;
    const x0 = dayStart(f, p.start) + 0.5;
    const x1 = dayEnd(f, p.end) - 0.5;
    if (p.recognised)
      marks.push(rect(`in-${p.start}`, x0, x1, y0, f.yFlow(rate(p.recognised.count, p)), "recognised", opacity));
    else marks.push(rect(`in-none-${p.start}`, x0, x1, y0 - 1, y0 - (f.compact ? 5 : 7), "no-count", opacity));
    let depth = 0;
    const stack = (key: string, n: number, cls: string): void => {
      if (n <= 0) return;
      const top = f.yFlow(-depth);
      depth += rate(n, p);
      marks.push(rect(`${key}-${p.start}`, x0, x1, top, f.yFlow(-depth), cls, opacity));
    };
    stack("us", p.freedUs, "freed-us");
    stack("other", p.freedOther, "freed-other");
    if (p.leftOtherwise !== null && p.leftOtherwise >= 0) stack("left", p.leftOtherwise, "left-otherwise");
    else if (p.leftOtherwise !== null) {
      const top = f.yFlow(-depth);
      marks.push(
        rect(`conflict-${p.start}`, x0, x1, top, f.yFlow(-depth - rate(-p.leftOtherwise, p)), "left-negative", opacity),
      );
    }
  }
  return marks;
}

/** The period a focus covers, as a caption says it: "1 Jan–23 Dec 2025". */
function periodCaption(start: string, end: string): string {
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return m.focusPeriod(utcFormat(sameYear ? "%-d %b" : "%-d %b %Y")(parseDay(start)), formatDay(parseDay(end)));
}

/** The lines of the focus callout: the period, what went in, what came out, and the count at either end. */
function calloutLines(focus: FlowTotals): { key: string; value: string; cls: string }[] {
  const freed = focus.freedUs + focus.freedOther;
  const lines = [
    { key: "period", value: periodCaption(focus.start, focus.end), cls: "hl-label strong" },
    focus.recognised === null
      ? { key: "in", value: m.noRecognised, cls: "hl-label soft" }
      : { key: "in", value: m.recognised(formatCount(focus.recognised)), cls: "hl-label recognised-label" },
  ];
  if (freed > 0) {
    const [n, us, other] = [freed, focus.freedUs, focus.freedOther].map(formatCount) as [string, string, string];
    const value =
      focus.freedUs && focus.freedOther
        ? m.freedBoth(n, us, other)
        : focus.freedUs
          ? m.freedUsOnly(n)
          : m.freedOtherOnly(n);
    lines.push({ key: "freed", value, cls: "hl-label released-label" });
  }
  lines.push(
    focus.leftOtherwise === null
      ? { key: "left", value: m.leftUnknown, cls: "hl-label soft" }
      : focus.leftOtherwise < 0
        ? { key: "left", value: m.conflict(formatCount(-focus.leftOtherwise)), cls: "hl-label conflict-label" }
        : { key: "left", value: m.leftOtherwise(formatCount(focus.leftOtherwise)), cls: "hl-label derived-label" },
  );
  if (focus.heldBefore && focus.heldAfter) {
    lines.push({
      key: "held",
      value: m.heldChange(formatCount(focus.heldBefore.count), formatCount(focus.heldAfter.count)),
      cls: "hl-label",
    });
  }
  return lines;
}

/**
 * The focus: its periods on a tinted band, and its totals as short lines in the empty lower part
 * of the held panel (the count never falls near zero), beside the band rather than over any mark.
 */
function focusMarks(f: Frame, focus: FlowTotals): { band: Mark; callout: Mark[] } {
  // A line too long for the frame wraps at its words; its continuation is indented. The period
  // line is set bold (chart.css: .strong), and measured so.
  const lines = calloutLines(focus).flatMap((l) => {
    const weight: 400 | 700 = l.key === "period" ? 700 : 400;
    return wrapText(l.value, f.right - f.left - 12, TEXT, weight).map((value, i) => ({
      ...l,
      weight,
      key: i === 0 ? l.key : `${l.key}-${i}`,
      value: i === 0 ? value : `  ${value}`,
    }));
  });
  const widest = max(lines, (l) => textWidth(l.value, TEXT, l.weight)) ?? 0;
  const startX = dayStart(f, focus.start);
  const endX = dayEnd(f, focus.end);
  // Right of the axis's middle, measured in time, where a tie is exact: a band centred on it is set
  // from its start, as it reads.
  const [from, to] = f.x.domain() as [Date, Date];
  const alignRight = +parseDay(focus.start) + +parseDay(addDays(focus.end, 1)) > +from + +to;
  // Clear of the held line's dot at the period's edge, which the first line would otherwise touch.
  const x = alignRight
    ? Math.max(Math.min(endX - DOT_CLEARANCE, f.right), f.left + widest)
    : Math.min(Math.max(startX + DOT_CLEARANCE, f.left), f.right - widest);
  const top = f.heldBottom - (lines.length - 1) * LINE - 6;
  return {
    band: {
      key: "focus-band",
      tag: "rect",
      attrs: {
        x: round(startX),
        y: round(f.flowsTop - 4),
        width: round(endX - startX),
        height: round(f.flowsBottom - f.flowsTop + 4),
        class: "focus-band",
      },
    },
    callout: lines.map((l, i) =>
      text(`focus-${l.key}`, x, top + i * LINE, l.value, l.cls, alignRight ? "end" : "start"),
    ),
  };
}

export function layoutPrisoners(data: Dataset, state: PrisonersState, size: Size): Scene {
  const f = frameFor(data, size);
  const labels = prisonersLabels(data, state);
  const periods = axisPeriods(data);
  const heldTicks = f.yHeld.ticks(3).filter((v) => v > 0);
  const flowTicks = f.yFlow.ticks(f.compact ? 3 : 5);
  const axes: Mark[] = [
    ...xAxis(f),
    ...yAxis(f, "yh", f.yHeld, heldTicks),
    ...yAxis(f, "yf", f.yFlow, flowTicks),
    text("title-held", f.left, f.heldTop - 12, f.compact ? m.heldTitleShort : m.heldTitle, "panel-title"),
    text("title-in", f.left, f.flowsTop - 12, m.inTitle, "panel-title recognised-label"),
    text("title-out", f.left, f.height - 6, f.compact ? m.outTitleShort : m.outTitle, "panel-title released-label"),
  ];
  const focus = labels.focus ? focusMarks(f, labels.focus) : undefined;
  // Inside the plot's top right corner, which no period reaches (the big months are years earlier),
  // and over the focus tint.
  const unit = text("title-unit", f.right, f.flowsTop + 14, m.perMonthUnit, "tick", "end");
  // Counts the callout already gives are not labelled twice.
  const heldLabelled = labels.held.filter((r) => r !== labels.focus?.heldBefore && r !== labels.focus?.heldAfter);
  const flows = flowBlocks(f, periods, labels.focus);
  const drawn = (cls: string): boolean => flows.some((m) => m.attrs.class === cls);
  return {
    width: f.width,
    height: f.height,
    legend: ["held", "recognised", "freed-us", "freed-other", "left-otherwise", "no-count", "left-negative"].filter(
      (swatch) => swatch === "held" || drawn(swatch),
    ),
    layers: [
      { id: "axes", marks: axes },
      { id: "focus", marks: focus ? [focus.band] : [] },
      { id: "flows", marks: flows },
      { id: "held", marks: heldPanel(f, data.held) },
      {
        id: "labels",
        marks: [...heldLabels(f, data.held, heldLabelled, focus?.callout ?? []), ...(focus?.callout ?? []), unit],
      },
    ],
  };
}
