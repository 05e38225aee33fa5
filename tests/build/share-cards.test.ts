import { readFileSync } from "node:fs";
import { join } from "node:path";
import postcss from "postcss";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { charts } from "../../src/charts/registry.ts";
import { loadStory } from "../../src/content/load.ts";
import { blockHeight, blockWidth, CARD, CARD_CHART, cardLayout, type CardText } from "../../src/render/card.ts";
import { textWidth } from "../../src/render/fonts.ts";
import { customProperties, resolvedStylesheet } from "../../src/render/palette.ts";
import type { Mark } from "../../src/render/scene.ts";
import { embedEntries } from "../../src/story/embeds.ts";
import { GROUND_CLASSES } from "../e2e/label-boxes.ts";
import { DIST } from "../support/dist.ts";

/*
 * Every share card, decoded as a reader's feed would show it: the chart's colours where its marks
 * are, nothing cut off at the card's edges, and the words inside the card and clear of the chart.
 */

const story = loadStory();
const chartCss = readFileSync("src/styles/chart.css", "utf8");
const light = customProperties(chartCss, "light");

/** The declarations that apply to a mark with these classes, from the resolved light stylesheet. */
const rules = (() => {
  const list: { classes: string[]; decls: Map<string, string> }[] = [];
  postcss.parse(resolvedStylesheet(chartCss)).walkRules((rule) => {
    for (const selector of rule.selectors) {
      if (!/^(\.[\w-]+)+$/.test(selector)) continue;
      const decls = new Map<string, string>();
      rule.walkDecls((d) => {
        decls.set(d.prop, d.value);
      });
      list.push({ classes: selector.slice(1).split("."), decls });
    }
  });
  return list;
})();
function style(cls: string): Map<string, string> {
  const own = cls.split(/\s+/);
  const out = new Map<string, string>();
  for (const rule of rules
    .filter((r) => r.classes.every((c) => own.includes(c)))
    .sort((a, b) => a.classes.length - b.classes.length))
    for (const [k, v] of rule.decls) out.set(k, v);
  return out;
}

const hex = (value: string | undefined): [number, number, number] | undefined => {
  const m = value && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return undefined;
  const h =
    m[1]!.length === 3
      ? Array.from(m[1]!)
          .map((c) => c + c)
          .join("")
      : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
};

/** The box a text mark covers in scene units, measured in the story's typeface. */
function textBox(mark: Mark): { left: number; right: number; top: number; bottom: number } | undefined {
  if (!mark.text || Number(mark.attrs.opacity ?? 1) === 0) return undefined;
  const s = style(String(mark.attrs.class ?? ""));
  const size = parseFloat(s.get("font-size") ?? "14");
  const width = textWidth(
    mark.text,
    size,
    s.get("font-weight") === "700" ? 700 : 400,
    parseFloat(s.get("letter-spacing") ?? "0") || 0,
  );
  const anchor = mark.attrs["text-anchor"] ?? "start";
  const left = Number(mark.attrs.x) - (anchor === "middle" ? width / 2 : anchor === "end" ? width : 0);
  const y = Number(mark.attrs.y);
  return { left, right: left + width, top: y - size * 0.75, bottom: y + size * 0.25 };
}

