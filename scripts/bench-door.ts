import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import * as prettier from "prettier";
import type { Page } from "playwright-core";
import { loadStory } from "../src/content/load.ts";
import { lighthouseRun } from "./lib/bench/lighthouse.ts";
import { describeMachine, loadNow, machineLine } from "./lib/bench/machine.ts";
import { idleWorkDone, sectionsStarted } from "./lib/bench/motion.ts";
import { broken, budgeted, reported, table, type Row } from "./lib/bench/report.ts";
import { launchBrowser } from "./lib/browser.ts";
import { replaceSection } from "./lib/readme-section.ts";
import { serveStatic } from "./lib/static-server.ts";

/**
 * `npm run bench:door`: what the door chart costs readers, against the budgets of issue #13.
 * Builds the story twice, with and without the door's section, and measures bytes, Lighthouse
 * (mobile) for both, and the door's motion in Chromium at a phone's size: frames and long tasks
 * during every transition, and the script time of each step change, without and with 4× CPU
 * throttling. Medians of three runs. Writes bench/door.json and the table between the door's bench
 * markers in README.md. Kept apart from scripts/bench.ts so that each can change on its own.
 */
const RUNS = 3;
const loadStart = loadNow();
let chromiumVersion = "";
const VIEWPORT = { width: 390, height: 844 };
const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), "bench-door-"));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
const ms = (n: number): number => Math.round(n * 10) / 10;

const withDoor = join(work, "with");
const withoutDoor = join(work, "without");
/** One server on a port the OS picks, serving whichever build is being measured. */
let served = withDoor;
const server = await serveStatic(() => served);
const origin = server.origin;
const doorSection = loadStory().sections.find((s) => s.chart === "door");
if (!doorSection) throw new Error("The story has no section with chart: door.");
const doorSteps = doorSection.steps.map((s) => s.id);

/** Builds the story from a content folder into a folder of its own. */
function build(contentDir: string, out: string): void {
  execFileSync(process.execPath, ["scripts/build.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      REVOLVING_DOOR_SITE: origin,
      REVOLVING_DOOR_CONTENT_DIR: contentDir,
      REVOLVING_DOOR_DIST: out,
    },
  });
}

const contentWithout = join(work, "content-without-door");
cpSync(join(root, "content"), contentWithout, { recursive: true });
rmSync(join(contentWithout, "story", doorSection.file.split("/").pop()!));
build(join(root, "content"), withDoor);
build(contentWithout, withoutDoor);

