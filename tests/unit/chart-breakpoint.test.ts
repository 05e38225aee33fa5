import { describe, expect, it } from "vitest";
import { dealsChart } from "../../src/charts/deals/index.ts";
import { prisonersChart } from "../../src/charts/prisoners/index.ts";
import { routesChart } from "../../src/charts/routes/index.ts";
import { isCompact, type Mark, type Scene, type Size } from "../../src/render/scene.ts";
import { fixtureDataset } from "../support/dataset.ts";

// Every chart lays itself out for a phone below 500 units wide and for a wider screen from 500 (the
// page's two sizes are 320 and 720; the share card's chart area, 560, gets the wide layout). One
// mark per chart tells the two apart.
const data = fixtureDataset();
const at = (width: number): Size => ({ width, height: 440 });
const mark = (scene: Scene, key: string): Mark => scene.layers.flatMap((l) => l.marks).find((m) => m.key === key)!;

describe("the width at which a chart turns compact", () => {
  it("is one question every chart asks: below 500, and not at 500", () => {
    expect([isCompact(320), isCompact(499.9), isCompact(500), isCompact(560)]).toEqual([true, true, false, false]);
  });

  it("prisoners: the short panel title below 500", () => {
    const title = (width: number) =>
      mark(prisonersChart.layout(data, prisonersChart.state.parse({}), at(width)), "title-held").text;
    expect([title(499), title(500)]).toEqual(["Held, Viasna count", "Political prisoners held, Viasna count"]);
  });

  it("deals: the smaller largest circle below 500", () => {
    const largest = (width: number) =>
      Number(mark(dealsChart.layout(data, dealsChart.state.parse({}), at(width)), "rel-mar-deal").attrs.r);
    expect(largest(499)).toBeLessThan(largest(500));
  });

  it("routes: the narrower widest route below 500", () => {
    const width = (w: number) =>
      Number(
        mark(routesChart.layout(data, routesChart.state.parse({}), at(w)), "route-lithuania").attrs["stroke-width"],
      );
    expect([width(499), width(500)]).toEqual([12, 16]);
  });
});
