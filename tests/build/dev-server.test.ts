import { describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/lib/browser.ts";
import { copyContent } from "../support/content-copy.ts";
import { answers, withDevServer } from "../support/dev-server.ts";
import { sectionSources } from "../support/source.ts";

describe("npm run dev", () => {
  it("shows the editors' preview aid: each step's id and state, and the trigger line; and ends when asked", async () => {
    const copy = copyContent();
    const step = sectionSources(copy.dir)
      .map((s) => /:::step\{#([a-z0-9-]+)/.exec(s.body)?.[1])
      .find(Boolean)!;
    let served = "";
    const body = await withDevServer(copy.dir, async (origin) => {
      served = origin;
      const response = await fetch(`${origin}/`);
      expect(response.status).toBe(200);
      return response.text();
    });
    expect(body).toContain(`<strong>#${step}</strong> {&quot;`);
    expect(body).toContain("data-dev-trigger");
    expect(await answers(served)).toBe(false);
  }, 90_000);

  it("shows a content error in the browser's error overlay with the same message as the build", async () => {
    const copy = copyContent();
    copy.edit("data/held.csv", (t) => t.replace(/^(\d{4}-\d{2}-\d{2}),(\d+),/m, "$1,$2.5,"));
    const overlay = await withDevServer(copy.dir, async (origin) => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(`${origin}/`);
        await page.waitForSelector("vite-error-overlay", { state: "attached", timeout: 20_000 });
        return await page.evaluate(() => document.querySelector("vite-error-overlay")?.shadowRoot?.textContent ?? "");
      } finally {
        await browser.close();
      }
    });
    expect(overlay).toMatch(/content\/data\/held\.csv:2:2: count is not a whole number/);
    expect(overlay).toMatch(/value: "\d+\.5"/);
  }, 90_000);
});
