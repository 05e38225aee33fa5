import { describe, expect, it } from "vitest";
import { mapFrame } from "../../src/charts/routes/frame.ts";
import { belarus, countriesIn } from "../../src/charts/routes/geography.ts";
import { sizes } from "../../src/render/scene.ts";
import { fixtureDataset } from "../support/dataset.ts";

describe("the routes map's frame", () => {
  it("draws every country that shows in it, for a place near or far in any direction, at either size", () => {
    // A place 20° south makes a tall frame, whose top edge reaches further north between its corners
    // than at them: the countries there were missed when the corners alone set the land to draw.
    // Every country that could reach into any of these frames, and more.
    const world = countriesIn("50m", [-40, 10, 90, 85], 0.002).features;
    const [minsk, place] = fixtureDataset().places as [
      ReturnType<typeof fixtureDataset>["places"][number],
      ReturnType<typeof fixtureDataset>["places"][number],
    ];
    let shown = 0;
    for (const far of [4, 12, 20])
      for (let degrees = 0; degrees < 360; degrees += 30)
        for (const size of [sizes.compact, sizes.wide]) {
          const turn = (degrees * Math.PI) / 180;
          const dest = {
            ...place,
            lon: minsk.lon + (far * Math.cos(turn)) / 0.6,
            lat: minsk.lat + far * Math.sin(turn),
          };
          const { path, land } = mapFrame(belarus(), [dest], size);
          const drawn = new Set(land.features.map((f) => String(f.id)));
          const visible = world.filter((f) => path(f) !== null).map((f) => String(f.id));
          shown += visible.length;
          expect(
            visible.filter((id) => !drawn.has(id)),
            `${far}° at ${degrees}°, ${size.width}`,
          ).toEqual([]);
        }
    expect(shown).toBeGreaterThan(100);
  });
});
