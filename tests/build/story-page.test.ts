import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { copyContent } from "../support/content-copy.ts";
import { DIST, distDocument, distFiles, readDist, relativeToDist } from "../support/dist.ts";
import { folderHash } from "../support/run-root.ts";
import { expectedNumber, numberDirectives, sectionSources } from "../support/source.ts";

const run = promisify(execFile);
const page = distDocument("index.html");
const sources = sectionSources();

/** Each step in the markdown sources: its id, and its text with the ::alt line left out. */
const sourceSteps = sources.flatMap(({ body }) =>
  [...body.matchAll(/^:::step\{#([a-z0-9-]+)[^}]*\}\n([\s\S]*?)^:::$/gm)].map(([, id, text]) => ({
    id: id!,
    text: text!.replace(/^::alt\[.*$/gm, ""),
  })),
);

/** The longest stretch of a step's text that markdown prints as written: no directive, quote, dash or emphasis. */
const plainRun = (text: string): string =>
  text
    .replace(/\]\([^)]*\)|:[a-z][a-z0-9-]*\[[^\]]*\]/g, "\0")
    .split(/[\0"'*_`[\]<>\n]|--|\.\.\./)
    .map((piece) => piece.trim())
    .reduce((longest, piece) => (piece.length > longest.length ? piece : longest), "");

describe("the built story page, read without JavaScript", () => {
  it("contains every step of the markdown sources, in order, with its id, data-step and text", () => {
    expect(sourceSteps.length).toBeGreaterThan(0);
    expect([...page.querySelectorAll("[data-step]")].map((s) => s.id)).toEqual(sourceSteps.map((s) => s.id));
    for (const step of sourceSteps) {
      const element = page.getElementById(step.id);
      expect(element?.getAttribute("data-step")).toBe(step.id);
      const words = plainRun(step.text);
      expect(words.length, `no plain words in the text of step ${step.id}`).toBeGreaterThan(10);
      expect(element?.querySelector(".step-text")?.textContent.replace(/\s+/g, " ")).toContain(words);
    }
  });

  it("prints every number of the prose as its data rows say, in its place, with thousands separators", () => {
    let checked = 0;
    for (const { file, body } of sources) {
      const id = file.replace(/\.md$/, "").replace(/^\d+[-_]/, "");
      // The prose a reader reads: intro, steps and outro; numbers in ::alt lines go to the text alternatives.
      const directives = numberDirectives(body.replace(/^::alt\[.*$/gm, ""));
      const printed = [...(page.getElementById(id)?.querySelectorAll(".prose data.num, .step-text data.num") ?? [])];
      expect(printed.length, file).toBe(directives.length);
      directives.forEach(({ name, key }, i) => {
        const expected = expectedNumber(name, key);
        const shown = printed[i]!;
        expect(shown.textContent.replace(/,/g, ""), `${file} :${name}[${key}]`).toBe(shown.getAttribute("value"));
        expect(shown.textContent).toMatch(/^\d{1,3}(,\d{3})*$/);
        if (expected === undefined) return;
        expect(shown.textContent, `${file} :${name}[${key}]`).toBe(expected.toLocaleString("en-GB"));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("shows each scroll-driven figure inline in its first step's state, as the chart file of that step", () => {
    const figures = [...page.querySelectorAll("[data-scrolly]")];
    expect(figures.length).toBe(sources.filter((s) => /^chart:/m.test(s.frontMatter)).length);
    for (const section of figures) {
      const figure = section.querySelector("figure[data-chart]")!;
      const chart = figure.getAttribute("data-chart")!;
      const first = section.querySelector("[data-step]")!.getAttribute("data-step")!;
      expect(figure.getAttribute("data-state")).toBe(first);
      for (const size of ["wide", "compact"]) {
        const inline = figure.querySelector(`svg[data-size=${size}]`)!;
        const file = parseHTML(readDist(`charts/${chart}/${first}-${size}.svg`)).document;
        const keys = (root: ParentNode): string[] =>
          [...root.querySelectorAll("[data-key]")].map((m) => m.getAttribute("data-key")!);
        expect(keys(inline).length).toBeGreaterThan(5);
        expect(keys(inline)).toEqual(keys(file));
        expect(inline.querySelector("desc")?.textContent).toBe(file.querySelector("desc")?.textContent);
      }
    }
  });

  it("shows each step's chart state as an image for readers without JavaScript", () => {
    const noscripts = [...page.querySelectorAll("noscript")].map((n) => n.innerHTML).join("");
    for (const section of page.querySelectorAll("[data-scrolly]")) {
      const chart = section.querySelector("figure[data-chart]")!.getAttribute("data-chart")!;
      for (const step of section.querySelectorAll("[data-step]")) {
        const id = step.getAttribute("data-step")!;
        expect(noscripts).toContain(`/charts/${chart}/${id}-compact.svg`);
        expect(readDist(`charts/${chart}/${id}-wide.svg`)).toContain("<svg");
      }
    }
  });

  it("names for each scroll-driven figure the states file its script fetches, holding every step's states", () => {
    for (const section of page.querySelectorAll("[data-scrolly]")) {
      const url = new URL(section.getAttribute("data-states")!, "http://story.test/");
      expect(url.pathname).toBe(`/states/${section.id}.json`);
      const json = readDist(url.pathname.slice(1));
      // The version changes with the states, so a cached file never meets a page built from other content.
      expect(url.searchParams.get("v")).toBe(createHash("sha256").update(json).digest("hex").slice(0, 12));
      const states = JSON.parse(json) as { chart: string; steps: Record<string, { alt: string }> };
      expect(states.chart).toBe(section.querySelector("figure[data-chart]")!.getAttribute("data-chart"));
      const steps = [...section.querySelectorAll("[data-step]")];
      expect(Object.keys(states.steps)).toEqual(steps.map((s) => s.id));
      for (const step of steps)
        expect(states.steps[step.id]!.alt).toBe(step.querySelector("img.step-print")!.getAttribute("alt"));
    }
    // Nothing of the states stays inline, where the phone's parser would have to read past it.
    expect(readDist("index.html")).not.toContain('"pool":');
  });

  it("gives every figure on the page a source line and a list of source links", () => {
    const figures = [...page.querySelectorAll("figure")];
    expect(figures.length).toBe(sources.filter((s) => /^(chart|figure):/m.test(s.frontMatter)).length);
    for (const figure of figures) {
      const sources = figure.querySelector(".chart-sourceline a")
        ? page.querySelector(figure.querySelector(".chart-sourceline a")!.getAttribute("href")!)
        : figure.querySelector(".chart-sources");
      const links = [...(sources?.querySelectorAll("a[href^='http']") ?? [])];
      expect(
        links.length,
        figure.getAttribute("data-chart") ?? figure.getAttribute("data-figure") ?? "",
      ).toBeGreaterThan(0);
    }
  });

  it("lists the sources of every chart under it, and links the exact CSV files", () => {
    for (const figure of page.querySelectorAll("figure[data-chart]")) {
      const section = figure.closest("section");
      const sources = section?.querySelectorAll(".chart-sources a") ?? [];
      expect(sources.length).toBeGreaterThan(0);
      const downloads = [...(section?.querySelectorAll("a[download]") ?? [])];
      expect(downloads.length).toBeGreaterThan(0);
      for (const link of downloads) {
        const file = link.getAttribute("href")!.replace(/^\//, "");
        expect(readDist(file)).toBe(readFileSync(join("content", file), "utf8"));
      }
    }
  });

  it("makes no request to any other origin: no external script, style, image, frame or font", () => {
    const external =
      /(?:src|srcset|poster|data)=["']?(?:https?:)?\/\/|<link[^>]+href=["'](?:https?:)?\/\/[^"']+["'][^>]*rel=["']?(?:stylesheet|preload|modulepreload|icon|prefetch|preconnect|dns-prefetch)|url\(\s*["']?(?:https?:)?\/\/|@import\s+["']?(?:https?:)?\/\/|fetch\(\s*["'`]https?:/i;
    for (const file of distFiles().filter((f) => /\.(html|css|js|svg)$/.test(f))) {
      expect(readFileSync(file, "utf8").match(external)?.[0], relativeToDist(file)).toBeUndefined();
    }
  });
});

describe("a build with bad content", () => {
  it("fails with the editor's message and leaves the published site byte for byte as it was", async () => {
    const before = folderHash(DIST);
    const copy = copyContent();
    copy.edit("data/held.csv", (t) => t.replace(/^(\d{4}-\d{2}-\d{2}),(\d+),/m, "$1,$2.5,"));
    const result = await run(process.execPath, ["scripts/build.ts"], {
      env: {
        ...process.env,
        REVOLVING_DOOR_CONTENT_DIR: copy.dir,
        REVOLVING_DOOR_DIST: DIST,
        REVOLVING_DOOR_SITE: "https://revolving-door.test",
      },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "Build stopped: content/ has 1 problem(s). Nothing was published; dist/ is unchanged.",
    );
    expect(result.stderr).toMatch(/held\.csv:2:2: count is not a whole number\n {2}field: count\n {2}value: "\d+\.5"/);
    expect(folderHash(DIST)).toBe(before);
  });
});
