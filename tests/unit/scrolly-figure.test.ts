import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Mark } from "../../src/render/scene.ts";
import type { FigurePayload } from "../../src/story/payload.ts";
import { fakeBrowser, setBox, type FakeBrowser } from "../support/fake-browser.ts";

// d3's timer reads the clock it finds when it loads: the fake one goes in first (see render.test.ts).
vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
const { showState, TRANSITION_MS, warmUp, watchSizes } = await import("../../src/scrolly/figure.ts");
const { chartMotion } = await import("../../src/scrolly/chart-motion.ts");

const circle = (key: string, cx: number): Mark => ({ key, tag: "circle", attrs: { cx, cy: 5, r: 2 } });
/** Two steps; the mark "m" sits at 10 in the first and 90 in the second, at both sizes. */
const payload: FigurePayload = {
  chart: "prisoners",
  pool: [circle("m", 10), circle("m", 90), circle("axis", 0)],
  steps: {
    one: {
      alt: "Step one's text alternative",
      scenes: {
        wide: { width: 720, height: 440, layers: [{ id: "marks", marks: [0, 2] }] },
        compact: { width: 360, height: 320, layers: [{ id: "marks", marks: [0, 2] }] },
      },
    },
    two: {
      alt: "Step two's text alternative",
      scenes: {
        wide: { width: 720, height: 440, layers: [{ id: "marks", marks: [1, 2] }] },
        compact: { width: 360, height: 320, layers: [{ id: "marks", marks: [1, 2] }] },
      },
    },
  },
};

const FIGURE = `<figure data-chart="prisoners" data-state="one">
  <svg data-size="wide"><title>T</title><desc>Step one's text alternative</desc><g data-layer="marks"><circle data-key="m" cx="10"></circle><circle data-key="axis" cx="0"></circle></g></svg>
  <svg data-size="compact"><title>T</title><desc>Step one's text alternative</desc><g data-layer="marks"><circle data-key="m" cx="10"></circle><circle data-key="axis" cx="0"></circle></g></svg>
  <p data-alt>Step one's text alternative</p>
</figure>`;

let browser: FakeBrowser;
let figure: HTMLElement;
let wide: SVGSVGElement;
let compact: SVGSVGElement;
let resized: () => void;

