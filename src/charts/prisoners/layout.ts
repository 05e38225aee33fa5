import { max } from "d3-array";
import { scaleLinear, scaleUtc } from "d3-scale";
import { line } from "d3-shape";
import { utcMonth, utcYear } from "d3-time";
import { utcFormat } from "d3-time-format";
import type { Dataset, HeldRow, RecognitionRow } from "../../data/load.ts";
import { round, type Mark, type Scene, type Size } from "../../render/scene.ts";
import { DAY, formatDay, parseDay } from "../shared/dates.ts";
import { formatCount } from "../shared/format.ts";
import { latestDate } from "../shared/time-range.ts";
import type { PrisonersState } from "./state.ts";

/** Observations further apart than this are not joined by a line: the gap is shown as a gap. */
export const MAX_JOINED_GAP_DAYS = 200;

const margin = { top: 34, right: 16, bottom: 26, left: 46 };
const PANEL_GAP = 44;

/** A recognitions row covering exactly one calendar month: the only rows drawn as monthly bars. */
export function isCalendarMonth(row: RecognitionRow): boolean {
  const start = parseDay(row.period_start);
  return row.period_start.endsWith("-01") && +utcMonth.offset(start, 1) - DAY === +parseDay(row.period_end);
}

/** Splits Viasna counts into runs whose neighbours are close enough in time to join with a line. */
export function joinedRuns(rows: HeldRow[]): HeldRow[][] {
  const runs: HeldRow[][] = [];
  for (const row of rows) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    if (run && prev && (+parseDay(row.date) - +parseDay(prev.date)) / DAY <= MAX_JOINED_GAP_DAYS) run.push(row);
    else runs.push([row]);
  }
  return runs;
}

function text(key: string, x: number, y: number, value: string, cls: string, anchor = "start"): Mark {
  return { key, tag: "text", attrs: { x: round(x), y: round(y), class: cls, "text-anchor": anchor }, text: value };
}

