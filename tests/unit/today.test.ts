import { afterEach, describe, expect, it, vi } from "vitest";
import { parseTable } from "../../src/data/csv.ts";
import { today } from "../../src/data/fields.ts";
import { heldTable } from "../../src/data/tables.ts";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** Stops the clock where it is now, so a test cannot straddle midnight. */
const freezeClock = (): void => {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
};

/** The UTC day `days` from now, as the clock says now: what "today" means, computed here without today(). */
const dayFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const heldRow = (date: string): string =>
  `date,count,source_name,source_url,published,note\n${date},5,IPS,https://ipsnews.net/a,${date},\n`;

describe("today(), the one place the project asks what day it is", () => {
  it("reads the clock, in UTC", () => {
    vi.stubEnv("REVOLVING_DOOR_TODAY", undefined);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-03-04T12:00:00Z"));
    expect(today()).toBe("2031-03-04");
    // Late evening in New York is already the next day in UTC.
    vi.setSystemTime(new Date("2031-06-30T23:30:00-05:00"));
    expect(today()).toBe("2031-07-01");
  });

  it("follows the clock when no day is pinned, so a run on any day sees that day", () => {
    vi.stubEnv("REVOLVING_DOOR_TODAY", "");
    freezeClock();
    expect(today()).toBe(dayFromNow(0));
  });

  it("can be pinned for a test with REVOLVING_DOOR_TODAY", () => {
    vi.stubEnv("REVOLVING_DOOR_TODAY", "2024-02-29");
    expect(today()).toBe("2024-02-29");
  });

  it("refuses a pin that is not a real day, naming the variable", () => {
    for (const bad of [
      "2024-02-30",
      "25/11/2026",
      "tomorrow",
      "2026-11-25 ",
      "x2026-11-25",
      "2026-1-05",
      "2026-11-5",
    ]) {
      vi.stubEnv("REVOLVING_DOOR_TODAY", bad);
      expect(() => today(), bad).toThrow(`REVOLVING_DOOR_TODAY is "${bad}", which is not a day written YYYY-MM-DD`);
    }
  });
});

describe("a data row's date", () => {
  const problems = (date: string): string[] =>
    parseTable(heldTable, heldRow(date), "held.csv").problems.map((p) => p.problem);

  it("may be today, by the clock", () => {
    vi.stubEnv("REVOLVING_DOOR_TODAY", undefined);
    freezeClock();
    expect(problems(dayFromNow(0))).toEqual([]);
  });

  it("may not be tomorrow, by the clock", () => {
    vi.stubEnv("REVOLVING_DOOR_TODAY", undefined);
    freezeClock();
    expect(problems(dayFromNow(1))).toContain("date is in the future");
  });

  it("is judged against the pinned day when there is one", () => {
    vi.stubEnv("REVOLVING_DOOR_TODAY", "2025-01-31");
    expect(problems("2025-01-31")).toEqual([]);
    expect(problems("2025-02-01")).toContain("date is in the future");
  });
});
