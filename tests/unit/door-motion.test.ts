import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { doorChart } from "../../src/charts/door/index.ts";
import { doorGeometry, fadePlan, flowPlan, sceneDots, type Plan } from "../../src/charts/door/plan.ts";
import { loadStory } from "../../src/content/load.ts";
import { render } from "../../src/render/render.ts";
import { sizes, type Scene } from "../../src/render/scene.ts";
import { fakeBrowser, type FakeBrowser } from "../support/fake-browser.ts";
import { FIXTURE } from "../support/fixture.ts";

// The door's motion in a fake browser: the page it changes (SVG, classes, data-motion), and what it
// paints on the canvas frame by frame, recorded call by call. Chromium runs the same code in the
// e2e tests; this pins what each frame does, which the e2e tests can only sample.
const { drawDoor } = await import("../../src/charts/door/motion.ts");

const story = loadStory(FIXTURE);
const steps = story.sections.find((s) => s.chart === "door")!.steps;
const layout = (state: Record<string, unknown>): Scene =>
  doorChart.layout(story.data, doorChart.state.parse(state), sizes.wide);
/** Two adjacent steps of the fixture between which people leave through the door and come in. */
const [before, after] = ((): [Scene, Scene] => {
  for (let i = 1; i < steps.length; i++) {
    const [a, b] = [layout(steps[i - 1]!.state), layout(steps[i]!.state)];
    const plan = flowPlan(sceneDots(a), sceneDots(b), doorGeometry(b));
    if (plan.sprites.some((s) => s.via && s.tint1 === "new") && plan.sprites.some((s) => s.via && s.tint1 !== "new"))
      return [a, b];
  }
  throw new Error("the fixture has no door step with people both leaving and coming in");
})();

interface Call {
  op: string;
  args: unknown[];
  alpha: number;
  composite: string;
  /** The colour (and for a stroke, its width and cap) a fill or stroke paints with. */
  paint: string;
}

/** A 2D context that records what is drawn on it, with the alpha and compositing of each call. */
function recorder(canvas: { width: number; height: number }) {
  const calls: Call[] = [];
  const state = { globalAlpha: 1, globalCompositeOperation: "source-over", fillStyle: "", strokeStyle: "" };
  const record =
    (op: string) =>
    (...args: unknown[]): void => {
      calls.push({
        op,
        args,
        alpha: state.globalAlpha,
        composite: state.globalCompositeOperation,
        paint:
          op === "fill"
            ? state.fillStyle
            : op === "stroke"
              ? `${state.strokeStyle} ${String(self.lineWidth)} ${self.lineCap}`
              : "",
      });
    };
  const self = Object.assign(state, {
    canvas,
    calls,
    lineWidth: 1,
    lineCap: "butt",
    ...Object.fromEntries(
      ["clearRect", "drawImage", "beginPath", "arc", "moveTo", "lineTo", "fill", "stroke"].map((op) => [
        op,
        record(op),
      ]),
    ),
  });
  return self;
}
type Recorder = ReturnType<typeof recorder>;

let browser: FakeBrowser;
let svg: SVGSVGElement;
const contexts = new Map<object, Recorder>();
const fades: { keyframes: unknown; options: { delay: number; duration: number }; cancel: () => void }[] = [];
let restore: (() => void)[] = [];

/** Patches a prototype method for one test. */
function patch(proto: Record<string, unknown>, name: string, value: unknown): void {
  const had = Object.prototype.hasOwnProperty.call(proto, name);
  const old = proto[name];
  proto[name] = value;
  restore.push(() => {
    if (had) proto[name] = old;
    else Reflect.deleteProperty(proto, name);
  });
}

