import { parseHTML } from "linkedom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Mark, Scene } from "../../src/render/scene.ts";

// d3's timer reads the clock it finds when it loads, so the fake clock goes in first: every
// transition below then advances only when the test says so, never with the machine's speed.
vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
const { render } = await import("../../src/render/render.ts");

const circle = (key: string, i: number, attrs: Mark["attrs"] = {}): Mark => ({
  key,
  tag: "circle",
  attrs: { cx: 10 * i, cy: 10, r: 3, ...attrs },
});
const scene = (marks: Mark[], width = 100): Scene => ({ width, height: 100, layers: [{ id: "marks", marks }] });
const keys = (ids: string[]): Scene => scene(ids.map((key, i) => circle(key, i)));

let el: SVGSVGElement;
beforeEach(() => {
  const { document } = parseHTML("<!doctype html><html><body><svg></svg></body></html>");
  el = document.querySelector("svg") as unknown as SVGSVGElement;
});

const mark = (key: string): Element | null => el.querySelector(`[data-key="${key}"]`);
const order = (): (string | null)[] => [...el.querySelectorAll("circle")].map((n) => n.getAttribute("data-key"));
const moving = (node: Element | null): boolean => Boolean((node as unknown as { __transition?: unknown }).__transition);

describe("render() converging on a state", () => {
  it("draws a scene: a layer group per layer, a mark per mark with its attributes, the viewBox", () => {
    render(el, { ...keys(["a"]), layers: [...keys(["a"]).layers, { id: "labels", marks: [] }] }, { duration: 0 });
    expect([...el.querySelectorAll("g[data-layer]")].map((g) => g.getAttribute("data-layer"))).toEqual([
      "marks",
      "labels",
    ]);
    expect(el.getAttribute("viewBox")).toBe("0 0 100 100");
    expect(mark("a")?.tagName.toLowerCase()).toBe("circle");
    expect(mark("a")?.getAttribute("r")).toBe("3");
  });

  it("adopts existing nodes by data-key, including the server's, and keeps scene order", () => {
    render(el, keys(["a", "b"]), { duration: 0 });
    const a = mark("a");
    render(el, keys(["c", "a"]), { duration: 0 });
    expect(mark("a")).toBe(a);
    expect(order()).toEqual(["c", "a"]);
  });

  it("reorders marks that stay, so the later one in the scene paints on top", () => {
    render(el, keys(["a", "b", "c"]), { duration: 0 });
    render(el, keys(["c", "a", "b"]), { duration: 0 });
    expect(order()).toEqual(["c", "a", "b"]);
  });

  it("writes text content, and changes a label's words by fading through, never sliding one into the other", () => {
    const label = (text: string): Scene => scene([{ key: "t", tag: "text", attrs: { x: 1 }, text }]);
    render(el, label("52 freed"), { duration: 0 });
    expect(mark("t")?.textContent).toBe("52 freed");
    render(el, label("9 freed"), { duration: 100 });
    vi.advanceTimersByTime(30);
    // First half: the old words fade out where they are.
    expect(mark("t")?.textContent).toBe("52 freed");
    expect(Number(mark("t")?.getAttribute("opacity"))).toBeLessThan(1);
    vi.advanceTimersByTime(200);
    expect(mark("t")?.textContent).toBe("9 freed");
    expect(mark("t")?.getAttribute("opacity")).toBe("1");
  });

  it("with duration 0 sets every attribute at once and starts no transition", () => {
    render(el, keys(["a"]), { duration: 0 });
    render(el, scene([circle("a", 0, { cx: 70, opacity: 0.5 })]), { duration: 0 });
    expect(mark("a")?.getAttribute("cx")).toBe("70");
    expect(mark("a")?.getAttribute("opacity")).toBe("0.5");
    expect(moving(mark("a"))).toBe(false);
  });

  it("with a duration, moves a mark through the places between, and ends exactly at the new one", () => {
    render(el, scene([circle("a", 0, { cx: 0 })]), { duration: 0 });
    render(el, scene([circle("a", 0, { cx: 100 })]), { duration: 100 });
    expect(mark("a")?.getAttribute("cx")).toBe("0");
    vi.advanceTimersByTime(60);
    const mid = Number(mark("a")?.getAttribute("cx"));
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(100);
    vi.advanceTimersByTime(100);
    expect(mark("a")?.getAttribute("cx")).toBe("100");
  });

  it("tweens only what changes: a mark that holds still starts no transition", () => {
    render(el, keys(["a", "b"]), { duration: 0 });
    render(el, scene([circle("a", 0), circle("b", 1, { cx: 50 })]), { duration: 100 });
    expect(moving(mark("a"))).toBe(false);
    expect(moving(mark("b"))).toBe(true);
  });

  it("fades a mark that hides, and one that shows again, instead of switching it", () => {
    render(el, scene([circle("a", 0)]), { duration: 0 });
    render(el, scene([circle("a", 0, { opacity: 0 })]), { duration: 100 });
    vi.advanceTimersByTime(60);
    expect(Number(mark("a")?.getAttribute("opacity"))).toBeGreaterThan(0);
    vi.advanceTimersByTime(100);
    expect(mark("a")?.getAttribute("opacity")).toBe("0");
    render(el, scene([circle("a", 0, { opacity: 1 })]), { duration: 100 });
    vi.advanceTimersByTime(60);
    expect(Number(mark("a")?.getAttribute("opacity"))).toBeLessThan(1);
  });

  it("gives a mark an attribute it did not have, whatever its value", () => {
    render(el, keys(["a"]), { duration: 0 });
    render(el, scene([circle("a", 0, { "stroke-width": 1 })]), { duration: 100 });
    vi.advanceTimersByTime(200);
    expect(mark("a")?.getAttribute("stroke-width")).toBe("1");
  });

  it("with duration 0, drops the opacity of a mark whose new state has none", () => {
    render(el, scene([circle("a", 0, { opacity: 0.5 })]), { duration: 0 });
    render(el, keys(["a"]), { duration: 0 });
    expect(mark("a")?.getAttribute("opacity")).toBeNull();
  });

  it("moves a mark hidden before and after without a tween", () => {
    render(el, scene([circle("a", 0, { opacity: 0 })]), { duration: 0 });
    render(el, scene([circle("a", 0, { cx: 90, opacity: 0 })]), { duration: 100 });
    expect(mark("a")?.getAttribute("cx")).toBe("90");
    expect(moving(mark("a"))).toBe(false);
  });

  it("fades a new mark in to its own opacity", () => {
    render(el, keys([]), { duration: 0 });
    render(el, scene([circle("a", 0, { opacity: 0.4 })]), { duration: 100 });
    expect(mark("a")?.getAttribute("opacity")).toBe("0");
    vi.advanceTimersByTime(200);
    expect(mark("a")?.getAttribute("opacity")).toBe("0.4");
  });

  it("fades a leaving mark out, giving up its key at once, and removes it at the end", () => {
    render(el, keys(["a", "b"]), { duration: 0 });
    render(el, keys(["a"]), { duration: 100 });
    expect(mark("b")).toBeNull();
    expect(el.querySelectorAll("circle").length).toBe(2);
    // Leaving marks fade in the first half of the change.
    vi.advanceTimersByTime(30);
    const fading = Number(el.querySelectorAll("circle")[1]!.getAttribute("opacity"));
    expect(fading).toBeGreaterThan(0);
    expect(fading).toBeLessThan(1);
    vi.advanceTimersByTime(200);
    expect(el.querySelectorAll("circle").length).toBe(1);
  });

  it("leaves a mark fully opaque when a fade-in is cut short by the next step", () => {
    render(el, keys(["a"]), { duration: 0 });
    render(el, keys(["a", "b"]), { duration: 80 });
    vi.advanceTimersByTime(40);
    const midFade = Number(mark("b")?.getAttribute("opacity"));
    expect(midFade).toBeGreaterThan(0);
    expect(midFade).toBeLessThan(1);
    render(el, { ...keys(["a", "b"]), width: 101 }, { duration: 80 });
    vi.advanceTimersByTime(200);
    expect(mark("b")?.getAttribute("opacity")).toBe("1");
  });

  it("brings back a mark that was fading out as a fresh, opaque one", () => {
    render(el, keys(["a", "b"]), { duration: 0 });
    render(el, keys(["a"]), { duration: 80 });
    vi.advanceTimersByTime(15);
    render(el, keys(["a", "b"]), { duration: 80 });
    vi.advanceTimersByTime(200);
    const bs = el.querySelectorAll('[data-key="b"]');
    expect(bs.length).toBe(1);
    expect(bs[0]!.getAttribute("opacity")).toBe("1");
    expect(el.querySelectorAll("circle").length).toBe(2);
  });
});
