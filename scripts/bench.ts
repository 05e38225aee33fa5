import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { parseHTML } from "linkedom";
import { browserPath } from "./lib/browser-path.ts";
import { CHROMIUM_FLAGS, launchBrowser } from "./lib/browser.ts";
import { serveStatic } from "./lib/static-server.ts";

/**
 * `npm run bench`: builds the site, then measures what readers pay for it. Medians of three runs.
 * Not part of `npm test`: timings vary with the machine, so only byte budgets gate CI (tests/build).
 * Writes bench/results.json and the table between the bench markers in README.md.
 */
const RUNS = 3;
const dist = join(process.cwd(), "dist");
const served = await serveStatic(() => dist);
const ORIGIN = served.origin;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

execFileSync(process.execPath, ["scripts/build.ts"], {
  stdio: "inherit",
  env: { ...process.env, REVOLVING_DOOR_SITE: ORIGIN },
});

/** Gzipped JS and CSS a page costs: its own scripts and stylesheets, and inline styles. */
function pageBytes(path: string): { js: number; css: number } {
  const html = readFileSync(join(dist, path), "utf8");
  const { document } = parseHTML(html);
  const gz = (s: string | Buffer): number => gzipSync(s).length;
  const file = (src: string): Buffer => readFileSync(join(dist, src.replace(/^\//, "")));
  const js = [...document.querySelectorAll("script[src]")].reduce((n, s) => n + gz(file(s.getAttribute("src")!)), 0);
  const linked = [...document.querySelectorAll('link[rel="stylesheet"]')].reduce(
    (n, l) => n + gz(file(l.getAttribute("href")!)),
    0,
  );
  const inline = gz([...document.querySelectorAll("style")].map((s) => s.textContent).join(""));
  return { js, css: linked + inline };
}

const embedPages = execFileSync("find", ["dist/embed", "-name", "index.html"], { encoding: "utf8" })
  .trim()
  .split("\n")
  .map((p) => p.replace(/^dist\//, ""))
  .filter((p) => p !== "embed/index.html")
  .sort();
const storyBytes = pageBytes("index.html");
const embedBytes = embedPages.map((p) => ({ page: `/${p.replace(/index\.html$/, "")}`, ...pageBytes(p) }));

async function lighthouseRun(): Promise<Record<string, number>> {
  const chrome = await chromeLauncher.launch({
    chromePath: browserPath() ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
  });
  try {
    const result = await lighthouse(`${ORIGIN}/`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const lhr = result!.lhr;
    const score = (id: string): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id: string): number => lhr.audits[id]?.numericValue ?? NaN;
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      lcpMs: Math.round(audit("largest-contentful-paint")),
      cls: Math.round(audit("cumulative-layout-shift") * 1000) / 1000,
      tbtMs: Math.round(audit("total-blocking-time")),
    };
  } finally {
    chrome.kill();
  }
}

/** Scrolls through the whole story like a reader and reports long tasks, the worst frame and step changes. */
async function scrollRun(): Promise<Record<string, number>> {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __frames: number[] };
    w.__longTasks = [];
    w.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
    let last = performance.now();
    const tick = (now: number): void => {
      w.__frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 120) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(800);
  const result = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __frames: number[] };
    const steps = performance.getEntriesByName("revolving-door:step").map((e) => e.duration);
    return {
      longTasksOver50ms: w.__longTasks.filter((d) => d > 50).length,
      worstFrameMs: Math.round(Math.max(...w.__frames.slice(1)) * 10) / 10,
      stepChanges: steps.length,
      stepChangeMedianMs: Math.round([...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)]! * 100) / 100,
      stepChangeWorstMs: Math.round(Math.max(...steps) * 100) / 100,
    };
  });
  await browser.close();
  return result;
}

const medians = async (run: () => Promise<Record<string, number>>): Promise<Record<string, number>> => {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  return Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]));
};

const lighthouseScores = await medians(lighthouseRun);
const scrolling = await medians(scrollRun);
await served.close();

const worstEmbedJs = Math.max(...embedBytes.map((e) => e.js));
const results = {
  date: new Date().toISOString().slice(0, 10),
  runs: RUNS,
  bytes: {
    storyJsKb: kb(storyBytes.js),
    storyCssKb: kb(storyBytes.css),
    worstEmbedJsKb: kb(worstEmbedJs),
    embeds: embedBytes.map((e) => ({ page: e.page, jsKb: kb(e.js), cssKb: kb(e.css) })),
  },
  lighthouseMobile: lighthouseScores,
  scrolling,
};
writeFileSync(join(process.cwd(), "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);

const rows: [string, string, string][] = [
  ["Story JS (gzip)", `${results.bytes.storyJsKb} KB`, "≤ 40 KB"],
  ["Story CSS (gzip, inlined)", `${results.bytes.storyCssKb} KB`, ""],
  ["Largest embed page JS (gzip)", `${results.bytes.worstEmbedJsKb} KB`, "≤ 15 KB"],
  [
    "Lighthouse performance / accessibility / best practices / SEO (mobile)",
    `${lighthouseScores.performance} / ${lighthouseScores.accessibility} / ${lighthouseScores.bestPractices} / ${lighthouseScores.seo}`,
    "100 each",
  ],
  [
    "LCP / CLS / TBT (mobile)",
    `${lighthouseScores.lcpMs} ms / ${lighthouseScores.cls} / ${lighthouseScores.tbtMs} ms`,
    "CLS 0, TBT ≤ 50 ms",
  ],
  ["Long tasks > 50 ms while scrolling the whole story", String(scrolling.longTasksOver50ms), "0"],
  ["Worst frame while scrolling", `${scrolling.worstFrameMs} ms`, ""],
  [
    "Step change, script (median / worst)",
    `${scrolling.stepChangeMedianMs} ms / ${scrolling.stepChangeWorstMs} ms`,
    "≤ 4 ms",
  ],
];
const table = [
  `Measured ${results.date}, median of ${RUNS} runs, by \`npm run bench\` on a 2-core machine with headless Chromium.`,
  "",
  "| measure | result | budget |",
  "| --- | --- | --- |",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
].join("\n");
const readmePath = join(process.cwd(), "README.md");
const readme = readFileSync(readmePath, "utf8");
writeFileSync(
  readmePath,
  readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`),
);
console.log(table);
