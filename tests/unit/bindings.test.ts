import { describe, expect, it } from "vitest";
import { bindings, type Resolved } from "../../src/content/bindings.ts";
import { fact, fixtureDataset, held } from "../support/dataset.ts";

const data = fixtureDataset();
const resolve = (name: string, key: string, dataset = data): Resolved | { problem: string; fix: string } =>
  bindings.find((b) => b.name === name)!.resolve(key, dataset);
const value = (name: string, key: string): number | string => {
  const result = resolve(name, key);
  return "problem" in result ? result.problem : result.value;
};
const value2 = (name: string, key: string, dataset: typeof data): number | string => {
  const result = resolve(name, key, dataset);
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
    ["left-otherwise", "January", '"January" is not a period'],
    ["percent-below-peak", "2025-01-31", "the count on 2025-01-31 (110) is not below its peak (110 on 2025-01-31)"],
    ["taken", "feb-deal/ukraine", 'no row in content/data/deportations.csv for "feb-deal/ukraine"'],
  ])(":%s[%s] fails: %s", (name, key, problem) => {
    expect(value(name, key)).toBe(problem);
  });

  it("measures against the first day the count reached its peak, when it reached it twice", () => {
    const twice = { ...data, held: [held("2025-01-31", 110), held("2025-02-28", 110), held("2025-04-30", 99)] };
    expect(resolve("percent-below-peak", "2025-04-30", twice)).toMatchObject({
      value: 10,
      note: "Derived: 99 on 2025-04-30 against the peak of 110 on 2025-01-31",
    });
  });

  it("refuses to print a negative number of people leaving, naming the conflict", () => {
    const conflicting = { ...data, held: [held("2024-12-31", 100), held("2025-01-31", 130)] };
    const result = resolve("left-otherwise", "2025-01", conflicting);
    expect("problem" in result && result.problem).toBe(
      "the counts conflict for 2025-01-01 to 2025-01-31: 100 held + 20 recognised − 4 freed is less than the 130 held at the end",
    );
  });
});

/** Every answer of one binding, whole: what a reader sees, the source row behind it and the claim. */
const whole = (name: string, key: string, dataset = data) => {
  const result = resolve(name, key, dataset);
  if ("problem" in result) return result;
  return {
    value: result.value,
    source: "id" in result.row ? result.row.id : result.row.line,
    note: result.note,
    claim: result.claim,
  };
};
const line = (table: "held" | "releases" | "recognitions", index: number): number => data[table][index]!.line;

