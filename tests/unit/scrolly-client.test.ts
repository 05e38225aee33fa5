import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "../support/fake-browser.ts";

/** The client entry wires modules tested on their own; here they are stand-ins that record calls. */
const calls = vi.hoisted(() => ({
  shown: [] as string[],
  sized: 0,
  warmed: 0,
  onActive: undefined as ((step: HTMLElement) => void) | undefined,
  /** The steps each started section watches, in the order the sections started. */
  watched: [] as string[][],
  /** Each started section's step callback, in the same order. */
  actives: [] as ((step: HTMLElement) => void)[],
  offset: undefined as (() => number) | undefined,
}));
vi.mock("../../src/scrolly/figure.ts", () => ({
  // Each shown state as "chart:step", so a state shown in the wrong figure shows.
  showState: (figure: HTMLElement, _: unknown, step: string) => calls.shown.push(`${figure.dataset.chart}:${step}`),
  watchSizes: () => calls.sized++,
  warmUp: () => calls.warmed++,
}));
vi.mock("../../src/scrolly/scroller.ts", () => ({
  watchSteps: (steps: HTMLElement[], offset: () => number, onActive: (step: HTMLElement) => void) => {
    calls.watched.push(steps.map((s) => s.id));
    calls.actives.push(onActive);
    calls.offset ??= offset;
    calls.onActive ??= onActive;
  },
}));

const SECTION = `
  <section data-scrolly data-states="/states/deals.json?v=1">
    <figure data-chart="deals" data-state="a">
      <div data-step-nav>
        <button data-step-go="-1">Previous step</button><span data-step-position>Step 1 of 3</span><button data-step-go="1">Next step</button>
      </div>
    </figure>
    <ol><li id="a" data-step="a"></li><li id="b" data-step="b"></li><li id="c" data-step="c"></li></ol>
  </section>
  <section data-scrolly><p>No figure here.</p></section>
  <section data-scrolly data-states="/states/routes.json?v=1">
    <figure data-chart="routes" data-state="d"></figure>
    <ol><li id="d" data-step="d"></li><li id="e" data-step="e"></li></ol>
  </section>
  <section data-scrolly data-states="/states/routes-one.json?v=1">
    <figure data-chart="routes" data-state="f"><div data-step-nav><button data-step-go="-1">Previous step</button><button data-step-go="1">Next step</button></div></figure>
    <ol><li id="f" data-step="f"></li></ol>
  </section>
  <section data-scrolly>
    <figure data-chart="routes" data-state="g"></figure>
    <ol><li id="g" data-step="g"></li></ol>
  </section>
  <section data-scrolly data-states="/states/no-steps.json?v=1">
    <figure data-chart="routes"></figure>
  </section>
  <button data-motion-toggle hidden>Reduce motion</button>
  <div data-dev-trigger></div>`;

/** A section whose states are missing on the server (or the network fails), with a step image as a browser keeps a <noscript>: as text. */
const UNAVAILABLE = (url: string) => `
  <section data-scrolly data-states="${url}">
    <figure data-chart="deals" data-state="x"></figure>
    <ol><li id="x" data-step="x"><p>Step text.</p><noscript>&lt;img class="step-static" src="/charts/deals/x-compact.svg" alt="The deals chart at x."&gt;</noscript></li></ol>
  </section>`;

/** The server: every states file answers with an empty payload for its chart, except those it lacks. */
function serveStates(requested: string[]) {
  vi.stubGlobal("fetch", (url: string) => {
    requested.push(url);
    if (url.includes("network-down")) return Promise.reject(new TypeError("Failed to fetch"));
    // A host's "not found" can itself be JSON: only the status tells it from the states.
    if (url.includes("missing"))
      return Promise.resolve({ ok: false, json: () => Promise.resolve({ error: "Not found" }) });
    const chart = url.includes("deals") ? "deals" : "routes";
    return Promise.resolve({ ok: true, json: () => Promise.resolve({ chart, pool: [], steps: {} }) });
  });
}

