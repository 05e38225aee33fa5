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
