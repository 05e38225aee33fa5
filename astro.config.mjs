// @ts-check
import { defineConfig } from "astro/config";
import { contentWatcher } from "./src/integrations/content-watcher.ts";

// Static output only: the story is plain files any web server (or a newsroom's CDN) can serve.
export default defineConfig({
  output: "static",
  outDir: process.env.REVOLVING_DOOR_OUT_DIR ?? "dist",
  site: process.env.REVOLVING_DOOR_SITE ?? "http://localhost:4321",
  integrations: [contentWatcher()],
  devToolbar: { enabled: false },
  // Inline small stylesheets: one request fewer on slow connections.
  build: { inlineStylesheets: "always" },
  server: { port: 4321, host: "127.0.0.1" },
  // Never inline scripts: the pages' Content-Security-Policy allows scripts from this origin only.
  vite: { build: { assetsInlineLimit: 0 } },
});
