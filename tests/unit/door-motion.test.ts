import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseDots } from "../../src/charts/door/dots.ts";
import { doorChart } from "../../src/charts/door/index.ts";
import { doorGeometry, fadePlan, flowPlan, sceneDots, spriteAt, type Plan } from "../../src/charts/door/plan.ts";
import { loadStory } from "../../src/content/load.ts";
import { render } from "../../src/render/render.ts";
import { sizes, type Scene } from "../../src/render/scene.ts";
import { fakeBrowser, type FakeBrowser } from "../support/fake-browser.ts";
import { fixtureDataset, held, recognised, release } from "../support/dataset.ts";
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

  it("stages every dot that holds still or fades, where it stands, and the target state's other layers whole", () => {
    const plan = planFor("animate");
    drawDoor(svg, after, "animate");
    untilStaged();
    const staged = [...svg.querySelectorAll('[data-layer="door-dots"] path')].flatMap((p) =>
      parseDots(p.getAttribute("d")!),
    );
    const standing = plan.sprites.filter((s) => !s.via).map((s) => ({ x: s.x0, y: s.y0 }));
    const order = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x - b.x || a.y - b.y;
    expect(staged.sort(order)).toEqual(standing.sort(order));
    const layer = (root: Element, id: string) => root.querySelector(`[data-layer="${id}"]`)!.outerHTML;
    const target = browser.document.createElementNS("http://www.w3.org/2000/svg", "svg");
    render(target, after, { duration: 0 });
    for (const id of ["door-frame", "door-labels"]) expect(layer(svg, id)).toBe(layer(target, id));
  });

  it("leaves no frame of a motion it drops waiting to be painted", () => {
    drawDoor(svg, after, "animate");
    untilStaged();
    expect(browser.pendingFrames()).toBe(1);
    drawDoor(svg, before, "animate");
    expect(browser.pendingFrames()).toBe(1);
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

  it("paints every dot in flight at every moment, also when newcomers set off before the last leavers", () => {
    // 150 freed in February: the leavers set off over more time than the newcomers wait.
    const base = fixtureDataset();
    const data = {
      ...base,
      held: [held("2024-12-31", 390), held("2025-01-31", 400), held("2025-02-28", 290)],
      releases: base.releases
        .filter((r) => r.date < "2025-03-01")
        .map((r) => (r.id === "feb-deal" ? { ...r, released: 150 } : r)),
      recognitions: [recognised("2025-01-01", "2025-01-31", 20), recognised("2025-02-01", "2025-02-28", 50)],
    };
    const scene = (state: Record<string, string>) => doorChart.layout(data, doorChart.state.parse(state), sizes.wide);
    const [from, to] = [
      scene({ at: "2025-01-31", since: "2024-12-31" }),
      scene({ at: "2025-02-28", since: "2025-01-31" }),
    ];
    const plan = planFor("animate", from, to);
    const movers = plan.sprites.filter((s) => s.via);
    expect(movers.some((s, i) => i > 0 && s.start < movers[i - 1]!.start)).toBe(true);
    render(svg, from, { duration: 0 });
    drawDoor(svg, to, "animate");
    untilStaged();
    for (let t = 10; t < 1800; t += 10) {
      const calls = mainCalls();
      calls.length = 0;
      browser.flushFrames(1, 1000 + t);
      // Drawn if seen: a newcomer is still transparent as it sets off.
      const inFlight = movers.filter(
        (s) =>
          s.start <= t && t < s.end && spriteAt(s, plan.door, t, { x: 0, y: 0, alpha: 0, tint: "held" }).alpha > 0.01,
      ).length;
      const stamps = calls.filter((c) => c.op === "drawImage" && (c.args[0] as { width: number }).width < 50).length;
      expect(stamps, `at ${t} ms`).toBe(inFlight);
    }
  });

  it("keeps the people freed after the latest count waiting in the door, one dot on top, until the last sets off", () => {
    const data = fixtureDataset();
    data.releases.push(release("jun-deal", "2025-06-01", 12, true), release("jun-pardon", "2025-06-20", 3));
    const scene = (state: Record<string, string>) => doorChart.layout(data, doorChart.state.parse(state), sizes.wide);
    const [from, to] = [scene({ at: "latest" }), scene({ at: "latest", after: "2025-06-30" })];
    const plan = planFor("animate", from, to);
    const waiting = plan.sprites.filter((s) => s.via);
    expect(waiting).toHaveLength(15);
    expect(waiting.every((s) => s.x0 === plan.door.x && s.y0 === plan.door.y)).toBe(true);
    render(svg, from, { duration: 0 });
    contexts.clear();
    drawDoor(svg, to, "animate");
    untilStaged();
    // Nobody is drawn waiting on the off-screen layer: they all wait on one spot, in the door.
    const offScreen = [...contexts.entries()].filter(
      ([canvas]) => canvas !== pageCanvas() && (canvas as HTMLCanvasElement).width > 50,
    );
    expect(offScreen.flatMap(([, c]) => c.calls.filter((call) => call.op === "arc"))).toEqual([]);
    const scale = pageCanvas()!.width / to.width;
    const last = Math.max(...waiting.map((s) => s.start));
    for (const t of [0, last - 1, last, last + 1]) {
      const calls = mainCalls();
      calls.length = 0;
      browser.flushFrames(1, 1000 + t);
      const stamps = calls.filter((c) => c.op === "drawImage" && (c.args[0] as HTMLCanvasElement).width < 50);
      const atDoor = stamps.filter(
        (c) =>
          Math.abs((c.args[1] as number) + (c.args[0] as HTMLCanvasElement).width / 2 - plan.door.x * scale) < 1.5 &&
          Math.abs((c.args[2] as number) + (c.args[0] as HTMLCanvasElement).width / 2 - plan.door.y * scale) < 1.5,
      );
      // One stamp per dot on its way, and before the last sets off one more: the top of those still waiting.
      const onTheirWay = waiting.filter((s) => s.start <= t && t < s.end).length;
      expect(stamps.length, `at ${t} ms`).toBe(onTheirWay + (t < last ? 1 : 0));
      expect(atDoor.length, `at ${t} ms`).toBeGreaterThanOrEqual(t < last ? 1 : 0);
      // Stamped on whole pixels, the waiting dot as much as those on their way.
      expect(
        stamps.every((c) => Number.isInteger(c.args[1]) && Number.isInteger(c.args[2])),
        `at ${t} ms`,
      ).toBe(true);
    }
  });

  it("draws a dot waiting in its slot under the door on a phone, where only its x is the door's", () => {
    // Counts of at most 88 give the phone 15 columns of 20 units: the middle one runs under the door,
    // so a person leaving from it waits where x is the door's and y is not, and is drawn there.
    const data = fixtureDataset();
    data.held = data.held.map((r) => ({ ...r, count: Math.round(r.count * 0.8) }));
    const scene = (state: Record<string, string>) =>
      doorChart.layout(data, doorChart.state.parse(state), sizes.compact);
    const [from, to] = [
      scene({ at: "2025-01-31", since: "2024-12-31" }),
      scene({ at: "2025-02-28", since: "2025-01-31" }),
    ];
    const plan = planFor("animate", from, to);
    const underDoor = plan.sprites.filter((s) => s.via && s.x0 === plan.door.x && s.y0 < plan.door.y);
    expect(underDoor).toHaveLength(1);
    svg.setAttribute("data-size", "compact");
    svg.setAttribute("viewBox", `0 0 ${to.width} ${to.height}`);
    render(svg, from, { duration: 0 });
    contexts.clear();
    drawDoor(svg, to, "animate");
    untilStaged();
    const scale = pageCanvas()!.width / to.width;
    const arcs = [...contexts.entries()]
      .filter(([canvas]) => canvas !== pageCanvas())
      .flatMap(([, c]) => c.calls.filter((call) => call.op === "arc" && call.composite === "source-over"));
    const at = (x: number, y: number) =>
      arcs.some(
        (c) => Math.abs((c.args[0] as number) - x * scale) < 1.5 && Math.abs((c.args[1] as number) - y * scale) < 1.5,
      );
    expect(at(underDoor[0]!.x0, underDoor[0]!.y0)).toBe(true);
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

  it("reads the page's colours once per colour scheme, from a probe in the SVG that it then removes, and stamps its dots in them", () => {
    // The class each read was made for, as it was at the time (the probe changes class as it goes).
    const read = vi.fn((cls: string | null) => cls);
    const computed = getComputedStyle;
    // Dark colours are the light ones marked dark.
    const dark = (): boolean => browser.media.has("(prefers-color-scheme: dark)");
    vi.stubGlobal("getComputedStyle", (el: Element) => {
      read(el.getAttribute("class"));
      return { stroke: `${computed(el).stroke}${dark() ? " dark" : ""}` };
    });
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
    // And the dots are stamped afresh in the dark colours.
    const fills = [...contexts.entries()]
      .filter(([canvas]) => (canvas as HTMLCanvasElement).width < 50)
      .flatMap(([, c]) => c.calls.filter((call) => call.op === "fill"));
    expect(fills.some((f) => f.paint === "colour of door-dots door-dots--held dark")).toBe(true);
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
      // Its dots are stamped at that scale: a dot of the plan's radius, 2 canvas pixels to spare.
      const plan = planFor("animate");
      browser.flushFrames(1, 1000 + plan.duration / 3);
      const stamps = mainCalls()
        .filter((c) => c.op === "drawImage" && (c.args[0] as HTMLCanvasElement).width < 50)
        .map((c) => (c.args[0] as HTMLCanvasElement).width);
      expect(stamps.length).toBeGreaterThan(0);
      expect(new Set(stamps)).toEqual(new Set([Math.ceil(2 * plan.radius * (canvas.width / after.width) + 2)]));
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
