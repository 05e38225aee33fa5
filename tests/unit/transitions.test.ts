import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { render } from "../../src/render/render.ts";
import type { Mark, Scene } from "../../src/render/scene.ts";

const scene = (...marks: Mark[]): Scene => ({ width: 100, height: 100, layers: [{ id: "marks", marks }] });
const label = (x: number, text: string): Mark => ({ key: "label", tag: "text", attrs: { x, y: 10 }, text });
const line = (d: string): Mark => ({ key: "line", tag: "path", attrs: { d } });

function svg(): SVGSVGElement {
  const { document } = parseHTML("<!doctype html><html><body><svg></svg></body></html>");
  return document.querySelector("svg") as unknown as SVGSVGElement;
}

/** Samples one attribute and the opacity together, and the time of each sample, while a change plays out. */
async function watch(node: Element, name: string, ms: number) {
  const seen: { at: number; value: string | null; opacity: string | null }[] = [];
  const start = Date.now();
  while (Date.now() - start < ms) {
    seen.push({ at: Date.now() - start, value: node.getAttribute(name), opacity: node.getAttribute("opacity") });
    await new Promise((resolve) => setTimeout(resolve, 4));
  }
  return seen;
}

/**
 * Draws a mark, changes it to another state over `duration` ms, and samples the attribute `name`
 * and the opacity until a while after the change should be over.
 */
async function change(from: Mark, to: Mark, name: string, duration = 120, ms = duration + 100) {
  const el = svg();
  render(el, scene(from), { duration: 0 });
  render(el, scene(to), { duration });
  const node = el.querySelector(`[data-key="${to.key}"]`)!;
  return { node, seen: await watch(node, name, ms) };
}
const between = (value: string | null): boolean => value !== null && Number(value) > 0 && Number(value) < 1;
const lowest = (values: (string | null)[]): number => Math.min(...values.map((v) => Number(v ?? 1)));

describe("render() between states", () => {
  it("fades a label that moves out and back in at its new place: it never slides across others", async () => {
    const { node, seen } = await change(label(10, "Jun 2025"), label(90, "May"), "x");
    const xs = seen.map((s) => s.value);
    expect(new Set(xs)).toEqual(new Set(["10", "90"]));
    expect(node.getAttribute("opacity")).toBe("1");
    expect(node.textContent).toBe("May");
  });

  it("cross-fades a line drawn through other points instead of morphing it off its dots", async () => {
    const { node, seen } = await change(line("M0,50L50,40L100,30"), line("M0,80L25,70L50,60L75,50L100,40"), "d");
    const ds = seen.map((s) => s.value);
    expect(new Set(ds)).toEqual(new Set(["M0,50L50,40L100,30", "M0,80L25,70L50,60L75,50L100,40"]));
    expect(node.getAttribute("opacity")).toBe("1");
  });

  it("still moves a line through the same points smoothly, with its dots", async () => {
    const { node, seen } = await change(line("M0,50L100,30"), line("M0,60L100,40"), "d");
    const ds = seen.map((s) => s.value);
    expect(new Set(ds).size).toBeGreaterThan(3);
    expect(node.getAttribute("d")).toBe("M0,60L100,40");
  });
});