describe("each bound number names the row that backs it, and how it was worked out", () => {
  it("sums releases in a period (both ends included), cited to the last one, claimed under the canonical key", () => {
    expect(whole("freed", "2025-02-20..2025-03-10")).toEqual({
      value: 30,
      source: "mar-deal",
      note: "Added up from 2 sourced releases in releases.csv",
      claim: { kind: "freed", key: "2025-02-20..2025-03-10", value: 30 },
    });
    expect(whole("freed-us", "2025-01..2025-04")).toMatchObject({
      value: 30,
      source: "mar-deal",
      note: "Added up from 2 sourced releases in releases.csv",
    });
    expect(whole("freed-other", "2025-01..2025-04")).toMatchObject({
      value: 9,
      source: "apr-pardon",
      claim: { kind: "freed-other", key: "2025-01-01..2025-04-30", value: 9 },
    });
  });

  it("reaches the newest release, but not a day past it", () => {
    expect(whole("freed", "2025-05-10")).toMatchObject({ value: 7, source: "may-deal", note: undefined });
    expect(resolve("freed", "2025-05-11")).toEqual({
      problem: "the period runs to 2025-05-11, after the newest release in content/data/releases.csv (2025-05-10)",
      fix: "End the period on or before 2025-05-10, so the total does not claim to be more current than the data.",
    });
  });

  it("refuses a period with no release in it rather than print a zero", () => {
    expect(resolve("freed", "2025-02-21..2025-03-09")).toEqual({
      problem: "no release in 2025-02-21..2025-03-09 counts towards :freed",
      fix: 'Say it in words ("no release …") rather than print a zero, or choose another period.',
    });
    expect(resolve("freed", "soon")).toEqual({
      problem: '"soon" is not a period',
      fix: "Write a year (2025), a month (2025-09), a day (2025-09-11) or a range (2024-07..2024-12).",
    });
  });

  it("reads one release by id, and names the empty cell and its line when the figure is missing", () => {
    expect(whole("released", "mar-deal")).toEqual({
      value: 20,
      source: "mar-deal",
      note: undefined,
      claim: { kind: "released", key: "mar-deal", value: 20 },
    });
    expect(resolve("political", "mar-deal")).toEqual({
      problem: 'the release "mar-deal" has no political figure (its cell is empty)',
      fix: `Fill in that cell on line ${line("releases", 2)} of content/data/releases.csv from a source, or reword the sentence without the number.`,
    });
    const withPolitical = {
      ...data,
      releases: data.releases.map((r) => ({ ...r, political_prisoners: r.released - 1 })),
    };
    expect(value2("political", "mar-deal", withPolitical)).toBe(19);
    expect(resolve("released", "mar-dael")).toEqual({
      problem: 'no release with the id "mar-dael" in content/data/releases.csv',
      fix: 'Did you mean "mar-deal"? Valid: jan-pardon, feb-deal, mar-deal, apr-pardon, may-deal.',
    });
  });

  it("counts and adds up the releases on or after a date, the date itself included", () => {
    expect(whole("releases-since", "2025-02-20")).toEqual({
      value: 4,
      source: "may-deal",
      note: "Counted from 4 sourced rows of releases.csv",
      claim: { kind: "releases-since", key: "2025-02-20", value: 4 },
    });
    expect(whole("freed-since", "2025-02-20")).toMatchObject({
      value: 42,
      note: "Added up from 4 sourced rows of releases.csv",
    });
    expect(whole("releases-since", "2025-05-10")).toMatchObject({
      value: 1,
      note: "Counted from 1 sourced row of releases.csv",
    });
    // One release is its own source: nothing was added up.
    expect(whole("freed-since", "2025-05-10")).toEqual({
      value: 7,
      source: "may-deal",
      note: undefined,
      claim: { kind: "freed-since", key: "2025-05-10", value: 7 },
    });
    const refused = {
      problem: 'no release on or after "2025-05-11"',
      fix: "Write a date YYYY-MM-DD on or before the newest release in releases.csv.",
    };
    expect(resolve("freed-since", "2025-05-11")).toEqual(refused);
    // A month is not a date here, even though releases fall after it.
    expect(resolve("releases-since", "2025-02")).toEqual({ ...refused, problem: 'no release on or after "2025-02"' });
    // Nor is a date with anything before or after it.
    for (const key of ["12025-02-20", "2025-02-20x"])
      expect(resolve("releases-since", key)).toEqual({ ...refused, problem: `no release on or after "${key}"` });
  });

  it("gives the derived balance as a sentence of the counts it came from, cited to the closing count", () => {
    expect(whole("left-otherwise", "2025-03..2025-04")).toEqual({
      value: 20,
      source: line("held", 3),
      note: "Derived: 105 held on 2025-02-28 + 30 newly recognised − 25 freed − 90 held on 2025-04-30",
      claim: { kind: "left-otherwise", key: "2025-03-01..2025-04-30", value: 20 },
    });
  });

  it("prints a balance of zero, which is a finding, not a conflict", () => {
    const balanced = { ...data, held: [held("2024-12-31", 100), held("2025-01-31", 116)] };
    expect(value2("left-otherwise", "2025-01", balanced)).toBe(0);
  });

  it("names the missing count at whichever end of the period lacks one", () => {
    expect(resolve("left-otherwise", "2025-04")).toEqual({
      problem: "held.csv has no count for the end of 2025-03-31, so the balance cannot be closed",
      fix: "Choose a period that starts the day after a published count and ends on the day of one.",
    });
    // Counts at both ends, but no recognitions for May: the balance cannot be closed either.
    expect(value("left-otherwise", "2025-05")).toBe(
      "no published figure, nor run of published figures, covers exactly 2025-05-01 to 2025-05-31 in content/data/recognitions.csv",
    );
    const releasesStopEarly = { ...data, releases: data.releases.slice(0, 1) };
    expect(value2("left-otherwise", "2025-02", releasesStopEarly)).toBe(
      "the period runs to 2025-02-28, after the newest release in content/data/releases.csv (2025-01-15)",
    );
  });

  it("names the conflict and says not to print it", () => {
    const conflicting = { ...data, held: [held("2024-12-31", 100), held("2025-01-31", 117)] };
    expect(resolve("left-otherwise", "2025-01", conflicting)).toMatchObject({
      fix: "Check the counts and their sources; the chart and the method section show this conflict. Do not print the derived figure.",
    });
  });

  it("measures the fall from the highest count up to that date, rounded to the nearest per cent", () => {
    // (110 − 105) / 110 = 4.5 %: rounded, 5.
    expect(whole("percent-below-peak", "2025-02-28")).toEqual({
      value: 5,
      source: line("held", 2),
      note: "Derived: 105 on 2025-02-28 against the peak of 110 on 2025-01-31",
      claim: { kind: "percent-below-peak", key: "2025-02-28", value: 5 },
    });
    // A higher count later, and an equal one later, change nothing about the fall on 30 April.
    const laterPeak = { ...data, held: [...data.held, held("2025-06-30", 110), held("2025-07-31", 500)] };
    expect(whole("percent-below-peak", "2025-04-30", laterPeak)).toMatchObject({
      value: 18,
      note: "Derived: 90 on 2025-04-30 against the peak of 110 on 2025-01-31",
    });
    expect(resolve("percent-below-peak", "2025-03-31")).toEqual({
      problem: "no count for 2025-03-31 in content/data/held.csv",
      fix: 'Did you mean "2025-01-31"? Valid: 2024-12-31, 2025-01-31, 2025-02-28, 2025-04-30, 2025-05-31.',
    });
    expect(resolve("percent-below-peak", "2025-01-31")).toMatchObject({
      fix: "Reword the sentence: the count is at its highest.",
    });
  });

  it("compares recognitions with releases over one period, rounded to the nearest whole", () => {
    // 3 recognised on 15 January against 4 freed: 7.5 for every 10, rounded, 8.
    expect(whole("recognised-per-10-freed", "2025-01-15")).toEqual({
      value: 8,
      source: line("recognitions", 1),
      note: "Derived: 3 newly recognised against 4 freed",
      claim: { kind: "recognised-per-10-freed", key: "2025-01-15", value: 8 },
    });
    expect(resolve("recognised-per-10-freed", "2025-01-15", { ...data, releases: data.releases.slice(1) })).toEqual({
      problem: "no release in 2025-01-15",
      fix: "Choose a period with releases.",
    });
    expect(value("recognised-per-10-freed", "2025-05")).toMatch(/^no published figure, nor run of published figures/);
    expect(value("recognised-per-10-freed", "2025-01..2025-06")).toMatch(/^no published figure/);
    expect(value2("recognised-per-10-freed", "2025-02", { ...data, releases: data.releases.slice(0, 1) })).toMatch(
      /^the period runs to 2025-02-28/,
    );
    expect(value("recognised-per-10-freed", "Q1")).toBe('"Q1" is not a period');
  });

  it("adds up consecutive published figures, but never across a gap or past either end", () => {
    expect(whole("recognised", "2025-01..2025-04")).toMatchObject({ source: line("recognitions", 3) });
    expect(whole("recognised", "2025-02")).toEqual({
      value: 10,
      source: line("recognitions", 2),
      note: undefined,
      claim: { kind: "recognised", key: "2025-02-01..2025-02-28", value: 10 },
    });
    const gap = { ...data, recognitions: data.recognitions.filter((r) => r.period_start !== "2025-02-01") };
    expect(resolve("recognised", "2025-01..2025-04", gap)).toEqual({
      problem:
        "no published figure, nor run of published figures, covers exactly 2025-01-01 to 2025-04-30 in content/data/recognitions.csv",
      fix: 'Use a period the published figures cover (months or longer), or add the missing row with its source. Did you mean "2025-03-01..2025-04-30"? Valid: 2025-01-01..2025-01-31, 2025-01-15, 2025-03-01..2025-04-30.',
    });
    // Published figures inside the period, but not reaching its first or its last day.
    expect(value("recognised", "2024-12..2025-02")).toMatch(/^no published figure/);
    expect(value("recognised", "2025-01..2025-05")).toMatch(/^no published figure/);
    expect(value("recognised", "2024-12")).toMatch(/^no published figure/);
  });

  it("reads deportations by release and place, adds up every release for all/, and refuses an empty count", () => {
    const deportations = [
      ...data.deportations,
      { ...data.deportations[0]!, release_id: "mar-deal", count: 5 },
      { ...data.deportations[0]!, release_id: "may-deal", place: "belarus", count: null },
      { ...data.deportations[0]!, release_id: "feb-deal", place: "belarus", count: 3 },
    ];
    const more = { ...data, deportations };
    expect(whole("taken", "all/lithuania", more)).toEqual({
      value: 15,
      source: deportations[1]!.line,
      note: "Added up from 2 rows of deportations.csv",
      claim: { kind: "taken", key: "all/lithuania", value: 15 },
    });
    expect(whole("taken", "feb-deal/lithuania", more)).toMatchObject({ value: 10, note: undefined });
    expect(resolve("taken", "may-deal/belarus", more)).toEqual({
      problem: 'a source for "may-deal/belarus" gives no number (an empty count)',
      fix: "Say it in words without a number, or fill in the count from a source.",
    });
    // One empty count among numbers is enough to refuse the sum.
    expect(resolve("taken", "all/belarus", more)).toMatchObject({
      problem: 'a source for "all/belarus" gives no number (an empty count)',
    });
    expect(resolve("taken", "feb-deal")).toEqual({
      problem: 'no row in content/data/deportations.csv for "feb-deal"',
      fix: "Write the release id and the place id with a slash between. Valid: feb-deal/lithuania.",
    });
  });

  it("refuses to add up releases when there are none yet", () => {
    const none = { ...data, releases: [] };
    for (const name of ["freed", "left-otherwise", "recognised-per-10-freed"]) {
      expect(resolve(name, "2025-01..2025-04", none)).toEqual({
        problem: "content/data/releases.csv has no releases yet",
        fix: "Add the releases before writing a number that adds them up.",
      });
    }
  });

  it("reads another sourced figure by id, and a held count by date", () => {
    const withFact = { ...data, facts: [fact("journalists", 27)] };
    expect(whole("fact", "journalists", withFact)).toEqual({
      value: 27,
      source: "journalists",
      note: undefined,
      claim: { kind: "fact", key: "journalists", value: 27 },
    });
    expect(resolve("fact", "journalist", withFact)).toEqual({
      problem: 'no fact with the id "journalist" in content/data/facts.csv',
      fix: 'Did you mean "journalists"? Valid: journalists.',
    });
    expect(resolve("held", "2025-03-31")).toEqual({
      problem: "no count for 2025-03-31 in content/data/held.csv",
      fix: 'Did you mean "2025-01-31"? Valid: 2024-12-31, 2025-01-31, 2025-02-28, 2025-04-30, 2025-05-31.',
    });
  });
});
