import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { Dataset, FactRow } from "../data/load.ts";
import { factSeries, factSeriesIds, type FactSeries } from "../data/series.ts";
import { formatCount } from "../charts/shared/format.ts";
import { formatDay, parseDay } from "../charts/shared/dates.ts";

export interface Multiple {
  series: FactSeries;
  title: string;
  svg: string;
  /** A sentence for screen readers, written from the rows. */
  alt: string;
  rows: FactRow[];
}

const WIDTH = 300;
const HEIGHT = 170;

/**
 * Small multiples drawn with Observable Plot at build time, one per series in facts.csv.
 * Static on purpose: they need no scroll state, and ship no JavaScript.
 */
export function smallMultiples(data: Dataset): Multiple[] {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  return factSeriesIds
    .filter((series) => series !== "other")
    .map((series) => {
      const rows = data.facts.filter((f) => f.series === series);
      const points = rows.map((r) => ({ date: parseDay(r.date), value: r.value, label: formatCount(r.value) }));
      const marks = [
        Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.4 }),
        Plot.line(points, { x: "date", y: "value", stroke: "currentColor", strokeWidth: 1.5 }),
        Plot.dot(points, { x: "date", y: "value", fill: "currentColor", r: 3 }),
        Plot.text(
          points,
          Plot.selectLast({ x: "date", y: "value", text: "label", dy: -10, fontWeight: 700, fontSize: 12 }),
        ),
      ];
      const figure = Plot.plot({
        document: document,
        width: WIDTH,
        height: HEIGHT,
        marginLeft: 46,
        marginTop: 22,
        style: { fontSize: "11px", fontFamily: "system-ui, sans-serif", background: "transparent" },
        x: { type: "utc", ticks: 3, label: null },
        y: { domain: [0, Math.max(...points.map((p) => p.value)) * 1.2], ticks: 3, label: null, grid: true },
        marks,
      });
      // The panel's wrapper is the accessible image (role="img" with the alt text); Plot's own
      // per-mark aria-labels would be prohibited inside it, so its SVG is hidden from assistive tech.
      const element = figure as unknown as Element;
      element.setAttribute("aria-hidden", "true");
      const svg = element.outerHTML;
      const alt = `${factSeries[series]}: ${rows.map((r) => `${formatCount(r.value)} on ${formatDay(parseDay(r.date))}`).join("; ")}.`;
      return { series, title: factSeries[series], svg, alt, rows };
    })
    .filter((m) => m.rows.length > 0);
}