beforeEach(() => {
  browser = fakeBrowser(
    '<figure data-chart="door"><div class="chart-frame"><svg data-size="wide" viewBox="0 0 720 440"></svg></div></figure>',
  );
  svg = browser.document.querySelector("svg")!;
  render(svg, before, { duration: 0 });
  const box = { left: 10, top: 20, width: 360, height: 220 };
  (svg as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = () => box;
  (svg.parentElement as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = () => ({
    left: 4,
    top: 6,
    width: 400,
    height: 300,
  });
  browser.window.devicePixelRatio = 2;
  // Each kind of dot gets its own colour, so a stamp's colour says which kind it is.
  // As in a browser, an element out of the page has no computed colour.
  vi.stubGlobal("getComputedStyle", (el: Element) => ({
    stroke: el.isConnected ? `colour of ${el.getAttribute("class")}` : "",
  }));
  vi.stubGlobal("performance", { now: () => 0, measure: vi.fn() });
  contexts.clear();
  fades.length = 0;
  const canvasProto = Object.getPrototypeOf(browser.document.createElement("canvas")) as Record<string, unknown>;
  // As a browser's: a context type it does not know gives null.
  patch(canvasProto, "getContext", function (this: { width: number; height: number }, type: string) {
    if (type !== "2d") return null;
    if (!contexts.has(this)) contexts.set(this, recorder(this));
    return contexts.get(this);
  });
  const svgProto = Object.getPrototypeOf(svg.querySelector("path") ?? svg) as Record<string, unknown>;
  patch(svgProto, "animate", (keyframes: unknown, options: { delay: number; duration: number }) => {
    const cancel = vi.fn();
    fades.push({ keyframes, options, cancel });
    return { cancel };
  });
});

afterEach(() => {
  for (const undo of restore.reverse()) undo();
  restore = [];
  vi.unstubAllGlobals();
});

const dotsLayer = (): string => svg.querySelector('[data-layer="door-dots"]')!.outerHTML;
/** The door-dots layer as render() draws a scene, to compare the SVG with. */
function drawn(scene: Scene): string {
  const other = browser.document.createElementNS("http://www.w3.org/2000/svg", "svg");
  render(other, scene, { duration: 0 });
  return other.querySelector('[data-layer="door-dots"]')!.outerHTML;
}
const pageCanvas = () => browser.document.querySelector<HTMLCanvasElement>("canvas.door-canvas");
const mainCalls = (): Call[] => contexts.get(pageCanvas()!)!.calls;
/** Runs the set-up frames until the page changes (the stage is in place), at time 1000. */
function untilStaged(): void {
  for (let i = 0; i < 10 && !svg.classList.contains("door-moving"); i++) browser.flushFrames(1, 1000);
}
/** Each fading path of the stage is faded by the browser as its data-fade says: from, to, when. */
function expectFadesAsStaged(): void {
  const fading = [...svg.querySelectorAll("[data-fade]")];
  expect(fading.length).toBeGreaterThan(0);
  expect(fades).toHaveLength(fading.length);
  for (const [i, path] of fading.entries()) {
    const [start, end, a0, a1] = path.getAttribute("data-fade")!.split(" ").map(Number);
    expect(fades[i]).toMatchObject({
      keyframes: [{ opacity: a0 }, { opacity: a1 }],
      options: { delay: start, duration: Math.max(1, end! - start!), fill: "both" },
    });
  }
}
const planFor = (mode: "animate" | "reduce", from = before, to = after): Plan =>
  (mode === "animate" ? flowPlan : fadePlan)(sceneDots(from), sceneDots(to), doorGeometry(to));

describe("the door's motion, frame by frame", () => {
  it("names each phase of its set-up for the bench and the reader's devtools", () => {
    drawDoor(svg, after, "animate");
    untilStaged();
    const { measure } = performance as unknown as { measure: ReturnType<typeof vi.fn> };
    const measured = measure.mock.calls;
    expect(measured).toEqual(
      ["read", "plan", "layers", "setup"].map((phase) => [`revolving-door:door-motion-${phase}`, { start: 0 }]),
    );
  });

  it("changes nothing on the page until its set-up is done, then shows the stage with the canvas over it", () => {
    const shown = dotsLayer();
    drawDoor(svg, after, "animate");
    expect(svg.dataset.motion).toBe("animate");
    expect(dotsLayer()).toBe(shown);
    expect(pageCanvas()).toBeNull();
    untilStaged();
    expect([...svg.classList]).toEqual(expect.arrayContaining(["door-moving", "door-quiet"]));
    // The stage: only the dots that hold still or fade, one path per colour and fade; the movers are on the canvas.
    const stage = [...svg.querySelectorAll('[data-layer="door-dots"] path')];
    expect(stage.length).toBeGreaterThan(0);
    expect(stage.every((p) => p.getAttribute("data-key")!.startsWith("stage-"))).toBe(true);
    const canvas = pageCanvas()!;
    expect(canvas.getAttribute("aria-hidden")).toBe("true");
    // Laid over the SVG, at the device's pixel ratio.
    expect(canvas.style.left).toBe("6px");
    expect(canvas.style.top).toBe("14px");
    expect(canvas.style.width).toBe("360px");
    expect(canvas.style.height).toBe("220px");
    expect([canvas.width, canvas.height]).toEqual([720, 440]);
  });

  it("paints one stamp per dot in flight on a cleared canvas, and the door's two vanes, every frame", () => {
    const plan = planFor("animate");
    drawDoor(svg, after, "animate");
    untilStaged();
    const movers = plan.sprites.filter((s) => s.via);
    const t = Math.min(...movers.map((s) => s.end)) - 1;
    const calls = mainCalls();
    calls.length = 0;
    browser.flushFrames(1, 1000 + t);
    const inFlight = movers.filter((s) => s.start <= t && t < s.end && s.a0 + s.a1 > 0.02);
    const stamps = calls.filter((c) => c.op === "drawImage" && (c.args[0] as { width: number }).width < 50);
    // One stamp per dot in flight (a dot waiting in the door itself is one stamp for all of them).
    expect(stamps.length).toBeGreaterThanOrEqual(inFlight.length - 1);
    expect(stamps.length).toBeLessThanOrEqual(inFlight.length + 1);
    // The frame starts from a clear canvas and ends with the vanes.
    expect(calls[0]!.op).toBe("clearRect");
    expect(calls.at(-1)!.op).toBe("stroke");
    expect(calls.filter((c) => c.op === "lineTo")).toHaveLength(2);
  });

  it("shows the new labels once most of the motion is done, and the complete state at its end", () => {
    const plan = planFor("animate");
    drawDoor(svg, after, "animate");
    untilStaged();
    browser.flushFrames(1, 1000 + plan.duration * 0.5);
    expect(svg.classList.contains("door-quiet")).toBe(true);
    browser.flushFrames(1, 1000 + plan.duration * 0.6);
    expect(svg.classList.contains("door-quiet")).toBe(false);
    expect(svg.classList.contains("door-moving")).toBe(true);
    browser.flushFrames(1, 1000 + plan.duration);
    expect(dotsLayer()).toBe(drawn(after));
    expect(svg.dataset.motion).toBeUndefined();
    expect(svg.classList.contains("door-moving")).toBe(false);
    expect(mainCalls().at(-1)!.op).toBe("clearRect");
    expect(browser.pendingFrames()).toBe(0);
  });

  it("cross-fades for readers who reduce motion: nothing on the canvas moves, the browser fades the stage", () => {
    const plan = planFor("reduce");
    expect(plan.sprites.some((s) => s.via)).toBe(false);
    drawDoor(svg, after, "reduce");
    untilStaged();
    // The labels are not held back: there is no flight to wait for.
    expect(svg.classList.contains("door-quiet")).toBe(false);
    expectFadesAsStaged();
    expect(mainCalls().filter((c) => c.op === "drawImage")).toHaveLength(0);
    browser.flushFrames(1, 1000 + plan.duration);
    expect(dotsLayer()).toBe(drawn(after));
  });

  it("fades the dots that leave the field without passing the door on their own schedules, and stops the fades if cut short", () => {
    // Backwards, newcomers leave the field where they stand, batch by batch.
    render(svg, after, { duration: 0 });
    drawDoor(svg, before, "animate");
    untilStaged();
    expectFadesAsStaged();
    expect(new Set(fades.map((f) => f.options.delay)).size).toBeGreaterThan(1);
    drawDoor(svg, after, "animate");
    for (const fade of fades) expect(fade.cancel).toHaveBeenCalled();
  });

  it("reads the page's colours once per colour scheme, from a probe in the SVG that it then removes", () => {
    // The class each read was made for, as it was at the time (the probe changes class as it goes).
    const read = vi.fn((cls: string | null) => cls);
    const computed = getComputedStyle;
    vi.stubGlobal("getComputedStyle", (el: Element) => (read(el.getAttribute("class")), computed(el)));
    const topLevel = (): number => svg.querySelectorAll(":scope > path").length;
    drawDoor(svg, after, "animate");
    untilStaged();
    // Each kind of dot, and the door's vanes.
    const first = read.mock.calls.map(([cls]) => cls);
    expect(first).toEqual(
      expect.arrayContaining(["door-dots door-dots--held", "door-dots door-dots--new", "door-vanes"]),
    );
    expect(topLevel()).toBe(0);
    read.mockClear();
    drawDoor(svg, before, "animate");
    untilStaged();
    expect(read).not.toHaveBeenCalled();
    // The reader's device turns dark: read again.
    browser.media.add("(prefers-color-scheme: dark)");
    drawDoor(svg, after, "animate");
    untilStaged();
    expect(read.mock.calls.map(([cls]) => cls)).toEqual(first);
    read.mockClear();
    drawDoor(svg, before, "animate");
    untilStaged();
    expect(read).not.toHaveBeenCalled();
  });

  it("sizes its canvas and off-screen layers to the SVG again when only its width or only its height has changed", () => {
    const showAt = (width: number, height: number): number[] => {
      (svg as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = () => ({
        left: 10,
        top: 20,
        width,
        height,
      });
      contexts.clear();
      drawDoor(svg, after, "animate");
      untilStaged();
      const canvas = pageCanvas()!;
      // The two off-screen layers it paints on are made again at that size too (a dot's stamp is small).
      const layers = [...contexts.keys()].filter((c) => c !== canvas && (c as HTMLCanvasElement).width > 50);
      expect(layers.map((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height])).toEqual([
        [canvas.width, canvas.height],
        [canvas.width, canvas.height],
      ]);
      return [canvas.width, canvas.height];
    };
    expect(showAt(360, 220)).toEqual([720, 440]);
    expect(showAt(300, 220)).toEqual([600, 440]);
    expect(showAt(300, 200)).toEqual([600, 400]);
  });

  it("spreads its set-up over frames on a slow device: a phase that would start past 8 ms waits for the next", () => {
    /** The frame in which the stage appears, with script running at `each` ms per clock reading. */
    const stagedAt = (each: number): number => {
      let clock = 0;
      vi.stubGlobal("performance", { now: () => (clock += each), measure: vi.fn() });
      render(svg, before, { duration: 0 });
      svg.classList.remove("door-moving", "door-quiet");
      drawDoor(svg, after, "animate");
      for (let frame = 1; frame <= 10; frame++) {
        browser.flushFrames(1, 1000);
        if (svg.classList.contains("door-moving")) return frame;
      }
      return Infinity;
    };
    // Fast: the four off-screen phases in the first frame, the page changed in the second.
    expect(stagedAt(0)).toBe(2);
    // Each reading 3 ms on from the last: two phases fit a frame's 8 ms, so two frames, then the page.
    expect(stagedAt(3)).toBe(3);
    // 4 ms a reading: a frame whose phase has used exactly its 8 ms starts no other.
    expect(stagedAt(4)).toBe(4);
    // Slow: one phase per frame, then the page.
    expect(stagedAt(20)).toBe(5);
  });

  it("on a detached copy (the idle warm-up), does the work of a step change one part per idle period", () => {
    const idle: (() => void)[] = [];
    browser.window.requestIdleCallback = (work: () => void) => idle.push(work);
    const copy = svg.cloneNode(true) as SVGSVGElement;
    drawDoor(copy, after, "animate");
    expect(copy.dataset.motion).toBeUndefined();
    expect(browser.pendingFrames()).toBe(0);
    const parts: number[] = [];
    while (idle.length) {
      parts.push(idle.length);
      idle.shift()!();
    }
    // Dots, plan, stage and render: four idle periods, one after the other.
    expect(parts).toEqual([1, 1, 1, 1]);
    expect(copy.querySelector('[data-layer="door-dots"]')!.outerHTML).toBe(drawn(after));
    expect(pageCanvas()).toBeNull();
  });

  it("puts the state in place at once for a resize, with no motion", () => {
    drawDoor(svg, after, "instant");
    expect(dotsLayer()).toBe(drawn(after));
    expect(svg.dataset.motion).toBeUndefined();
    expect(browser.pendingFrames()).toBe(0);
  });

  it("when a new step comes mid-way, drops the old motion and ends on the newest state", () => {
    const plan = planFor("animate");
    drawDoor(svg, after, "animate");
    untilStaged();
    browser.flushFrames(1, 1000 + plan.duration / 3);
    // Back to the step before: the half-done motion stops with its state complete, and the new one starts from it.
    drawDoor(svg, before, "animate");
    expect(dotsLayer()).toBe(drawn(after));
    expect(svg.classList.contains("door-moving")).toBe(false);
    untilStaged();
    browser.flushFrames(1, 1000 + 10_000);
    expect(dotsLayer()).toBe(drawn(before));
    expect(svg.dataset.motion).toBeUndefined();
  });

  it("stopped before its stage is set, leaves the page as it was; a hidden SVG gets its state without motion", () => {
    const shown = dotsLayer();
    drawDoor(svg, after, "animate");
    drawDoor(svg, before, "animate");
    expect(dotsLayer()).toBe(shown);
    drawDoor(svg, before, "instant");
    expect(dotsLayer()).toBe(shown);
    browser.flushFrames(10, 1000);
    expect(dotsLayer()).toBe(shown);
    expect(svg.dataset.motion).toBeUndefined();
    // A size variant that is not shown has no box: it gets the state, and no canvas is made for it.
    (svg as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = () => ({
      left: 0,
      top: 0,
      width: 0,
      height: 0,
    });
    drawDoor(svg, after, "animate");
    untilStaged();
    browser.flushFrames(10, 1000);
    expect(dotsLayer()).toBe(drawn(after));
    expect(pageCanvas()).toBeNull();
    expect(svg.dataset.motion).toBeUndefined();
  });
});

/**
 * Every call the motion makes on its canvases (the page's, its two offscreen layers and its dot
 * stamps), frame by frame, with the stage it puts on the page: compared with a committed log, as the
 * chart states are with committed SVGs. A changed log means changed painting code: review the diff;
 * if it is meant, run `npx vitest run --project unit tests/unit/door-motion.test.ts -u` and commit it.
 */
describe("the door's painting, call by call", () => {
  const round = (v: unknown): string => (typeof v === "number" ? String(Math.round(v * 10) / 10) : String(v));
  function log(from: Scene, to: Scene, mode: "animate" | "reduce", steps: number): string {
    render(svg, from, { duration: 0 });
    const plan = planFor(mode, from, to);
    const names = new Map<object, string>();
    const name = (canvas: object): string => {
      if (!names.has(canvas)) names.set(canvas, canvas === pageCanvas() ? "page" : `canvas${names.size}`);
      return names.get(canvas)!;
    };
    const lines: string[] = [];
    const drain = (): void => {
      for (const [canvas, context] of contexts) {
        for (const c of context.calls) {
          const args = c.args.map((a) => (typeof a === "object" && a !== null ? name(a) : round(a)));
          lines.push(
            `  ${name(canvas)}.${c.op}(${args.join(", ")}) α${round(c.alpha)} ${c.composite} ${c.paint}`.trimEnd(),
          );
        }
        context.calls.length = 0;
      }
    };
    drawDoor(svg, to, mode);
    untilStaged();
    lines.push(
      "staged:",
      ...[...svg.querySelectorAll('[data-layer="door-dots"] path')].map(
        (p) => `  ${p.outerHTML.replace(/ d="[^"]*"/, "")}`,
      ),
    );
    drain();
    for (let i = 1; i <= steps; i++) {
      const t = (plan.duration * i) / steps;
      browser.flushFrames(1, 1000 + t);
      lines.push(`t=${round(t)}: ${[...svg.classList].join(" ")}`);
      drain();
    }
    return `${lines.join("\n")}\n`;
  }

  it("forwards, backwards and cross-faded, on a screen of 3 device pixels per CSS pixel", async () => {
    // 1.5 canvas pixels per scene unit, so a size or place that skips the scale shows in the log.
    browser.window.devicePixelRatio = 3;
    const text = [
      "# forwards",
      log(before, after, "animate", 8),
      "# backwards",
      log(after, before, "animate", 8),
      "# reduced motion",
      log(before, after, "reduce", 2),
    ].join("\n");
    await expect(text).toMatchFileSnapshot("../snapshots/__motion__/door-frames.txt");
  });
});
