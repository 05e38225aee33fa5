import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { defaultSettings } from "lighthouse/core/config/constants.js";
import { TRANSITION_MS } from "../src/scrolly/figure.ts";
import { launchBrowser } from "./lib/browser.ts";
import { downloads, htmlParts, scriptGzip, type Size } from "./lib/bench/bytes.ts";
import { lighthouseRun } from "./lib/bench/lighthouse.ts";
import { describeMachine, loadNow, machineLine } from "./lib/bench/machine.ts";
import { scrollRun, stepChanges, type Figure, type StepChange } from "./lib/bench/motion.ts";
import { broken, budgeted, reported, table, type Row } from "./lib/bench/report.ts";
import { replaceSection } from "./lib/readme-section.ts";
import { serveStatic } from "./lib/static-server.ts";

/**
 * `npm run bench`: builds the story into a folder of its own (never the developer's dist/), serves
 * it on loopback, and measures what readers pay for it: every byte the story page downloads, the
 * Lighthouse mobile run, a reader scrolling through the whole story, and step changes from start to
 * the last frame of their transition, on a phone whose CPU is slowed by Lighthouse's mobile factor.
 * Prints each figure beside its budget, writes bench/results.json and the table between the bench
 * markers in README.md, and exits 1 if any budget is broken. Not part of `npm test`: timings vary
 * with the machine (its description is printed with them).
 */
const RUNS = 3;
/** Lighthouse's own mobile CPU slowdown (4×), so the scrolling figures and Lighthouse's describe the same phone. */
const SLOWDOWN = (defaultSettings as unknown as { throttling: { cpuSlowdownMultiplier: number } }).throttling
  .cpuSlowdownMultiplier;
/** A reader skimming: about a screen and a half per second on a phone. */
const SCROLL_PX_PER_S = 1200;

/** The budgets: what the story promises readers on a mid-range phone. */
const BUDGET = {
  /** Everything the story page downloads, compressed as served: a page that loads on a slow 3G link in seconds. */
  pageKb: 200,
  htmlKb: 100,
  jsKb: 40,
  embedJsKb: 15,
  lighthouse: 100,
  lcpMs: 2500,
  cls: 0,
  tbtMs: 50,
  longTasks: 0,
  /** A step change runs its transition and at most a few frames more. */
  changeMs: TRANSITION_MS + 100,
  /** No frame of a transition longer than a long task: the motion never visibly stops. */
  changeFrameMs: 50,
};

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => `${Math.round(x)} ms`;
const sizeText = (s: Size): string => `${kb(s.gzip)} KB gzip, ${kb(s.raw)} KB raw`;
const perMetricMedians = (runs: Record<string, number>[]): Record<string, number> =>
  Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]));

