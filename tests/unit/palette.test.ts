import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { customProperties, type Theme } from "../../src/render/palette.ts";
import { BACKGROUND, contrast, GROUNDS, NOT_COLOURS, TEXT_ON, TOUCHING } from "../../src/render/palette-rules.ts";

const css = readFileSync("src/styles/chart.css", "utf8");
const round = (n: number): number => Math.round(n * 100) / 100;

for (const theme of ["light", "dark"] as Theme[]) {
  describe(`the chart palette (${theme})`, () => {
    const palette = customProperties(css, theme);
    const colour = (name: string): string => {
      const value = palette.get(name);
      if (!value) throw new Error(`chart.css defines no ${name}`);
      return value;
    };
    const marks = [...palette.keys()].filter(
      (name) =>
        name !== BACKGROUND &&
        !GROUNDS.includes(name) &&
        !NOT_COLOURS.includes(name) &&
        !TEXT_ON.some(([text]) => text === name),
    );

    it("has marks to check", () => {
      expect(marks.length).toBeGreaterThan(5);
    });

    it("sets every mark at 3:1 or more against the background", () => {
      const weak = marks
        .map((name) => ({ name, ratio: round(contrast(colour(name), colour(BACKGROUND))) }))
        .filter((m) => m.ratio < 3);
      expect(weak).toEqual([]);
    });

    it("sets marks that touch at 3:1 or more against each other", () => {
      const weak = TOUCHING.map(([a, b]) => ({ a, b, ratio: round(contrast(colour(a), colour(b))) })).filter(
        (p) => p.ratio < 3,
      );
      expect(weak).toEqual([]);
    });

    it("sets text at 4.5:1 or more on its ground", () => {
      const weak = TEXT_ON.map(([text, ground]) => ({
        text,
        ground,
        ratio: round(contrast(colour(text), colour(ground))),
      })).filter((p) => p.ratio < 4.5);
      expect(weak).toEqual([]);
    });
  });
}

it("contrast() gives the WCAG ratios, and refuses what is not a colour", () => {
  expect(round(contrast("#000", "#fff"))).toBe(21);
  expect(round(contrast("#777", "#fff"))).toBe(4.48);
  expect(() => contrast("var(--c-ink)", "#fff")).toThrow("not a colour: var(--c-ink)");
});
