import { describe, expect, it } from "vitest";
import { routesChart } from "../../src/charts/routes/index.ts";
import type { Dataset } from "../../src/data/load.ts";
import { fixtureDataset } from "../support/dataset.ts";

// The fixture: one release with routes (feb-deal: 10 to Lithuania), others without; places Minsk
// (belarus) and Lithuania.
const problems = (state: Record<string, string>, data: Dataset = fixtureDataset()) =>
  routesChart.check(routesChart.state.parse(state), data);

describe("states the routes chart cannot draw are refused with a fix", () => {
  it("a release with no routes, and an id that is no release, each say which and offer those with routes", () => {
    expect(problems({ release: "jan-pardon" })).toEqual([
      {
        field: "release",
        value: "jan-pardon",
        problem: 'the release "jan-pardon" has no rows in content/data/deportations.csv',
        fix: 'Add its routes to deportations.csv, or pick a release that has routes, or "all". Valid: feb-deal.',
      },
    ]);
    expect(problems({ release: "feb-dael" })).toEqual([
      {
        field: "release",
        value: "feb-dael",
        problem: "release names no release in content/data/releases.csv",
        fix: 'Pick a release that has routes, or "all". Did you mean "feb-deal"? Valid: feb-deal.',
      },
    ]);
    expect(problems({ release: "feb-deal" })).toEqual([]);
    expect(problems({ release: "all" })).toEqual([]);
    // Every route, when the data has none: nothing to draw.
    expect(problems({ release: "all" }, { ...fixtureDataset(), deportations: [] })).toEqual([
      {
        field: "release",
        value: "all",
        problem: "content/data/deportations.csv has no rows, so there is no route to draw",
        fix: "Add where the freed of a release were taken to content/data/deportations.csv, with its source, or take the routes chart's steps out.",
      },
    ]);
  });

  it("a city that is no place", () => {
    expect(problems({ city: "vilnius" })).toEqual([
      {
        field: "city",
        value: "vilnius",
        problem: "city names no place in content/data/places.csv",
        fix: "Add the place to places.csv (with sourced coordinates), or pick one. Valid: belarus, lithuania, none.",
      },
    ]);
    expect(problems({ city: "lithuania" })).toEqual([]);
  });

  it("takes a refused border over every release, from all the releases' routes", () => {
    const data = fixtureDataset();
    data.deportations.push({ ...data.deportations[0]!, place: "belarus", count: 3 });
    expect(problems({ release: "all", refused: "lithuania" }, data)).toEqual([]);
  });

  it("a refused border the release's routes do not reach, and one with no row saying how many stayed", () => {
    expect(problems({ release: "feb-deal", refused: "belarus" })).toEqual([
      {
        field: "refused",
        value: "belarus",
        problem: "refused must be a place this release's routes go to",
        fix: 'Pick one of its destinations, or "none". Valid: lithuania, none.',
      },
    ]);
    expect(problems({ release: "feb-deal", refused: "lithuania" })).toEqual([
      {
        field: "refused",
        value: "lithuania",
        problem: 'the release has no deportations row with the place "belarus" saying how many stayed',
        fix: "Add that row to content/data/deportations.csv, with its source, or leave refused out",
      },
    ]);
    const stayed = fixtureDataset();
    stayed.deportations.push({ ...stayed.deportations[0]!, place: "belarus", count: 2 });
    expect(problems({ release: "feb-deal", refused: "lithuania" }, stayed)).toEqual([]);
    // Staying in Belarus is not a border crossed, even with its row.
    expect(problems({ release: "feb-deal", refused: "belarus" }, stayed)[0]?.problem).toBe(
      "refused must be a place this release's routes go to",
    );
  });
});
