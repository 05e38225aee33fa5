import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { copyContent } from "../support/content-copy.ts";

const PORT = 4402;

const astro = join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "bin", "astro.mjs");

/** Starts `astro dev` on a copy of content/, as `npm run dev` does, and returns the page it serves. */
async function devPage(
  contentDir: string,
  read: (url: string) => Promise<string> = async (url) => (await fetch(url)).text(),
): Promise<{ status: number; body: string }> {
  const server = spawn(process.execPath, [astro, "dev", "--port", String(PORT), "--host", "127.0.0.1"], {
    // A clean environment as a shell would give: Vitest's own variables (NODE_ENV=test, VITEST…) change how Vite serves.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      REVOLVING_DOOR_CONTENT_DIR: contentDir,
      ASTRO_TELEMETRY_DISABLED: "1",
      REVOLVING_DOOR_TODAY: process.env.REVOLVING_DOOR_TODAY,
    },
    stdio: "ignore",
  });
  try {
    for (let attempt = 0; attempt < 150; attempt++) {
      try {
        const response = await fetch(`http://127.0.0.1:${PORT}/`);
        return { status: response.status, body: await read(`http://127.0.0.1:${PORT}/`) };
      } catch {
        await sleep(200);
      }
    }
    throw new Error("astro dev did not answer within 30 s");
  } finally {
    server.kill();
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

describe("npm run dev", () => {
  it("shows the editors' preview aid: each step's id and state, and the trigger line", async () => {
    const { status, body } = await devPage(copyContent().dir);
    expect(status).toBe(200);
    expect(body).toContain("<strong>#sep-11</strong> {&quot;from&quot;:&quot;2025-08-01&quot;");
    expect(body).toContain("data-dev-trigger");
  }, 60_000);

  it("shows a content error in the browser's error overlay with the same message as the build", async () => {
    const copy = copyContent();
    copy.edit("data/held.csv", (t) => t.replace(",1184,", ",1184.5,"));
    const overlay = await devPage(copy.dir, async (url) => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForSelector("vite-error-overlay", { state: "attached", timeout: 20_000 });
        return await page.evaluate(() => document.querySelector("vite-error-overlay")?.shadowRoot?.textContent ?? "");
      } finally {
        await browser.close();
      }
    });
    expect(overlay.body).toMatch(/content\/data\/held\.csv:\d+:2: count is not a whole number/);
    expect(overlay.body).toContain('value: "1184.5"');
  }, 90_000);
});
