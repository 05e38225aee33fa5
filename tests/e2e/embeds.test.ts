import { createServer } from "node:http";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, type Served } from "../../scripts/lib/static-server.ts";
import type { OEmbedRich } from "../../src/embed/oembed.ts";
import { MESSAGE_TYPE } from "../../src/embed/protocol.ts";
import { ORIGIN } from "../support/dist.ts";
import { scrollyFigures, useBrowser } from "../support/story-page.ts";

const browser = useBrowser();

/** The widths newsrooms' columns come in, from a phone to a full-width desktop layout. */
const WIDTHS = [330, 510, 660, 930, 1200];
const CHARTS = scrollyFigures().map((f) => f.chart);
let hostBody = "";
/** A newsroom's page on its own origin, and a third origin that is neither the host nor us. */
let host: Served;
let third: Served;

beforeAll(async () => {
  // Real servers on loopback, as Chromium lets only loopback pages frame loopback pages; ports
  // the OS picks, and a server that cannot listen fails the file instead of skipping its tests.
  host = await listen(createServer((_, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(hostBody)));
  third = await listen(
    createServer((_, res) => res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><p>elsewhere")),
  );
});
afterAll(async () => {
  await Promise.all([host.close(), third.close()]);
});

async function snippetFor(path: string): Promise<string> {
  const response = await fetch(`${ORIGIN}/oembed${path.replace(/\/$/, "")}.json`);
  return ((await response.json()) as OEmbedRich).html;
}

/** The newsroom page holding the snippet exactly as copied, the embed loaded in it. */
async function hostPage(snippet: string, width: number): Promise<{ page: Page; frame: Frame }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
  hostBody = `<!doctype html><html><body style="margin:0"><div id="col" style="width:${width}px">${snippet}</div></body></html>`;
  await page.goto(`${host.origin}/article.html`);
  const frame = await (await page.$("iframe[data-revolving-door]"))!.contentFrame();
  await frame!.waitForSelector("[data-embed]");
  return { page, frame: frame! };
}

/** The iframe's height on the host page, and its content wrapper's height inside it. */
async function heights(page: Page, frame: Frame): Promise<{ frame: number; content: number }> {
  const box = await page.$eval("iframe[data-revolving-door]", (f) => f.getBoundingClientRect().height);
  const content = await frame.evaluate(() => document.querySelector("[data-embed]")!.getBoundingClientRect().height);
  return { frame: box, content };
}

/** Waits until the iframe is as tall as its content, within 2 px. */
async function settled(page: Page, frame: Frame): Promise<void> {
  await expect
    .poll(
      async () => {
        const h = await heights(page, frame);
        return Math.abs(h.frame - h.content);
      },
      { timeout: 10_000 },
    )
    .toBeLessThanOrEqual(2);
}

/**
 * Sends a height message from `from` (a frame or the host page itself) and returns the iframe's
 * height as the host script left it. A listener added after the host script's runs after it for the
 * same message, so when it fires, the host script has already obeyed or ignored that message: no
 * waiting for something not to happen.
 */
async function afterMessage(page: Page, from: Frame, height: number): Promise<string> {
  await page.evaluate((h) => {
    const w = window as unknown as { __heightAfter?: string };
    delete w.__heightAfter;
    window.addEventListener("message", function seen(event: MessageEvent<{ height?: number }>) {
      if (event.data.height !== h) return;
      window.removeEventListener("message", seen);
      w.__heightAfter = document.querySelector<HTMLIFrameElement>("iframe[data-revolving-door]")!.style.height;
    });
  }, height);
  await from.evaluate(
    ({ type, h }) => {
      window.parent.postMessage({ type, id: "revolving-door-test", height: h }, "*");
    },
    { type: MESSAGE_TYPE, h: height },
  );
  await page.waitForFunction(() => (window as unknown as { __heightAfter?: string }).__heightAfter !== undefined);
  return page.evaluate(() => (window as unknown as { __heightAfter: string }).__heightAfter);
}

describe("embeds on a newsroom page of another origin", () => {
  for (const chart of CHARTS) {
    it(`${chart}: the iframe fits its content within 2 px at ${WIDTHS.join(", ")} px, and after a resize`, async () => {
      const snippet = await snippetFor(`/embed/${chart}/`);
      const { page, frame } = await hostPage(snippet.replace('loading="lazy" ', ""), WIDTHS[0]!);
      for (const width of WIDTHS) {
        await page.evaluate((w) => {
          document.getElementById("col")!.style.width = `${w}px`;
        }, width);
        await settled(page, frame);
      }
      await page.close();
    });
  }

  it("obeys a height message from the embed's own frame and origin", async () => {
    const { page, frame } = await hostPage((await snippetFor("/embed/prisoners/")).replace('loading="lazy" ', ""), 660);
    await settled(page, frame);
    expect(await afterMessage(page, frame, 321)).toBe("321px");
    await page.close();
  });

  it("ignores a height message from the embed's own frame once it shows a page of another origin", async () => {
    const { page, frame } = await hostPage((await snippetFor("/embed/deals/")).replace('loading="lazy" ', ""), 660);
    await settled(page, frame);
    const before = await page.$eval("iframe[data-revolving-door]", (f: HTMLIFrameElement) => f.style.height);
    // The same iframe element (the frame the host script matches by event.source), now on a third origin.
    await frame.goto(`${third.origin}/elsewhere.html`);
    const elsewhere = page.frames().find((f) => f.url().startsWith(third.origin))!;
    expect(await page.$eval("iframe[data-revolving-door]", (f: HTMLIFrameElement) => f.src)).toContain(ORIGIN);
    expect(await afterMessage(page, elsewhere, 5)).toBe(before);
    await page.close();
  });

  it("ignores a message that copies our format but comes from the host page itself", async () => {
    const { page, frame } = await hostPage((await snippetFor("/embed/deals/")).replace('loading="lazy" ', ""), 510);
    await settled(page, frame);
    const before = await page.$eval("iframe[data-revolving-door]", (f: HTMLIFrameElement) => f.style.height);
    expect(await afterMessage(page, page.mainFrame(), 3)).toBe(before);
    await page.close();
  });

  it('resizes an iframe sandboxed with sandbox="allow-scripts"', async () => {
    const snippet = (await snippetFor("/embed/routes/"))
      .replace('loading="lazy" ', "")
      .replace("<iframe ", '<iframe sandbox="allow-scripts" ');
    const { page, frame } = await hostPage(snippet, 930);
    await settled(page, frame);
    await page.close();
  });

  it("shows the whole chart without the host script, at its starting height", async () => {
    const snippet = (await snippetFor(`/embed/${CHARTS[0]!}/`))
      .replace(/<script[^>]*><\/script>/, "")
      .replace('loading="lazy" ', "");
    const { page, frame } = await hostPage(snippet, 660);
    await frame.waitForSelector(`figure[data-chart="${CHARTS[0]!}"] svg[data-size=wide]`);
    const { frame: height, content } = await heights(page, frame);
    expect(height).toBe(Number(/height:(\d+)px/.exec(snippet)![1]));
    expect(height).toBeGreaterThanOrEqual(content);
    await page.close();
  });
});
