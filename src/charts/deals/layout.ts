import { max } from "d3-array";
import { scaleSqrt, scaleUtc } from "d3-scale";
import { utcMonth } from "d3-time";
import { utcFormat } from "d3-time-format";
import type { Dataset } from "../../data/load.ts";
import { round, type Mark, type Scene, type Size } from "../../render/scene.ts";
import { DAY, formatDay, parseDay } from "../shared/dates.ts";
import { formatCount } from "../shared/format.ts";
import { resolveTo } from "../shared/time-range.ts";
import type { DealsState } from "./state.ts";

const margin = { top: 26, right: 18, bottom: 24, left: 18 };

/** Splits a label into lines of at most `width` characters, so annotations wrap inside the chart. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** "that day", "in Sep 2025", "in 2025" or "18 Jan–17 Sep 2025": a period as a caption says it. */
export function describePeriod(start: string, end: string): string {
  if (start === end) return "that day";
  if (start.endsWith("-01-01") && end === `${start.slice(0, 4)}-12-31`) return `in ${start.slice(0, 4)}`;
  if (start.endsWith("-01") && +utcMonth.offset(parseDay(start), 1) - DAY === +parseDay(end))
    return `in ${utcFormat("%b %Y")(parseDay(start))}`;
  return `${utcFormat("%-d %b")(parseDay(start))}–${formatDay(parseDay(end))}`;
}

function label(key: string, x: number, y: number, text: string, cls: string, anchor: string): Mark {
  return { key, tag: "text", attrs: { x: round(x), y: round(y), class: cls, "text-anchor": anchor }, text };
}

/**
 * Three lanes on one time axis: releases (circles by number freed), what the US gave or promised,
 * and the people newly recognised as political prisoners over the same weeks.
 */
