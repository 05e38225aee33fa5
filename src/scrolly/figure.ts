import { drawnLegend } from "../render/legend.ts";
import { render } from "../render/render.ts";
import type { SizeName } from "../render/scene.ts";
import { unpool, type FigurePayload } from "../story/payload.ts";
import { chartMotion, type MotionMode } from "./chart-motion.ts";
import { prefersReducedMotion } from "./motion.ts";

/** How long a change of state animates; reduced motion makes it instant. */
export const TRANSITION_MS = 650;

const isVisible = (svg: SVGSVGElement): boolean => svg.getBoundingClientRect().width > 0;

/** Draws one step's state into one size variant, and records which step it shows. */
function draw(svg: SVGSVGElement, payload: FigurePayload, stepId: string, mode: MotionMode): void {
  const step = payload.steps[stepId];
  if (!step) return;
  const scene = unpool(payload, step.scenes[svg.dataset.size as SizeName]);
  const own = chartMotion[payload.chart];
  if (own) own(svg, scene, mode);
  else render(svg, scene, { duration: mode === "animate" ? TRANSITION_MS : 0 });
  svg.dataset.drawn = stepId;
  const desc = svg.querySelector("desc");
  if (desc) desc.textContent = step.alt;
}

/**
 * Shows one step's state in a figure: animates the visible size variant, updates data-state and the
 * text alternative. The hidden variant is drawn only when a resize reveals it (see watchSizes),
 * which halves the work of a step change. A state is complete, so any step can follow any other.
 */
export function showState(figure: HTMLElement, payload: FigurePayload, stepId: string): void {
  const step = payload.steps[stepId];
  if (!step || figure.dataset.state === stepId) return;
  // A named measure, so the bench (and any reader's devtools) can see what a step change costs.
  const started = performance.now();
  figure.dataset.state = stepId;
  const mode = prefersReducedMotion() ? "reduce" : "animate";
  for (const svg of figure.querySelectorAll<SVGSVGElement>("svg[data-size]")) {
    if (isVisible(svg)) draw(svg, payload, stepId, mode);
  }
  const alt = figure.querySelector<HTMLElement>("[data-alt]");
  if (alt) alt.textContent = step.alt;
  showLegend(figure, drawnLegend(Object.values(step.scenes)));
  performance.measure("revolving-door:step", { start: started });
}

/** Shows the legend entries a state draws and hides the others (all of them when it does not say). */
function showLegend(figure: HTMLElement, drawn: string[] | undefined): void {
  for (const entry of figure.querySelectorAll<HTMLElement>("[data-legend-entry]"))
    entry.hidden = drawn !== undefined && !drawn.includes(entry.dataset.legendEntry ?? "");
}

/** When a resize or rotation swaps the visible size variant, bring it up to the current state, unanimated. */
export function watchSizes(figure: HTMLElement, payload: FigurePayload): void {
  const svgs = [...figure.querySelectorAll<SVGSVGElement>("svg[data-size]")];
  for (const svg of svgs) svg.dataset.drawn = figure.dataset.state ?? "";
  new ResizeObserver(() => {
    const stepId = figure.dataset.state ?? "";
    for (const svg of svgs) if (isVisible(svg) && svg.dataset.drawn !== stepId) draw(svg, payload, stepId, "instant");
  }).observe(figure);
}

/**
 * Runs one animated state change on a detached copy of the figure while the browser is idle, so the
 * reader's first real step change does not pay for compiling the join and transition code.
 */
export function warmUp(figure: HTMLElement, payload: FigurePayload): void {
  const svg = [...figure.querySelectorAll<SVGSVGElement>("svg[data-size]")].find(isVisible);
  const other = Object.keys(payload.steps).find((id) => id !== figure.dataset.state);
  if (!svg || !other) return;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const scene = unpool(payload, payload.steps[other]!.scenes[svg.dataset.size as SizeName]);
  const own = chartMotion[payload.chart];
  if (own) own(copy, scene, "animate");
  else render(copy, scene, { duration: 1 });
}
