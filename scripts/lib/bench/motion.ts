import type { Browser, CDPSession, Page } from "playwright-core";

/** A phone, on the CPU Lighthouse's mobile profile assumes: the desktop CPU slowed down by `slowdown`. */
async function phonePage(browser: Browser, slowdown: number): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
  await cdp.send("Performance.enable");
  return { page, cdp };
}

/** Main-thread time (every task: script, style, layout, paint) the page has used so far, in ms. */
async function busyMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
}

/**
 * Installs, in the page, a recorder of every step change: from the start of the change (the
 * `revolving-door:step` measure the figure code makes) to the last frame in which any mark of that
 * figure is still in a transition, with the longest frame in between.
 */
async function recordChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    interface Change {
      chart: string;
      step: string;
      ms: number;
      worstFrameMs: number;
    }
    const w = window as unknown as { __changes: Change[] };
    w.__changes = [];
    for (const figure of document.querySelectorAll<HTMLElement>("figure[data-chart]")) {
      new MutationObserver(() => {
        const started = performance.getEntriesByName("revolving-door:step").at(-1)?.startTime ?? performance.now();
        const step = figure.dataset.state ?? "";
        let last = performance.now();
        let worst = 0;
        // The marks this change set moving (d3 keeps a scheduled or running transition on
        // __transition), collected once, so watching them costs the page next to nothing per frame.
        const animated = (n: Element): boolean => Boolean((n as unknown as { __transition?: unknown }).__transition);
        let marks = [...figure.querySelectorAll("svg g[data-layer] > *")].filter(animated);
        const frame = (now: number): void => {
          worst = Math.max(worst, now - last);
          last = now;
          marks = marks.filter(animated);
          if (marks.length > 0 && figure.dataset.state === step) requestAnimationFrame(frame);
          else w.__changes.push({ chart: figure.dataset.chart ?? "", step, ms: now - started, worstFrameMs: worst });
        };
        requestAnimationFrame(frame);
      }).observe(figure, { attributes: true, attributeFilter: ["data-state"] });
    }
  });
}

export interface StepChange {
  chart: string;
  step: string;
  /** From the start of the change to the last frame of its transition. */
  ms: number;
  worstFrameMs: number;
  /** Main-thread time the page used over the whole change. */
  busyMs: number;
}

/** Scrolls to a step and waits until its change has run to its last frame; returns what it cost. */
async function changeTo(page: Page, cdp: CDPSession, step: string): Promise<StepChange> {
  const before = await busyMs(cdp);
  const count = await page.evaluate(() => (window as unknown as { __changes: unknown[] }).__changes.length);
  await page.evaluate((id) => {
    document.getElementById(id)!.scrollIntoView({ block: "start", behavior: "instant" });
  }, step);
  // The change to this step, recorded after `count` (an earlier change may still be finishing).
  const lookup = ([n, id]: readonly [number, string]): Omit<StepChange, "busyMs"> | null =>
    (window as unknown as { __changes: Omit<StepChange, "busyMs">[] }).__changes.slice(n).find((c) => c.step === id) ??
    null;
  const handle = await page.waitForFunction(lookup, [count, step] as const, { timeout: 30_000 });
  const change = (await handle.jsonValue())!;
  return { ...change, busyMs: (await busyMs(cdp)) - before };
}

/** Waits until every scrolly section has its states (fetched after the page's load) and is set up. */
export async function sectionsStarted(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll("[data-scrolly][data-states]:not([data-started])").length === 0,
  );
}

/**
 * Waits until the page has nothing left to do when idle (the charts' warm-ups run in idle time, one
 * part per idle period): five idle periods in a row that the browser gives whole (50 ms) and that
 * the page leaves unused, as a reader's first scroll would find them.
 */
