import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { color } from "d3-color";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Furniture } from "../../src/content/furniture.ts";
import {
  blockHeight,
  blockWidth,
  CARD,
  CARD_CHART,
  cardLayout,
  cardSvg,
  type CardLayout,
  type CardText,
} from "../../src/render/card.ts";
import { customProperties } from "../../src/render/palette.ts";
import type { Scene } from "../../src/render/scene.ts";

// A share card as a reader's feed shows it: the words in a left column, the chart to the right.
const css = readFileSync("src/styles/chart.css", "utf8");
const furniture = (title: string): Furniture => ({
  id: "door",
  title,
  description: "",
  credit: "Graphic by the fixture desk",
  sourceline: "Sources: Human Rights Center Viasna; Belsat",
  alt: "",
  notesHtml: "",
});
const scene = (width: number, height: number, legend?: string[]): Scene => ({
  width,
  height,
  layers: [],
  ...(legend ? { legend } : {}),
});
const entries = [
  { swatch: "held", label: "Held, in Viasna's count" },
  { swatch: "recognised", label: "Newly recognised" },
  { swatch: "no-count", label: "No count published: the release is known, its size is not" },
];

/** Top and bottom of a block of text, as the card draws it: baselines a line height apart, 1.2 em per line. */
const span = (t: CardText): [number, number] => {
  const top = t.y - t.size * 0.95;
  return [top, top + t.size * 1.2 + (t.lines.length - 1) * t.lineHeight];
};
const blocks = (layout: CardLayout): CardText[] => [layout.title, ...layout.legend.map((l) => l.text), layout.foot];

