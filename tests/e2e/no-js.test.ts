import { describe, expect, it } from "vitest";
import { ORIGIN as TEST_ORIGIN } from "../support/dist.ts";
import { useBrowser } from "../support/story-page.ts";

const browser = useBrowser();

describe("without JavaScript, on a phone", () => {
  it("puts each step's chart in the flow: scrolling the whole story, no chart overlaps anything", async () => {
    const page = await browser().newPage({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
    await page.goto(TEST_ORIGIN);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const overlaps = new Set<string>();
    for (let y = 0; y < height; y += 370) {
      await page.evaluate((top) => {
        window.scrollTo(0, top);
      }, y);
      const found = await page.evaluate(() => {
        const inView = (el: Element) => {
          const r = el.getBoundingClientRect();
          return el.checkVisibility() && r.bottom > 0 && r.top < innerHeight && r.width > 0 && r.height > 0;
        };
        const charts = [...document.querySelectorAll("img.step-static, svg[data-size], figure.chart")].filter(inView);
        const content = [...document.querySelectorAll("p, li, h2, h3, img, svg[data-size], table")].filter(inView);
        const clash: string[] = [];
        for (const chart of charts)
          for (const other of content) {
            if (chart === other || chart.contains(other) || other.contains(chart)) continue;
            const a = chart.getBoundingClientRect();
            const b = other.getBoundingClientRect();
            if (a.left + 1 < b.right && b.left + 1 < a.right && a.top + 1 < b.bottom && b.top + 1 < a.bottom) {
              const name = (el: Element) =>
                `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]!}` : ""}`;
              clash.push(`${name(chart)} over ${name(other)}`);
            }
          }
        return clash;
      });
      for (const f of found) overlaps.add(f);
    }
    expect([...overlaps]).toEqual([]);
    await page.close();
  });
});