/** A point on a mark where its own colour shows, in scene units, and that colour; undefined for marks not sampled. */
function sample(mark: Mark): { x: number; y: number; colour: [number, number, number] } | undefined {
  const s = style(String(mark.attrs.class ?? ""));
  if (
    GROUND_CLASSES.some((c) =>
      String(mark.attrs.class ?? "")
        .split(" ")
        .includes(c),
    )
  )
    return undefined;
  if (Number(mark.attrs.opacity ?? 1) < 1 || s.has("fill-opacity") || s.has("stroke-opacity")) return undefined;
  const a = (k: string) => Number(mark.attrs[k]);
  if (mark.tag === "circle" && a("r") >= 3) return { x: a("cx"), y: a("cy"), colour: hex(s.get("fill"))! };
  if (mark.tag === "rect" && a("width") >= 3 && a("height") >= 3)
    return { x: a("x") + a("width") / 2, y: a("y") + a("height") / 2, colour: hex(s.get("fill"))! };
  if (mark.tag === "line" && s.get("stroke") && Number(s.get("stroke-width") ?? 1) >= 2)
    return { x: (a("x1") + a("x2")) / 2, y: (a("y1") + a("y2")) / 2, colour: hex(s.get("stroke"))! };
  const q = /^M([\d.-]+),([\d.-]+)Q([\d.-]+),([\d.-]+) ([\d.-]+),([\d.-]+)$/.exec(String(mark.attrs.d ?? ""));
  if (mark.tag === "path" && q && s.get("fill") === "none" && Number(mark.attrs["stroke-width"] ?? 0) >= 2) {
    const [x0, y0, x1, y1, x2, y2] = q.slice(1).map(Number) as [number, number, number, number, number, number];
    return { x: 0.25 * x0 + 0.5 * x1 + 0.25 * x2, y: 0.25 * y0 + 0.5 * y1 + 0.25 * y2, colour: hex(s.get("stroke"))! };
  }
  // A field of dots (zero-length subpaths with round caps): the first dot.
  const dot = /^M([\d.-]+) ([\d.-]+)h0/.exec(String(mark.attrs.d ?? ""));
  if (mark.tag === "path" && dot && s.get("stroke") && Number(mark.attrs["stroke-width"] ?? 0) >= 3)
    return { x: Number(dot[1]), y: Number(dot[2]), colour: hex(s.get("stroke"))! };
  return undefined;
}

const cards = embedEntries(story).map((entry) => {
  const chart = charts[entry.chart]!;
  const scene = chart.layout(story.data, entry.state, CARD_CHART);
  const file = `charts/${entry.chart}/${entry.step ?? "default"}-card.png`;
  return { file, scene, layout: cardLayout(scene, story.furniture[entry.chart]!, chart.legend, chartCss) };
});