const loadStart = loadNow();
const root = mkdtempSync(join(tmpdir(), "revolving-door-bench-"));
const dist = join(root, "dist");
const served = await serveStatic(() => dist);
const url = `${served.origin}/`;
const browser = await launchBrowser();
try {
  execFileSync(process.execPath, ["scripts/build.ts", "--wait"], {
    stdio: "inherit",
    env: { ...process.env, REVOLVING_DOOR_SITE: served.origin, REVOLVING_DOOR_DIST: dist },
  });
  const story = parseHTML(readFileSync(join(dist, "index.html"), "utf8")).document;
  const figures: Figure[] = [...story.querySelectorAll("[data-scrolly]")].map((section) => ({
    chart: section.querySelector("figure[data-chart]")!.getAttribute("data-chart")!,
    steps: [...section.querySelectorAll("[data-step]")].map((s) => s.getAttribute("data-step")!),
  }));
  const expectedChanges = figures.reduce((n, f) => n + f.steps.length - 1, 0);

  const inline = htmlParts(dist, "index.html");
  const bytes = await downloads(browser, url);
  const total = Object.values(bytes)
    .filter((v): v is Size => typeof v === "object")
    .reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const embedPages = readdirSync(join(dist, "embed"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith("index.html") && f !== "index.html")
    .map((f) => join("embed", f));
  const worstEmbedJs = Math.max(...embedPages.map((p) => scriptGzip(dist, p)));

  const lighthouseRuns: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) lighthouseRuns.push(await lighthouseRun(url));
  const lh = perMetricMedians(lighthouseRuns);

  const scrollRuns = [];
  for (let i = 0; i < RUNS; i++) scrollRuns.push(await scrollRun(browser, url, SLOWDOWN, SCROLL_PX_PER_S));
  const scroll = perMetricMedians(scrollRuns.map((r) => ({ ...r })));
  const missed = scrollRuns.filter((r) => r.stepChanges !== expectedChanges);

  const cold: StepChange[] = [];
  const warm: StepChange[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await stepChanges(browser, url, figures, SLOWDOWN);
    cold.push(...run.cold);
    warm.push(...run.warm);
  }
  const summary = (changes: StepChange[]) => ({
    medianMs: median(changes.map((c) => c.ms)),
    worstMs: Math.max(...changes.map((c) => c.ms)),
    worstFrameMs: Math.max(...changes.map((c) => c.worstFrameMs)),
    medianBusyMs: median(changes.map((c) => c.busyMs)),
    worstBusyMs: Math.max(...changes.map((c) => c.busyMs)),
    count: changes.length,
  });
  const coldSummary = summary(cold);
  const warmSummary = summary(warm);
  const machine = describeMachine(browser.version(), loadStart);

  const rows: Row[] = [
    budgeted(
      "Story page, everything it downloads (HTML, JS, chart states, CSS, fonts, images)",
      `${sizeText(total)} in ${bytes.requests} requests`,
      kb(total.gzip),
      { max: BUDGET.pageKb, unit: " KB gzip" },
    ),
    budgeted("– HTML", sizeText(bytes.html), kb(bytes.html.gzip), { max: BUDGET.htmlKb, unit: " KB gzip" }),
    reported("– – of which inline CSS", sizeText(inline.css)),
    budgeted("– JavaScript", sizeText(bytes.js), kb(bytes.js.gzip), { max: BUDGET.jsKb, unit: " KB gzip" }),
    reported("– chart states (JSON the script fetches)", sizeText(bytes.data)),
    reported("– CSS files", sizeText(bytes.css)),
    reported("– fonts", sizeText(bytes.font)),
    reported(
      "– images and other",
      sizeText({ raw: bytes.image.raw + bytes.other.raw, gzip: bytes.image.gzip + bytes.other.gzip }),
    ),
    budgeted("Largest embed page JS", `${kb(worstEmbedJs)} KB gzip`, kb(worstEmbedJs), {
      max: BUDGET.embedJsKb,
      unit: " KB gzip",
    }),
    budgeted(
      "Lighthouse performance / accessibility / best practices / SEO (mobile)",
      `${lh.performance} / ${lh.accessibility} / ${lh.bestPractices} / ${lh.seo}`,
      Math.min(lh.performance!, lh.accessibility!, lh.bestPractices!, lh.seo!),
      { min: BUDGET.lighthouse, unit: " each" },
    ),
    budgeted("LCP (Lighthouse mobile, simulated)", ms(lh.lcpMs!), lh.lcpMs!, { max: BUDGET.lcpMs, unit: " ms" }),
    budgeted("CLS (Lighthouse mobile)", String(lh.cls), lh.cls!, { max: BUDGET.cls }),
    budgeted("TBT (Lighthouse mobile, simulated)", ms(lh.tbtMs!), lh.tbtMs!, { max: BUDGET.tbtMs, unit: " ms" }),
    budgeted(
      `Long tasks (> 50 ms) scrolling the whole story at ${SCROLL_PX_PER_S} px/s`,
      `${scroll.longTasks} (longest ${ms(scroll.longestTaskMs!)})`,
      scroll.longTasks!,
      { max: BUDGET.longTasks },
    ),
    reported("Worst frame while scrolling", ms(scroll.worstFrameMs!)),
    budgeted(
      "Step change to the last frame of its transition, cold (first after load): median / worst",
      `${ms(coldSummary.medianMs)} / ${ms(coldSummary.worstMs)}`,
      coldSummary.worstMs,
      { max: BUDGET.changeMs, unit: " ms" },
    ),
    budgeted(
      "Step change to the last frame of its transition, warm: median / worst",
      `${ms(warmSummary.medianMs)} / ${ms(warmSummary.worstMs)}`,
      warmSummary.worstMs,
      { max: BUDGET.changeMs, unit: " ms" },
    ),
    budgeted(
      "Longest frame during a step change, cold / warm",
      `${ms(coldSummary.worstFrameMs)} / ${ms(warmSummary.worstFrameMs)}`,
      Math.max(coldSummary.worstFrameMs, warmSummary.worstFrameMs),
      { max: BUDGET.changeFrameMs, unit: " ms" },
    ),
    reported(
      "Main-thread time per step change (script, style, layout, paint), cold / warm: median / worst",
      `${ms(coldSummary.medianBusyMs)} / ${ms(coldSummary.worstBusyMs)}; ${ms(warmSummary.medianBusyMs)} / ${ms(warmSummary.worstBusyMs)}`,
    ),
    {
      measure: "Step changes seen in each scroll run",
      result: scrollRuns.map((r) => r.stepChanges).join(", "),
      budget: `${expectedChanges} (every step)`,
      ok: missed.length === 0,
    },
  ];

  const date = new Date().toISOString().slice(0, 10);
  const intro =
    `Measured ${date} by \`npm run bench\` on ${machineLine(machine)}. ` +
    `Lighthouse: its default mobile profile, per-metric medians of ${RUNS} runs. Scrolling and step changes: ` +
    `a 390 × 844 phone with the CPU slowed ${SLOWDOWN}× (Lighthouse's mobile factor); medians of ${RUNS} scroll runs, ` +
    `${coldSummary.count} cold and ${warmSummary.count} warm step changes. Bytes: as the browser downloads them from a server that gzips text.`;
  const markdown = `${intro}\n\n${table(rows)}`;
  writeFileSync(
    join(process.cwd(), "bench", "results.json"),
    `${JSON.stringify({ date, machine, runs: RUNS, cpuSlowdown: SLOWDOWN, budgets: BUDGET, bytes, inline, worstEmbedJs, lighthouse: lh, lighthouseRuns, scroll, scrollRuns, expectedChanges, stepChanges: { cold: coldSummary, warm: warmSummary, all: { cold, warm } } }, null, 2)}\n`,
  );
  const readmePath = join(process.cwd(), "README.md");
  const readme = readFileSync(readmePath, "utf8");
  writeFileSync(readmePath, replaceSection(readme, "bench", `\n${markdown}\n`));
  console.log(`\n${markdown}\n`);
  const over = broken(rows);
  if (over.length > 0) {
    console.error(`Over budget: ${over.map((r) => r.measure).join("; ")}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await served.close();
  rmSync(root, { recursive: true, force: true });
}
