import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { sceneToSvg } from "../../src/render/server.ts";
import { chartStates, scenesFor, sizeNames } from "../../src/story/figure-model.ts";
import { FIXTURE } from "../support/fixture.ts";

/**
 * Every chart state of the fixture story (tests/fixtures/content), rendered on the server and
 * compared with a committed SVG. The fixture never changes when editors change content/, so a
 * changed snapshot always means a change in the code that draws charts: review the diff, and if the
 * change is meant, run `npx vitest run --project snapshots -u` and commit the new files.
 */
/** The states, read once to name the tests; each test reads the story again (see npm run mutation). */
const states = chartStates(loadStory(FIXTURE));
const dir = join(import.meta.dirname, "__svg__");
const file = (chart: string, step: string, size: string): string => join(chart, `${step}-${size}.svg`);
const expected = states.flatMap(({ chart, step }) => sizeNames().map((size) => file(chart, step, size)));
/** Vitest's own snapshot mode: "all" with -u, "none" on CI, "new" otherwise (writes missing files). */
const updating = (): boolean =>
  (expect.getState().snapshotState as unknown as { _updateSnapshot: string })._updateSnapshot === "all";

/** Pretty-prints SVG one element per line, so a changed mark shows as a one-line diff. */
const readable = (svg: string): string => svg.replace(/></g, ">\n<");

describe("the committed snapshots", () => {
  it("exist for every chart state of the fixture, and for nothing else (npx vitest run --project snapshots -u writes them)", () => {
    if (updating()) return;
    const committed = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".svg"));
    expect(committed.sort()).toEqual([...expected].sort());
    for (const path of expected) expect(existsSync(join(dir, path)), path).toBe(true);
  });
});

describe("every chart state of the fixture renders on the server to the committed SVG", () => {
  for (const { chart, step } of states) {
    for (const size of sizeNames()) {
      it(`${chart} at step ${step} (${size})`, async () => {
        const story = loadStory(FIXTURE);
        const { alt, state } = chartStates(story).find((s) => s.step === step)!;
        const svg = sceneToSvg(scenesFor(story, chart, state)[size], {
          title: story.furniture[chart]!.title,
          desc: alt,
        });
        await expect(readable(svg)).toMatchFileSnapshot(`./__svg__/${file(chart, step, size)}`);
      });
    }
  }
});
