import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DIST, distDocument, distFiles, ORIGIN, readDist, relativeToDist } from "../support/dist.ts";

const story = distDocument("index.html");
/** The charts and steps a reader of the story meets, read from the built story page. */
const figures = [...story.querySelectorAll("[data-scrolly]")].map((section) => ({
  chart: section.querySelector("figure[data-chart]")!.getAttribute("data-chart")!,
  steps: [...section.querySelectorAll("[data-step]")].map((s) => s.getAttribute("data-step")!),
}));
/** Every embed page a newsroom can use: each chart's default state and each of its steps. */
const embeds = figures.flatMap(({ chart, steps }) => [
  { chart, path: `/embed/${chart}/` },
  ...steps.map((step) => ({ chart, path: `/embed/${chart}/${step}/` })),
]);
const pagePath = (path: string): string => `${path.replace(/^\//, "")}index.html`;
const oembedPath = (path: string): string => `oembed${path.replace(/\/$/, "")}.json`;

/** Gzipped bytes of every script a built page loads from this site. */
function scriptBytes(html: string): number {
  const doc = distDocument(html);
  return [...doc.querySelectorAll("script[src]")]
    .map((s) => s.getAttribute("src")!)
    .filter((src) => src.startsWith("/"))
    .reduce((sum, src) => sum + gzipSync(readDist(src.slice(1))).length, 0);
}

/** Width and height of a PNG, from its IHDR chunk, as an image viewer reads them. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(join(DIST, file));
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("embed pages", () => {
  it("exist for every chart's default state and every step of the story, and for nothing else", () => {
    expect(figures.length).toBeGreaterThan(0);
    for (const entry of embeds) expect(readDist(pagePath(entry.path))).toContain(`data-chart="${entry.chart}"`);
    const built = distFiles()
      .map(relativeToDist)
      .filter((f) => /^embed\/.+\/index\.html$/.test(f))
      .map((f) => `/${f.replace(/index\.html$/, "")}`)
      .filter((path) => !path.endsWith("/steps/"));
    expect(built.sort()).toEqual(embeds.map((e) => e.path).sort());
  });

  it("carry noindex, a canonical link to the story, an oEmbed discovery link, share images, and no site furniture", () => {
    for (const entry of embeds) {
      const doc = distDocument(pagePath(entry.path));
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "";
      expect(canonical).toMatch(new RegExp(`^${ORIGIN}/#[a-z0-9-]+$`));
      expect(story.getElementById(canonical.split("#")[1]!), canonical).not.toBeNull();
      const oembed = doc.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute("href");
      expect(oembed).toBe(`${ORIGIN}/${oembedPath(entry.path)}`);
      const image = doc.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
      expect(pngSize(image.replace(`${ORIGIN}/`, "")).width).toBeGreaterThan(0);
      expect(doc.querySelector(".site-footer, .skip-link")).toBeNull();
      expect(doc.querySelector(".chart-sourceline")?.textContent).toMatch(/Source/);
      expect(doc.querySelector(".chart-credit")?.textContent).toMatch(/Graphic/);
      expect(doc.querySelector(".embed-meta")?.textContent).toMatch(/Last updated \d{1,2} \w{3} \d{4}/);
      expect(doc.querySelector(".embed-meta a")?.getAttribute("href")).toMatch(/^http.*\/#/);
    }
  });

  it("serve oEmbed JSON whose size is the embed's own, and whose thumbnail is the size it says", () => {
    for (const entry of embeds) {
      const json = JSON.parse(readDist(oembedPath(entry.path))) as Record<string, unknown>;
      expect(json).toMatchObject({ version: "1.0", type: "rich", provider_name: "Revolving Door" });
      const html = String(json.html);
      expect(html).toContain(`src="${ORIGIN}${entry.path}"`);
      // The height a consumer reserves is the iframe's starting height; the width, the chart's widest layout.
      expect(json.height).toBe(Number(/height:(\d+)px/.exec(html)?.[1]));
      const wide = distDocument(pagePath(entry.path)).querySelector("svg[data-size=wide]")!;
      expect(json.width).toBe(Number(wide.getAttribute("viewBox")!.split(" ")[2]));
      const thumbnail = pngSize(String(json.thumbnail_url).replace(`${ORIGIN}/`, ""));
      expect(thumbnail).toEqual({ width: json.thumbnail_width, height: json.thumbnail_height });
    }
  });

  it("advertise oEmbed from the story page too", () => {
    const href = story.querySelector('link[type="application/json+oembed"]')?.getAttribute("href");
    expect(href).toMatch(/\/oembed\/embed\/[a-z]+\.json$/);
  });

  it("keep their JavaScript within 15 KB gzipped, and the story within 40 KB", () => {
    for (const entry of embeds) expect(scriptBytes(pagePath(entry.path)), entry.path).toBeLessThanOrEqual(15 * 1024);
    expect(scriptBytes("index.html")).toBeLessThanOrEqual(40 * 1024);
  });

  it("unroll every step of a chart, text then chart state, for hosts that cannot scroll-drive it", () => {
    for (const { chart, steps } of figures) {
      const doc = distDocument(`embed/${chart}/steps/index.html`);
      expect([...doc.querySelectorAll("[data-step]")].map((li) => li.getAttribute("data-step"))).toEqual(steps);
      expect(doc.querySelectorAll("[data-step] svg[data-size][aria-labelledby]").length).toBe(2 * steps.length);
    }
  });
});
