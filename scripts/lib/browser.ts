import { chromium, type Browser } from "playwright-core";
import { browserPath } from "./browser-path.ts";

/** The flags this sandbox needs: no GPU, no network beyond loopback, nothing phoned home. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium, headless, through playwright-core. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: browserPath() ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS });
}
