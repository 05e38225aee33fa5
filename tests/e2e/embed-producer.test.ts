import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { ORIGIN as TEST_ORIGIN } from "../support/dist.ts";
import { useBrowser } from "../support/story-page.ts";

const browser = useBrowser();
const story = loadStory();
const section = story.sections.find((s) => s.chart === "routes")!;
const step = section.steps[1]!;

describe("embeds, as a producer picks and places them", () => {
  it("caption a step embed with its step's text, under the chart's title as a kicker", async () => {
    const page = await browser().newPage({ viewport: { width: 330, height: 800 } });
    await page.goto(`${TEST_ORIGIN}/embed/routes/${step.id}/`);
    expect(await page.textContent(".chart-kicker")).toBe(story.furniture.routes!.title);
    const caption = (await page.textContent(".chart-step-caption"))!.replace(/\s+/g, " ").trim();
    expect(caption.length).toBeGreaterThan(20);
    expect(step.html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ")).toContain(caption.slice(0, 20));
    await page.close();
  });

  it("are transparent and light unless the host asks for a theme or the paper background", async () => {
    const page = await browser().newPage({ viewport: { width: 330, height: 800 }, colorScheme: "dark" });
    const look = () =>
      page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        scheme: getComputedStyle(document.documentElement).colorScheme,
      }));
    await page.goto(`${TEST_ORIGIN}/embed/routes/${step.id}/`);
    expect(await look()).toEqual({ background: "rgba(0, 0, 0, 0)", scheme: "light" });
    await page.goto(`${TEST_ORIGIN}/embed/routes/${step.id}/?theme=dark&background=paper`);
    const dark = await look();
    expect(dark.scheme).toBe("dark");
    expect(dark.background).not.toBe("rgba(0, 0, 0, 0)");
    await page.close();
  });

  it("open the story's sources from 'All sources and the data', in a new tab", async () => {
    const page = await browser().newPage({ viewport: { width: 330, height: 800 } });
    await page.goto(`${TEST_ORIGIN}/embed/routes/${step.id}/`);
    const link = page.locator(".chart-sourceline a");
    expect(await link.getAttribute("target")).toBe("_blank");
    const href = (await link.getAttribute("href"))!;
    await page.goto(href);
    const hash = new URL(href).hash;
    expect(await page.locator(`${hash} a[href^="http"]`).count()).toBeGreaterThan(0);
    await page.close();
  });

  it("log nothing on the host page, lazy iframes below the fold included", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${TEST_ORIGIN}/embed/`, { waitUntil: "load" });
    await page.evaluate(() => {
      document.querySelector("details.gallery-previews")?.setAttribute("open", "");
    });
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("show each state in the gallery as a picture with a plain-language name", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${TEST_ORIGIN}/embed/`);
    const states = await page.$$eval(".gallery-state", (items) =>
      items.map((li) => ({
        picture: li.querySelector("img")?.getAttribute("src") ?? "",
        name: li.querySelector(".gallery-name")?.textContent ?? "",
      })),
    );
    expect(states.length).toBe(
      Object.keys(story.furniture).length + story.sections.reduce((n, s) => n + s.steps.length, 0),
    );
    for (const s of states) {
      expect(s.picture).toMatch(/\/charts\/[a-z]+\/[a-z0-9-]+-wide\.svg$/);
      expect(s.name).toMatch(/^[A-Z].{15,}[.!?]$/);
      expect(s.name).not.toMatch(/^Step: /);
    }
    await page.close();
  });
});
