import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { loadStory } from "../src/content/load.ts";
import { launchBrowser } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/static-server.ts";

/**
 * `npm run screenshots`: every step of the built story (run `npm run build` first) at a phone and a
 * desktop width, into screenshots/, for the look a person gives a graphic before it is published.
 * Pass step ids to shoot only those.
 */
const viewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];
const out = join(process.cwd(), "screenshots");
mkdirSync(out, { recursive: true });
const wanted = process.argv.slice(2);
const steps = ["top", ...loadStory().sections.flatMap((s) => s.steps.map((step) => step.id))].filter(
  (id) => wanted.length === 0 || wanted.includes(id),
);
const server = await serveStatic(join(process.cwd(), "dist"), 4398);
const browser = await launchBrowser();
for (const viewport of viewports) {
  const page = await browser.newPage({ viewport });
  for (const step of steps) {
    await page.goto(`http://127.0.0.1:4398/${step === "top" ? "" : `#${step}`}`);
    await page.waitForTimeout(900);
    await page.screenshot({ path: join(out, `${viewport.width}-${step}.png`) });
  }
  await page.close();
}
await browser.close();
server.close();
console.log(`Screenshots of ${steps.length} states at ${viewports.map((v) => v.width).join(" and ")} px in ${out}`);
