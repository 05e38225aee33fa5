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

/** Samples an attribute every few milliseconds while a change plays out. */
async function watch(read: () => string | null, ms: number): Promise<(string | null)[]> {
  const seen: (string | null)[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    seen.push(read());
    await new Promise((resolve) => setTimeout(resolve, 4));
  }
  return seen;
}

describe("render() between states", () => {
  it("fades a label that moves out and back in at its new place: it never slides across others", async () => {
    const el = svg();
    render(el, scene(label(10, "Jun 2025")), { duration: 0 });
    render(el, scene(label(90, "May")), { duration: 120 });
    const node = el.querySelector('[data-key="label"]')!;
    const xs = await watch(() => node.getAttribute("x"), 220);
    expect(new Set(xs)).toEqual(new Set(["10", "90"]));
    expect(node.getAttribute("opacity")).toBe("1");
    expect(node.textContent).toBe("May");
  });

  it("cross-fades a line drawn through other points instead of morphing it off its dots", async () => {
    const el = svg();
    render(el, scene(line("M0,50L50,40L100,30")), { duration: 0 });
    render(el, scene(line("M0,80L25,70L50,60L75,50L100,40")), { duration: 120 });
    const node = el.querySelector('[data-key="line"]')!;
    const ds = await watch(() => node.getAttribute("d"), 220);
    expect(new Set(ds)).toEqual(new Set(["M0,50L50,40L100,30", "M0,80L25,70L50,60L75,50L100,40"]));
    expect(node.getAttribute("opacity")).toBe("1");
  });

  it("still moves a line through the same points smoothly, with its dots", async () => {
    const el = svg();
    render(el, scene(line("M0,50L100,30")), { duration: 0 });
    render(el, scene(line("M0,60L100,40")), { duration: 120 });
    const node = el.querySelector('[data-key="line"]')!;
    const ds = await watch(() => node.getAttribute("d"), 220);
    expect(new Set(ds).size).toBeGreaterThan(3);
    expect(node.getAttribute("d")).toBe("M0,60L100,40");
  });
});
