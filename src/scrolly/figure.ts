import { render } from "../render/render.ts";
import { unpool, type FigurePayload } from "../story/payload.ts";
import { prefersReducedMotion } from "./motion.ts";
import type { SizeName } from "../render/scene.ts";

/** How long a change of state animates; reduced motion makes it instant. */
export const TRANSITION_MS = 650;

/**
 * Shows one step's state in a figure: redraws both size variants (only the visible one animates),
 * and updates data-state and the text alternative. A state is complete, so any step can follow any other.
 */
export function showState(figure: HTMLElement, payload: FigurePayload, stepId: string): void {
  const step = payload.steps[stepId];
  if (!step || figure.dataset.state === stepId) return;
  figure.dataset.state = stepId;
  const animate = !prefersReducedMotion();
  for (const svg of figure.querySelectorAll<SVGSVGElement>("svg[data-size]")) {
    const size = svg.dataset.size as SizeName;
    const visible = svg.getBoundingClientRect().width > 0;
    render(svg, unpool(payload, step.scenes[size]), { duration: animate && visible ? TRANSITION_MS : 0 });
    const desc = svg.querySelector("desc");
    if (desc) desc.textContent = step.alt;
  }
  const alt = figure.querySelector<HTMLElement>("[data-alt]");
  if (alt) alt.textContent = step.alt;
}
