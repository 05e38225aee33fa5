import type { FigurePayload } from "../story/payload.ts";

/*
 * How a scrolly section's states reach the page: a JSON file beside it (see statesFile), requested
 * once the page has loaded and its text has been painted, so the requests never share the phone's
 * bandwidth with the fonts or hold up the first paint.
 */

/** Resolves once the page has loaded and, in a browser that reports paints, its first contentful paint. */
export async function afterFirstPaint(): Promise<void> {
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === "complete") resolve();
    else
      window.addEventListener(
        "load",
        () => {
          resolve();
        },
        { once: true },
      );
  });
  const painted = new Promise<void>((resolve) => {
    if (!PerformanceObserver.supportedEntryTypes.includes("paint")) {
      resolve();
      return;
    }
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      resolve();
    }).observe({ type: "paint", buffered: true });
  });
  await Promise.all([loaded, painted]);
}

/** A section's states, from the file beside the page; undefined when they cannot be had. */
export async function loadStates(url: string): Promise<FigurePayload | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as FigurePayload) : undefined;
  } catch {
    return undefined;
  }
}