/** Gzipped bytes of the story page's HTML and of its scripts. */
function pageBytes(dist: string): { html: number; js: number } {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const { document } = parseHTML(html);
  const js = [...document.querySelectorAll("script[src]")].reduce(
    (n, s) => n + gzipSync(readFileSync(join(dist, s.getAttribute("src")!.replace(/^\//, "")))).length,
    0,
  );
  return { html: gzipSync(html).length, js };
}

const medians = async (run: () => Promise<Record<string, number>>): Promise<Record<string, number>> => {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  return Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]));
};

/** Puts a step's top just above the phone trigger line, as a reader scrolling to it would. */
async function reach(page: Page, id: string): Promise<void> {
  await page.evaluate((stepId) => {
    const step = document.getElementById(stepId)!;
    window.scrollTo(0, window.scrollY + step.getBoundingClientRect().top - window.innerHeight * 0.8 + 10);
  }, id);
  await page.waitForFunction(
    (stepId) => document.querySelector('figure[data-chart="door"]')?.getAttribute("data-state") === stepId,
    id,
  );
}

/** One pass through the door's steps in a fresh page: every frame and long task while the dots move. */
async function motionRun(throttle: number): Promise<Record<string, number>> {
  const browser = await launchBrowser();
  chromiumVersion = browser.version();
  const page = await browser.newPage({ viewport: VIEWPORT });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${origin}/`);
  await page.waitForLoadState("load");
  // The charts' states come after the page's load, their set-up and idle warm-ups follow: all of it
  // done first, as for a reader who starts reading, so no other chart's work lands in the measure.
  await sectionsStarted(page);
  await idleWorkDone(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __record: boolean };
    w.__frames = [];
    w.__long = [];
    w.__record = false;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.__record) w.__long.push(e.duration);
    }).observe({ type: "longtask" });
    let last = performance.now();
    const tick = (now: number): void => {
      if (w.__record) w.__frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // The same page standing still, for a floor: what frames cost on this machine with nothing moving.
  const idleFrameP95Ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const frames: number[] = [];
        let last = performance.now();
        const tick = (now: number): void => {
          frames.push(now - last);
          last = now;
          if (frames.length < 120) requestAnimationFrame(tick);
          else resolve(frames.slice(1).sort((a, b) => a - b)[Math.floor(frames.length * 0.95)]!);
        };
        requestAnimationFrame(tick);
      }),
  );
  // Main-thread time, whatever the machine's other load: the share of each frame the page itself uses.
  await cdp.send("Performance.enable");
  const taskSeconds = async (): Promise<number> =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
  let busy = 0;
  for (const id of doorSteps.slice(1)) {
    const before = await taskSeconds();
    await page.evaluate(() => ((window as unknown as { __record: boolean }).__record = true));
    await reach(page, id);
    // The whole transition, and a little after it, so its last frame and any trailing task count.
    await page.waitForFunction(() => !document.querySelector("svg[data-motion]"), undefined, { timeout: 30_000 });
    await page.evaluate(() => ((window as unknown as { __record: boolean }).__record = false));
    busy += (await taskSeconds()) - before;
  }
  const result = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[] };
    const frames = [...w.__frames.slice(1)].sort((a, b) => a - b);
    const steps = performance.getEntriesByName("revolving-door:step").map((e) => e.duration);
    return {
      frameP95Ms: frames[Math.floor(frames.length * 0.95)] ?? 0,
      frames: frames.length,
      longTasksOver50ms: w.__long.filter((d) => d > 50).length,
      coldStepMs: steps[0] ?? 0,
      worstStepMs: Math.max(...steps),
    };
  });
  await browser.close();
  return { ...result, idleFrameP95Ms, mainThreadPerFrameMs: (busy * 1000) / Math.max(1, result.frames) };
}

const motion = { unthrottled: await medians(() => motionRun(1)), throttled4x: await medians(() => motionRun(4)) };
const lighthouseWith = await medians(() => lighthouseRun(`${origin}/`));
served = withoutDoor;
const lighthouseWithout = await medians(() => lighthouseRun(`${origin}/`));
await server.close();

const bytesWith = pageBytes(withDoor);
const bytesWithout = pageBytes(withoutDoor);
rmSync(work, { recursive: true, force: true });

const results = {
  date: new Date().toISOString().slice(0, 10),
  runs: RUNS,
  viewport: VIEWPORT,
  bytes: {
    storyJsKb: kb(bytesWith.js),
    htmlKb: kb(bytesWith.html),
    htmlWithoutDoorKb: kb(bytesWithout.html),
    htmlGrowthKb: kb(bytesWith.html - bytesWithout.html),
  },
  motion: Object.fromEntries(
    Object.entries(motion).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([m, n]) => [m, ms(n)]))]),
  ),
  lighthouseMobile: { withDoor: lighthouseWith, withoutDoor: lighthouseWithout },
};
writeFileSync(join(root, "bench", "door.json"), `${JSON.stringify(results, null, 2)}\n`);

const lh = (r: Record<string, number>): string =>
  `${r.performance} / ${r.accessibility} / ${r.bestPractices} / ${r.seo}`;
const lowest = (r: Record<string, number>): number =>
  Math.min(r.performance!, r.accessibility!, r.bestPractices!, r.seo!);
const { unthrottled: u, throttled4x: t } = results.motion as Record<string, Record<string, number>>;
const rows: Row[] = [
  budgeted("Story JS with the door (gzip)", `${results.bytes.storyJsKb} KB`, results.bytes.storyJsKb, {
    max: 40,
    unit: " KB",
  }),
  budgeted(
    "Page HTML (gzip): with the door / without / growth",
    `${results.bytes.htmlKb} KB / ${results.bytes.htmlWithoutDoorKb} KB / ${results.bytes.htmlGrowthKb} KB`,
    results.bytes.htmlGrowthKb,
    { max: 40, unit: " KB growth" },
  ),
  reported(
    "Main-thread work per frame while the door moves (1× / 4× CPU)",
    `${u!.mainThreadPerFrameMs} ms / ${t!.mainThreadPerFrameMs} ms`,
  ),
  budgeted(
    "Long tasks > 50 ms while the door moves (1× / 4× CPU)",
    `${u!.longTasksOver50ms} / ${t!.longTasksOver50ms}`,
    Math.max(u!.longTasksOver50ms!, t!.longTasksOver50ms!),
    { max: 0 },
  ),
  budgeted(
    "95th-percentile frame while the door moves (the page standing still), 1× CPU",
    `${u!.frameP95Ms} ms (${u!.idleFrameP95Ms} ms)`,
    u!.frameP95Ms!,
    { max: 17, unit: " ms" },
  ),
  budgeted(
    "95th-percentile frame while the door moves (the page standing still), 4× CPU",
    `${t!.frameP95Ms} ms (${t!.idleFrameP95Ms} ms)`,
    t!.frameP95Ms!,
    { max: 33, unit: " ms" },
  ),
  budgeted(
    "Door step change, script: cold / worst (1× CPU)",
    `${u!.coldStepMs} ms / ${u!.worstStepMs} ms`,
    u!.coldStepMs!,
    {
      max: 8,
      unit: " ms cold",
    },
  ),
  reported("Door step change, script: cold / worst (4× CPU)", `${t!.coldStepMs} ms / ${t!.worstStepMs} ms`),
  budgeted(
    "Lighthouse (mobile) with the door / without",
    `${lh(lighthouseWith)} / ${lh(lighthouseWithout)}`,
    lowest(lighthouseWith),
    { min: 100, unit: " in all four" },
  ),
  budgeted("CLS (mobile) with the door", String(lighthouseWith.cls), lighthouseWith.cls!, { max: 0 }),
  budgeted(
    "LCP / TBT (mobile) with the door; without",
    `${lighthouseWith.lcpMs} ms / ${lighthouseWith.tbtMs} ms; ${lighthouseWithout.lcpMs} ms / ${lighthouseWithout.tbtMs} ms`,
    lighthouseWith.lcpMs! - lighthouseWithout.lcpMs!,
    { max: 200, unit: " ms LCP growth" },
  ),
];
const machine = describeMachine(chromiumVersion, loadStart);
const markdown = [
  `Measured ${results.date}, median of ${RUNS} runs, by \`npm run bench:door\` on ${machineLine(machine)}; headless Chromium at ${VIEWPORT.width}×${VIEWPORT.height}.`,
  "",
  table(rows),
].join("\n");
const readmePath = join(root, "README.md");
const readme = replaceSection(readFileSync(readmePath, "utf8"), "bench-door", markdown);
// Formatted as the project formats it, so `npm run lint` stays clean after a bench.
const options = (await prettier.resolveConfig(readmePath)) ?? {};
writeFileSync(readmePath, await prettier.format(readme, { ...options, filepath: readmePath }));
console.log(markdown);
const over = broken(rows);
if (over.length > 0) {
  console.error(`Over budget: ${over.map((r) => r.measure).join("; ")}`);
  process.exitCode = 1;
}
