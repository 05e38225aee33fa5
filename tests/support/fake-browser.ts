import { parseHTML } from "linkedom";
import { vi } from "vitest";

/**
 * Just enough of a browser for the client modules' unit tests: a linkedom document installed as the
 * global `document`, a `window` whose media queries, storage and frames the test controls, and
 * elements whose layout boxes the test sets. Real browsers run the same code in the e2e tests.
 */
export interface FakeBrowser {
  document: Document;
  window: FakeWindow;
  /** Media queries that match, e.g. "(prefers-reduced-motion: reduce)". */
  media: Set<string>;
  storage: Map<string, string>;
  /**
   * Runs the queued animation frames (and those they queue, up to `rounds` times), each given the
   * frame's time as a browser gives it: `time`, or the clock's now.
   */
  flushFrames: (rounds?: number, time?: number) => void;
  /** How many animation frames are queued now. */
  pendingFrames: () => number;
}

export interface FakeWindow {
  innerHeight: number;
  scrollY: number;
  parent: unknown;
  listeners: Map<string, ((event: unknown) => void)[]>;
  /** The options each listener was added with, by event type. */
  options: Map<string, unknown[]>;
  dispatch: (type: string, event?: unknown) => void;
  [key: string]: unknown;
}

export function fakeBrowser(html = ""): FakeBrowser {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // As a browser's: an element needs a name (linkedom makes one without).
  const createElementNS = document.createElementNS.bind(document);
  document.createElementNS = ((namespace: string, name: string) => {
    if (!/^[A-Za-z_][\w.-]*$/.test(name))
      throw new Error(`InvalidCharacterError: "${name}" is not a valid element name`);
    return createElementNS(namespace, name);
  }) as typeof document.createElementNS;
  const media = new Set<string>();
  const storage = new Map<string, string>();
  // Queued frames by id, as a browser keeps them: a cancelled frame is gone, whenever it was queued.
  let frames = new Map<number, (time: number) => void>();
  let lastFrame = 0;
  const listeners = new Map<string, ((event: unknown) => void)[]>();
  const options = new Map<string, unknown[]>();
  const window: FakeWindow = {
    innerHeight: 800,
    scrollY: 0,
    parent: undefined,
    listeners,
    options,
    matchMedia: (query: string) => ({ matches: media.has(query) }),
    addEventListener: (type: string, listener: (event: unknown) => void, given?: unknown) => {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
      options.set(type, [...(options.get(type) ?? []), given]);
    },
    removeEventListener: (type: string, listener: (event: unknown) => void) => {
      listeners.set(
        type,
        (listeners.get(type) ?? []).filter((l) => l !== listener),
      );
    },
    dispatch: (type: string, event: unknown = {}) => {
      for (const listener of listeners.get(type) ?? []) listener(event);
    },
  };
  window.parent = window;
  vi.stubGlobal("document", document);
  vi.stubGlobal("window", window);
  vi.stubGlobal("localStorage", {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  });
  vi.stubGlobal("requestAnimationFrame", (callback: (time: number) => void) => {
    frames.set(++lastFrame, callback);
    return lastFrame;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => frames.delete(id));
  return {
    document,
    window,
    media,
    storage,
    pendingFrames: () => frames.size,
    flushFrames(rounds = 1, time?: number) {
      for (let i = 0; i < rounds; i++) {
        const now = [...frames.values()];
        frames = new Map();
        for (const frame of now) frame(time ?? performance.now());
      }
    },
  };
}

/** Gives an element a layout box, as a browser's layout would. */
export function setBox(element: Element, box: { top?: number; width?: number; height?: number }): void {
  (element as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = () => ({
    top: box.top ?? 0,
    width: box.width ?? 0,
    height: box.height ?? 0,
  });
}
