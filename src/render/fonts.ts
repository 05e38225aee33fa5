import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create, type Font } from "fontkitten";
import subsetFont from "subset-font";

/*
 * The story's typeface, Source Sans 3 (self-hosted from @fontsource), in the only places a build
 * needs it outside the browser: measuring text for layouts and share cards, drawing share cards
 * with sharp (librsvg finds fonts through fontconfig), and embedding it in downloadable SVGs.
 */

export const FAMILY = "Source Sans 3";
/**
 * The same files under a second name for chart text, loaded with font-display: swap. Page text uses
 * FAMILY with font-display: optional (no reflow, CLS 0), which can keep the fallback for a whole
 * visit; chart labels are placed by this typeface's measures, and an SVG cannot reflow, so the
 * charts always switch to it once it arrives.
 */
export const CHART_FAMILY = "Source Sans 3 Charts";
/** Weights the story uses: body and chart text, and bold for titles and strong labels. */
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];
/**
 * Subsets, in fontsource's names. Latin and Cyrillic (Belarusian ў and і, Russian) are the story's
 * scripts; latin-ext covers Belarusian Łacinka and names in Polish or Lithuanian.
 */
export const SUBSETS = ["latin", "latin-ext", "cyrillic"] as const;
export type Subset = (typeof SUBSETS)[number];

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("@fontsource/source-sans-3/package.json"));

export function fontFile(subset: Subset, weight: Weight, format: "woff" | "woff2"): string {
  return join(packageDir, "files", `source-sans-3-${subset}-${weight}-normal.${format}`);
}

/** The unicode-range fontsource gives a subset, read from the package's stylesheet. */
export function unicodeRange(subset: Subset): string {
  const css = readFileSync(join(packageDir, "400.css"), "utf8");
  const face = css.split("@font-face").find((rule) => rule.includes(`source-sans-3-${subset}-400-normal.woff2`));
  const range = face && /unicode-range:\s*([^;]+);/.exec(face)?.[1];
  if (!range) throw new Error(`@fontsource/source-sans-3/400.css gives no unicode-range for ${subset}`);
  return range.trim();
}

function ranges(subset: Subset): [number, number][] {
  return unicodeRange(subset)
    .split(",")
    .map((part) => {
      const [start, end] = part.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(start!, 16), parseInt(end ?? start!, 16)];
    });
}

const rangeCache = new Map<Subset, [number, number][]>();
/** Which subset file draws a character (the first whose range holds it), or undefined. */
export function subsetOf(char: string): Subset | undefined {
  const code = char.codePointAt(0)!;
  return SUBSETS.find((s) => {
    if (!rangeCache.has(s)) rangeCache.set(s, ranges(s));
    return rangeCache.get(s)!.some(([a, b]) => code >= a && code <= b);
  });
}

const fonts = new Map<string, Font>();
function font(subset: Subset, weight: Weight): Font {
  const key = `${subset}-${weight}`;
  if (!fonts.has(key)) fonts.set(key, create(readFileSync(fontFile(subset, weight, "woff"))) as Font);
  return fonts.get(key)!;
}

/**
 * The width of a line of text in pixels, from the font's advance widths (kerning is left out: it
 * moves a label by a fraction of a pixel). A character the typeface lacks counts as 0.6 em.
 */
export function textWidth(text: string, size: number, weight: Weight = 400, letterSpacing = 0): number {
  let units = 0;
  for (const char of text) {
    const subset = subsetOf(char);
    const f = subset && font(subset, weight);
    const glyph = f?.glyphsForString(char)[0];
    units += glyph && glyph.id !== 0 ? (glyph.advanceWidth / f.unitsPerEm) * 1000 : 600;
  }
  return (units / 1000) * size + letterSpacing * size * Array.from(text).length;
}

/** Breaks text into lines no wider than `width`, at spaces. A single word wider than that keeps its own line. */
export function wrapText(text: string, width: number, size: number, weight: Weight = 400): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, weight) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Every character a subset covers, for converting a whole subset (not just some glyphs) to TrueType. */
function allCharacters(subset: Subset): string {
  return ranges(subset)
    .flatMap(([a, b]) => Array.from({ length: Math.min(b, 0x2fff) - a + 1 }, (_, i) => a + i))
    .map((code) => String.fromCodePoint(code))
    .join("");
}

/** One set-up per cache folder, however many share cards ask for it. */
const fontconfigReady = new Map<string, Promise<void>>();

/**
 * Writes a file under another name and renames it into place, so that a build and a test (or two
 * builds) sharing the cache never read a file half written.
 */
function writeWhole(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/**
 * Lets sharp (librsvg, through fontconfig) draw the story's typeface: writes each subset as a
 * TrueType file (fontconfig does not read WOFF) into a cache folder (node_modules/.cache unless told
 * another) and points FONTCONFIG_FILE at a config that lists them before the system's fonts. Call
 * before the first sharp render.
 */
export function useStoryFontInSharp(
  dir = join(process.cwd(), "node_modules", ".cache", "revolving-door-fonts"),
): Promise<void> {
  let ready = fontconfigReady.get(dir);
  if (ready) return ready;
  ready = (async () => {
    mkdirSync(dir, { recursive: true });
    for (const subset of SUBSETS)
      for (const weight of WEIGHTS) {
        const out = join(dir, `${subset}-${weight}.ttf`);
        if (existsSync(out)) continue;
        const source = readFileSync(fontFile(subset, weight, "woff2"));
        writeWhole(out, await subsetFont(source, allCharacters(subset), { targetFormat: "truetype" }));
      }
    // fontsource's files carry an internal family name of their own ("Source Sans 3 ExtraLight",
    // from instancing the variable font): map the name the stylesheets use onto it.
    const internal = (create(readFileSync(join(dir, "latin-400.ttf"))) as Font).familyName;
    const config = join(dir, "fonts.conf");
    writeWhole(
      config,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
        `<include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
        `<dir>${dir}</dir><cachedir>${join(dir, "cache")}</cachedir>` +
        [FAMILY, CHART_FAMILY]
          .map(
            (name) =>
              `<match target="pattern"><test name="family"><string>${name}</string></test>` +
              `<edit name="family" mode="assign" binding="strong"><string>${internal}</string></edit></match>`,
          )
          .join("") +
        `</fontconfig>`,
    );
    process.env.FONTCONFIG_FILE = config;
  })();
  fontconfigReady.set(dir, ready);
  return ready;
}

/**
 * @font-face rules that carry the typeface inside a standalone SVG, cut down to the characters it
 * shows (a few kilobytes), so the file looks the same wherever it is opened or printed.
 */
export async function embeddedFontFaces(text: string, weights: readonly Weight[] = WEIGHTS): Promise<string> {
  const chars = [...new Set(text)].join("");
  const rules: string[] = [];
  for (const subset of SUBSETS) {
    const used = Array.from(chars)
      .filter((c) => subsetOf(c) === subset)
      .join("");
    if (!used) continue;
    for (const weight of weights) {
      const woff2 = await subsetFont(readFileSync(fontFile(subset, weight, "woff2")), used, { targetFormat: "woff2" });
      rules.push(
        `@font-face{font-family:"${CHART_FAMILY}";font-weight:${weight};font-style:normal;` +
          `src:url(data:font/woff2;base64,${woff2.toString("base64")}) format("woff2");unicode-range:${unicodeRange(subset)}}`,
      );
    }
  }
  return rules.join("");
}
