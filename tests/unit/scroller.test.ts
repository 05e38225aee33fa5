import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser, type FakeBrowser } from "../support/fake-browser.ts";

/** scrollama, as far as the scroller uses it: it only says "something changed". */
const scrollama = vi.hoisted(() => {
  const state = {
    options: undefined as unknown,
    enter: undefined as (() => void) | undefined,
    exit: undefined as (() => void) | undefined,
    resized: 0,
    destroyed: false,
  };
  const instance = {
    setup(options: unknown) {
      state.options = options;
      return instance;
    },
    onStepEnter(callback: () => void) {
      state.enter = callback;
      return instance;
    },
    onStepExit(callback: () => void) {
      state.exit = callback;
      return instance;
    },
    resize() {
      state.resized++;
      return instance;
    },
    destroy() {
      state.destroyed = true;
    },
  };
  return { state, factory: () => instance };
});
vi.mock("scrollama", () => ({ default: scrollama.factory }));

const { activeStep, watchSteps } = await import("../../src/scrolly/scroller.ts");

/** Steps at fixed places in the document; their boxes follow the window's scroll position. */
let browser: FakeBrowser;
let positions: number[];
let steps: HTMLElement[];
let active: string[];

beforeEach(() => {
  browser = fakeBrowser('<div id="a"></div><div id="b"></div><div id="c"></div>');
  positions = [1000, 2000, 3000];
  steps = ["a", "b", "c"].map((id) => browser.document.getElementById(id)!);
  steps.forEach((step, i) => {
    step.getBoundingClientRect = () => ({ top: positions[i]! - browser.window.scrollY }) as DOMRect;
  });
  browser.window.scrollBy = (_: number, dy: number) => {
    browser.window.scrollY += dy;
  };
  active = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const scrollTo = (y: number): void => {
  browser.window.scrollY = y;
  browser.window.dispatch("scroll");
  browser.flushFrames();
};
const watch = (offset = 0.5) =>
  watchSteps(
    steps,
    () => offset,
    (step) => active.push(step.id),
  );
/** Where step b's top sits relative to the trigger line, as a share of the viewport. */
const anchorOf = (i: number, offset = 0.5): number =>
  (positions[i]! - browser.window.scrollY - browser.window.innerHeight * offset) / browser.window.innerHeight;

describe("activeStep", () => {
  it("is the last step whose top has passed the trigger line, or the first before any has", () => {
    expect(activeStep(steps, 400)?.id).toBe("a");
    expect(activeStep(steps, 1000)?.id).toBe("a");
    expect(activeStep(steps, 2000)?.id).toBe("b");
    expect(activeStep(steps, 2999)?.id).toBe("b");
    expect(activeStep(steps, 5000)?.id).toBe("c");
    expect(activeStep([], 5000)).toBeUndefined();
  });
});

describe("watchSteps", () => {
  it("reports the step under the trigger line at once, then each time it changes, and only then", () => {
    browser.window.scrollY = 1700;
    watch();
    expect(active).toEqual(["b"]);
    scrollTo(1800);
    scrollTo(2600);
    scrollTo(100);
    expect(active).toEqual(["b", "c", "a"]);
  });

  it("updates once per frame however many scroll events and step crossings come in it", () => {
    watch();
    browser.window.scrollY = 2700;
    browser.window.dispatch("scroll");
    scrollama.state.enter?.();
    scrollama.state.exit?.();
    browser.window.dispatch("hashchange");
    expect(active).toEqual(["a"]);
    browser.flushFrames();
    expect(active).toEqual(["a", "c"]);
  });

  it("hands scrollama an offset it accepts (0 to 1) and the steps", () => {
    watch(1.4);
    expect(scrollama.state.options).toEqual({ step: steps, offset: 1 });
    watch(-0.2);
    expect(scrollama.state.options).toEqual({ step: steps, offset: 0 });
  });

  it("after a resize, puts the active step back where the reader left it relative to the trigger line", () => {
    browser.window.scrollY = 1700;
    watch();
    const before = anchorOf(1);
    // A rotation: the viewport shrinks and the content above the step grows taller.
    browser.window.innerHeight = 400;
    positions = [1500, 3100, 4500];
    browser.window.dispatch("resize");
    expect(anchorOf(1)).toBeCloseTo(before, 6);
    expect(browser.window.scrollY).toBe(3100 - 200 - before * 400);
    browser.flushFrames();
    expect(active).toEqual(["b"]);
    expect(scrollama.state.resized).toBeGreaterThan(0);
  });

  it("keeps the anchor fresh as the reader scrolls", () => {
    watch();
    scrollTo(1900);
    const before = anchorOf(1);
    positions = [1000, 2300, 3300];
    browser.window.dispatch("resize");
    expect(anchorOf(1)).toBeCloseTo(before, 6);
  });

  it("does not move the page for a step far from the trigger line (another section is being read)", () => {
    browser.window.scrollY = 3000 + 2000;
    positions = [1000, 2000, 3000];
    watch();
    expect(active).toEqual(["c"]);
    positions = [1000, 2000, 3500];
    browser.window.dispatch("resize");
    expect(browser.window.scrollY).toBe(5000);
  });

  it("does not move the page on a resize that comes after a jump to #step not yet seen", () => {
    browser.window.scrollY = 1700;
    watch();
    browser.window.scrollY = 2700;
    browser.window.dispatch("hashchange");
    positions = [1000, 2100, 3100];
    browser.window.dispatch("resize");
    expect(browser.window.scrollY).toBe(2700);
    browser.flushFrames();
    expect(active).toEqual(["b", "c"]);
  });

  it("stops listening when destroyed", () => {
    const scroller = watch();
    scroller.destroy();
    expect(scrollama.state.destroyed).toBe(true);
    for (const type of ["scroll", "resize", "hashchange"]) expect(browser.window.listeners.get(type)).toEqual([]);
  });

  it("re-reads positions when asked, as after a resize", () => {
    browser.window.scrollY = 1700;
    const scroller = watch();
    const resized = scrollama.state.resized;
    scroller.refresh();
    expect(scrollama.state.resized).toBe(resized + 1);
  });

  it("asks for one frame however many events come before it, and listens to scrolling passively", () => {
    watch();
    browser.window.dispatch("scroll");
    browser.window.dispatch("scroll");
    scrollama.state.enter?.();
    expect(browser.pendingFrames()).toBe(1);
    expect(browser.window.options.get("scroll")).toEqual([{ passive: true }]);
  });

  it("follows a jump to #step in the next frame", () => {
    watch();
    browser.window.scrollY = 2700;
    browser.window.dispatch("hashchange");
    browser.flushFrames();
    expect(active).toEqual(["a", "c"]);
  });

  it("re-reads which step is active after a resize that moves the steps", () => {
    browser.window.scrollY = 5000;
    watch();
    // The active step is far above the viewport (another section is read): the page is not moved.
    positions = [1000, 4000, 5600];
    browser.window.dispatch("resize");
    expect(browser.window.scrollY).toBe(5000);
    browser.flushFrames();
    expect(active).toEqual(["c", "b"]);
  });

  it("moves the page only for an active step less than a viewport above the trigger line", () => {
    // Trigger line at 400 px (half of 800); step b's top 799.99 px above it.
    browser.window.scrollY = 2000 - 400 + 799.99;
    watch();
    expect(active).toEqual(["b"]);
    positions = [1000, 2100, 3100];
    browser.window.dispatch("resize");
    expect(browser.window.scrollY).toBeCloseTo(2100 - 400 + 799.99, 6);
    // Exactly a viewport above: left alone.
    browser.window.scrollY = 2100 - 400 + 800;
    browser.window.dispatch("scroll");
    browser.flushFrames();
    positions = [1000, 2200, 3200];
    browser.window.dispatch("resize");
    expect(browser.window.scrollY).toBe(2100 - 400 + 800);
  });

  it("drops a frame it asked for when destroyed", () => {
    const scroller = watch();
    browser.window.scrollY = 2700;
    browser.window.dispatch("scroll");
    scroller.destroy();
    browser.flushFrames();
    expect(active).toEqual(["a"]);
  });

  it("copes with a section without steps", () => {
    expect(() =>
      watchSteps(
        [],
        () => 0.5,
        () => undefined,
      ),
    ).not.toThrow();
  });
});