beforeEach(() => {
  browser = fakeBrowser(FIGURE);
  figure = browser.document.querySelector("figure")!;
  wide = figure.querySelector('svg[data-size="wide"]')!;
  compact = figure.querySelector('svg[data-size="compact"]')!;
  setBox(wide, { width: 720 });
  setBox(compact, { width: 0 });
  vi.stubGlobal(
    "ResizeObserver",
    class {
      constructor(callback: () => void) {
        resized = callback;
      }
      observe(): void {}
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const cx = (svg: SVGSVGElement): string | null => svg.querySelector('[data-key="m"]')!.getAttribute("cx");

describe("showState, a step change in the browser", () => {
  it("sets data-state, and updates the text alternative both in the SVG and in the caption", () => {
    showState(figure, payload, "two");
    expect(figure.dataset.state).toBe("two");
    expect(wide.querySelector("desc")?.textContent).toBe("Step two's text alternative");
    expect(figure.querySelector("[data-alt]")?.textContent).toBe("Step two's text alternative");
  });

  it("animates the visible size over the transition, and leaves the hidden one for later", () => {
    showState(figure, payload, "two");
    expect(cx(wide)).toBe("10");
    vi.advanceTimersByTime(TRANSITION_MS / 2);
    expect(Number(cx(wide))).toBeGreaterThan(10);
    expect(Number(cx(wide))).toBeLessThan(90);
    vi.advanceTimersByTime(TRANSITION_MS);
    expect(cx(wide)).toBe("90");
    expect(cx(compact)).toBe("10");
    expect(compact.querySelector("desc")?.textContent).toBe("Step one's text alternative");
    expect(TRANSITION_MS).toBe(650);
  });

  it("with reduced motion, puts every mark at its final place at once", () => {
    browser.media.add("(prefers-reduced-motion: reduce)");
    showState(figure, payload, "two");
    expect(cx(wide)).toBe("90");
  });

  it("does nothing for the step already shown, or for a step it has no scenes for", () => {
    const measure = vi.spyOn(performance, "measure");
    showState(figure, payload, "one");
    showState(figure, payload, "three");
    expect(figure.dataset.state).toBe("one");
    expect(figure.querySelector("[data-alt]")?.textContent).toBe("Step one's text alternative");
    expect(measure).not.toHaveBeenCalled();
    measure.mockRestore();
  });

  it("updates whichever text alternative the figure has", () => {
    figure.querySelector("[data-alt]")!.remove();
    wide.querySelector("desc")!.remove();
    expect(() => {
      showState(figure, payload, "two");
    }).not.toThrow();
    expect(figure.dataset.state).toBe("two");
  });

  it("leaves a named measure for the bench and the reader's devtools", () => {
    const measure = vi.spyOn(performance, "measure");
    const started = performance.now();
    showState(figure, payload, "two");
    expect(measure).toHaveBeenCalledWith("revolving-door:step", { start: started });
    measure.mockRestore();
  });
});

describe("watchSizes, when a resize swaps the visible size", () => {
  it("brings the newly visible size up to the current step at once, and only it", () => {
    watchSizes(figure, payload);
    showState(figure, payload, "two");
    vi.advanceTimersByTime(2 * TRANSITION_MS);
    setBox(wide, { width: 0 });
    setBox(compact, { width: 360 });
    resized();
    expect(cx(compact)).toBe("90");
    expect(compact.querySelector("desc")?.textContent).toBe("Step two's text alternative");
    expect(compact.dataset.drawn).toBe("two");
  });

  it("leaves every size alone while the figure has no state it knows", () => {
    delete figure.dataset.state;
    watchSizes(figure, payload);
    setBox(compact, { width: 360 });
    expect(() => {
      resized();
    }).not.toThrow();
    expect([wide.dataset.drawn, compact.dataset.drawn]).toEqual(["", ""]);
    expect(cx(compact)).toBe("10");
  });

  it("leaves a size alone that already shows the current step", () => {
    watchSizes(figure, payload);
    expect([wide.dataset.drawn, compact.dataset.drawn]).toEqual(["one", "one"]);
    compact.querySelector('[data-key="m"]')!.setAttribute("cx", "55");
    setBox(compact, { width: 360 });
    resized();
    expect(cx(compact)).toBe("55");
  });
});

describe("warmUp", () => {
  it("runs a state change on a detached copy, leaving the figure as it is", () => {
    const before = figure.outerHTML;
    warmUp(figure, payload);
    vi.advanceTimersByTime(10);
    expect(figure.outerHTML).toBe(before);
  });

  it("runs the animated path, transition and all, which is what the reader's first step change would compile", () => {
    const clone = vi.spyOn(wide, "cloneNode");
    warmUp(figure, payload);
    const copy = clone.mock.results[0]!.value as SVGSVGElement;
    expect(cx(copy)).toBe("10");
    vi.advanceTimersByTime(TRANSITION_MS);
    expect(cx(copy)).toBe("90");
  });

  it("has nothing to do without a visible size or another step", () => {
    setBox(wide, { width: 0 });
    expect(() => {
      warmUp(figure, payload);
    }).not.toThrow();
    setBox(wide, { width: 720 });
    expect(() => {
      warmUp(figure, { ...payload, steps: { one: payload.steps.one! } });
    }).not.toThrow();
  });
});

describe("the legend follows the step", () => {
  /** The payload with a legend list on each step's wide scene (none where the list is undefined). */
  const withLegend = (...legends: (string[] | undefined)[]): FigurePayload => {
    const steps = Object.entries(payload.steps).map(([id, step], i) => {
      const legend = legends[i];
      const wide = legend ? { ...step.scenes.wide, legend } : step.scenes.wide;
      return [id, { ...step, scenes: { ...step.scenes, wide } }];
    });
    return { ...payload, steps: Object.fromEntries(steps) as FigurePayload["steps"] };
  };
  const shown = (): string[] =>
    [...figure.querySelectorAll<HTMLElement>("[data-legend-entry]")]
      .filter((e) => !e.hidden)
      .map((e) => e.dataset.legendEntry!);

  beforeEach(() => {
    figure.insertAdjacentHTML(
      "beforeend",
      '<ul><li data-legend-entry="held">Held</li><li data-legend-entry="freed">Freed</li><li data-legend-entry="new">New</li></ul>',
    );
  });

  it("shows the entries the step's scenes draw, in any of its sizes, and hides the others", () => {
    showState(figure, withLegend(["held"], ["held", "freed"]), "two");
    expect(shown()).toEqual(["held", "freed"]);
  });

  it("shows every entry for a step whose scenes do not say, even after a step that hid some", () => {
    const p = withLegend(["held"], undefined);
    figure.dataset.state = "two";
    showState(figure, p, "one");
    expect(shown()).toEqual(["held"]);
    showState(figure, p, "two");
    expect(shown()).toEqual(["held", "freed", "new"]);
  });
});

describe("a chart that moves its own marks (the door)", () => {
  const door: FigurePayload = { ...payload, chart: "door" };
  const drawDoor = vi.fn<(typeof chartMotion)["door"]>();
  beforeEach(() => {
    drawDoor.mockReset();
    vi.spyOn(chartMotion, "door").mockImplementation(drawDoor);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const sceneOf = (step: string): unknown =>
    expect.objectContaining({
      layers: [{ id: "marks", marks: [circle("m", step === "one" ? 10 : 90), circle("axis", 0)] }],
    });

  it("is drawn by its own motion, animated, or cut straight to the end with reduced motion", () => {
    showState(figure, door, "two");
    expect(drawDoor).toHaveBeenCalledExactlyOnceWith(wide, sceneOf("two"), "animate");
    expect(cx(wide)).toBe("10");
    browser.media.add("(prefers-reduced-motion: reduce)");
    showState(figure, door, "one");
    expect(drawDoor).toHaveBeenLastCalledWith(wide, sceneOf("one"), "reduce");
  });

  it("is brought up to the step at once when a resize shows its other size", () => {
    watchSizes(figure, door);
    showState(figure, door, "two");
    setBox(compact, { width: 360 });
    setBox(wide, { width: 0 });
    resized();
    expect(drawDoor).toHaveBeenLastCalledWith(compact, sceneOf("two"), "instant");
  });

  it("warms up on a copy of the visible size, moving to a step other than the one shown", () => {
    warmUp(figure, door);
    expect(drawDoor).toHaveBeenCalledOnce();
    const [copy, scene, mode] = drawDoor.mock.calls[0]!;
    expect(copy).not.toBe(wide);
    expect(copy.dataset.size).toBe("wide");
    expect(scene).toEqual(sceneOf("two"));
    expect(mode).toBe("animate");
  });
});

describe("a figure whose state names no step", () => {
  it("leaves its sizes as they are when a resize shows another", () => {
    watchSizes(figure, payload);
    figure.dataset.state = "retired-step";
    setBox(compact, { width: 360 });
    expect(() => {
      resized();
    }).not.toThrow();
    expect(cx(compact)).toBe("10");
  });
});
