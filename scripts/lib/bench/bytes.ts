import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import type { Browser } from "playwright-core";

/** Raw and gzipped size of some bytes, in bytes. */
export interface Size {
  raw: number;
  gzip: number;
}

const size = (text: string | Buffer): Size => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

/** What the story's HTML carries inline: the CSS, and the rest. */
export interface HtmlParts {
  html: Size;
  css: Size;
}

export function htmlParts(dist: string, page: string): HtmlParts {
  const html = readFileSync(join(dist, page), "utf8");
  const { document } = parseHTML(html);
  const css = [...document.querySelectorAll("style")].map((s) => s.textContent).join("");
  return { html: size(html), css: size(css) };
}

/** Gzipped bytes of the scripts a built page loads from this site (for the embed pages' budget). */
export function scriptGzip(dist: string, page: string): number {
  const { document } = parseHTML(readFileSync(join(dist, page), "utf8"));
  return [...document.querySelectorAll("script[src]")]
    .map((s) => s.getAttribute("src")!)
    .filter((src) => src.startsWith("/"))
    .reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src.slice(1)))).length, 0);
}

export type Kind = "html" | "js" | "css" | "font" | "image" | "data" | "other";

const kindOf = (type: string, mime: string): Kind => {
  if (type === "Document") return "html";
  if (type === "Script") return "js";
  if (type === "Stylesheet") return "css";
  if (type === "Font" || mime.startsWith("font/")) return "font";
  if (type === "Image") return "image";
  // The charts' states, which the story's script fetches.
  if ((type === "Fetch" || type === "XHR") && mime === "application/json") return "data";
  return "other";
};

/**
 * Everything the story page downloads, as the browser sees it on a phone: every response from the
 * first byte of HTML to the last lazy image after scrolling to the end, by kind; `gzip` is the bytes
 * on the wire (the test server compresses text as a production host would), `raw` the bytes decoded.
 */
export async function downloads(browser: Browser, url: string): Promise<Record<Kind, Size> & { requests: number }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const requests = new Map<string, { kind: Kind; raw: number; wire: number }>();
  cdp.on("Network.responseReceived", (e) => {
    requests.set(e.requestId, { kind: kindOf(e.type, e.response.mimeType), raw: 0, wire: 0 });
  });
  cdp.on("Network.dataReceived", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.raw += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.wire = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: "load" });
  // Scroll to the end in steps, so anything lazy is fetched as a reader's scroll would fetch it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const step = (): void => {
          window.scrollBy(0, window.innerHeight);
          if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1) resolve();
          else requestAnimationFrame(step);
        };
        step();
      }),
  );
  await page.waitForLoadState("networkidle");
  await page.close();
  const empty = (): Size => ({ raw: 0, gzip: 0 });
  const total: Record<Kind, Size> = {
    html: empty(),
    js: empty(),
    css: empty(),
    font: empty(),
    image: empty(),
    data: empty(),
    other: empty(),
  };
  for (const r of requests.values()) total[r.kind] = add(total[r.kind], { raw: r.raw, gzip: r.wire });
  return { ...total, requests: requests.size };
}
