import scrollama from "scrollama";

/**
 * The only module that knows about scrollama. Scrollama tells us *that* the reader crossed a step;
 * which step is active is then derived from positions, so fast scrolling, reloads mid-story, anchor
 * jumps and scrolling up all land on the step under the trigger line.
 */

/** Where the trigger line sits, as a share of the viewport height from the top. */
export type Offset = number;

/** The last step whose top has passed the trigger line; the first step before any has. */
export function activeStep(steps: readonly HTMLElement[], triggerY: number): HTMLElement | undefined {
  let active = steps[0];
  for (const step of steps) {
    if (step.getBoundingClientRect().top <= triggerY) active = step;
  }
  return active;
}

/** The part of scrollama we use, typed by hand: its bundled types drift from its code. */
interface ScrollamaSlice {
  setup(options: { step: HTMLElement[]; offset: number }): ScrollamaSlice;
  onStepEnter(callback: () => void): ScrollamaSlice;
  onStepExit(callback: () => void): ScrollamaSlice;
  resize(): ScrollamaSlice;
  destroy(): void;
}

export interface Scroller {
  /** Re-reads positions (after fonts load, a resize, or the URL bar moving). */
  refresh(): void;
  destroy(): void;
}

export function watchSteps(
  steps: HTMLElement[],
  offset: () => Offset,
  onActive: (step: HTMLElement) => void,
): Scroller {
  let current: HTMLElement | undefined;
  let frame = 0;
  // Where the active step sat relative to the trigger line, as a share of the viewport height,
  // so that a resize (URL bar, rotation, zoom) can put it back where the reader left it.
  let anchor = 0;
  // A jump to #step that update() has not seen yet makes the anchor describe the old position.
  // (Comparing scroll positions cannot tell: the browser itself moves the page as it resizes,
  // before the resize event, and that move is exactly what the anchor must undo.)
  let stale = true;
  const update = (): void => {
    frame = 0;
    const triggerY = window.innerHeight * offset();
    const next = activeStep(steps, triggerY);
    if (next && next !== current) {
      current = next;
      onActive(next);
    }
    if (current) anchor = (current.getBoundingClientRect().top - triggerY) / window.innerHeight;
    stale = false;
  };
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(update);
  };

  // scrollama 3.2 throws on an offset outside 0..1, so clamp what we pass it.
  const instance = scrollama() as unknown as ScrollamaSlice;
  instance
    .setup({ step: steps, offset: Math.min(1, Math.max(0, offset())) })
    .onStepEnter(schedule)
    .onStepExit(schedule);

  const onResize = (): void => {
    // Only the section being read moves the page (others have their step far off screen), and only
    // if the anchor is fresh.
    if (current && Math.abs(anchor) < 1 && !stale) {
      const wanted = window.innerHeight * offset() + anchor * window.innerHeight;
      window.scrollBy(0, current.getBoundingClientRect().top - wanted);
    }
    instance.resize();
    schedule();
  };
  // A scroll listener is passive and coalesced to one frame; it catches what the observer misses
  // when a reader flings past several steps in one frame.
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", onResize);
  const onHashChange = (): void => {
    stale = true;
    schedule();
  };
  window.addEventListener("hashchange", onHashChange);
  update();

  return {
    refresh: onResize,
    destroy() {
      instance.destroy();
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", onResize);
      window.removeEventListener("hashchange", onHashChange);
      if (frame) cancelAnimationFrame(frame);
    },
  };
}
