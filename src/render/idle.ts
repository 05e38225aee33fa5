/**
 * Runs work when the browser is idle, so it never competes with a reader's scroll or tap. Safari has
 * no requestIdleCallback: a short timeout stands in for it there.
 */
export function whenIdle(work: () => void): void {
  if ("requestIdleCallback" in window)
    window.requestIdleCallback(() => {
      work();
    });
  else setTimeout(work, 200);
}
