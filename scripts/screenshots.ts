import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { loadStory } from "../src/content/load.ts";
import { launchBrowser } from "./lib/browser.ts";
import { serveStatic } from "./lib/static-server.ts";

/**
 * `npm run screenshots`: every step of the built story (run `npm run build` first) at a phone and a
 * desktop width, into screenshots/, for the look a person gives a graphic before it is published.
 * Pass step ids to shoot only those. Each shot waits until the step's chart has finished moving.
 */
const viewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];
const out = join(process.cwd(), "screenshots");
mkdirSync(out, { recursive: true });
const wanted = process.argv.slice(2);
const steps = [
  { id: "top", chart: "" },
  ...loadStory().sections.flatMap((s) => s.steps.map((step) => ({ id: step.id, chart: s.chart ?? "" }))),
].filter(({ id }) => wanted.length === 0 || wanted.includes(id));
const served = await serveStatic(() => join(process.cwd(), "dist"));
const browser = await launchBrowser();
try {
  for (const viewport of viewports) {
    const page = await browser.newPage({ viewport });
    for (const { id, chart } of steps) {
      await page.goto(`${served.origin}/${id === "top" ? "" : `#${id}`}`);
      await page.waitForFunction(
        ([c, s]) => {
          const figure = document.querySelector(`figure[data-chart="${c}"]`);
          // A chart moves by d3 transitions, or (the door) by a motion that marks its SVG data-motion.
          const moving =
            [...(figure?.querySelectorAll("svg g[data-layer] > *") ?? [])].some(
              (n) => (n as unknown as { __transition?: unknown }).__transition,
            ) || Boolean(figure?.querySelector("svg[data-motion]"));
          return (
            (c === "" || figure?.getAttribute("data-state") === s) && !moving && document.fonts.status === "loaded"
          );
        },
        [chart, id],
      );
      await page.screenshot({ path: join(out, `${viewport.width}-${id}.png`) });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await served.close();
}
console.log(`Screenshots of ${steps.length} states at ${viewports.map((v) => v.width).join(" and ")} px in ${out}`);
