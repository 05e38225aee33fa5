import type { FigurePayload } from "../story/payload.ts";
import { showState } from "./figure.ts";
import { watchSteps } from "./scroller.ts";

/** Phones keep the chart on top and the text below it, so their trigger line sits lower. */
const offset = (): number => (window.matchMedia("(max-width: 759px)").matches ? 0.8 : 0.55);

function start(section: HTMLElement): void {
  const figure = section.querySelector<HTMLElement>("figure[data-chart]");
  const json = section.querySelector("script[data-figure-payload]")?.textContent;
  const steps = [...section.querySelectorAll<HTMLElement>("[data-step]")];
  if (!figure || !json || steps.length === 0) return;
  const payload = JSON.parse(json) as FigurePayload;
  watchSteps(steps, offset, (step) => {
    for (const s of steps) s.classList.toggle("is-active", s === step);
    showState(figure, payload, step.dataset.step!);
  });
}

document.querySelectorAll<HTMLElement>("[data-scrolly]").forEach(start);
