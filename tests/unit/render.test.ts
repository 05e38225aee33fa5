import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { render } from "../../src/render/render.ts";
import type { Scene } from "../../src/render/scene.ts";

const scene = (keys: string[]): Scene => ({
  width: 100,
  height: 100,
  layers: [{ id: "marks", marks: keys.map((key, i) => ({ key, tag: "circle", attrs: { cx: 10 * i, cy: 10, r: 3 } })) }],
});

function svg(): SVGSVGElement {
  const { document } = parseHTML("<!doctype html><html><body><svg></svg></body></html>");
  return document.querySelector("svg") as unknown as SVGSVGElement;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("render() converging on a state", () => {
  it("adopts existing nodes by data-key and keeps scene order", () => {
    const el = svg();
    render(el, scene(["a", "b"]), { duration: 0 });
    const a = el.querySelector('[data-key="a"]');
    render(el, scene(["c", "a"]), { duration: 0 });
    expect(el.querySelector('[data-key="a"]')).toBe(a);
    expect([...el.querySelectorAll("[data-key]")].map((n) => n.getAttribute("data-key"))).toEqual(["c", "a"]);
  });

  it("leaves a mark fully opaque when a fade-in is cut short by the next step", async () => {
    const el = svg();
    render(el, scene(["a"]), { duration: 0 });
    render(el, scene(["a", "b"]), { duration: 80 });
    await wait(15);
    render(el, { ...scene(["a", "b"]), width: 101 }, { duration: 80 });
    await wait(200);
    expect(el.querySelector('[data-key="b"]')?.getAttribute("opacity")).toBe("1");
  });

  it("brings back a mark that was fading out as a fresh, opaque one", async () => {
    const el = svg();
    render(el, scene(["a", "b"]), { duration: 0 });
    render(el, scene(["a"]), { duration: 80 });
    await wait(15);
    render(el, scene(["a", "b"]), { duration: 80 });
    await wait(200);
    const bs = el.querySelectorAll('[data-key="b"]');
    expect(bs.length).toBe(1);
    expect(bs[0]!.getAttribute("opacity")).toBe("1");
    expect(el.querySelectorAll("circle").length).toBe(2);
  });
});