async function pixels(file: string) {
  const { data, info } = await sharp(join(DIST, file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number): [number, number, number] => {
    const i = (Math.round(y) * info.width + Math.round(x)) * 3;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  return { info, at };
}
const distance = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe("share cards", () => {
  it("exist for every state an embed can show, at 1200×630", async () => {
    for (const card of cards) {
      const { info } = await pixels(card.file);
      expect([info.width, info.height], card.file).toEqual([CARD.width, CARD.height]);
    }
  });

  it("show the palette's colours where the chart's marks are", async () => {
    const missing: string[] = [];
    let checked = 0;
    for (const { file, scene, layout } of cards) {
      const { at } = await pixels(file);
      const marks = scene.layers.flatMap((l) => l.marks);
      marks.forEach((mark, i) => {
        const spot = sample(mark);
        if (!spot?.colour) return;
        // A later mark drawn over the spot (a dot on a line) hides it fairly: skip it. Labels over
        // marks are the label-collision test's business (tests/e2e/label-collisions.test.ts).
        const covered = marks.slice(i + 1).some((m) => {
          if (m.tag === "text") {
            const box = textBox(m);
            return (
              box && spot.x > box.left - 3 && spot.x < box.right + 3 && spot.y > box.top - 3 && spot.y < box.bottom + 3
            );
          }
          const s = sample(m);
          return s && Math.hypot(s.x - spot.x, s.y - spot.y) < 8;
        });
        if (covered) return;
        const x = layout.chart.x + spot.x * layout.chart.scale;
        const y = layout.chart.y + spot.y * layout.chart.scale;
        let best = Infinity;
        for (let dx = -2; dx <= 2; dx++)
          for (let dy = -2; dy <= 2; dy++) best = Math.min(best, distance(at(x + dx, y + dy), spot.colour));
        checked++;
        if (best > 48)
          missing.push(
            `${file}: ${mark.key} should show ${JSON.stringify(spot.colour)} at ${Math.round(x)},${Math.round(y)}`,
          );
      });
    }
    expect(checked).toBeGreaterThan(cards.length);
    expect(missing).toEqual([]);
  });

  it("fill Belarus on every map card with its own colour, and draw the routes in the route colour", async () => {
    const belarus = hex(light.get("--c-land-focus"))!;
    const route = hex(light.get("--c-released-us"))!;
    for (const { file, layout } of cards.filter((c) => c.file.startsWith("charts/routes/"))) {
      const { at } = await pixels(file);
      let inBelarus = 0;
      let onRoute = 0;
      const { x, y, width, height } = layout.chart;
      for (let px = x; px < x + width; px += 2)
        for (let py = y; py < y + height; py += 2) {
          const c = at(px, py);
          if (distance(c, belarus) < 12) inBelarus++;
          if (distance(c, route) < 24) onRoute++;
        }
      const area = (width * height) / 4;
      expect(inBelarus / area, `${file}: share of the chart in Belarus's colour`).toBeGreaterThan(0.15);
      expect(onRoute, `${file}: pixels in the route colour`).toBeGreaterThan(20);
    }
  });

  it("crop nothing: the edges of every card are plain background", async () => {
    const bg = hex(light.get("--c-bg"))!;
    for (const { file } of cards) {
      const { at } = await pixels(file);
      const stray: string[] = [];
      for (let x = 0; x < CARD.width; x += 3)
        for (const y of [14, 20, CARD.height - 20, CARD.height - 8])
          if (distance(at(x, y), bg) > 10) stray.push(`${x},${y}`);
      for (let y = 14; y < CARD.height; y += 3)
        for (const x of [8, 20, CARD.width - 20, CARD.width - 8])
          if (distance(at(x, y), bg) > 10) stray.push(`${x},${y}`);
      expect(stray.slice(0, 5), file).toEqual([]);
    }
  });

  it("keep the title, legend and source line inside the card and clear of the chart", () => {
    for (const { file, scene, layout } of cards) {
      const blocks: CardText[] = [layout.title, ...layout.legend.map((l) => l.text), layout.foot];
      for (const block of blocks) {
        const top = block.y - block.size;
        const bottom = top + blockHeight(block);
        expect(block.x + blockWidth(block), `${file}: "${block.lines.join(" ")}"`).toBeLessThanOrEqual(
          layout.chart.x - 8,
        );
        expect(top, file).toBeGreaterThanOrEqual(24);
        expect(bottom, file).toBeLessThanOrEqual(CARD.height - 24);
      }
      for (let i = 1; i < blocks.length; i++)
        expect(
          blocks[i]!.y - blocks[i]!.size,
          `${file}: ${blocks[i]!.className} below the block before`,
        ).toBeGreaterThan(blocks[i - 1]!.y - blocks[i - 1]!.size + blockHeight(blocks[i - 1]!) - 1);
      expect(layout.chart.x + layout.chart.width, file).toBeLessThanOrEqual(CARD.width - 24);
      expect(layout.chart.y + layout.chart.height, file).toBeLessThanOrEqual(CARD.height - 24);
      // The chart's own text stays in its frame, measured in the story's typeface.
      for (const mark of scene.layers.flatMap((l) => l.marks)) {
        const box = mark.tag === "text" ? textBox(mark) : undefined;
        if (!box) continue;
        expect(box.left, `${file}: ${mark.key}`).toBeGreaterThanOrEqual(-0.5);
        expect(box.right, `${file}: ${mark.key}`).toBeLessThanOrEqual(scene.width + 0.5);
        expect(box.top, `${file}: ${mark.key}`).toBeGreaterThanOrEqual(-0.5);
        expect(box.bottom, `${file}: ${mark.key}`).toBeLessThanOrEqual(scene.height + 0.5);
      }
    }
  });
});

describe("downloadable SVGs", () => {
  const files = embedEntries(story).flatMap((e) =>
    ["compact", "wide"].map((size) => `charts/${e.chart}/${e.step ?? "default"}-${size}.svg`),
  );

  it("are light-themed and self-contained: colours written out, the typeface inside, nothing fetched", () => {
    for (const file of files) {
      const svg = readFileSync(join(DIST, file), "utf8");
      expect(svg, file).not.toContain("var(");
      expect(svg, file).not.toContain("prefers-color-scheme");
      expect(svg, file).not.toContain("light-dark(");
      expect(svg, file).toContain(light.get("--c-bg")!);
      expect(svg, file).toMatch(
        /@font-face\{font-family:"Source Sans 3 Charts";[^}]*src:url\(data:font\/woff2;base64,/,
      );
      expect(svg.replace(/xmlns="[^"]*"/g, ""), file).not.toMatch(/(href|src)=["']?https?:/);
    }
  });
});
