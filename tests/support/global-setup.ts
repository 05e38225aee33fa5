import { execFileSync } from "node:child_process";
import type { Server } from "node:http";
import { join } from "node:path";
import { serveStatic } from "./static-server.ts";

export const TEST_PORT = 4399;
/** The build under test believes it is published here, so absolute URLs (embeds, oEmbed) point at the test server. */
export const TEST_ORIGIN = `http://127.0.0.1:${TEST_PORT}`;
let server: Server | undefined;

/** Builds the story once (the real build script) and serves it for the build and browser tests. */
export async function setup(): Promise<void> {
  execFileSync(process.execPath, ["scripts/build.ts"], {
    stdio: "inherit",
    env: { ...process.env, REVOLVING_DOOR_SITE: TEST_ORIGIN },
  });
  server = await serveStatic(join(process.cwd(), "dist"), TEST_PORT);
}

export async function teardown(): Promise<void> {
  await new Promise((resolve) => server?.close(resolve));
}
