import { createServer, type Server } from "node:http";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OEmbedRich } from "../../src/embed/oembed.ts";
import { TEST_ORIGIN } from "../support/global-setup.ts";
import { useBrowser } from "../support/story-page.ts";

const browser = useBrowser();

const HOST = "http://127.0.0.1:4400";
const THIRD = "http://127.0.0.1:4401";
const WIDTHS = [330, 510, 660, 930, 1200];
const CHARTS = ["prisoners", "deals", "routes"];
let hostBody = "";
const servers: Server[] = [];

/** A real server on loopback for each origin, as Chromium only lets loopback pages frame loopback pages. */
function serve(port: number, body: () => string): Promise<void> {
  const server = createServer((_, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(body()));
  servers.push(server);
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      resolve();
    });
  });
}

beforeAll(async () => {
  await serve(4400, () => hostBody);
  await serve(
    4401,
    () => `<script>parent.postMessage({ type: "revolving-door:height", id: "x", height: 5 }, "*");</script>`,
  );
});
afterAll(() => {
  for (const server of servers) server.close();
});

async function snippetFor(path: string): Promise<string> {
  const response = await fetch(`${TEST_ORIGIN}/oembed${path.replace(/\/$/, "")}.json`);
  return ((await response.json()) as OEmbedRich).html;
}

/** A newsroom page on another origin, holding the snippet exactly as copied (optionally sandboxed). */
async function hostPage(snippet: string, width: number, extra = ""): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
  hostBody = `<!doctype html><html><body style="margin:0"><div id="col" style="width:${width}px">${snippet}</div>${extra}</body></html>`;
  await page.goto(`${HOST}/article.html`);
  return page;
}

function embedFrame(page: Page): Frame {
  return page.frames().find((f) => f.url().startsWith(`${TEST_ORIGIN}/embed/`))!;
}

/** Waits until the iframe's height equals its content wrapper's, within 2 px; returns both. */
async function settledHeights(page: Page): Promise<{ frame: number; content: number }> {
  let last = { frame: 0, content: -100 };
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(100);
    const frameEl = await page.$("iframe[data-revolving-door]");
    const frame = embedFrame(page);
    if (!frameEl) continue;
    const box = await frameEl.boundingBox();
    const content = await frame
      .evaluate(() => document.querySelector("[data-embed]")!.getBoundingClientRect().height)
      .catch(() => -100);
    last = { frame: box?.height ?? 0, content };
    if (Math.abs(last.frame - last.content) <= 2) return last;
  }
  return last;
}

describe("embeds on a newsroom page of another origin", () => {
  for (const chart of CHARTS) {
    it(`${chart}: the iframe fits its content within 2 px at ${WIDTHS.join(", ")} px, and after a resize`, async () => {
      const snippet = await snippetFor(`/embed/${chart}/`);
      const page = await hostPage(snippet.replace('loading="lazy" ', ""), WIDTHS[0]!);
      for (const width of WIDTHS) {
        await page.evaluate((w) => {
          document.getElementById("col")!.style.width = `${w}px`;
        }, width);
        const { frame, content } = await settledHeights(page);
        expect(
          Math.abs(frame - content),
          `${chart} at ${width}px: iframe ${frame}, content ${content}`,
        ).toBeLessThanOrEqual(2);
      }
      await page.close();
    });
  }

  it("ignores a height message from a third origin", async () => {
    const snippet = (await snippetFor("/embed/prisoners/")).replace('loading="lazy" ', "");
    const page = await hostPage(snippet, 660);
    const before = await settledHeights(page);
    await page.evaluate((third) => {
      const spy = document.createElement("iframe");
      spy.src = `${third}/spy.html`;
      document.body.append(spy);
    }, THIRD);
    await page.waitForTimeout(500);
    const after = await page.$eval("iframe[data-revolving-door]", (f) => f.getBoundingClientRect().height);
    expect(after).toBe(before.frame);
    await page.close();
  });

  it("ignores a message that copies our format but comes from the host page itself", async () => {
    const snippet = (await snippetFor("/embed/deals/")).replace('loading="lazy" ', "");
    const page = await hostPage(snippet, 510);
    const before = await settledHeights(page);
    await page.evaluate(() => {
      window.postMessage({ type: "revolving-door:height", id: "revolving-door-deals-default", height: 3 }, "*");
    });
    await page.waitForTimeout(300);
    expect(await page.$eval("iframe[data-revolving-door]", (f) => f.getBoundingClientRect().height)).toBe(before.frame);
    await page.close();
  });

  it('resizes an iframe sandboxed with sandbox="allow-scripts"', async () => {
    const snippet = (await snippetFor("/embed/routes/"))
      .replace('loading="lazy" ', "")
      .replace("<iframe ", '<iframe sandbox="allow-scripts" ');
    const page = await hostPage(snippet, 930);
    const { frame, content } = await settledHeights(page);
    expect(Math.abs(frame - content)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it("shows the chart without the host script, at its starting height", async () => {
    const snippet = (await snippetFor("/embed/prisoners/sep-11/"))
      .replace(/<script[^>]*><\/script>/, "")
      .replace('loading="lazy" ', "");
    const page = await hostPage(snippet, 660);
    await page.waitForTimeout(500);
    const frame = embedFrame(page);
    expect(await frame.locator("figure[data-chart=prisoners] svg[data-size=wide]").count()).toBe(1);
    const height = await page.$eval("iframe[data-revolving-door]", (f) => f.getBoundingClientRect().height);
    const content = await frame.evaluate(() => document.querySelector("[data-embed]")!.getBoundingClientRect().height);
    expect(height).toBeGreaterThanOrEqual(content * 0.9);
    await page.close();
  });
});
