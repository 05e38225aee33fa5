import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create, type Font } from "fontkitten";
import sharp from "sharp";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  CHART_FAMILY,
  embeddedFontFaces,
  FAMILY,
  subsetOf,
  SUBSETS,
  textWidth,
  unicodeRange,
  useStoryFontInSharp,
  WEIGHTS,
} from "../../src/render/fonts.ts";
import { tempDir } from "../support/temp.ts";

describe("the story's typeface, by script", () => {
  it("finds the file that draws each character: Latin, Łacinka and Lithuanian, Belarusian Cyrillic", () => {
    expect(["a", "é", "ł", "ą", "ў", "і", "Ж", "中"].map(subsetOf)).toEqual([
      "latin",
      "latin",
      "latin-ext",
      "latin-ext",
      "cyrillic",
      "cyrillic",
      "cyrillic",
      undefined,
    ]);
  });

  it("takes a range's first and last characters as in it, and a single character as a range of one", () => {
    // Latin is U+0000-00FF and U+0131 among others; Latin Extended starts U+0100-02BA.
    expect(["\u0000", "\u00ff", "\u0131", "\u0100", "\u02ba", "\u0132"].map(subsetOf)).toEqual([
      "latin",
      "latin",
      "latin",
      "latin-ext",
      "latin-ext",
      "latin-ext",
    ]);
  });

  it("reads each subset's unicode-range from fontsource's stylesheet, and says so when it has none", () => {
    expect(unicodeRange("latin")).toMatch(/^U\+0000-00FF,/);
    expect(unicodeRange("cyrillic")).toMatch(/U\+0400-045F/);
    expect(() => unicodeRange("klingon" as (typeof SUBSETS)[number])).toThrow(
      "@fontsource/source-sans-3/400.css gives no unicode-range for klingon",
    );
  });
});

describe("the typeface embedded in a downloadable SVG", () => {
  /** The @font-face rules, each read back: its weight, range and the font it carries. */
  const faces = (css: string) =>
    [...css.matchAll(/@font-face\{([^}]*)\}/g)]
      .map(([, rule]) => ({
        family: /font-family:"([^"]+)"/.exec(rule!)?.[1],
        weight: Number(/font-weight:(\d+)/.exec(rule!)?.[1]),
        range: /unicode-range:([^}]+)$/.exec(rule!)?.[1],
        bytes: Buffer.from(/base64,([^)]+)\)/.exec(rule!)![1]!, "base64"),
      }))
      .map(({ bytes, ...face }) => ({
        ...face,
        magic: bytes.subarray(0, 4).toString("latin1"),
        font: create(bytes) as Font,
      }));
  const has = (font: Font, char: string): boolean => font.glyphsForString(char)[0]!.id !== 0;

  it("carries one face per script and weight used, cut down to the characters the SVG shows", async () => {
    const css = await embeddedFontFaces("Vilnius Вільня");
    // Rules one after another, nothing between them for a stylesheet to stumble on.
    expect(css).toMatch(/^(@font-face\{[^}]+\})+$/);
    const found = faces(css);
    // Each a WOFF2 file, as its format("woff2") says (a browser drops a face whose bytes are not).
    expect(found.map((f) => [f.family, f.weight, f.range, f.magic])).toEqual([
      [CHART_FAMILY, 400, unicodeRange("latin"), "wOF2"],
      [CHART_FAMILY, 700, unicodeRange("latin"), "wOF2"],
      [CHART_FAMILY, 400, unicodeRange("cyrillic"), "wOF2"],
      [CHART_FAMILY, 700, unicodeRange("cyrillic"), "wOF2"],
    ]);
    const [latin, , cyrillic] = found;
    expect(["V", "l", "s"].every((c) => has(latin!.font, c))).toBe(true);
    // Not one letter more than the text has.
    const unused = Array.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!").filter(
      (c) => !"Vilnius".includes(c),
    );
    expect(unused.filter((c) => has(latin!.font, c))).toEqual([]);
    expect(["В", "ь", "я"].every((c) => has(cyrillic!.font, c))).toBe(true);
    expect(has(cyrillic!.font, "Ж")).toBe(false);
  });

  it("embeds only the weights asked for, and nothing for text it cannot draw", async () => {
    expect(faces(await embeddedFontFaces("Minsk", [700])).map((f) => f.weight)).toEqual([700]);
    expect(await embeddedFontFaces("中文")).toBe("");
  });
});

