import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { serveStatic } from "../../scripts/lib/static-server.ts";
import { joinRun, leaveRun, TEMP_PREFIX } from "./run-root.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the build under test is served, e.g. http://127.0.0.1:39215 (a port the OS picked). */
    origin: string;
    /** The folder the build under test was written to (never the developer's dist/). */
    dist: string;
  }
}

/**
 * Global setup of the build and browser tests: builds the story once with the real build script,
 * into a folder of its own, and serves it on a port the OS picks. The server starts first, so the
 * build can be told the origin it will be served from (absolute URLs in embeds and oEmbed).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = joinRun();
  const site = mkdtempSync(join(root, `${TEMP_PREFIX}site-`));
  const dist = join(site, "dist");
  const served = await serveStatic(() => dist);
  try {
    // --wait: queue behind a developer's own build (the build lock is the project's), never fail on it.
    execFileSync(process.execPath, ["scripts/build.ts", "--wait"], {
      stdio: "inherit",
      env: { ...process.env, REVOLVING_DOOR_SITE: served.origin, REVOLVING_DOOR_DIST: dist },
    });
  } catch (error) {
    await served.close();
    rmSync(site, { recursive: true, force: true });
    leaveRun();
    throw error;
  }
  project.provide("origin", served.origin);
  project.provide("dist", dist);
  return async () => {
    await served.close();
    rmSync(site, { recursive: true, force: true });
    leaveRun();
  };
}
