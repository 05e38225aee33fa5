import { max } from "d3-array";
import { scaleSqrt, scaleUtc, type ScaleTime } from "d3-scale";
import { utcMonth, utcYear } from "d3-time";
import { utcFormat } from "d3-time-format";
import { addDays } from "../../data/flows.ts";
import type { ConcessionRow, Dataset, ReleaseRow } from "../../data/load.ts";
import { monthEnd } from "../../data/periods.ts";
import { en } from "../../i18n/en.ts";
import { isCompact, round, type Mark, type Scene, type Size } from "../../render/scene.ts";
import { anchorWithin, leftEdge, type Anchor } from "../shared/anchor.ts";
import { near } from "../../render/boxes.ts";
import { formatDay, parseDay } from "../shared/dates.ts";
import { formatCount } from "../shared/format.ts";
import { textWidth, wrapText } from "../../render/fonts.ts";
import { latestDate } from "../../data/latest.ts";
import type { DealsState } from "./state.ts";

const m = en.deals;
/** Chart text is 14 px in scene units (chart.css), never under 12 CSS px on a 280 px phone. */
const TEXT = 14;
const LINE = 17;

/** The one time axis of every state: from the month of the first release to the month of the newest row. */
export function dealsAxis(data: Dataset): [string, string] {
  const first = data.releases[0]?.date ?? latestDate(data);
  return [`${first.slice(0, 7)}-01`, monthEnd(latestDate(data).slice(0, 7))];
}

/** What a state picks out: the release, and the US relief and contacts that the data ties to it. */
export function dealsHighlight(
  data: Dataset,
  state: DealsState,
): { release: ReleaseRow; linked: ConcessionRow[] } | undefined {
  const release = data.releases.find((r) => r.id === state.highlight);
  if (!release) return undefined;
  const linked = data.concessions
    .filter((c) => c.release_id === release.id)
    .sort((a, b) => a.date.localeCompare(b.date));
  return { release, linked };
}

interface Frame {
  width: number;
  height: number;
  compact: boolean;
  left: number;
  right: number;
  x: ScaleTime<number, number>;
  releaseY: number;
  reliefY: number;
  contactY: number;
  axisY: number;
  notesY: number;
  rMax: number;
}

function frameFor(data: Dataset, size: Size): Frame {
  const { width, height } = size;
  const compact = isCompact(width);
  const left = compact ? 12 : 18;
  const right = width - (compact ? 12 : 18);
  const [from, to] = dealsAxis(data);
  const rMax = compact ? 24 : 34;
  // Room for the largest circle at either end, so no release is cut by the frame.
  const x = scaleUtc()
    .domain([parseDay(from), parseDay(addDays(to, 1))])
    .range([left + rMax * 0.5, right - rMax]);
  const releaseY = 36 + rMax;
  const reliefY = releaseY + rMax + (compact ? 40 : 50);
  const contactY = reliefY + (compact ? 42 : 48);
  const axisY = contactY + 30;
  return { width, height, compact, left, right, x, releaseY, reliefY, contactY, axisY, notesY: axisY + 34, rMax };
}

const label = (key: string, x: number, y: number, text: string, cls: string, anchor = "start"): Mark => ({
  key,
  tag: "text",
  attrs: { x: round(x), y: round(y), class: cls, "text-anchor": anchor },
  text,
});

/** Keeps a label of a given width inside the frame: centred on x where it fits, else flush to an edge. */
function keptInFrame(f: Frame, x: number, width: number): { x: number; anchor: Anchor } {
  const anchor = anchorWithin(x, width, f.left, f.right);
  return { x: anchor === "start" ? f.left : anchor === "end" ? f.right : x, anchor };
}

/** Times between ticks, tried in turn: the first whose labels stand clear of each other is used. */
const TICKS = [
  utcMonth.every(3)!,
  utcMonth.every(6)!,
  utcYear,
  utcYear.every(2)!,
  utcYear.every(5)!,
  utcYear.every(10)!,
];

function axisTicks(f: Frame): { t: Date; text: string; at: { x: number; anchor: Anchor }; width: number }[] {
  // A phone starts at six months: a quarter's ticks would crowd its short axis.
  const tried = f.compact ? TICKS.slice(1) : TICKS;
  let ticks: ReturnType<typeof axisTicks> = [];
  for (const interval of tried) {
    ticks = f.x.ticks(interval).map((t, i) => {
      const text = utcFormat(t.getUTCMonth() === 0 || i === 0 ? "%b %Y" : "%b")(t);
      const width = textWidth(text, TEXT);
      return { t, text, width, at: keptInFrame(f, f.x(t), width) };
    });
    const span = (k: (typeof ticks)[number]): [number, number] => {
      const x0 = leftEdge(k.at.x, k.width, k.at.anchor);
      return [x0, x0 + k.width];
    };
    // Each label at least 8 px from the one before it.
    if (ticks.every((k, i) => i === 0 || !near(...span(ticks[i - 1]!), ...span(k), 8))) break;
  }
  return ticks;
}

function axis(f: Frame): Mark[] {
  return axisTicks(f).flatMap(({ t, text, at }) => [
    {
      key: `xg-${+t}`,
      tag: "line" as const,
      attrs: { x1: round(f.x(t)), x2: round(f.x(t)), y1: f.releaseY - f.rMax, y2: f.axisY - 14, class: "grid" },
    },
    label(`x-${+t}`, at.x, f.axisY, text, "tick", at.anchor),
  ]);
}

