import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";

const astro = join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "bin", "astro.mjs");

/** True if something accepts connections at the origin. */
export function answers(origin: string): Promise<boolean> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => {
      resolve(false);
    });
  });
}

/**
 * Runs `astro dev` on a content folder, as `npm run dev` does, on a port the OS picks (`--port 0`),
 * so it can neither collide with another program nor be confused with one: the origin is read from
 * what this very process prints. `use` gets the origin; afterwards the process and everything it
 * started (its own process group) are ended, whatever happened, and the origin no longer answers.
 */
export async function withDevServer<T>(contentDir: string, use: (origin: string) => Promise<T>): Promise<T> {
  const server = spawn(process.execPath, [astro, "dev", "--port", "0", "--host", "127.0.0.1"], {
    // A clean environment as a shell would give: Vitest's own variables (NODE_ENV=test, VITEST…) change how Vite serves.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      TZ: process.env.TZ,
      REVOLVING_DOOR_CONTENT_DIR: contentDir,
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => {
    server.once("exit", () => {
      resolve();
    });
  });
  let output = "";
  const origin = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: server.stdout });
    lines.on("line", (line) => {
      output += `${line}\n`;
      const url = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (url) resolve(url[1]!);
    });
    server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.once("error", reject);
    server.once("exit", (code) => {
      reject(new Error(`astro dev exited (code ${code}) before serving:\n${output}`));
    });
    setTimeout(() => {
      reject(new Error(`astro dev printed no address within 60 s:\n${output}`));
    }, 60_000).unref();
  });
  let at = "";
  try {
    at = await origin;
    return await use(at);
  } finally {
    await end(server.pid!, server.exitCode === null, exited);
    if (at && (await answers(at))) console.error(`astro dev still answers at ${at} after it was ended`);
  }
}

/** Ends a process group: politely, then (once its leader has gone) anything of it still running. */
async function end(group: number, running: boolean, exited: Promise<void>): Promise<void> {
  if (running) process.kill(-group, "SIGTERM");
  await exited;
  try {
    process.kill(-group, "SIGKILL");
  } catch {
    // The whole group has already gone: nothing of it is left running.
  }
}
