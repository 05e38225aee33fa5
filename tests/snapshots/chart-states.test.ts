import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { sceneToSvg } from "../../src/render/server.ts";
import { chartStates, scenesFor, sizeNames } from "../../src/story/figure-model.ts";

const story = loadStory();

/** Pretty-prints SVG one element per line, so a changed mark shows as a one-line diff. */
const readable = (svg: string): string => svg.replace(/></g, ">\n<");

describe("every chart state renders on the server to the committed SVG", () => {
  for (const { chart, step, alt, state } of chartStates(story)) {
    for (const size of sizeNames()) {
      it(`${chart} at step ${step} (${size})`, async () => {
        const svg = sceneToSvg(scenesFor(story, chart, state)[size], {
          title: story.furniture[chart]!.title,
          desc: alt,
        });
        await expect(readable(svg)).toMatchFileSnapshot(`./__svg__/${chart}/${step}-${size}.svg`);
      });
    }
  }
});

it("keeps no snapshot of a state the story no longer has", () => {
  const dir = join(import.meta.dirname, "__svg__");
  const committed = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".svg"));
  const expected = chartStates(story).flatMap(({ chart, step }) =>
    sizeNames().map((size) => join(chart, `${step}-${size}.svg`)),
  );
  expect(committed.sort()).toEqual(expected.sort());
});
