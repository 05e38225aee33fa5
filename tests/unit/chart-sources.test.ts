import { describe, expect, it } from "vitest";
import { charts } from "../../src/charts/registry.ts";
import type { Dataset } from "../../src/data/load.ts";
import { fixtureDataset } from "../support/dataset.ts";

// A chart cites the source of every row it draws: exactly the rows of the files it offers for
// download, so its source line, its download links and its marks all come from the same data.
const data = fixtureDataset();
const table: Record<string, keyof Dataset> = {
  "held.csv": "held",
  "recognitions.csv": "recognitions",
  "releases.csv": "releases",
  "concessions.csv": "concessions",
  "deportations.csv": "deportations",
  "places.csv": "places",
};

describe("each chart's sourced rows", () => {
  it.each(Object.values(charts))("$id: every row of the files it offers, and no other", (chart) => {
    const expected = chart.dataFiles.flatMap((file) => data[table[file]!] as object[]);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(chart.rows(data))).toEqual(new Set(expected));
  });
});
