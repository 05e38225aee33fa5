import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentWatcher } from "../../src/integrations/content-watcher.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Starts the integration against a stand-in for Vite's dev server; returns what it watched and sent. */
function devServer() {
  const watched: string[] = [];
  const handlers = new Map<string, (path: string) => void>();
  const sent: unknown[] = [];
  const server = {
    watcher: {
      add: (path: string) => watched.push(path),
      on: (event: string, handler: (path: string) => void) => handlers.set(event, handler),
    },
    ws: { send: (message: unknown) => sent.push(message) },
  };
  const hook = contentWatcher().hooks["astro:server:setup"] as unknown as (options: { server: unknown }) => void;
  hook({ server });
  return { watched, handlers, sent };
}

describe("the editors' live preview (npm run dev)", () => {
  it("watches content/ and reloads the page when a file there changes, is added or is removed", () => {
    const { watched, handlers, sent } = devServer();
    const content = join(process.cwd(), "content");
    expect(watched).toEqual([content]);
    for (const event of ["change", "add", "unlink"]) handlers.get(event)!(join(content, "data", "held.csv"));
    expect(sent).toEqual([{ type: "full-reload" }, { type: "full-reload" }, { type: "full-reload" }]);
  });

  it("leaves other files to Vite", () => {
    const { handlers, sent } = devServer();
    handlers.get("change")!(join(process.cwd(), "src", "scrolly", "client.ts"));
    expect(sent).toEqual([]);
  });

  it("watches the content folder the preview shows, when REVOLVING_DOOR_CONTENT_DIR points elsewhere", () => {
    vi.stubEnv("REVOLVING_DOOR_CONTENT_DIR", "/tmp/a-copy/content");
    const { watched, handlers, sent } = devServer();
    expect(watched).toEqual(["/tmp/a-copy/content"]);
    handlers.get("change")!("/tmp/a-copy/content/story/00-intro.md");
    expect(sent).toEqual([{ type: "full-reload" }]);
  });
});