export function layoutDeals(data: Dataset, state: DealsState, size: Size): Scene {
  const { width, height } = size;
  const compact = width < 500;
  const toIso = resolveTo(state, data);
  const from = parseDay(state.from);
  const to = parseDay(toIso);
  const inRange = (iso: string): boolean => iso >= state.from && iso <= toIso;
  const x = scaleUtc()
    .domain([from, to])
    .range([margin.left + 10, width - margin.right - 10]);
  const inner = height - margin.top - margin.bottom;
  const releaseY = margin.top + inner * 0.3;
  const concessionY = margin.top + inner * 0.66;
  const recognisedY = margin.top + inner * 0.9;

  const releases = data.releases.filter((r) => inRange(r.date));
  const concessions = data.concessions.filter((c) => inRange(c.date));
  const recognitions = data.recognitions.filter((r) => r.period_end >= state.from && r.period_start <= toIso);
  const chosen = data.releases.find((r) => r.id === state.highlight);
  const radius = scaleSqrt()
    .domain([0, max(data.releases, (r) => r.released) ?? 1])
    .range([0, compact ? 20 : 30]);

  const axes: Mark[] = [];
  const spanMonths = utcMonth.count(from, to);
  const every = spanMonths > 18 ? (compact ? 12 : 6) : spanMonths > 8 ? (compact ? 6 : 3) : compact ? 2 : 1;
  const ticks = x.ticks(utcMonth.every(every)!);
  for (const t of ticks) {
    const fmt = t.getUTCMonth() === 0 || t === ticks[0] ? "%b %Y" : "%b";
    axes.push(label(`x-${+t}`, x(t), height - 6, utcFormat(fmt)(t), "tick", "middle"));
    axes.push({
      key: `xg-${+t}`,
      tag: "line",
      attrs: { x1: round(x(t)), x2: round(x(t)), y1: margin.top, y2: height - margin.bottom - 12, class: "grid" },
    });
  }
  const lanes = [
    { key: "releases", y: releaseY, title: "Prisoners freed, by release" },
    { key: "concessions", y: concessionY, title: compact ? "What the US gave" : "What the US gave or promised" },
    {
      key: "recognised",
      y: recognisedY,
      title: compact ? "Newly recognised" : "Newly recognised as political prisoners",
    },
  ];
  for (const lane of lanes) {
    axes.push({
      key: `lane-${lane.key}`,
      tag: "line",
      attrs: { x1: margin.left, x2: width - margin.right, y1: round(lane.y), y2: round(lane.y), class: "lane" },
    });
  }
  axes.push(label("title-releases", margin.left, margin.top - 10, lanes[0]!.title, "panel-title", "start"));
  axes.push(
    label("title-concessions", margin.left, concessionY - (compact ? 30 : 40), lanes[1]!.title, "panel-title", "start"),
  );
  axes.push(
    label("title-recognised", margin.left, recognisedY - 16, lanes[2]!.title, "panel-title recognised-label", "start"),
  );

  const marks: Mark[] = [];
  for (const r of [...releases].sort((a, b) => b.released - a.released)) {
    const highlighted = r.id === state.highlight;
    const cls = `release${r.us_brokered ? " us" : ""}${highlighted ? " highlighted" : ""}`;
    marks.push({
      key: `rel-${r.id}`,
      tag: "circle",
      attrs: {
        cx: round(x(parseDay(r.date))),
        cy: round(releaseY),
        r: round(Math.max(2.5, radius(r.released))),
        class: cls,
      },
    });
  }
  for (const c of concessions) {
    const cx = round(x(parseDay(c.date)));
    const s = compact ? 4 : 5;
    const linked = chosen !== undefined && c.release_id === chosen.id;
    marks.push({
      key: `con-${c.id}`,
      tag: "path",
      attrs: {
        d: `M${cx},${round(concessionY - s)}L${round(cx + s)},${round(concessionY)}L${cx},${round(concessionY + s)}L${round(cx - s)},${round(concessionY)}Z`,
        class: `concession${linked ? " highlighted" : ""}`,
      },
    });
  }
  // Periods that overlap (a year and a month inside it) are stacked on separate rows, never summed.
  const rowEnds: string[] = [];
  const spanRow = new Map<string, number>();
  for (const r of recognitions.filter((r) => r.period_start !== r.period_end)) {
    let row = rowEnds.findIndex((end) => end < r.period_start);
    if (row === -1) row = rowEnds.push(r.period_end) - 1;
    else rowEnds[row] = r.period_end;
    spanRow.set(`${r.period_start}-${r.period_end}`, row);
  }
  for (const r of recognitions) {
    const x0 = x(parseDay(r.period_start < state.from ? state.from : r.period_start));
    const x1 = x(new Date(+parseDay(r.period_end > toIso ? toIso : r.period_end) + DAY));
    const key = `recog-${r.period_start}-${r.period_end}`;
    if (r.period_start === r.period_end) {
      marks.push({
        key,
        tag: "path",
        attrs: { d: `M${round(x0)},${round(recognisedY - 1)}l-4,-8h8z`, class: "recognised" },
      });
    } else {
      marks.push({
        key,
        tag: "line",
        attrs: {
          x1: round(x0 + 1),
          x2: round(Math.max(x0 + 2, x1 - 1)),
          y1: round(recognisedY + 6 + 6 * (spanRow.get(`${r.period_start}-${r.period_end}`) ?? 0)),
          y2: round(recognisedY + 6 + 6 * (spanRow.get(`${r.period_start}-${r.period_end}`) ?? 0)),
          class: "recognised-span",
        },
      });
    }
  }

  const notes: Mark[] = [];
  if (chosen && inRange(chosen.date)) {
    const cx = x(parseDay(chosen.date));
    const right = cx > width * 0.55;
    const anchor = right ? "end" : "start";
    const r = Math.max(2.5, radius(chosen.released));
    const lx = right ? cx - r - 6 : cx + r + 6;
    notes.push(label("hl-date", lx, releaseY - 8, formatDay(parseDay(chosen.date)), "hl-label strong", anchor));
    notes.push(label("hl-freed", lx, releaseY + 8, `${formatCount(chosen.released)} freed`, "hl-label", anchor));
    if (chosen.broker)
      notes.push(
        label(
          "hl-broker",
          lx,
          releaseY + 23,
          compact ? chosen.broker.replace(/^US (special )?envoy /, "") : chosen.broker,
          "hl-label soft",
          anchor,
        ),
      );
    const linked = concessions.filter((c) => c.release_id === chosen.id).slice(0, compact ? 1 : 2);
    linked.forEach((c, i) => {
      const lines = wrap(c.label, compact ? 22 : 34);
      const cxc = x(parseDay(c.date));
      const side = cxc > width * 0.55;
      lines.forEach((line, j) => {
        notes.push(
          label(
            `hl-con-${i}-${j}`,
            side ? cxc - 8 : cxc + 8,
            concessionY + 18 + (i * lines.length + j) * 13,
            line,
            "hl-label",
            side ? "end" : "start",
          ),
        );
      });
    });
    // The narrowest published period around the release says most about "the same weeks".
    const length = (r: { period_start: string; period_end: string }): number =>
      +parseDay(r.period_end) - +parseDay(r.period_start);
    const closest = recognitions
      .filter((r) => r.period_start <= chosen.date && r.period_end >= chosen.date)
      .sort((a, b) => length(a) - length(b))[0];
    if (closest) {
      const period = describePeriod(closest.period_start, closest.period_end);
      const text = `${formatCount(closest.count)} newly recognised ${period}`;
      // Flip to the left when the caption would run off the right edge (about 6.2 px a character).
      const flip = right || cx + 8 + text.length * 6.2 > width - margin.right;
      notes.push(
        label(
          "hl-recognised",
          flip ? cx - 8 : cx + 8,
          recognisedY + 22,
          text,
          "hl-label recognised-label",
          flip ? "end" : "start",
        ),
      );
    }
    notes.push({
      key: "hl-rule",
      tag: "line",
      attrs: { x1: round(cx), x2: round(cx), y1: margin.top - 4, y2: height - margin.bottom - 8, class: "hl-rule" },
    });
  }

  return {
    width,
    height,
    layers: [
      { id: "axes", marks: axes },
      { id: "marks", marks },
      { id: "notes", marks: notes },
    ],
  };
}
