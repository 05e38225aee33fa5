import type { AstroIntegration } from "astro";
import { currentContentDir } from "../content/load.ts";

/**
 * Live preview for editors: content/ is read by our own loader, not by Vite's module graph,
 * so tell the dev server to watch it and reload the page whenever a file there changes.
 */
export function contentWatcher(): AstroIntegration {
  return {
    name: "revolving-door:content-watcher",
    hooks: {
      "astro:server:setup": ({ server }) => {
        // The folder the loader reads (REVOLVING_DOOR_CONTENT_DIR, or ./content), so the preview
        // reloads for the very files it shows.
        const contentDir = currentContentDir();
        server.watcher.add(contentDir);
        const reload = (path: string): void => {
          if (path.startsWith(contentDir)) server.ws.send({ type: "full-reload" });
        };
        server.watcher.on("change", reload);
        server.watcher.on("add", reload);
        server.watcher.on("unlink", reload);
      },
    },
  };
}
