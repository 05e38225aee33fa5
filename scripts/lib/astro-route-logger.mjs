import node from "astro/logger/node";

/** Where the build script finds the page Astro was making when it failed. */
export const FAILED_ROUTE = Symbol.for("revolving-door.failed-route");

/**
 * Astro's own console logger, which also remembers the page it was building when a page failed
 * ("Caught error rendering /charts/routes/routes-june-card.png"), so that the build script can
 * name the content file and line behind that page. Astro loads loggers by entry point, in the
 * build's own process; a logger must be JavaScript.
 */
export default function routeLogger(config) {
  const base = node(config);
  return {
    write(event) {
      const failed = /^Caught error rendering (\S+?):/.exec(event.message);
      if (failed) globalThis[FAILED_ROUTE] = failed[1];
      base.write(event);
    },
  };
}
