import { describe, expect, it } from "vitest";
import { flowPeriods, flowsOver, heldAtEndOf, tileRecognitions } from "../../src/data/flows.ts";
import { latestDate } from "../../src/data/latest.ts";
import { fixtureDataset, held, recognised, release } from "../support/dataset.ts";

const data = fixtureDataset();
// Worked out inside each test, not while the file is read: a mutation test switches its bug on per test.
const periods = () => flowPeriods(data, "2025-01-01", "2025-05-31");
const summary = () =>
  periods().map((p) => ({
    span: `${p.start}..${p.end}`,
    in: p.recognised?.count ?? null,
    us: p.freedUs,
    other: p.freedOther,
    left: p.leftOtherwise,
  }));

describe("flowPeriods", () => {
  it("tiles the axis with the published periods: months where they exist, the two-month block, and the unpublished rest", () => {
    expect(summary()).toEqual([
      { span: "2025-01-01..2025-01-31", in: 20, us: 0, other: 4, left: 6 },
      { span: "2025-02-01..2025-02-28", in: 10, us: 10, other: 0, left: 5 },
      { span: "2025-03-01..2025-04-30", in: 30, us: 20, other: 5, left: 20 },
      { span: "2025-05-01..2025-05-31", in: null, us: 7, other: 0, left: null },
    ]);
  });

  it("keeps an unpublished stretch before the first published period as a block of its own, ending the day before it", () => {
    const early = flowPeriods(data, "2024-12-01", "2025-01-31").map((p) => ({
      span: `${p.start}..${p.end}`,
      in: p.recognised?.count ?? null,
      other: p.freedOther,
      left: p.leftOtherwise,
    }));
    expect(early).toEqual([
      { span: "2024-12-01..2024-12-31", in: null, other: 0, left: null },
      { span: "2025-01-01..2025-01-31", in: 20, other: 4, left: 6 },
    ]);
  });

  it("counts a release on the first and on the last day of a period in that period, and a last stretch of one day", () => {
    const edges = {
      ...data,
      releases: [release("first-day", "2025-02-01", 3), release("last-day", "2025-02-28", 5, true)],
    };
    const [, february] = flowPeriods(edges, "2025-01-01", "2025-02-28");
    expect([february!.freedOther, february!.freedUs]).toEqual([3, 5]);
    const spans = flowPeriods(data, "2025-01-01", "2025-05-01").map((p) => `${p.start}..${p.end}`);
    expect(spans.at(-1)).toBe("2025-05-01..2025-05-01");
  });

  it("closes the balance between every pair of counts it spans: held at the start + in − freed − left otherwise = held at the end", () => {
    const complete = periods().filter((p) => p.leftOtherwise !== null);
    for (let i = 0; i < complete.length; i++) {
      for (let j = i; j < complete.length; j++) {
        const run = complete.slice(i, j + 1);
        const sum = (pick: (p: (typeof run)[number]) => number) => run.reduce((s, p) => s + pick(p), 0);
        const end =
          run[0]!.heldBefore!.count +
          sum((p) => p.recognised!.count) -
          sum((p) => p.freedUs + p.freedOther) -
          sum((p) => p.leftOtherwise!);
        expect(end, `${run[0]!.start} to ${run.at(-1)!.end}`).toBe(run.at(-1)!.heldAfter!.count);
      }
    }
  });

  it("never counts a single-day recognition inside the month that contains it", () => {
    expect(periods()[0]!.recognised!.rows.map((r) => r.count)).toEqual([20]);
  });

  it("leaves the derived figure out where a count is missing at either end, and says so with null", () => {
    const noEndCount = flowPeriods(
      { ...data, held: data.held.filter((r) => r.date !== "2025-01-31") },
      "2025-01-01",
      "2025-04-30",
    );
    // January and February have no count between them, so they merge into one published block.
    expect(noEndCount.map((p) => [p.start, p.end, p.recognised?.count, p.leftOtherwise])).toEqual([
      ["2025-01-01", "2025-02-28", 30, 11],
      ["2025-03-01", "2025-04-30", 30, 20],
    ]);
  });

  it("keeps a negative derived figure, so the chart can show that the counts conflict", () => {
    const conflict = flowPeriods(
      { ...data, held: [held("2024-12-31", 100), held("2025-01-31", 130)] },
      "2025-01-01",
      "2025-01-31",
    );
    expect(conflict[0]!.leftOtherwise).toBe(100 + 20 - 4 - 130);
  });
});

