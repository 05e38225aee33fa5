import { create, type Font } from "fontkitten";
import { describe, expect, it } from "vitest";
import { CHART_FAMILY, embeddedFontFaces, subsetOf, unicodeRange } from "../../src/render/fonts.ts";

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

  it("reads each subset's unicode-range from fontsource's stylesheet", () => {
    expect(unicodeRange("latin")).toMatch(/^U\+0000-00FF,/);
    expect(unicodeRange("cyrillic")).toMatch(/U\+0400-045F/);
  });
});

describe("the typeface embedded in a downloadable SVG", () => {
  /** The @font-face rules, each read back: its weight, range and the font it carries. */
  const faces = (css: string) =>
    [...css.matchAll(/@font-face\{([^}]*)\}/g)].map(([, rule]) => ({
      family: /font-family:"([^"]+)"/.exec(rule!)?.[1],
      weight: Number(/font-weight:(\d+)/.exec(rule!)?.[1]),
      range: /unicode-range:([^}]+)$/.exec(rule!)?.[1],
      font: create(Buffer.from(/base64,([^)]+)\)/.exec(rule!)![1]!, "base64")) as Font,
    }));
  const has = (font: Font, char: string): boolean => font.glyphsForString(char)[0]!.id !== 0;

  it("carries one face per script and weight used, cut down to the characters the SVG shows", async () => {
    const found = faces(await embeddedFontFaces("Vilnius Вільня"));
    expect(found.map((f) => [f.family, f.weight, f.range])).toEqual([
      [CHART_FAMILY, 400, unicodeRange("latin")],
      [CHART_FAMILY, 700, unicodeRange("latin")],
      [CHART_FAMILY, 400, unicodeRange("cyrillic")],
      [CHART_FAMILY, 700, unicodeRange("cyrillic")],
    ]);
    const [latin, , cyrillic] = found;
    expect(["V", "l", "s"].every((c) => has(latin!.font, c))).toBe(true);
    expect(has(latin!.font, "Q")).toBe(false);
    expect(["В", "ь", "я"].every((c) => has(cyrillic!.font, c))).toBe(true);
    expect(has(cyrillic!.font, "Ж")).toBe(false);
  });

  it("embeds only the weights asked for, and nothing for text it cannot draw", async () => {
    expect(faces(await embeddedFontFaces("Minsk", [700])).map((f) => f.weight)).toEqual([700]);
    expect(await embeddedFontFaces("中文")).toBe("");
  });
});