export function layoutPrisoners(data: Dataset, state: PrisonersState, size: Size): Scene {
  const { width, height } = size;
  const compact = width < 500;
  const from = parseDay(state.from);
  const to = parseDay(state.to === "latest" ? latestDate(data) : state.to);
  const inRange = (iso: string): boolean => iso >= state.from && parseDay(iso) <= to;
  const x = scaleUtc()
    .domain([from, to])
    .range([margin.left, width - margin.right]);

  const inner = height - margin.top - margin.bottom;
  const heldShare = state.show === "both" ? 0.42 : state.show === "held" ? 1 : 0;
  const heldBottom = margin.top + (inner - (state.show === "both" ? PANEL_GAP : 0)) * heldShare;
  const flowsTop =
    state.show === "both" ? heldBottom + PANEL_GAP : state.show === "flows" ? margin.top : height - margin.bottom;

  const held = data.held.filter((r) => inRange(r.date));
  const months = data.recognitions.filter((r) => isCalendarMonth(r) && inRange(r.period_start));
  const releases = data.releases.filter((r) => inRange(r.date));

  const yHeld = scaleLinear()
    .domain([0, (max(held, (r) => r.count) ?? 1000) * 1.1])
    .nice(4)
    .range([heldBottom, margin.top]);
  const flowMax = max([...months.map((r) => r.count), ...releases.map((r) => r.released), 10]) ?? 10;
  const yFlow = scaleLinear()
    .domain([-flowMax, flowMax])
    .nice(4)
    .range([height - margin.bottom, flowsTop]);
  const showHeld = state.show !== "flows";
  const showFlows = state.show !== "held";
  const heldOpacity = showHeld ? 1 : 0;
  const flowOpacity = showFlows ? 1 : 0;

  const spanYears = (+to - +from) / (365 * DAY);
  const monthStep = spanYears > 0.75 ? (compact ? 6 : 3) : compact ? 2 : 1;
  const ticks =
    spanYears > 1.5 ? x.ticks(utcYear.every(compact && spanYears > 4 ? 2 : 1)!) : x.ticks(utcMonth.every(monthStep)!);
  const tickFormat =
    spanYears > 1.5
      ? utcFormat("%Y")
      : (t: Date) => utcFormat(t.getUTCMonth() === 0 || +t === +ticks[0]! ? "%b %Y" : "%b")(t);

  const axes: Mark[] = ticks.map((t) => text(`x-${+t}`, x(t), height - 6, tickFormat(t), "tick", "middle"));
  /** Grid lines and labels of a y axis; the flows axis labels both directions as positive counts. */
  const yAxis = (prefix: string, scale: (v: number) => number, values: number[], opacity: number): void => {
    for (const v of values) {
      const y = round(scale(v));
      const grid = {
        x1: margin.left,
        x2: width - margin.right,
        y1: y,
        y2: y,
        class: v === 0 && prefix === "yf" ? "baseline" : "grid",
        opacity,
      };
      axes.push({ key: `${prefix}-grid-${v}`, tag: "line", attrs: grid });
      axes.push({
        key: `${prefix}-${v}`,
        tag: "text",
        attrs: { x: margin.left - 6, y: y + 4, class: "tick", "text-anchor": "end", opacity },
        text: formatCount(Math.abs(v)),
      });
    }
  };
  yAxis("yh", yHeld, yHeld.ticks(4), heldOpacity);
  yAxis("yf", yFlow, yFlow.ticks(4), flowOpacity);

  axes.push({
    key: "title-held",
    tag: "text",
    attrs: { x: margin.left, y: margin.top - 14, class: "panel-title", opacity: heldOpacity },
    text: "Political prisoners held, Viasna count",
  });
  axes.push({
    key: "title-flows-up",
    tag: "text",
    attrs: { x: margin.left, y: flowsTop - 14, class: "panel-title recognised-label", opacity: flowOpacity },
    text: compact ? "▲ Recognised per month" : "▲ Newly recognised per month",
  });
  axes.push({
    key: "title-flows-down",
    tag: "text",
    attrs: {
      x: width - margin.right,
      y: flowsTop - 14,
      class: "panel-title released-label",
      "text-anchor": "end",
      opacity: flowOpacity,
    },
    text: compact ? "Freed ▼" : "Freed per release ▼",
  });

  const heldMarks: Mark[] = [];
  const path = line<HeldRow>()
    .x((r) => round(x(parseDay(r.date))))
    .y((r) => round(yHeld(r.count)));
  for (const run of joinedRuns(held)) {
    if (run.length > 1)
      heldMarks.push({
        key: `held-line-${run[0]!.date}`,
        tag: "path",
        attrs: { d: path(run) ?? "", class: "held-line", opacity: heldOpacity },
      });
  }
  for (const r of held) {
    heldMarks.push({
      key: `held-${r.date}`,
      tag: "circle",
      attrs: {
        cx: round(x(parseDay(r.date))),
        cy: round(yHeld(r.count)),
        r: compact ? 2.5 : 3,
        class: "held-dot",
        opacity: heldOpacity,
      },
    });
  }
  const last = held.at(-1);
  if (last) {
    const lx = x(parseDay(last.date));
    // Sit the label above every point it spans, so the line never runs through it.
    const text = `${formatCount(last.count)} on ${formatDay(parseDay(last.date))}`;
    const spanned = held.filter((r) => x(parseDay(r.date)) > lx - text.length * 7);
    const top = Math.min(...spanned.map((r) => yHeld(r.count)));
    heldMarks.push({
      key: "held-last-label",
      tag: "text",
      attrs: {
        x: round(Math.min(lx, width - margin.right)),
        y: round(top - 10),
        class: "value-label",
        "text-anchor": "end",
        opacity: heldOpacity,
      },
      text,
    });
  }

  const flowMarks: Mark[] = [];
  const y0 = yFlow(0);
  for (const r of months) {
    const x0 = x(parseDay(r.period_start));
    const x1 = x(utcMonth.offset(parseDay(r.period_start), 1));
    flowMarks.push({
      key: `rec-${r.period_start}`,
      tag: "rect",
      attrs: {
        x: round(x0 + 0.5),
        width: round(Math.max(1, x1 - x0 - 1)),
        y: round(yFlow(r.count)),
        height: round(y0 - yFlow(r.count)),
        class: "recognised",
        opacity: flowOpacity,
      },
    });
  }
  // A month with no published count is marked as missing, never drawn as zero.
  const counted = new Set(months.map((r) => r.period_start));
  for (const month of utcMonth.range(utcMonth.ceil(from), to)) {
    const iso = month.toISOString().slice(0, 10);
    if (counted.has(iso)) continue;
    const mx = (x(month) + x(utcMonth.offset(month, 1))) / 2;
    flowMarks.push({
      key: `gap-${iso}`,
      tag: "circle",
      attrs: { cx: round(mx), cy: round(y0 - 3), r: 1.2, class: "no-data", opacity: flowOpacity },
    });
  }
  for (const r of releases) {
    const cx = x(parseDay(r.date));
    const w = compact ? 3 : 5;
    const cls = `released${r.us_brokered ? " us" : ""}${state.highlight === r.id ? " highlighted" : ""}`;
    flowMarks.push({
      key: `rel-${r.id}`,
      tag: "rect",
      attrs: {
        x: round(cx - w / 2),
        width: round(w),
        y: round(y0),
        height: round(yFlow(-r.released) - y0),
        class: cls,
        opacity: flowOpacity,
      },
    });
  }

  const highlight: Mark[] = [];
  const chosen = data.releases.find((r) => r.id === state.highlight);
  if (chosen && inRange(chosen.date)) {
    const hx = x(parseDay(chosen.date));
    highlight.push({
      key: "hl-rule",
      tag: "line",
      attrs: { x1: round(hx), x2: round(hx), y1: margin.top - 4, y2: height - margin.bottom, class: "hl-rule" },
    });
    const right = hx > width * 0.6;
    const lx = right ? hx - 6 : hx + 6;
    const anchor = right ? "end" : "start";
    const labelY = showFlows ? y0 + 16 : heldBottom - 40;
    highlight.push(text("hl-date", lx, labelY, formatDay(parseDay(chosen.date)), "hl-label strong", anchor));
    highlight.push(text("hl-freed", lx, labelY + 15, `${formatCount(chosen.released)} freed`, "hl-label", anchor));
    const sameDay = data.recognitions.find((r) => r.period_start === chosen.date && r.period_end === chosen.date);
    if (sameDay)
      highlight.push(
        text(
          "hl-recognised",
          lx,
          labelY + 30,
          `${formatCount(sameDay.count)} newly recognised that day`,
          "hl-label recognised-label",
          anchor,
        ),
      );
  }

  return {
    width,
    height,
    layers: [
      { id: "axes", marks: axes },
      { id: "flows", marks: flowMarks },
      { id: "held", marks: heldMarks },
      { id: "highlight", marks: highlight },
    ],
  };
}
