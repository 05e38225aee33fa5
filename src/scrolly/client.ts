/// <reference types="astro/client" />
import { whenIdle } from "../render/idle.ts";
import type { FigurePayload } from "../story/payload.ts";
import { showState, warmUp, watchSizes } from "./figure.ts";
import { prefersReducedMotion, setUpMotionToggle } from "./motion.ts";
import { watchSteps } from "./scroller.ts";

/** Phones keep the chart on top and the text below it, so their trigger line sits lower. */
const offset = (): number => (window.matchMedia("(max-width: 759px)").matches ? 0.8 : 0.55);

/** Previous/next buttons: scroll the chosen step into place and keep keyboard focus on the button. */
function setUpStepNav(section: HTMLElement, steps: HTMLElement[], current: () => number): (index: number) => void {
  const nav = section.querySelector<HTMLElement>("[data-step-nav]");
  if (!nav) return () => undefined;
  const position = nav.querySelector<HTMLElement>("[data-step-position]");
  const buttons = [...nav.querySelectorAll<HTMLButtonElement>("[data-step-go]")];
  for (const button of buttons) {
    button.addEventListener("click", () => {
      const target = steps[current() + Number(button.dataset.stepGo)];
      if (!target) return;
      history.replaceState(null, "", `#${target.id}`);
      target.scrollIntoView({ block: "start", behavior: prefersReducedMotion() ? "instant" : "smooth" });
    });
  }
  return (index) => {
    if (position) position.textContent = `Step ${index + 1} of ${steps.length}`;
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus at the last step.
    buttons[0]!.setAttribute("aria-disabled", String(index === 0));
    buttons[1]!.setAttribute("aria-disabled", String(index === steps.length - 1));
  };
}

function start(section: HTMLElement): void {
  const figure = section.querySelector<HTMLElement>("figure[data-chart]");
  const json = section.querySelector("script[data-figure-payload]")?.textContent;
  const steps = [...section.querySelectorAll<HTMLElement>("[data-step]")];
  if (!figure || !json || steps.length === 0) return;
  const payload = JSON.parse(json) as FigurePayload;
  watchSizes(figure, payload);
  whenIdle(() => {
    warmUp(figure, payload);
  });
  let index = 0;
  const updateNav = setUpStepNav(section, steps, () => index);
  watchSteps(steps, offset, (step) => {
    index = steps.indexOf(step);
    for (const s of steps) s.classList.toggle("is-active", s === step);
    showState(figure, payload, step.dataset.step!);
    updateNav(index);
  });
}

// Editors' preview aid (npm run dev only): show where the trigger line sits.
if (import.meta.env.DEV) {
  for (const line of document.querySelectorAll<HTMLElement>("[data-dev-trigger]"))
    line.style.top = `${offset() * 100}svh`;
}

setUpMotionToggle();
document.documentElement.classList.add("js-ready");
// One section per task, in page order: on a slow phone, setting up all four at once (parsing their
// states, reading their steps' positions) is one long task that holds up the reader's first tap.
const sections = [...document.querySelectorAll<HTMLElement>("[data-scrolly]")];
const startNext = (): void => {
  const section = sections.shift();
  if (!section) return;
  start(section);
  setTimeout(startNext, 0);
};
startNext();