describe("tileRecognitions", () => {
  it("prefers the total that covers more days over months that cover fewer, and finer periods when they cover as much", () => {
    const rows = [
      recognised("2025-01-01", "2025-12-23", 509),
      recognised("2025-01-01", "2025-01-31", 18),
      recognised("2025-12-01", "2025-12-31", 50),
    ];
    expect(tileRecognitions(rows, "2025-01-01", "2025-12-31").map((r) => r.count)).toEqual([509]);
    const months = [
      recognised("2025-01-01", "2025-01-31", 18),
      recognised("2025-02-01", "2025-02-28", 39),
      recognised("2025-01-01", "2025-02-28", 57),
    ];
    expect(tileRecognitions(months, "2025-01-01", "2025-02-28").map((r) => r.count)).toEqual([18, 39]);
  });

  it("leaves out rows that stick out of the span, at either end", () => {
    expect(tileRecognitions(data.recognitions, "2025-01-01", "2025-03-31").map((r) => r.count)).toEqual([20, 10]);
    expect(tileRecognitions(data.recognitions, "2025-02-01", "2025-04-30").map((r) => r.count)).toEqual([10, 30]);
  });

  it("leaves out a figure for a day or a few weeks, even where nothing else covers it", () => {
    expect(tileRecognitions(data.recognitions, "2025-01-15", "2025-01-15")).toEqual([]);
  });

  it("never counts a day twice: periods sharing a day are alternatives, and on an exact tie the one that ends first is kept", () => {
    const sharing = [recognised("2025-01-01", "2025-01-31", 18), recognised("2025-01-31", "2025-02-28", 39)];
    expect(tileRecognitions(sharing, "2025-01-01", "2025-02-28").map((r) => r.count)).toEqual([18]);
    const tied = [recognised("2025-01-01", "2025-01-31", 18), recognised("2025-01-02", "2025-02-01", 19)];
    expect(tileRecognitions(tied, "2025-01-01", "2025-02-01").map((r) => r.count)).toEqual([18]);
  });
});

describe("heldAtEndOf", () => {
  it("takes a count dated that day, or one dated the 1st of the next month", () => {
    expect(heldAtEndOf([held("2022-10-01", 1324)], "2022-09-30")?.count).toBe(1324);
    expect(heldAtEndOf([held("2022-10-02", 1324)], "2022-10-01")).toBeNull();
  });
});

describe("flowsOver", () => {
  it("adds up whole periods, with the counts at either end", () => {
    const total = flowsOver(periods(), "2025-01-01", "2025-04-30")!;
    expect([
      total.recognised,
      total.freedUs,
      total.freedOther,
      total.leftOtherwise,
      total.heldBefore?.count,
      total.heldAfter?.count,
    ]).toEqual([60, 30, 9, 31, 100, 90]);
  });

  it("refuses a span that cuts a period, at either end or inside one", () => {
    expect(flowsOver(periods(), "2025-01-01", "2025-03-31")).toBeUndefined();
    expect(flowsOver(periods(), "2025-01-15", "2025-02-28")).toBeUndefined();
    expect(flowsOver(periods(), "2025-03-05", "2025-03-20")).toBeUndefined();
    expect(flowsOver(periods(), "2025-02-01", "2025-02-28")?.recognised).toBe(10);
  });

  it("gives no derived total when one of its periods has none", () => {
    expect(flowsOver(periods(), "2025-04-01", "2025-05-31")).toBeUndefined();
    expect(flowsOver(periods(), "2025-03-01", "2025-05-31")?.leftOtherwise).toBeNull();
  });
});

describe("latestDate", () => {
  it("is the newest date in any dated table, the end of a recognitions period included", () => {
    expect(latestDate(data)).toBe("2025-05-31");
    expect(latestDate({ ...data, recognitions: [], held: [] })).toBe("2025-05-10");
    expect(latestDate({ ...data, recognitions: [], held: [], releases: [] })).toBe("2025-04-01");
  });
});
