import { rgb } from "d3-color";

/*
 * What the palette in chart.css must satisfy, in both themes (tests/unit/palette.test.ts).
 * Every --c-* colour is a mark unless listed here as a ground or a text colour, so a colour added
 * for a new category is checked against the background without anyone remembering to list it.
 */

/** The background everything is drawn on. */
export const BACKGROUND = "--c-bg";

/** Grounds and guides: drawn under marks, not data themselves (grid lines, land, sea). */
export const GROUNDS = [
  "--c-grid",
  "--c-rule",
  "--c-lane",
  "--c-water",
  "--c-land",
  // The tint behind a picked-out period, and the inside of the outlined "left in other ways" blocks,
  // whose outline (--c-derived) is the mark.
  "--c-focus",
  "--c-derived-fill",
];

/** Text colours, and the ground each sits on: 4.5:1 (WCAG 1.4.3). */
export const TEXT_ON: [text: string, ground: string][] = [
  ["--c-ink", BACKGROUND],
  ["--c-ink-soft", BACKGROUND],
  ["--c-recognised-text", BACKGROUND],
  ["--c-released-text", BACKGROUND],
  ["--c-released-other-text", BACKGROUND],
  ["--c-derived-text", BACKGROUND],
  ["--c-land-label", "--c-land"],
  ["--c-water-text", "--c-water"],
  // The BELARUS label is set in the background colour on Belarus.
  [BACKGROUND, "--c-land-focus"],
];

/**
 * Marks that touch each other: 3:1 between them (WCAG 1.4.11). A highlighted release sits beside
 * the others; Belarus borders its neighbours. Routes touch only their casing, which is the background.
 */
export const TOUCHING: [string, string][] = [
  ["--c-highlight", "--c-released-us"],
  ["--c-highlight", "--c-released"],
  ["--c-land-focus", "--c-land"],
];

/** Not colours at all. */
export const NOT_COLOURS = ["--c-font"];

/** WCAG 2 contrast ratio between two CSS colours. */
export function contrast(a: string, b: string): number {
  const luminance = (css: string): number => {
    const c = rgb(css);
    if (Number.isNaN(c.r)) throw new Error(`not a colour: ${css}`);
    const [r, g, b] = [c.r, c.g, c.b].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
}