function lanes(f: Frame): Mark[] {
  const lane = (key: string, y: number, title: string, cls = "panel-title"): Mark[] => [
    { key: `lane-${key}`, tag: "line", attrs: { x1: f.left, x2: f.right, y1: round(y), y2: round(y), class: "lane" } },
    label(`title-${key}`, f.left, y - (key === "releases" ? f.rMax + 10 : 12), title, cls),
  ];
  return [
    ...lane("releases", f.releaseY, f.compact ? m.releasesShort : m.releases),
    ...lane("relief", f.reliefY, m.relief, "panel-title relief-label"),
    ...lane("contacts", f.contactY, m.contacts, "panel-title soft"),
  ];
}

function releaseMarks(f: Frame, data: Dataset, state: DealsState): Mark[] {
  const radius = scaleSqrt()
    .domain([0, max(data.releases, (r) => r.released) ?? 1])
    .range([0, f.rMax]);
  // Biggest first, so small releases stay visible on top of big ones close in time.
  return [...data.releases]
    .sort((a, b) => b.released - a.released)
    .flatMap((r): Mark[] => {
      const cx = round(f.x(parseDay(r.date)));
      const rr = Math.max(2.5, radius(r.released));
      const circle: Mark = {
        key: `rel-${r.id}`,
        tag: "circle",
        attrs: { cx, cy: round(f.releaseY), r: round(rr), class: r.us_brokered ? "release us" : "release" },
      };
      if (r.id !== state.highlight) return [circle];
      return [
        circle,
        { key: "hl-ring", tag: "circle", attrs: { cx, cy: round(f.releaseY), r: round(rr + 3.5), class: "hl-ring" } },
      ];
    });
}

function concessionMarks(f: Frame, data: Dataset, state: DealsState): Mark[] {
  return data.concessions.map((c): Mark => {
    const cx = round(f.x(parseDay(c.date)));
    const linked = c.release_id !== "" && c.release_id === state.highlight;
    if (c.kind === "contact") {
      return {
        key: `con-${c.id}`,
        tag: "circle",
        attrs: { cx, cy: round(f.contactY), r: f.compact ? 3.5 : 4.5, class: `contact${linked ? " linked" : ""}` },
      };
    }
    const s = f.compact ? 5 : 6;
    const y = round(f.reliefY);
    return {
      key: `con-${c.id}`,
      tag: "path",
      attrs: {
        d: `M${cx},${round(y - s)}L${round(cx + s)},${y}L${cx},${round(y + s)}L${round(cx - s)},${y}Z`,
        class: `relief${linked ? " linked" : ""}`,
      },
    };
  });
}

/**
 * The picked-out release: ringed, with a rule down through the lanes, and its story told under the
 * axis, clear of every mark: the date and the number freed, who negotiated it, and what came with it.
 */
function highlightNotes(f: Frame, data: Dataset, state: DealsState): Mark[] {
  const picked = dealsHighlight(data, state);
  if (!picked) return [];
  const { release, linked } = picked;
  const cx = f.x(parseDay(release.date));
  const entries = [
    {
      key: "head",
      text: m.head(formatDay(parseDay(release.date)), m.freed(formatCount(release.released), release.us_brokered)),
      cls: "hl-label strong",
    },
    ...(release.broker ? [{ key: "broker", text: m.broker(release.broker), cls: "hl-label soft" }] : []),
    ...linked.map((c) => ({
      key: c.id,
      text: `${c.kind === "relief" ? "◆" : "○"} ${c.label} (${utcFormat("%-d %b")(parseDay(c.date))})`,
      cls: c.kind === "relief" ? "hl-label relief-label" : "hl-label soft",
    })),
  ];
  const lines = entries.flatMap((e) =>
    wrapText(e.text, f.right - f.left, TEXT).map((text, i) => ({
      key: `${e.key}-${i}`,
      text: i === 0 ? text : `  ${text}`,
      cls: e.cls,
    })),
  );
  const room = Math.max(1, Math.floor((f.height - 8 - f.notesY) / LINE) + 1);
  const shown =
    lines.length > room
      ? [...lines.slice(0, room - 1), { key: "more", text: m.more(lines.length - room + 1), cls: "hl-label soft" }]
      : lines;
  return [
    {
      key: "hl-rule",
      tag: "line",
      attrs: { x1: round(cx), x2: round(cx), y1: round(f.releaseY), y2: round(f.axisY - 14), class: "hl-rule" },
    },
    ...shown.map((l, i) => label(`hl-note-${l.key}`, f.left, f.notesY + i * LINE, l.text, l.cls)),
  ];
}

/**
 * Three lanes on one fixed time axis: every release (circles, area by people freed), what the US
 * gave (relief), and the contacts between the two governments. A step picks out one release.
 */
export function layoutDeals(data: Dataset, state: DealsState, size: Size): Scene {
  const f = frameFor(data, size);
  return {
    width: f.width,
    height: f.height,
    legend: [
      ...(data.releases.some((r) => r.us_brokered) ? ["released-us"] : []),
      ...(data.releases.some((r) => !r.us_brokered) ? ["released"] : []),
      ...(data.concessions.some((c) => c.kind === "relief") ? ["concession"] : []),
      ...(data.concessions.some((c) => c.kind === "contact") ? ["contact"] : []),
    ],
    layers: [
      { id: "axes", marks: [...axis(f), ...lanes(f)] },
      { id: "marks", marks: [...concessionMarks(f, data, state), ...releaseMarks(f, data, state)] },
      { id: "notes", marks: highlightNotes(f, data, state) },
    ],
  };
}
