import { select, type Selection } from "d3-selection";
import "d3-transition";
import type { Layer, Mark, Scene } from "./scene.ts";

export interface RenderOptions {
  /** Milliseconds; 0 sets attributes directly and creates no transition (server, reduced motion). */
  duration: number;
}

/**
 * A d3 key function that also matches nodes with no bound data: the server's markup, adopted in the
 * browser, carries its key in an attribute instead.
 */
function keyBy<T>(attribute: string, key: (d: T) => string) {
  return function (this: Element | T[], d: T | undefined): string {
    return d === undefined ? ((this as Element).getAttribute(attribute) ?? "") : key(d);
  };
}

type AnySelection = Selection<SVGElement, Mark, SVGGElement, Layer>;

/**
 * A mark without an opacity attribute is opaque: write that down before it fades, or d3 tweens from
 * the missing attribute as if it were 0, and the mark vanishes at once instead of fading.
 */
function markOpaque(node: Element): void {
  if (!node.hasAttribute("opacity")) node.setAttribute("opacity", "1");
}

function applyAttrs(selection: AnySelection, mark: (m: Mark) => Mark["attrs"]): void {
  selection.each(function (m) {
    const node = select(this);
    for (const [name, value] of Object.entries(mark(m))) node.attr(name, value);
    if (m.text !== undefined) node.text(m.text);
  });
}

/** The command letters of a path ("MLLLZ"): two paths with the same letters morph point by point. */
const commands = (d: string): string => d.replace(/[^a-zA-Z]/g, "");

/**
 * Marks that must not slide from one state to the next: a label that moves or changes its words
 * (sliding labels cross each other mid-way, "Jun 2025May"), and a path whose shape is made of other
 * points (a line over another date range: morphing it vertex by vertex pulls it off its own dots).
 */
function fadesThrough(node: SVGElement, m: Mark): boolean {
  if (m.tag === "text")
    return (
      (m.text !== undefined && node.textContent !== m.text) ||
      ["x", "y", "text-anchor"].some(
        (name) => m.attrs[name] !== undefined && node.getAttribute(name) !== String(m.attrs[name]),
      )
    );
  const d = node.getAttribute("d");
  return m.tag === "path" && d !== null && m.attrs.d !== undefined && commands(d) !== commands(String(m.attrs.d));
}

/** Fades a mark out where it is, puts it in its new place, and fades it back in. */
function fadeThrough(node: Selection<SVGElement, unknown, null, undefined>, m: Mark, duration: number): void {
  const target = m.attrs.opacity ?? 1;
  const visibleNow = node.attr("opacity") !== "0";
  markOpaque(node.node()!);
  node
    .interrupt()
    .transition()
    .duration(visibleNow ? duration / 2 : 0)
    .attr("opacity", 0)
    .transition()
    .duration(duration / 2)
    .on("start", function () {
      const el = select(this);
      for (const [name, value] of Object.entries(m.attrs)) if (name !== "opacity") el.attr(name, value);
      if (m.text !== undefined) el.text(m.text);
    })
    .attr("opacity", target);
}

/**
 * Draws a scene into an SVG element, converging from whatever the element shows now.
 * The same function runs on the server (against linkedom) and in the browser, where it adopts the
 * server's nodes by their data-key and animates from them.
 */
export function render(svg: SVGSVGElement, scene: Scene, { duration }: RenderOptions): void {
  const root = select(svg).attr("viewBox", `0 0 ${scene.width} ${scene.height}`);
  const layers = root
    .selectAll<SVGGElement, Layer>("g[data-layer]")
    .data<Layer>(
      scene.layers,
      keyBy("data-layer", (d: Layer) => d.id),
    )
    .join((enter) => enter.append("g").attr("data-layer", (d) => d.id));

  layers.each(function (layer) {
    const marks = select(this)
      .selectAll<SVGElement, Mark>("[data-key]")
      .data<Mark>(
        layer.marks,
        keyBy("data-key", (d: Mark) => d.key),
      );

    // A fading mark gives up its key at once, so a quick return to a state that has it creates a
    // fresh mark instead of adopting one that is about to be removed.
    // It fades in the first half of the change, so old and new series are not seen as ghosts together.
    const exiting = marks.exit<Mark>().attr("data-key", null);
    if (duration > 0)
      exiting
        .each(function () {
          markOpaque(this);
        })
        .transition()
        .duration(duration / 2)
        .attr("opacity", 0)
        .remove();
    else exiting.remove();

    const entered = marks
      .enter()
      .append((m) => svg.ownerDocument.createElementNS("http://www.w3.org/2000/svg", m.tag) as SVGElement)
      .attr("data-key", (m) => m.key) as unknown as AnySelection;
    applyAttrs(entered, (m) => m.attrs);

    const updated = marks as unknown as AnySelection;
    if (duration > 0) {
      entered
        .attr("opacity", 0)
        .transition()
        .duration(duration)
        .attr("opacity", (m) => m.attrs.opacity ?? 1);
      updated.each(function (m) {
        const node = select(this);
        if (fadesThrough(this, m)) {
          fadeThrough(node, m, duration);
          return;
        }
        // Tween only what changes: most marks (axes, outlines) hold still between steps, and a
        // transition per unchanged attribute is most of the cost of a step change. Opacity always
        // has a target, so a fade-in cut short by a fast scroll still ends fully opaque.
        const target = { opacity: 1, ...m.attrs };
        const current = (name: string): string | null => this.getAttribute(name) ?? (name === "opacity" ? "1" : null);
        const changed = Object.entries(target).filter(([name, value]) => current(name) !== String(value));
        // A mark hidden before and after (a panel the step does not show) moves without a tween.
        if (changed.length === 0 || (current("opacity") === "0" && String(target.opacity) === "0")) {
          node.interrupt();
          for (const [name, value] of changed) node.attr(name, value);
          return;
        }
        if (changed.some(([name]) => name === "opacity")) markOpaque(this);
        const t = node.transition().duration(duration);
        for (const [name, value] of changed) t.attr(name, value);
      });
    } else {
      updated.interrupt().attr("opacity", (m) => m.attrs.opacity ?? null);
      applyAttrs(updated, (m) => m.attrs);
    }
    // Keep document order equal to the scene's order, so later marks paint on top.
    entered.merge(updated).order();
  });
}
