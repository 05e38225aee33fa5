/**
 * Reduced motion as a real mode: the system setting, or the reader's own choice on this page,
 * remembered in localStorage (no cookie, nothing sent anywhere).
 */
const KEY = "revolving-door:reduce-motion";

/** The reader's choice on this page, which holds even where storage is blocked. */
let chosen: boolean | undefined;

function stored(): boolean | undefined {
  if (chosen !== undefined) return chosen;
  try {
    const value = localStorage.getItem(KEY);
    return value === null ? undefined : value === "true";
  } catch {
    return undefined;
  }
}

export function prefersReducedMotion(): boolean {
  return stored() ?? window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Wires the page's toggle button (made visible with the rest of the JS-only controls). */
export function setUpMotionToggle(): void {
  const reflect = (): void => {
    document.documentElement.dataset.motion = prefersReducedMotion() ? "reduce" : "full";
    for (const button of document.querySelectorAll<HTMLButtonElement>("[data-motion-toggle]")) {
      button.setAttribute("aria-pressed", String(prefersReducedMotion()));
    }
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-motion-toggle]")) {
    button.addEventListener("click", () => {
      chosen = !prefersReducedMotion();
      try {
        localStorage.setItem(KEY, String(chosen));
      } catch {
        // Storage can be blocked (private modes); the choice then lasts for this page only.
      }
      reflect();
    });
  }
  reflect();
}
