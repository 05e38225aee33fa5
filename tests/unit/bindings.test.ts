import { describe, expect, it } from "vitest";
import { bindings, type Resolved } from "../../src/content/bindings.ts";
import { fixtureDataset, held } from "../support/dataset.ts";

const data = fixtureDataset();
const resolve = (name: string, key: string, dataset = data): Resolved | { problem: string; fix: string } =>
  bindings.find((b) => b.name === name)!.resolve(key, dataset);
const value = (name: string, key: string): number | string => {
  const result = resolve(name, key);
  return "problem" in result ? result.problem : result.value;
};

describe("numbers bound in prose print the data's figure", () => {
  it.each([
    ["held", "2025-02-28", 105],
    ["recognised", "2025-01", 20],
    ["recognised", "2025-01-15", 3],
    ["recognised", "2025-01..2025-04", 60],
    ["recognised", "2025-03..2025-04", 30],
    ["freed", "2025-01..2025-04", 39],
    ["freed-us", "2025-01..2025-04", 30],
    ["freed-other", "2025-01..2025-04", 9],
    ["freed", "2025-01-15", 4],
    ["left-otherwise", "2025-01..2025-04", 31],
    ["left-otherwise", "2025-02", 5],
    ["percent-below-peak", "2025-04-30", 18],
    ["recognised-per-10-freed", "2025-01..2025-04", 15],
    ["releases-since", "2025-02-20", 4],
    ["freed-since", "2025-02-20", 42],
    ["released", "mar-deal", 20],
    ["taken", "feb-deal/lithuania", 10],
    ["taken", "all/lithuania", 10],
  ])(":%s[%s] is %s", (name, key, expected) => {
    expect(value(name, key)).toBe(expected);
  });

  it("claims what it prints, in one canonical key, so the chart beside it can be checked", () => {
    const result = resolve("recognised", "2025-03..2025-04") as Resolved;
    expect(result.claim).toEqual({ kind: "recognised", key: "2025-03-01..2025-04-30", value: 30 });
    expect((resolve("held", "2025-02-28") as Resolved).claim).toEqual({ kind: "held", key: "2025-02-28", value: 105 });
  });

  it("says where a derived or added-up figure comes from in the tooltip note", () => {
    expect((resolve("left-otherwise", "2025-02") as Resolved).note).toBe(
      "Derived: 110 held on 2025-01-31 + 10 newly recognised − 10 freed − 105 held on 2025-02-28",
    );
    expect((resolve("recognised", "2025-01..2025-04") as Resolved).note).toBe(
      "Added up from 3 published figures in recognitions.csv",
    );
  });
});

describe("numbers that the data cannot back are refused, never guessed", () => {
  it.each([
    [
      "recognised",
      "2025-05",
      "no published figure, nor run of published figures, covers exactly 2025-05-01 to 2025-05-31 in content/data/recognitions.csv",
    ],
    [
      "recognised",
      "2025-01..2025-03",
      "no published figure, nor run of published figures, covers exactly 2025-01-01 to 2025-03-31 in content/data/recognitions.csv",
    ],
    ["recognised", "January", '"January" is not a period'],
    [
      "freed",
      "2025-01..2025-06",
      "the period runs to 2025-06-30, after the newest release in content/data/releases.csv (2025-05-10)",
    ],
    ["freed-us", "2025-01", "no release in 2025-01-01..2025-01-31 counts towards :freed-us"],
    ["left-otherwise", "2025-03", "held.csv has no count for the end of 2025-03-31, so the balance cannot be closed"],
    ["percent-below-peak", "2025-01-31", "the count on 2025-01-31 (110) is not below its peak (110 on 2025-01-31)"],
    ["taken", "feb-deal/ukraine", 'no row in content/data/deportations.csv for "feb-deal/ukraine"'],
  ])(":%s[%s] fails: %s", (name, key, problem) => {
    expect(value(name, key)).toBe(problem);
  });

  it("refuses to print a negative number of people leaving, naming the conflict", () => {
    const conflicting = { ...data, held: [held("2024-12-31", 100), held("2025-01-31", 130)] };
    const result = resolve("left-otherwise", "2025-01", conflicting);
    expect("problem" in result && result.problem).toBe(
      "the counts conflict for 2025-01-01 to 2025-01-31: 100 held + 20 recognised − 4 freed is less than the 130 held at the end",
    );
  });
});
