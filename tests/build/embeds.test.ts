import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { embedEntries } from "../../src/story/embeds.ts";
import { distDocument, readDist } from "../support/dist.ts";
import { TEST_ORIGIN } from "../support/global-setup.ts";

const story = loadStory();
const entries = embedEntries(story);
const pagePath = (path: string): string => `${path.replace(/^\//, "")}index.html`;

/** Gzipped bytes of every script a built page loads from this site. */
function scriptBytes(html: string): number {
  const doc = distDocument(html);
  return [...doc.querySelectorAll("script[src]")]
    .map((s) => s.getAttribute("src")!)
    .filter((src) => src.startsWith("/"))
    .reduce((sum, src) => sum + gzipSync(readDist(src.slice(1))).length, 0);
}

describe("embed pages", () => {
  it("exist for every chart's default state and every step", () => {
    expect(entries.length).toBe(
      Object.keys(story.furniture).length + story.sections.reduce((n, s) => n + s.steps.length, 0),
    );
    for (const entry of entries) expect(readDist(pagePath(entry.path))).toContain(`data-chart="${entry.chart}"`);
  });

  it("carry noindex, a canonical link to the story, an oEmbed discovery link, share images, and no site furniture", () => {
    for (const entry of entries) {
      const doc = distDocument(pagePath(entry.path));
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(
        new RegExp(`^${TEST_ORIGIN}/#[a-z0-9-]+$`),
      );
      const oembed = doc.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute("href");
      expect(oembed).toBe(`${TEST_ORIGIN}/oembed${entry.path.replace(/\/$/, "")}.json`);
      const image = doc.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
      expect(readDist(image.replace(`${TEST_ORIGIN}/`, "")).length).toBeGreaterThan(1000);
      expect(doc.querySelector(".site-footer, .skip-link")).toBeNull();
      expect(doc.querySelector(".chart-sourceline")?.textContent).toMatch(/Source/);
      expect(doc.querySelector(".chart-credit")?.textContent).toMatch(/Graphic/);
      expect(doc.querySelector(".embed-meta")?.textContent).toMatch(/Last updated \d{1,2} \w{3} \d{4}/);
      expect(doc.querySelector(".embed-meta a")?.getAttribute("href")).toMatch(/^http.*\/#/);
    }
  });

  it("serve oEmbed JSON with every field the spec requires of a rich embed", () => {
    for (const entry of entries) {
      const json = JSON.parse(readDist(`oembed${entry.path.replace(/\/$/, "")}.json`)) as Record<string, unknown>;
      expect(json).toMatchObject({ version: "1.0", type: "rich", provider_name: "Revolving Door" });
      expect(typeof json.html).toBe("string");
      expect(json.html).toContain(`src="${TEST_ORIGIN}${entry.path}"`);
      expect(Number.isInteger(json.width) && Number.isInteger(json.height)).toBe(true);
      expect([json.thumbnail_url, json.thumbnail_width, json.thumbnail_height].every((v) => v !== undefined)).toBe(
        true,
      );
    }
  });

  it("advertise oEmbed from the story page too", () => {
    const href = distDocument("index.html").querySelector('link[type="application/json+oembed"]')?.getAttribute("href");
    expect(href).toMatch(/\/oembed\/embed\/[a-z]+\.json$/);
  });

  it("keep their JavaScript within 15 KB gzipped, and the story within 40 KB", () => {
    for (const entry of entries) expect(scriptBytes(pagePath(entry.path)), entry.path).toBeLessThanOrEqual(15 * 1024);
    expect(scriptBytes("index.html")).toBeLessThanOrEqual(40 * 1024);
  });

  it("unroll every step of a chart, text then chart state, for hosts that cannot scroll-drive it", () => {
    for (const section of story.sections.filter((s) => s.chart)) {
      const doc = distDocument(`embed/${section.chart!}/steps/index.html`);
      expect([...doc.querySelectorAll("[data-step]")].map((li) => li.getAttribute("data-step"))).toEqual(
        section.steps.map((s) => s.id),
      );
      expect(doc.querySelectorAll("[data-step] svg[data-size][aria-labelledby]").length).toBe(2 * section.steps.length);
    }
  });
});
