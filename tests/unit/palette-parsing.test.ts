import { describe, expect, it } from "vitest";
import { drawnLegend, legendInUse } from "../../src/render/legend.ts";
import {
  customProperties,
  pickTheme,
  resolvedStylesheet,
  resolveVars,
  swatchColours,
} from "../../src/render/palette.ts";

// The standalone SVGs and share cards write every colour out, for programs that do not resolve
// custom properties or light-dark(): these read the chart stylesheet as those programs need it.
describe("the chart stylesheet's palette, one theme at a time", () => {
  it("picks one side of light-dark(), nested or several in a value, keeping the commas inside colours", () => {
    expect(pickTheme("light-dark(#fff, #000)", "light")).toBe("#fff");
    expect(pickTheme("light-dark(#fff, #000)", "dark")).toBe("#000");
    expect(pickTheme("light-dark(rgb(1, 2, 3), rgb(4, 5, 6))", "dark")).toBe("rgb(4, 5, 6)");
    expect(pickTheme("1px solid light-dark(#111, #222) , light-dark(a, b)", "light")).toBe("1px solid #111 , a");
    expect(pickTheme("light-dark(color-mix(in srgb, red (10%), blue), #000) x", "light")).toBe(
      "color-mix(in srgb, red (10%), blue) x",
    );
    expect(pickTheme("#abc", "dark")).toBe("#abc");
  });

  it("reads the custom properties of :root only", () => {
    const css = ":root { --ink: light-dark(#111, #eee); --gap:  #888 ; } .x { --ink: red; } :root, .y { --rule: #ccc }";
    expect([...customProperties(css, "dark")]).toEqual([
      ["--ink", "#eee"],
      ["--gap", "#888"],
      ["--rule", "#ccc"],
    ]);
  });

  it("resolves var() through other properties and fallbacks, and names what it cannot", () => {
    const props = new Map([
      ["--a", "var(--b)"],
      ["--b", "#123"],
    ]);
    expect(resolveVars("1px solid var( --a )", props)).toBe("1px solid #123");
    expect(resolveVars("var(--missing, #456 )", props)).toBe("#456");
    expect(() => resolveVars("var(--nothing)", props)).toThrow("chart.css uses --nothing, which it does not define");
    const loop = new Map([
      ["--a", "var(--b)"],
      ["--b", "var(--a)"],
    ]);
    expect(() => resolveVars("var(--a)", loop)).toThrow("custom properties refer to each other in a loop");
  });

  it("writes one theme into every rule and drops what a standalone file cannot use", () => {
    const css =
      ":root { --ink: light-dark(#111, #eee); } .a { fill: var(--ink); } @container (min-width: 600px) { .b { display: none; } } @media (prefers-color-scheme: dark) { .c { fill: red; } }";
    expect(resolvedStylesheet(css)).toBe(".a { fill: #111; }");
    expect(resolvedStylesheet(`/* a note */\n${css}`, "dark")).toBe(".a { fill: #eee; }");
  });
});

describe("the palette's edges", () => {
  it("trims the sides of light-dark(), and gives nothing for a side it lacks (a browser drops the whole value)", () => {
    expect(pickTheme("light-dark(  #fff ,   #000  )", "light")).toBe("#fff");
    expect(pickTheme("light-dark(  #fff ,   #000  )", "dark")).toBe("#000");
    expect(pickTheme("light-dark(#fff)", "dark")).toBe("");
  });

  it("takes a fallback written without a space after the comma", () => {
    expect(resolveVars("var(--missing,#456)", new Map())).toBe("#456");
  });

  it("follows a chain of nine properties, each naming the next, before it calls it a loop", () => {
    const chain = new Map(Array.from({ length: 9 }, (_, i) => [`--p${i}`, i === 8 ? "#abc" : `var(--p${i + 1})`]));
    expect(resolveVars("var(--p0)", chain)).toBe("#abc");
  });

  it("joins the stylesheet onto one line, with no space left where its line breaks were", () => {
    expect(resolvedStylesheet(".a {\n  fill: red;\n  stroke: blue;\n}\n.b { fill: none; }\n")).toBe(
      ".a {fill: red;stroke: blue;}.b { fill: none; }",
    );
  });

  it("reads a swatch's fill and outline from its own properties only, in the light theme unless asked", () => {
    const css = `:root { --c: light-dark(#111111, #eeeeee); }
      .swatch--a { background: var(--c); background-color: #222222; -webkit-box-shadow: inset 0 0 0 2px #333333; }
      .swatch--b { border-top: 3px solid red; border-top-width: 4px; box-shadow: inset 0 0 0 2px var(--c); }`;
    expect(swatchColours(css, "a")).toEqual({ fill: "#111111", outline: undefined });
    expect(swatchColours(css, "a", "dark")).toEqual({ fill: "#eeeeee", outline: undefined });
    // The colour is picked out of a line's width and style, named or written as a function.
    expect(swatchColours(css, "b")).toEqual({ fill: "red", outline: "#111111" });
    const functions = ".swatch--c { background: rgb(1, 2, 3); box-shadow: inset 0 0 0 1px hsl(0, 0%, 50%); }";
    expect(swatchColours(functions, "c")).toEqual({ fill: "rgb(1, 2, 3)", outline: "hsl(0, 0%, 50%)" });
    // A value with no colour in it (an image, say) gives none: the card draws the swatch empty.
    expect(swatchColours(".swatch--d { background: url(x.png) }", "d")).toEqual({
      fill: undefined,
      outline: undefined,
    });
    // Nor does one with no word in it at all.
    expect(swatchColours(".swatch--e { background: 0 }", "e")).toEqual({ fill: undefined, outline: undefined });
  });
});

describe("the legend a figure shows", () => {
  const entries = [{ swatch: "held" }, { swatch: "new" }, { swatch: "out" }];

  it("lists what any of its scenes draws, in the chart's order, or all when no scene says", () => {
    expect(drawnLegend([{ legend: ["out"] }, { legend: ["held", "out"] }])).toEqual(["out", "held"]);
    expect(drawnLegend([{}, { legend: ["new"] }])).toEqual(["new"]);
    expect(drawnLegend([{}, {}])).toBeUndefined();
    expect(legendInUse(entries, [{ legend: ["out", "held"] }])).toEqual([{ swatch: "held" }, { swatch: "out" }]);
    expect(legendInUse(entries, [{}])).toEqual(entries);
    expect(legendInUse(entries, [{ legend: [] }])).toEqual([]);
  });
});
