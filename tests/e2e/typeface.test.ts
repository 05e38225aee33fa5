import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create, type Font } from "fontkitten";
import { describe, expect, it } from "vitest";
import { DIST, distDocument, ORIGIN as TEST_ORIGIN } from "../support/dist.ts";
import { useBrowser } from "../support/story-page.ts";

const browser = useBrowser();

describe("the story's typeface", () => {
  it("is self-hosted, preloaded, and declared with Latin and Cyrillic subsets that draw Belarusian ў and і", () => {
    const doc = distDocument("index.html");
    const preloads = [...doc.querySelectorAll('link[rel="preload"][as="font"]')].map((l) => l.getAttribute("href")!);
    expect(preloads.length).toBeGreaterThan(0);
    for (const href of preloads) expect(href).toMatch(/^\/_astro\/source-sans-3-latin-\d00-normal\.[\w-]+\.woff2$/);
    const css = [...doc.querySelectorAll("style")].map((s) => s.textContent).join("");
    const faces = [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!);
    const cyrillic = faces.find((f) => f.includes("cyrillic-400"));
    expect(cyrillic).toMatch(/unicode-range:[^;]*U\+0400-045F/);
    for (const face of faces) expect(face).toMatch(/font-display:(optional|swap)/);
    const file = /url\(([^)]+cyrillic-400[^)]+)\)/.exec(cyrillic!)![1]!;
    const font = create(readFileSync(join(DIST, file))) as Font;
    for (const char of ["ў", "і", "Ў", "І"]) expect(font.glyphsForString(char)[0]!.id, char).not.toBe(0);
  });

  // Page text uses font-display: optional, so on a slow first visit it may keep the fallback (that is
  // the price of CLS 0); chart text uses swap, so the charts are always drawn in the typeface.
  it("draws the charts in it once it arrives, is declared for the page's text, and shifts no layout (CLS 0)", async () => {
    const page = await browser().newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(TEST_ORIGIN);
    const result = await page.evaluate(async () => {
      await document.fonts.ready;
      const shift = await new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => {
          resolve(total);
        }, 500);
      });
      const loaded = [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, ""));
      return {
        shift,
        loaded,
        heading: getComputedStyle(document.querySelector("h2")!).fontFamily,
        chart: getComputedStyle(document.querySelector("svg[data-size] text")!).fontFamily,
      };
    });
    expect(result.shift).toBe(0);
    expect(result.loaded).toContain("Source Sans 3");
    expect(result.heading).toMatch(/^"Source Sans 3"/);
    expect(result.chart).toMatch(/^"Source Sans 3 Charts"/);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "svg[data-size] text" });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    expect(fonts.map((f) => f.familyName).join(", ")).toMatch(/^Source Sans 3/);
    await page.close();
  });
});
