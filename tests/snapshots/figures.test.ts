import { describe, expect, it } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { smallMultiples } from "../../src/figures/multiples.ts";
import { FIXTURE } from "../support/fixture.ts";

/**
 * The static figures (Observable Plot's small multiples) of the fixture story, compared with
 * committed SVGs, as the chart states are in chart-states.test.ts: a changed file means a change in
 * how the figures are drawn (or in Plot). Review the diff; if it is meant, run
 * `npx vitest run --project snapshots -u` and commit the new files.
 */
const series = smallMultiples(loadStory(FIXTURE).data).map((m) => m.series);

describe("every small multiple of the fixture renders to the committed SVG", () => {
  for (const id of series) {
    it(id, async () => {
      const multiple = smallMultiples(loadStory(FIXTURE).data).find((m) => m.series === id)!;
      await expect(multiple.svg.replace(/></g, ">\n<")).toMatchFileSnapshot(`./__figures__/${id}.svg`);
    });
  }
});
