import type { Furniture } from "../content/furniture.ts";
import { within } from "./boxes.ts";
import { FAMILY, textWidth, wrapText, type Weight } from "./fonts.ts";
import { customProperties, resolvedStylesheet, swatchColours } from "./palette.ts";
import type { Scene, Size } from "./scene.ts";
import { sceneToSvg } from "./server.ts";

/** Share-card size: what social networks and oEmbed consumers expect. */
export const CARD = { width: 1200, height: 630 } as const;
const PAD = 48;
const ACCENT = 8;
/** The left column holds the words (title, legend, source); the chart fills the right. */
const COLUMN = 380;
const GUTTER = 32;
const CHART_BOX = {
  x: PAD + COLUMN + GUTTER,
  y: PAD,
  width: CARD.width - 2 * PAD - COLUMN - GUTTER,
  height: CARD.height - 2 * PAD,
};
/**
 * The size the chart is laid out at for a card: the wide layout's proportions, scaled up by about
 * 1.2 to fill the chart box, so its 12 px labels read as 15 px on the card.
 */
export const CARD_CHART: Size = { width: 560, height: Math.round((560 * CHART_BOX.height) / CHART_BOX.width) };

/** A legend entry, as chart modules declare them. */
export interface LegendEntry {
  swatch: string;
  label: string;
}

/** One block of wrapped text on the card: where its first baseline sits and how it is set. */
export interface CardText {
  x: number;
  /** Baseline of the first line. */
  y: number;
  size: number;
  weight: Weight;
  lineHeight: number;
  lines: string[];
  className: string;
}

export interface CardLegendItem {
  colour: string;
  /** The swatch's outline colour, when it has one. */
  outline: string | undefined;
  text: CardText;
}

/** Where everything sits on a card: what cardSvg draws, and what tests check the PNG against. */
export interface CardLayout {
  title: CardText;
  legend: CardLegendItem[];
  foot: CardText;
  /** The chart's box on the card, and the scale from scene units to card pixels. */
  chart: { x: number; y: number; width: number; height: number; scale: number };
}

const block = (
  text: string,
  x: number,
  top: number,
  width: number,
  size: number,
  weight: Weight,
  className: string,
): CardText => ({
  x,
  y: top + size * 0.95,
  size,
  weight,
  lineHeight: Math.round(size * 1.2),
  lines: wrapText(text, width, size, weight),
  className,
});

/** The height a block takes, from the top of its first line to the bottom of its last. */
export const blockHeight = (t: CardText): number => t.size * 1.2 + (t.lines.length - 1) * t.lineHeight;

/** The widest line of a block, measured with the story's typeface. */
export const blockWidth = (t: CardText): number => Math.max(0, ...t.lines.map((l) => textWidth(l, t.size, t.weight)));

/**
 * Lays out a card: the title as large as fits, the legend entries this state draws, the source line
 * at the bottom, the chart scaled to its box. Type shrinks until the left column fits.
 */
export function cardLayout(scene: Scene, furniture: Furniture, legend: LegendEntry[], chartCss: string): CardLayout {
  const drawn = legend.filter((entry) => !scene.legend || scene.legend.includes(entry.swatch));
  const scale = Math.min(CHART_BOX.width / scene.width, CHART_BOX.height / scene.height);
  const chart = {
    x: CHART_BOX.x + (CHART_BOX.width - scene.width * scale) / 2,
    y: CHART_BOX.y + (CHART_BOX.height - scene.height * scale) / 2,
    width: scene.width * scale,
    height: scene.height * scale,
    scale,
  };
  let layout: CardLayout | undefined;
  for (const size of [44, 38, 32, 28, 24]) {
    const title = block(furniture.title, PAD, PAD, COLUMN, size, 700, "card-title");
    let top = PAD + blockHeight(title) + size * 0.6;
    const items = drawn.map((entry) => {
      const text = block(entry.label, PAD + 28, top, COLUMN - 28, Math.round(size * 0.5), 400, "card-legend");
      top += blockHeight(text) + 8;
      const { fill, outline } = swatchColours(chartCss, entry.swatch);
      // A swatch drawn only as an outline (no count published, a contact) stays an outline on the card.
      return { colour: fill ?? "none", outline, text };
    });
    const footText = `${furniture.sourceline}. ${furniture.credit}.`;
    const footSize = Math.max(16, Math.round(size * 0.42));
    const probe = block(footText, PAD, 0, COLUMN, footSize, 400, "card-foot");
    const foot = block(footText, PAD, CARD.height - PAD - blockHeight(probe), COLUMN, footSize, 400, "card-foot");
    layout = { title, legend: items, foot, chart };
    // Title and legend, with 16 px under them, fit above the foot.
    if (within(PAD, top + 16, PAD, foot.y - foot.size)) break;
  }
  return layout!;
}

const escape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function textSvg(t: CardText): string {
  const lines = t.lines
    .map((line, i) => `<tspan x="${t.x}" y="${t.y + i * t.lineHeight}">${escape(line)}</tspan>`)
    .join("");
  return `<text class="${t.className}" style="font-size:${t.size}px;font-weight:${t.weight}">${lines}</text>`;
}

/**
 * A self-contained SVG of one chart state with its title, legend and source line, for the PNG
 * share card: light palette, every colour written out (librsvg, which draws the PNG, does not
 * resolve custom properties), in the story's typeface.
 */
export function cardSvg(
  scene: Scene,
  furniture: Furniture,
  legend: LegendEntry[],
  alt: string,
  chartCss: string,
): string {
  const layout = cardLayout(scene, furniture, legend, chartCss);
  const palette = customProperties(chartCss, "light");
  const { chart } = layout;
  // Not .chart-svg: its page sizing (width: 100%) would override the box librsvg is given here.
  const inner = sceneToSvg(scene, { title: furniture.title, desc: alt, className: "card-chart" }).replace(
    "<svg ",
    `<svg x="${chart.x}" y="${chart.y}" width="${chart.width}" height="${chart.height}" `,
  );
  const legendSvg = layout.legend
    .map(
      (item) =>
        `<rect x="${PAD}" y="${item.text.y - item.text.size * 0.8}" width="18" height="${Math.round(item.text.size * 0.8)}" fill="${item.colour}"${item.outline ? ` stroke="${item.outline}" stroke-width="2"` : ""}/>` +
        textSvg(item.text),
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">` +
    `<style>${resolvedStylesheet(chartCss)}.card-chart,.card-title,.card-legend,.card-foot{font-family:"${FAMILY}",sans-serif}` +
    `.card-title,.card-legend{fill:${palette.get("--c-ink")}}.card-foot{fill:${palette.get("--c-ink-soft")}}</style>` +
    `<rect width="100%" height="100%" fill="${palette.get("--c-bg")}"/>` +
    // The story's accent along the top: the card is recognisable as the story's in a feed.
    `<rect width="100%" height="${ACCENT}" fill="${palette.get("--c-accent")}"/>` +
    textSvg(layout.title) +
    legendSvg +
    inner +
    textSvg(layout.foot) +
    `</svg>`
  );
}
