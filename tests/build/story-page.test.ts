import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { copyContent } from "../support/content-copy.ts";
import { DIST, distDocument, distFiles, readDist, relativeToDist } from "../support/dist.ts";

const story = loadStory();
const page = distDocument("index.html");

describe("the built story page, read without JavaScript", () => {
  it("contains every step's text, with its id and data-step for deep links", () => {
    for (const section of story.sections) {
      for (const step of section.steps) {
        const element = page.getElementById(step.id);
        expect(element?.getAttribute("data-step")).toBe(step.id);
        const text = step.html
          .replace(/<[^>]+>/g, "")
          .trim()
          .slice(0, 60);
        expect(element?.textContent).toContain(text);
      }
    }
  });

  it("has an inline server-rendered SVG of the prisoners chart in its first step's state", () => {
    const figure = page.querySelector('figure[data-chart="prisoners"]');
    expect(figure?.getAttribute("data-state")).toBe("since-2020");
    const svg = figure?.querySelector("svg[data-size=wide]");
    expect(svg?.querySelectorAll("[data-key^=held-20]").length).toBeGreaterThan(20);
    expect(svg?.querySelector("desc")?.textContent).toContain("Viasna");
  });

  it("shows each step's chart state as an image for readers without JavaScript", () => {
    const noscripts = [...page.querySelectorAll("noscript")].map((n) => n.innerHTML).join("");
    for (const section of story.sections) {
      for (const step of section.steps) {
        expect(noscripts).toContain(`/charts/${section.chart!}/${step.id}-compact.svg`);
        expect(readDist(`charts/${section.chart!}/${step.id}-wide.svg`)).toContain("<svg");
      }
    }
  });

  it("gives every figure on the page a source line and a list of source links", () => {
    const figures = [...page.querySelectorAll("figure")];
    expect(figures.length).toBe(story.sections.filter((s) => s.chart ?? s.figure).length);
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
      for (const link of section?.querySelectorAll("a[download]") ?? []) {
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
  it("fails with the editor's message and leaves the published dist/ untouched", () => {
    const before = statSync(join(DIST, "index.html")).mtimeMs;
    const copy = copyContent();
    copy.edit("data/held.csv", (t) => t.replace(",1184,", ",1184.5,"));
    let output = "";
    try {
      execFileSync(process.execPath, ["scripts/build.ts"], {
        env: {
          ...process.env,
          REVOLVING_DOOR_CONTENT_DIR: copy.dir,
          REVOLVING_DOOR_SITE: "https://revolving-door.test",
        },
        stdio: "pipe",
      });
    } catch (error) {
      output = String((error as { stderr: Buffer }).stderr);
    }
    expect(output).toContain("Build stopped: content/ has 1 problem(s). Nothing was published; dist/ is unchanged.");
    expect(output).toMatch(/held\.csv:\d+:2: count is not a whole number\n {2}field: count\n {2}value: "1184\.5"/);
    expect(statSync(join(DIST, "index.html")).mtimeMs).toBe(before);
  });
});
