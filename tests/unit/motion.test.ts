import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "../support/fake-browser.ts";

/** A fresh copy of the module for each test: a reader's choice lives in it for the page's life. */
const motion = async (): Promise<typeof import("../../src/scrolly/motion.ts")> => {
  vi.resetModules();
  return import("../../src/scrolly/motion.ts");
};

const KEY = "revolving-door:reduce-motion";
const REDUCE = "(prefers-reduced-motion: reduce)";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("reduced motion", () => {
  it("follows the system setting until the reader chooses", async () => {
    const { prefersReducedMotion } = await motion();
    const browser = fakeBrowser();
    expect(prefersReducedMotion()).toBe(false);
    browser.media.add(REDUCE);
    expect(prefersReducedMotion()).toBe(true);
  });

  it("follows the reader's own choice over the system setting, either way", async () => {
    const { prefersReducedMotion } = await motion();
    const browser = fakeBrowser();
    browser.storage.set(KEY, "true");
    expect(prefersReducedMotion()).toBe(true);
    browser.media.add(REDUCE);
    browser.storage.set(KEY, "false");
    expect(prefersReducedMotion()).toBe(false);
  });

  it("falls back to the system setting when storage is blocked", async () => {
    const { prefersReducedMotion } = await motion();
    const browser = fakeBrowser();
    browser.media.add(REDUCE);
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new Error("blocked");
      },
    });
    expect(prefersReducedMotion()).toBe(true);
  });
});

describe("the reduce-motion toggle", () => {
  const toggles = '<button data-motion-toggle></button><button data-motion-toggle class="second"></button>';

  it("shows the current mode on the page and on every toggle", async () => {
    const { setUpMotionToggle } = await motion();
    const browser = fakeBrowser(toggles);
    browser.media.add(REDUCE);
    setUpMotionToggle();
    expect(browser.document.documentElement.dataset.motion).toBe("reduce");
    for (const button of browser.document.querySelectorAll("[data-motion-toggle]"))
      expect(button.getAttribute("aria-pressed")).toBe("true");
  });

  it("switches the mode, remembers it, and shows it on every toggle", async () => {
    const { setUpMotionToggle } = await motion();
    const browser = fakeBrowser(toggles);
    setUpMotionToggle();
    expect(browser.document.documentElement.dataset.motion).toBe("full");
    browser.document.querySelector<HTMLButtonElement>(".second")!.click();
    expect(browser.storage.get(KEY)).toBe("true");
    expect(browser.document.documentElement.dataset.motion).toBe("reduce");
    for (const button of browser.document.querySelectorAll("[data-motion-toggle]"))
      expect(button.getAttribute("aria-pressed")).toBe("true");
    browser.document.querySelector<HTMLButtonElement>("[data-motion-toggle]")!.click();
    expect(browser.storage.get(KEY)).toBe("false");
    expect(browser.document.documentElement.dataset.motion).toBe("full");
  });

  it("still works, for this page, when storage is blocked", async () => {
    const { prefersReducedMotion, setUpMotionToggle } = await motion();
    const browser = fakeBrowser(toggles);
    vi.stubGlobal("localStorage", {
      getItem: () => null,
      setItem: () => {
        throw new Error("blocked");
      },
    });
    setUpMotionToggle();
    expect(() => {
      browser.document.querySelector<HTMLButtonElement>("[data-motion-toggle]")!.click();
    }).not.toThrow();
    expect(browser.document.documentElement.dataset.motion).toBe("reduce");
    expect(prefersReducedMotion()).toBe(true);
  });
});
