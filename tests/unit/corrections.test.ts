import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { correctionsFor, lastModified, loadCorrections } from "../../src/content/corrections.ts";
import { formatProblem, type ContentProblem } from "../../src/content/errors.ts";
import { tempDir } from "../support/temp.ts";

/** Reads a corrections log written to a fresh folder; returns the log and every message. */
function load(lines: string[] | undefined): { log: ReturnType<typeof loadCorrections>; messages: string[] } {
  const dir = tempDir("corrections");
  if (lines) writeFileSync(join(dir, "corrections.csv"), ["date,kind,chart,text", ...lines, ""].join("\n"));
  const problems: ContentProblem[] = [];
  const log = loadCorrections(dir, problems);
  return { log, messages: problems.map(formatProblem) };
}

const LOG = [
  "2025-01-10,published,,First published.",
  "2025-02-03,correction,deals,A date was wrong.",
  "2025-03-01,update,prisoners,A count was added.",
  "2025-02-20,update,,The whole story was updated.",
  "2025-03-01,correction,prisoners,A second change that day.",
];

describe("the corrections log", () => {
  it("reads the publication date and every entry, newest first (and, on one day, last written first)", () => {
    const { log, messages } = load(LOG);
    expect(messages).toEqual([]);
    expect(log.published).toBe("2025-01-10");
    expect(log.entries.map((e) => `${e.date} ${e.kind} ${e.chart}`)).toEqual([
      "2025-03-01 correction prisoners",
      "2025-03-01 update prisoners",
      "2025-02-20 update ",
      "2025-02-03 correction deals",
      "2025-01-10 published ",
    ]);
  });

  it("shows under a chart its own entries and those about the whole story, never the publication line", () => {
    const { log } = load(LOG);
    expect(correctionsFor(log, "deals").map((e) => e.text)).toEqual([
      "The whole story was updated.",
      "A date was wrong.",
    ]);
    expect(correctionsFor(log, "routes").map((e) => e.text)).toEqual(["The whole story was updated."]);
    expect(correctionsFor(log, undefined).map((e) => e.text)).toEqual(["The whole story was updated."]);
  });

  it("dates the story by its newest entry, and a chart by the newest entry that concerns it", () => {
    const { log } = load(LOG);
    expect(lastModified(log)).toBe("2025-03-01");
    expect(lastModified(log, "prisoners")).toBe("2025-03-01");
    expect(lastModified(log, "deals")).toBe("2025-02-20");
    expect(lastModified(log, "routes")).toBe("2025-02-20");
    const { log: onlyPublished } = load([LOG[0]!]);
    expect(lastModified(onlyPublished)).toBe("2025-01-10");
    expect(lastModified(onlyPublished, "deals")).toBe("2025-01-10");
  });

  it("refuses a chart that does not exist, with did-you-mean and the way to mean the whole story", () => {
    const { messages } = load([LOG[0]!, "2025-02-03,correction,deal,A date was wrong."]);
    expect(messages).toEqual([
      'content/corrections.csv:3: there is no chart called "deal"\n  field: chart\n  value: "deal"\n  fix:   Did you mean "deals"? Valid: door, prisoners, deals, routes. Leave it empty for the whole story.',
    ]);
  });

  it("needs exactly one publication row", () => {
    expect(load(["2025-02-03,correction,deals,A date was wrong."]).messages).toEqual([
      'content/corrections.csv:1: the log has 0 "published" rows\n  field: kind\n  value: "published"\n  fix:   Keep exactly one row of kind "published": the day the story first went out.',
    ]);
    expect(load([LOG[0]!, "2025-01-12,published,,Again."]).messages[0]).toMatch(
      /^content\/corrections\.csv:3: the log has 2 "published" rows/,
    );
  });

  it("refuses an entry dated before publication", () => {
    expect(load([LOG[0]!, "2025-01-09,correction,deals,Too early."]).messages).toEqual([
      'content/corrections.csv:3: this entry is dated before the story was published (2025-01-10)\n  field: date\n  value: "2025-01-09"\n  fix:   Check the date: updates and corrections come after publication.',
    ]);
    expect(load([LOG[0]!, "2025-01-10,update,,Same day is fine."]).messages).toEqual([]);
  });

  it("reports a row it cannot read as it is, without counting its publication row as missing too", () => {
    const { messages } = load(["10/01/2025,published,,First published."]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^content\/corrections\.csv:2:1: date is not a date written YYYY-MM-DD\n {2}field: date\n {2}value: "10\/01\/2025"/,
    );
  });

  it("says how to start a log when there is none", () => {
    const { log, messages } = load(undefined);
    expect(log).toEqual({ entries: [], published: "" });
    expect(messages).toEqual([
      'content/corrections.csv: the corrections log is missing\n  fix:   Create content/corrections.csv with the header date,kind,chart,text and a "published" row.',
    ]);
  });
});