describe("the typeface for sharp, which draws the share cards", () => {
  it("writes each subset and weight whole as TrueType, and points fontconfig at them under the stylesheets' names", async () => {
    // A folder of its own, so the files are written afresh, not found in the build's cache.
    // Two folders deep that do not exist yet, as node_modules/.cache/… on a fresh clone.
    const dir = join(tempDir("fonts"), "cache", "revolving-door-fonts");
    const before = process.env.FONTCONFIG_FILE;
    onTestFinished(() => {
      if (before === undefined) delete process.env.FONTCONFIG_FILE;
      else process.env.FONTCONFIG_FILE = before;
    });
    await useStoryFontInSharp(dir);
    expect(useStoryFontInSharp(dir)).toBe(useStoryFontInSharp(dir));
    const config = process.env.FONTCONFIG_FILE!;
    expect(config).toBe(join(dir, "fonts.conf"));
    const internal = (create(readFileSync(join(dir, "latin-400.ttf"))) as Font).familyName;
    const xml = readFileSync(config, "utf8");
    expect(xml).toContain('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>');
    expect(xml).toContain(`<dir>${dir}</dir>`);
    for (const name of [FAMILY, CHART_FAMILY])
      expect(xml).toContain(
        `<match target="pattern"><test name="family"><string>${name}</string></test><edit name="family" mode="assign" binding="strong"><string>${internal}</string></edit></match>`,
      );
    // Whole subsets, not just some glyphs: any word a card may set is there, in both weights.
    // The last character of a range (ÿ, џ) is in too.
    const sample = { latin: "Az09éÿ", "latin-ext": "ŁłąĄ", cyrillic: "ЖжЎўџ" } as const;
    for (const subset of SUBSETS)
      for (const weight of WEIGHTS) {
        const bytes = readFileSync(join(dir, `${subset}-${weight}.ttf`));
        // TrueType's own signature: fontconfig reads no WOFF.
        expect(bytes.readUInt32BE(0)).toBe(0x00010000);
        const font = create(bytes) as Font;
        expect(font.familyName).toBe(internal);
        for (const char of sample[subset]) expect(font.glyphsForString(char)[0]!.id, char).not.toBe(0);
      }
    // And sharp draws a line in that typeface: its ink as wide as the typeface's own metrics say
    // (a fallback font, had fontconfig not read the file, sets it a fifth wider or more).
    const line = "Political prisoners freed in the deals";
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="60"><rect width="900" height="60" fill="#fff"/><text x="10" y="40" font-family="${FAMILY}" font-size="32" fill="#000">${line}</text></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const inked = [...Array(info.width).keys()].filter((x) =>
      [...Array(info.height).keys()].some((y) => data[y * info.width + x]! < 128),
    );
    const ink = inked.at(-1)! - inked[0]! + 1;
    expect(ink / textWidth(line, 32)).toBeGreaterThan(0.95);
    expect(ink / textWidth(line, 32)).toBeLessThan(1.02);
  }, 120_000);

  it("keeps its files in node_modules/.cache/revolving-door-fonts unless told another folder", async () => {
    // Where the build's share cards find them again: a cache that a clean install starts without.
    const before = process.env.FONTCONFIG_FILE;
    onTestFinished(() => {
      if (before === undefined) delete process.env.FONTCONFIG_FILE;
      else process.env.FONTCONFIG_FILE = before;
    });
    await useStoryFontInSharp();
    expect(process.env.FONTCONFIG_FILE).toBe(
      join(process.cwd(), "node_modules", ".cache", "revolving-door-fonts", "fonts.conf"),
    );
  }, 120_000);
});
