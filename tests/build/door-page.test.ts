import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { DIST, distDocument, readDist } from "../support/dist.ts";

const { data, sections } = loadStory();
const section = sections.find((s) => s.chart === "door")!;
const steps = section.steps;
const countAt = (at: unknown): number => (data.held.find((r) => r.date === at) ?? data.held.at(-1)!).count;

/** Dots of the people counted in an SVG, as a reader's browser paints them: one per zero-length subpath. */
const fieldDots = (svg: Element | Document): number =>
  [...svg.querySelectorAll("[data-role=held],[data-role=new],[data-role=net]")].reduce(
    (n, p) => n + (p.getAttribute("d")?.match(/h0/g)?.length ?? 0),
    0,
  );

describe("the door in the built story, without JavaScript", () => {
  const page = distDocument("index.html");

  it("is the story's first figure, its inline SVGs holding one dot per person in the first step's count", () => {
    const figure = page.querySelector("figure[data-chart]");
    expect(figure?.getAttribute("data-chart")).toBe("door");
    expect(figure?.getAttribute("data-state")).toBe(steps[0]!.id);
    const svgs = [...figure!.querySelectorAll("svg[data-size]")];
    expect(svgs.length).toBe(2);
    for (const svg of svgs) expect(fieldDots(svg)).toBe(countAt(steps[0]!.state.at));
  });

  it("has, for every step, an SVG file with that step's count and its text alternative", () => {
    for (const step of steps) {
      for (const size of ["compact", "wide"]) {
        const svg = distDocument(`charts/door/${step.id}-${size}.svg`);
        expect(fieldDots(svg), `${step.id}-${size}`).toBe(countAt(step.state.at));
        expect(svg.querySelector("desc")?.textContent).toBe(step.alt);
      }
    }
  });

  it("has an embed page for its default state (the latest count) and for every step", () => {
    expect(fieldDots(distDocument("embed/door/index.html").querySelector("svg[data-size=wide]")!)).toBe(
      data.held.at(-1)!.count,
    );
    for (const step of steps) {
      const embed = distDocument(`embed/door/${step.id}/index.html`);
      expect(fieldDots(embed.querySelector("svg[data-size=wide]")!), step.id).toBe(countAt(step.state.at));
    }
  });

  it("has a share card for every step, a 1200 × 630 PNG", async () => {
    for (const step of steps) {
      const { width, height, format } = await sharp(`${DIST}/charts/door/${step.id}-card.png`).metadata();
      expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: "png" });
    }
  });

  it("adds no more than 40 KB gzipped to the page's HTML", () => {
    const html = readDist("index.html");
    const start = html.indexOf(`<section class="section section--scrolly" id="${section.id}"`);
    // The section runs to the next one (sections are not nested); its states are a file of their own.
    const end = html.indexOf('<section class="section', start + 1);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const growth = gzipSync(html).length - gzipSync(html.slice(0, start) + html.slice(end)).length;
    expect(growth).toBeLessThanOrEqual(40 * 1024);
  });
});