/** Lets every promise settled so far run its callbacks (setImmediate is never faked here). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  calls.shown = [];
  calls.sized = 0;
  calls.warmed = 0;
  calls.watched = [];
  calls.actives = [];
  calls.onActive = undefined;
  calls.offset = undefined;
});

async function start(options: { idle?: boolean; html?: string; load?: boolean; settled?: boolean } = {}) {
  const browser = fakeBrowser(options.html ?? SECTION);
  const requested: string[] = [];
  serveStates(requested);
  const scrolled: { id: string; options: unknown }[] = [];
  for (const li of browser.document.querySelectorAll("li"))
    (li as unknown as { scrollIntoView: (o: unknown) => void }).scrollIntoView = (o) =>
      scrolled.push({ id: li.id, options: o });
  const history: string[] = [];
  vi.stubGlobal("history", { replaceState: (_: unknown, __: string, url: string) => history.push(url) });
  if (options.idle)
    browser.window.requestIdleCallback = (callback: () => void) => {
      callback();
    };
  await import("../../src/scrolly/client.ts");
  if (options.load !== false) browser.window.dispatch("load");
  // The sections after the first start one task each: let them, while this page is still up.
  if (!vi.isFakeTimers() && options.settled !== false)
    await vi.waitFor(() => {
      expect(calls.watched).toHaveLength(3);
    });
  const button = (go: string) => browser.document.querySelector<HTMLButtonElement>(`[data-step-go="${go}"]`)!;
  const activate = (id: string) => {
    calls.onActive!(browser.document.getElementById(id)!);
  };
  return { browser, scrolled, history, button, activate, requested };
}

describe("the story's client script", () => {
  it("marks the page as running JavaScript and starts each scrolly section that has a figure, steps and states", async () => {
    const { browser } = await start({ idle: true });
    expect(browser.document.documentElement.classList.contains("js-ready")).toBe(true);
    expect(calls.sized).toBe(3);
    expect(calls.warmed).toBe(3);
    expect(calls.onActive).toBeDefined();
  });

  it("requests every section's states at once after the page's load, then starts one section per task, in page order", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const { browser, requested } = await start({ load: false });
    await settle();
    expect(requested).toEqual([]);
    expect(calls.watched).toEqual([]);
    browser.window.dispatch("load");
    await settle();
    expect(requested).toEqual(["/states/deals.json?v=1", "/states/routes.json?v=1", "/states/routes-one.json?v=1"]);
    expect(calls.watched).toEqual([["a", "b", "c"]]);
    expect(browser.document.querySelectorAll("[data-started]")).toHaveLength(1);
    vi.runAllTimers();
    await settle();
    expect(calls.watched).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
    vi.runAllTimers();
    await settle();
    expect(calls.watched).toEqual([["a", "b", "c"], ["d", "e"], ["f"]]);
    expect(calls.sized).toBe(3);
    vi.useRealTimers();
  });

  it("requests the states at once when the page had loaded before the script ran", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const browser = fakeBrowser(SECTION);
    Object.defineProperty(browser.document, "readyState", { value: "complete" });
    const requested: string[] = [];
    serveStates(requested);
    await import("../../src/scrolly/client.ts");
    await settle();
    expect(requested).toHaveLength(3);
    await vi.runAllTimersAsync();
    expect(calls.watched).toHaveLength(3);
    vi.useRealTimers();
  });

  it("waits, where the browser reports paints, for the first contentful paint before requesting states", async () => {
    let report: ((names: string[]) => void) | undefined;
    vi.stubGlobal(
      "PerformanceObserver",
      Object.assign(
        class {
          constructor(callback: (list: unknown, observer: unknown) => void) {
            report = (names) => {
              callback({ getEntriesByName: (name: string) => names.filter((n) => n === name) }, this);
            };
          }
          observe(options: unknown) {
            expect(options).toEqual({ type: "paint", buffered: true });
          }
          disconnect() {
            report = undefined;
          }
        },
        { supportedEntryTypes: ["mark", "paint"] },
      ),
    );
    const { requested } = await start({ settled: false });
    await settle();
    expect(requested).toEqual([]);
    report!(["first-paint"]);
    await settle();
    expect(requested).toEqual([]);
    report!(["first-contentful-paint"]);
    expect(report).toBeUndefined();
    await vi.waitFor(() => {
      expect(calls.watched).toHaveLength(3);
    });
    expect(requested).toHaveLength(3);
  });

  it.each(["/states/missing.json?v=1", "/states/network-down.json?v=1"])(
    "shows each step's image, as without JavaScript, when a section's states cannot be had (%s)",
    async (url) => {
      const { browser } = await start({ html: UNAVAILABLE(url) + SECTION });
      const section = browser.document.querySelector<HTMLElement>("section")!;
      expect(section.hasAttribute("data-states-unavailable")).toBe(true);
      expect(section.hasAttribute("data-started")).toBe(false);
      const image = section.querySelector("#x img.step-static")!;
      expect(image.getAttribute("src")).toBe("/charts/deals/x-compact.svg");
      expect(image.getAttribute("alt")).toBe("The deals chart at x.");
      // The sections after it start as usual.
      expect(calls.watched).toEqual([["a", "b", "c"], ["d", "e"], ["f"]]);
      expect(browser.document.querySelectorAll("[data-states-unavailable]")).toHaveLength(1);
    },
  );

  it("runs a section with no step buttons, or buttons but no position line", async () => {
    const { browser } = await start();
    const step = (id: string) => browser.document.getElementById(id)!;
    calls.actives[1]!(step("e"));
    calls.actives[2]!(step("f"));
    expect(calls.shown).toEqual(["routes:e", "routes:f"]);
    const buttons = [...browser.document.querySelectorAll('[data-state="f"] [data-step-go]')];
    expect(buttons.map((b) => b.getAttribute("aria-disabled"))).toEqual(["true", "true"]);
  });

  it("wires the reader's reduced-motion toggle", async () => {
    const { browser } = await start();
    expect(browser.document.documentElement.dataset.motion).toBe("full");
    expect(browser.document.querySelector("[data-motion-toggle]")!.getAttribute("aria-pressed")).toBe("false");
  });

  it("leaves the trigger line's marker alone in the published page", async () => {
    vi.stubEnv("DEV", false);
    const { browser } = await start();
    expect(browser.document.querySelector<HTMLElement>("[data-dev-trigger]")!.style.top).toBe("");
    vi.unstubAllEnvs();
  });

  it("warms up after a short timeout where there is no idle callback (Safari)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    await start();
    await settle();
    expect(calls.sized).toBe(1);
    expect(calls.warmed).toBe(0);
    vi.advanceTimersByTime(200);
    expect(calls.warmed).toBe(1);
    // Let the other sections start before the clock is real again, so none starts in the next test.
    await vi.runAllTimersAsync();
    vi.useRealTimers();
  });

  it("puts the trigger line lower on phones, where the chart sits above the text", async () => {
    const { browser } = await start();
    expect(calls.offset!()).toBe(0.55);
    // The editors' preview (a dev build, as Vitest runs) shows where the line is.
    expect(parseFloat(browser.document.querySelector<HTMLElement>("[data-dev-trigger]")!.style.top)).toBeCloseTo(55);
    browser.media.add("(max-width: 759px)");
    expect(calls.offset!()).toBe(0.8);
  });

  it("on a new active step: shows its state, marks it, and updates the step position and buttons", async () => {
    const { browser, activate, button } = await start();
    activate("b");
    expect(calls.shown).toEqual(["deals:b"]);
    expect([...browser.document.querySelectorAll("li.is-active")].map((li) => li.id)).toEqual(["b"]);
    expect(browser.document.querySelector("[data-step-position]")?.textContent).toBe("Step 2 of 3");
    expect([button("-1").getAttribute("aria-disabled"), button("1").getAttribute("aria-disabled")]).toEqual([
      "false",
      "false",
    ]);
    activate("c");
    expect(button("1").getAttribute("aria-disabled")).toBe("true");
    activate("a");
    expect(button("-1").getAttribute("aria-disabled")).toBe("true");
    expect(browser.document.querySelector("[data-step-position]")?.textContent).toBe("Step 1 of 3");
  });

  it("moves to the next or previous step with the buttons, keeping the URL on it, instantly with reduced motion", async () => {
    const { browser, activate, button, scrolled, history } = await start();
    activate("b");
    button("1").click();
    button("-1").click();
    expect(scrolled).toEqual([
      { id: "c", options: { block: "start", behavior: "smooth" } },
      { id: "a", options: { block: "start", behavior: "smooth" } },
    ]);
    expect(history).toEqual(["#c", "#a"]);
    browser.media.add("(prefers-reduced-motion: reduce)");
    button("1").click();
    expect(scrolled.at(-1)).toEqual({ id: "c", options: { block: "start", behavior: "instant" } });
    activate("c");
    button("1").click();
    expect(scrolled.length).toBe(3);
  });
});