export async function idleWorkDone(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let quiet = 0;
        const check = (deadline: IdleDeadline): void => {
          quiet = deadline.timeRemaining() >= 49 ? quiet + 1 : 0;
          if (quiet >= 5) resolve();
          else requestIdleCallback(check);
        };
        requestIdleCallback(check);
      }),
  );
}

export interface Figure {
  chart: string;
  steps: string[];
}

/**
 * Cold: the first step change of a fresh page load, made as soon as the page has loaded (before the
 * idle warm-up, as for a reader who scrolls at once), once per figure. Warm: every later change of
 * one page, going through the whole story step by step.
 */
export async function stepChanges(
  browser: Browser,
  url: string,
  figures: Figure[],
  slowdown: number,
): Promise<{ cold: StepChange[]; warm: StepChange[] }> {
  const cold: StepChange[] = [];
  for (const { steps } of figures.filter((f) => f.steps.length > 1)) {
    const { page, cdp } = await phonePage(browser, slowdown);
    await page.goto(`${url}#${steps[0]!}`, { waitUntil: "load" });
    await sectionsStarted(page);
    await recordChanges(page);
    cold.push(await changeTo(page, cdp, steps[1]!));
    await page.close();
  }
  const { page, cdp } = await phonePage(browser, slowdown);
  await page.goto(url, { waitUntil: "load" });
  await sectionsStarted(page);
  await recordChanges(page);
  const warm: StepChange[] = [];
  for (const { chart, steps } of figures) {
    await page.evaluate((id) => {
      document.getElementById(id)!.scrollIntoView({ block: "start", behavior: "instant" });
    }, steps[0]!);
    await page.waitForFunction(
      ([c, s]) => {
        const figure = document.querySelector(`figure[data-chart="${c}"]`);
        const moving = [...(figure?.querySelectorAll("svg g[data-layer] > *") ?? [])].some(
          (n) => (n as unknown as { __transition?: unknown }).__transition,
        );
        return figure?.getAttribute("data-state") === s && !moving;
      },
      [chart, steps[0]!],
    );
    for (const step of steps.slice(1)) warm.push(await changeTo(page, cdp, step));
  }
  await page.close();
  return { cold, warm: warm.slice(1) };
}

export interface ScrollRun {
  longTasks: number;
  longestTaskMs: number;
  worstFrameMs: number;
  stepChanges: number;
}

/**
 * A reader scrolling through the whole story on a throttled phone at `pxPerSecond`, from top to
 * bottom: long tasks (over 50 ms) and the worst frame while scrolling, and how many step changes
 * happened (the caller checks that every step was reached).
 */
export async function scrollRun(
  browser: Browser,
  url: string,
  slowdown: number,
  pxPerSecond: number,
): Promise<ScrollRun> {
  const { page } = await phonePage(browser, slowdown);
  await page.goto(url, { waitUntil: "load" });
  await sectionsStarted(page);
  const result = await page.evaluate(
    (speed) =>
      new Promise<ScrollRun>((resolve) => {
        const tasks: number[] = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push(e.duration);
        }).observe({ type: "longtask", buffered: false });
        const changesBefore = performance.getEntriesByName("revolving-door:step").length;
        let last = performance.now();
        let worst = 0;
        const end = (): number => document.documentElement.scrollHeight - window.innerHeight;
        const frame = (now: number): void => {
          const dt = now - last;
          worst = Math.max(worst, dt);
          last = now;
          window.scrollBy(0, (speed * dt) / 1000);
          if (window.scrollY < end() - 1) {
            requestAnimationFrame(frame);
            return;
          }
          // Let the last step's transition finish inside the measured window.
          setTimeout(() => {
            resolve({
              longTasks: tasks.length,
              longestTaskMs: Math.round(Math.max(0, ...tasks)),
              worstFrameMs: Math.round(worst * 10) / 10,
              stepChanges: performance.getEntriesByName("revolving-door:step").length - changesBefore,
            });
          }, 1000);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(frame);
        });
      }),
    pxPerSecond,
  );
  await page.close();
  return result;
}