describe("a share card's layout", () => {
  it("measures a block of text from the top of its first line to the bottom of its last, and its widest line", () => {
    const text: CardText = {
      x: 0,
      y: 19,
      size: 20,
      weight: 400,
      lineHeight: 24,
      lines: ["a", "wider line", "b"],
      className: "",
    };
    expect(blockHeight(text)).toBe(24 + 2 * 24);
    expect(blockHeight({ ...text, lines: ["one"] })).toBe(24);
    expect(blockWidth(text)).toBeGreaterThan(blockWidth({ ...text, lines: ["a", "b"] }));
    expect(blockWidth({ ...text, lines: [] })).toBe(0);
  });

  it("scales the chart to fill its box, centred, whatever its proportions", () => {
    // The chart box is 692 × 534, right of a 380 px column and a 32 px gutter, inside 48 px of margin.
    expect(cardLayout(scene(100, 100), furniture("T"), [], css).chart).toEqual({
      x: 460 + (692 - 534) / 2,
      y: 48,
      width: 534,
      height: 534,
      scale: 5.34,
    });
    expect(cardLayout(scene(692, 267), furniture("T"), [], css).chart).toEqual({
      x: 460,
      y: 48 + (534 - 267) / 2,
      width: 692,
      height: 267,
      scale: 1,
    });
    // The size charts are laid out at for a card has the box's proportions.
    expect(CARD_CHART.height / CARD_CHART.width).toBeCloseTo(534 / 692, 2);
  });

  it("keeps every block of words in the left column, in order, clear of each other and of the card's edge", () => {
    const long =
      "Belarus frees prisoners in deals the United States brokers, and new political prisoners are recognised about as fast";
    for (const title of ["The revolving door", long]) {
      const layout = cardLayout(scene(560, 432), furniture(title), entries, css);
      const all = blocks(layout);
      for (const block of all) {
        expect(block.x).toBeGreaterThanOrEqual(48);
        expect(block.x + blockWidth(block)).toBeLessThanOrEqual(48 + 380);
      }
      for (let i = 1; i < all.length; i++) expect(span(all[i - 1]!)[1]).toBeLessThanOrEqual(span(all[i]!)[0]);
      expect(span(layout.foot)[1]).toBeLessThanOrEqual(CARD.height - 48 + 1);
      expect(span(layout.title)[0]).toBeCloseTo(48, 0);
    }
  });

  it("sets a short title large, and shrinks the type of a long one until the column holds it all", () => {
    const short = cardLayout(scene(560, 432), furniture("The revolving door"), entries, css);
    expect(short.title.size).toBe(44);
    expect(short.title.lines).toEqual(["The revolving door"]);
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const long = cardLayout(scene(560, 432), furniture(words), entries, css);
    expect(long.title.size).toBeLessThan(44);
    expect(long.title.lines.join(" ")).toBe(words);
    // Legend and source line shrink with the title, never below what reads at a feed's size.
    expect(long.legend[0]!.text.size).toBe(Math.round(long.title.size * 0.5));
    expect(long.foot.size).toBe(Math.max(16, Math.round(long.title.size * 0.42)));
    expect(long.foot.lines.join(" ")).toBe("Sources: Human Rights Center Viasna; Belsat. Graphic by the fixture desk.");
  });

  it("shrinks the type until the legend ends at least 16 px above the source line, whatever the title's length", () => {
    let shrunk = 0;
    for (let words = 1; words <= 40; words++) {
      const title = Array.from({ length: words }, (_, i) => `word${i}`).join(" ");
      const layout = cardLayout(scene(560, 432), furniture(title), entries, css);
      const legendEnd = span(layout.legend.at(-1)!.text)[1] + 8;
      if (layout.title.size > 24) expect(legendEnd + 16).toBeLessThanOrEqual(layout.foot.y - layout.foot.size);
      if (layout.title.size < 44) shrunk++;
    }
    // The loop reaches the titles that make the type shrink, so the rule above is tested where it bites.
    expect(shrunk).toBeGreaterThan(10);
  });

  it("lists only the legend entries the state draws, with their colours and outlines resolved", () => {
    const layout = cardLayout(scene(560, 432, ["held", "no-count"]), furniture("T"), entries, css);
    expect(layout.legend.map((l) => l.text.lines.join(" "))).toEqual([entries[0]!.label, entries[2]!.label]);
    expect(layout.legend[0]!.colour).toMatch(/^#[0-9a-f]{3,8}$/i);
    expect(layout.legend[0]!.outline).toBeUndefined();
    // "No count published" is drawn as an outline only, on the page and on the card.
    expect(layout.legend[1]!.colour).toBe("none");
    expect(layout.legend[1]!.outline).toMatch(/^#[0-9a-f]{3,8}$/i);
    // A scene that does not say which entries it draws shows them all.
    expect(cardLayout(scene(560, 432), furniture("T"), entries, css).legend).toHaveLength(3);
  });
});

describe("a share card's SVG", () => {
  // Drawn inside each test, not while the file is read: a mutation test switches its bug on per test.
  const card = (): string =>
    cardSvg(scene(560, 432, ["held"]), furniture("Prisoners & pardons <2025>"), entries, 'A "field" of dots', css);

  it("writes every colour out, for librsvg, which does not resolve custom properties", () => {
    const svg = card();
    expect(svg).not.toMatch(/var\(--/);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630" viewBox="0 0 1200 630">/,
    );
    expect(svg).toMatch(/<rect width="100%" height="100%" fill="#[0-9a-f]{3,8}"\/>/i);
  });

  it("escapes the words it sets, and places the chart in its box", () => {
    const svg = card();
    expect(svg).toContain(">Prisoners &amp;</tspan>");
    expect(svg).toContain(">pardons &lt;2025&gt;</tspan>");
    expect(svg).not.toContain("<2025>");
    const layout = cardLayout(scene(560, 432, ["held"]), furniture("Prisoners & pardons <2025>"), entries, css);
    const { x, y, width, height } = layout.chart;
    expect(svg).toContain(`<svg x="${x}" y="${y}" width="${width}" height="${height}" `);
    expect(svg).toContain('class="card-chart"');
    expect(svg).toContain(">Held, in Viasna's count</tspan>");
    expect(svg).not.toContain("Newly recognised");
  });

  it("is an SVG librsvg draws, at the card's size, and its words read back as written, quotes and all", async () => {
    const quoted = cardSvg(scene(560, 432), furniture('The "revolving door" & <its> deals'), entries, "", css);
    const { width, height } = await sharp(Buffer.from(quoted))
      .png()
      .toBuffer({ resolveWithObject: true })
      .then((r) => r.info);
    expect([width, height]).toEqual([CARD.width, CARD.height]);
    const { document } = parseHTML(`<!doctype html><html><body>${quoted}</body></html>`);
    const lines = [...document.querySelectorAll(".card-title tspan")].map((t) => t.textContent);
    expect(lines.join(" ")).toBe('The "revolving door" & <its> deals');
    // Nothing is set between the lines, or between the legend's entries.
    expect(document.querySelector(".card-title")!.textContent).toBe(lines.join(""));
    const outside = [...document.querySelector("svg")!.childNodes].filter((n) => n.nodeType === 3);
    expect(outside).toEqual([]);
  });

  it("sets each line a line height below the one before, and each legend swatch beside its first line", () => {
    const layout = cardLayout(
      scene(560, 432, ["held", "no-count"]),
      furniture("Prisoners & pardons <2025>"),
      entries,
      css,
    );
    const drawn = cardSvg(
      scene(560, 432, ["held", "no-count"]),
      furniture("Prisoners & pardons <2025>"),
      entries,
      "",
      css,
    );
    const { title } = layout;
    expect(title.lineHeight).toBe(Math.round(title.size * 1.2));
    for (const i of title.lines.keys()) expect(drawn).toContain(`<tspan x="48" y="${title.y + i * title.lineHeight}">`);
    const [held, noCount] = layout.legend;
    expect(drawn).toContain(
      `<rect x="48" y="${held!.text.y - held!.text.size * 0.8}" width="18" height="${Math.round(held!.text.size * 0.8)}" fill="${held!.colour}"/>`,
    );
    expect(drawn).toContain(
      `<rect x="48" y="${noCount!.text.y - noCount!.text.size * 0.8}" width="18" height="${Math.round(noCount!.text.size * 0.8)}" fill="none" stroke="${noCount!.outline}" stroke-width="2"/>`,
    );
    // The legend starts 0.6 of the title's size below it.
    expect(span(held!.text)[0]).toBeCloseTo(span(title)[1] + title.size * 0.6, 6);
  });

  it("paints the card in the light palette: paper, ink, the soft ink of the source line, the accent along the top", () => {
    const svg = card();
    const palette = customProperties(css, "light");
    expect(svg).toContain(`<rect width="100%" height="100%" fill="${palette.get("--c-bg")}"/>`);
    expect(svg).toContain(`<rect width="100%" height="8" fill="${palette.get("--c-accent")}"/>`);
    expect(svg).toContain(
      `.card-title,.card-legend{fill:${palette.get("--c-ink")}}.card-foot{fill:${palette.get("--c-ink-soft")}}`,
    );
    expect(svg).toContain('.card-chart,.card-title,.card-legend,.card-foot{font-family:"Source Sans 3",sans-serif}');
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("comes out of librsvg in those colours: the accent along the top, paper below it", async () => {
    const palette = customProperties(css, "light");
    const { data, info } = await sharp(Buffer.from(card())).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number): string => {
      const at = (y * info.width + x) * info.channels;
      return `#${[0, 1, 2].map((c) => data[at + c]!.toString(16).padStart(2, "0")).join("")}`;
    };
    const hex = (name: string): string => color(palette.get(name)!)!.formatHex();
    expect(pixel(600, 3)).toBe(hex("--c-accent"));
    expect(pixel(CARD.width - 4, CARD.height - 4)).toBe(hex("--c-bg"));
  });
});
