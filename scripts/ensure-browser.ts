import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { browserPath } from "./lib/browser-path.ts";

/**
 * Browser tests drive Debian's Chromium through playwright-core (Playwright cannot download its own
 * browsers here). Install it where we can (root on Debian); otherwise say exactly what to run.
 */
if (browserPath()) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync("/usr/bin/apt-get")) {
  console.log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium)…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (browserPath()) process.exit(0);
}
console.error(
  "The browser tests need Chromium and none was found.\n" +
    "  On Debian or Ubuntu, run:  sudo apt-get install -y chromium\n" +
    "  Or point CHROMIUM_PATH at a Chromium or Chrome binary, e.g. CHROMIUM_PATH=/usr/bin/google-chrome npm test",
);
process.exit(1);
