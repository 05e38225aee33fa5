import { describe, expect, it } from "vitest";
import { axisDomain, axisSpan } from "../../src/charts/prisoners/axis.ts";
import { fixtureDataset, held, recognised } from "../support/dataset.ts";

// The prisoners chart's time axis starts at the first whole month of published recognitions.
describe("the prisoners chart's time axis", () => {
  it("starts at the first count of recognitions that is one calendar month, not a part of one or several", () => {
    const data = fixtureDataset();
    data.recognitions = [
      recognised("2024-10-15", "2024-10-31", 5), // half a month
      recognised("2024-11-01", "2024-12-31", 9), // two months
      recognised("2024-12-02", "2024-12-31", 9), // a month less a day
      recognised("2025-01-01", "2025-01-31", 20),
      ...data.recognitions.slice(1),
    ];
    expect(axisSpan(data)).toEqual(["2025-01-01", "2025-05-31"]);
    expect(axisDomain(data)).toEqual(["2025-01-01", "2025-05-31"]);
  });

  it("with no such month, starts at the first count held, and with no count at the newest row", () => {
    const data = { ...fixtureDataset(), recognitions: [] };
    expect(axisSpan(data)[0]).toBe("2024-12-31");
    expect(axisSpan({ ...data, held: [] })[0]).toBe("2025-05-10");
    // The axis runs on to the end of the newest row's month.
    expect(
      axisDomain({ ...data, held: [held("2025-01-31", 1), held("2025-03-10", 1)], releases: [], concessions: [] }),
    ).toEqual(["2025-01-31", "2025-03-31"]);
  });
});