describe("render(): which marks fade through and which move", () => {
  const text = (attrs: Mark["attrs"], words?: string): Mark => ({
    key: "label",
    tag: "text",
    attrs,
    ...(words === undefined ? {} : { text: words }),
  });

  it.each([
    ["x", { x: 10, y: 10 }, { x: 90, y: 10 }],
    ["y", { x: 10, y: 10 }, { x: 10, y: 90 }],
    ["text-anchor", { x: 10, "text-anchor": "start" }, { x: 10, "text-anchor": "end" }],
  ])("a label whose %s changes, and only that, fades through instead of sliding", async (name, from, to) => {
    const { node, seen } = await change(text(from, "May"), text(to, "May"), name);
    expect(new Set(seen.map((s) => s.value))).toEqual(
      new Set([String(from[name as keyof typeof from]), String(to[name as keyof typeof to])]),
    );
    expect(lowest(seen.map((s) => s.opacity))).toBeLessThan(0.5);
    expect(node.getAttribute(name)).toBe(String(to[name as keyof typeof to]));
  });

  it("a label that only changes its words fades through, and keeps its place", async () => {
    const { node, seen } = await change(text({ x: 10, y: 10 }, "May"), text({ x: 10, y: 10 }, "June"), "x");
    expect(lowest(seen.map((s) => s.opacity))).toBeLessThan(0.5);
    expect(node.textContent).toBe("June");
  });

  it("fades a moving label out where it was and in where it goes, both gradually, even with no opacity written", async () => {
    const el = svg();
    el.innerHTML = '<g data-layer="marks"><text data-key="label" x="10" y="10">May</text></g>';
    render(el, scene(text({ x: 90, y: 10 }, "May")), { duration: 160 });
    const node = el.querySelector('[data-key="label"]')!;
    const seen = await watch(node, "x", 260);
    expect(seen.some((s) => s.value === "10" && between(s.opacity))).toBe(true);
    expect(seen.some((s) => s.value === "90" && between(s.opacity))).toBe(true);
    expect(node.getAttribute("opacity")).toBe("1");
  });

  it("a hidden label that moves and shows starts to fade in at once: there is nothing to fade out first", async () => {
    const { seen } = await change(
      text({ x: 10, y: 10, opacity: 0 }, "May"),
      text({ x: 90, y: 10, opacity: 1 }, "May"),
      "x",
      300,
      450,
    );
    const firstShown = seen.find((s) => Number(s.opacity) > 0)!;
    const done = seen.find((s) => s.opacity === "1")!;
    // Measured against the end of the fade, so a slow machine slows both alike.
    expect(firstShown.value).toBe("90");
    expect(firstShown.at).toBeLessThan(done.at * 0.35);
  });

  it("a label that changes only its opacity tweens it straight there, without a dip to nothing", async () => {
    const { seen } = await change(text({ x: 10 }, "May"), text({ x: 10, opacity: 0.5 }, "May"), "x");
    expect(lowest(seen.map((s) => s.opacity))).toBe(0.5);
    expect(new Set(seen.map((s) => s.opacity)).size).toBeGreaterThan(3);
  });

  it("a text mark that gives no words keeps the words it has, moving, fading or drawn at once", async () => {
    const el = svg();
    el.innerHTML = '<g data-layer="marks"><text data-key="label" x="10" y="10">May</text></g>';
    const node = el.querySelector('[data-key="label"]')!;
    render(el, scene(text({ x: 10, y: 10, opacity: 0.4 })), { duration: 120 });
    const fading = await watch(node, "x", 220);
    expect(lowest(fading.map((s) => s.opacity))).toBe(0.4);
    expect(node.textContent).toBe("May");
    render(el, scene(text({ x: 90, y: 10 })), { duration: 120 });
    const moving = await watch(node, "x", 220);
    expect(lowest(moving.map((s) => s.opacity))).toBeLessThan(0.4);
    expect(node.textContent).toBe("May");
    render(el, scene(text({ x: 20, y: 10 })), { duration: 0 });
    expect(node.textContent).toBe("May");
  });

  it("a path whose new state gives no shape keeps its shape and tweens what it does give", async () => {
    const { node, seen } = await change(
      line("M0,50L100,30"),
      { key: "line", tag: "path", attrs: { opacity: 0.5 } },
      "d",
    );
    expect(lowest(seen.map((s) => s.opacity))).toBe(0.5);
    expect(node.getAttribute("d")).toBe("M0,50L100,30");
  });

  it("a path drawn with no shape yet takes its first one", async () => {
    const el = svg();
    el.innerHTML = '<g data-layer="marks"><path data-key="line"></path></g>';
    render(el, scene(line("M0,50L100,30")), { duration: 60 });
    const node = el.querySelector('[data-key="line"]')!;
    await watch(node, "d", 120);
    expect(node.getAttribute("d")).toBe("M0,50L100,30");
  });

  it("a line through the same points morphs even when its numbers are written longer", async () => {
    const { seen } = await change(line("M0,5L100,3"), line("M0,60.5L100,40.25"), "d");
    expect(new Set(seen.map((s) => s.value)).size).toBeGreaterThan(3);
    expect(lowest(seen.map((s) => s.opacity))).toBe(1);
  });

  it("a mark with no opacity written that fades and moves tweens from opaque, not from nothing", async () => {
    const el = svg();
    el.innerHTML = '<g data-layer="marks"><rect data-key="bar" width="10"></rect></g>';
    render(el, scene({ key: "bar", tag: "rect", attrs: { width: 100, opacity: 0.4 } }), { duration: 120 });
    const node = el.querySelector('[data-key="bar"]')!;
    const seen = await watch(node, "width", 220);
    expect(lowest(seen.map((s) => s.opacity))).toBe(0.4);
    expect(seen.some((s) => Number(s.opacity) > 0.5)).toBe(true);
  });

  it("a change back to what a mark shows, before its transition starts, stops it there", async () => {
    const el = svg();
    render(el, scene({ key: "bar", tag: "rect", attrs: { width: 0 } }), { duration: 0 });
    render(el, scene({ key: "bar", tag: "rect", attrs: { width: 100 } }), { duration: 60 });
    render(el, scene({ key: "bar", tag: "rect", attrs: { width: 0 } }), { duration: 60 });
    const node = el.querySelector('[data-key="bar"]')!;
    const seen = await watch(node, "width", 140);
    expect(new Set(seen.map((s) => s.value))).toEqual(new Set(["0"]));
  });

  it("a mark that leaves is gone in the first half of the change, before the mark that comes is fully in", async () => {
    const el = svg();
    render(el, scene({ key: "old", tag: "rect", attrs: { width: 10 } }), { duration: 0 });
    const leaving = el.querySelector('[data-key="old"]')!;
    render(el, scene({ key: "new", tag: "rect", attrs: { width: 20 } }), { duration: 200 });
    const coming = el.querySelector('[data-key="new"]')!;
    const seen: { gone: boolean; opacity: string | null }[] = [];
    while (coming.getAttribute("opacity") !== "1") {
      seen.push({ gone: leaving.parentNode === null, opacity: coming.getAttribute("opacity") });
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    const goneAt = seen.findIndex((s) => s.gone);
    expect(goneAt).toBeGreaterThan(0);
    expect(Number(seen[goneAt]!.opacity)).toBeLessThan(0.75);
  });
});
