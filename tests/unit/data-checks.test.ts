import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/errors.ts";
import { loadDataset } from "../../src/data/load.ts";
import { copyContent } from "../support/content-copy.ts";
import { FIXTURE } from "../support/fixture.ts";

/** Loads the fixture's data after an edit to one file; returns every message, as the editor reads them. */
function messages(file: string, change: (text: string) => string): string[] {
  const copy = copyContent(FIXTURE);
  copy.edit(`data/${file}`, change);
  return loadDataset(join(copy.dir, "data"), copy.dir).problems.map(formatProblem);
}
const appendRow = (row: string) => (text: string) => `${text.trimEnd()}\n${row}\n`;
const K = "Kyiv Independent,https://kyivindependent.com/fixture,2025-06-01,";

describe("the data's cross-checks between tables", () => {
  it("pass on the fixture, and read every table sorted by date", () => {
    const { data, problems } = loadDataset(join(FIXTURE, "data"), FIXTURE);
    expect(problems).toEqual([]);
    expect(data.held.map((r) => r.date)).toEqual([...data.held.map((r) => r.date)].sort());
    expect(data.releases.map((r) => r.id)).toEqual(["jan-pardon", "feb-deal", "mar-deal", "apr-pardon", "may-deal"]);
    expect(data.recognitions[0]!.period_start).toBe("2024-03-01");
    expect(data.concessions.map((c) => c.id)).toEqual(["feb-call", "feb-relief", "apr-visit"]);
  });

  it("refuse more political prisoners than people released", () => {
    expect(
      messages("releases.csv", (t) => t.replace("mar-deal,2025-03-10,20,18,", "mar-deal,2025-03-10,20,21,")),
    ).toEqual([
      'content/data/releases.csv:4: political_prisoners is more than the 20 people released\n  field: political_prisoners\n  value: "21"\n  fix:   political_prisoners counts those among the released whom Viasna recognised; it cannot exceed released.',
    ]);
    expect(
      messages("releases.csv", (t) => t.replace("mar-deal,2025-03-10,20,18,", "mar-deal,2025-03-10,20,20,")),
    ).toEqual([]);
  });

  it("refuse routes that add up to more people than the release freed", () => {
    expect(messages("deportations.csv", (t) => t.replace("mar-deal,ukraine,8,", "mar-deal,ukraine,9,"))).toEqual([
      'content/data/deportations.csv:3: the routes of release "mar-deal" add up to 21, more than the 20 it freed\n  field: count\n  value: "21"\n  fix:   Check the counts against their sources; a person taken on from one country to another is counted once.',
    ]);
  });

  it("refuse a concession or a route naming a release that does not exist, with did-you-mean", () => {
    expect(messages("concessions.csv", (t) => t.replace(",relief,feb-deal,", ",relief,feb-dael,"))).toEqual([
      expect.stringMatching(
        /^content\/data\/concessions\.csv:3: release_id "feb-dael" is not an id in releases\.csv\n {2}field: release_id\n {2}value: "feb-dael"\n {2}fix: {3}Use an id from releases\.csv \(add a row there first if it is new\). Did you mean "feb-deal"\?/,
      ),
    ]);
    expect(messages("deportations.csv", appendRow(`apr-pardn,lithuania,1,${K}`))).toEqual([
      expect.stringMatching(
        /^content\/data\/deportations\.csv:7: release_id "apr-pardn" is not an id in releases\.csv/,
      ),
    ]);
  });

  it("refuse a route to a place that does not exist, and a places file without Minsk", () => {
    expect(messages("deportations.csv", (t) => t.replace("feb-deal,lithuania,", "feb-deal,lithuana,"))).toEqual([
      expect.stringMatching(
        /^content\/data\/deportations\.csv:2: place "lithuana" is not an id in places\.csv[\s\S]*"lithuania"/,
      ),
    ]);
    expect(
      messages("places.csv", (t) =>
        t
          .split("\n")
          .filter((l) => !l.startsWith("belarus,"))
          .join("\n"),
      ),
    ).toContain(
      'content/data/places.csv: places.csv has no row with the id "belarus", where every route on the map starts\n  field: id\n  value: "belarus"\n  fix:   Restore the row for Minsk with the id "belarus".',
    );
  });

  it("refuse a fact in a series that does not exist", () => {
    expect(
      messages("facts.csv", appendRow("x-1,jornalists,2025-01-01,3,label,Viasna,https://spring96.org/x,2025-06-01,")),
    ).toEqual([
      expect.stringMatching(
        /^content\/data\/facts\.csv:8: series "jornalists" is not an id in the list of series[\s\S]*"journalists"/,
      ),
    ]);
  });

  it("refuse a period that ends before it starts", () => {
    expect(
      messages("recognitions.csv", appendRow("2025-05-31,2025-05-01,3,Viasna,https://spring96.org/x,2025-06-01,")),
    ).toEqual([
      'content/data/recognitions.csv:8: period_end is before period_start (2025-05-31)\n  field: period_end\n  value: "2025-05-01"\n  fix:   period_end is the last day of the period and must be on or after period_start; swap the two dates?',
    ]);
  });

  it("do not cascade: a bad row in releases.csv is reported once, without false alarms about the ids that point at it", () => {
    const found = messages("releases.csv", (t) => t.replace("feb-deal,2025-02-20,10,", "feb-deal,2025-02-20,ten,"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^content\/data\/releases\.csv:3:3: released is not a whole number/);
  });
});

describe("reading the data files", () => {
  it("reads every dated table in date order, whatever the order of its lines", () => {
    const copy = copyContent(FIXTURE);
    const reverse = (text: string): string => {
      const [header, ...rows] = text.trimEnd().split("\n");
      return `${[header, ...rows.reverse()].join("\n")}\n`;
    };
    for (const file of ["held", "recognitions", "releases", "concessions", "facts"])
      copy.edit(`data/${file}.csv`, reverse);
    const { data, problems } = loadDataset(join(copy.dir, "data"), copy.dir);
    expect(problems).toEqual([]);
    const sorted = (xs: string[]): string[] => [...xs].sort();
    expect(data.held.map((r) => r.date)).toEqual(sorted(data.held.map((r) => r.date)));
    expect(data.recognitions.map((r) => r.period_start)).toEqual(sorted(data.recognitions.map((r) => r.period_start)));
    expect(data.releases.map((r) => r.id)).toEqual(["jan-pardon", "feb-deal", "mar-deal", "apr-pardon", "may-deal"]);
    expect(data.concessions.map((r) => r.id)).toEqual(["feb-call", "feb-relief", "apr-visit"]);
    expect(data.facts.map((r) => r.date)).toEqual(sorted(data.facts.map((r) => r.date)));
    expect(data.held[0]!.line).toBe(7);
  });

  it("names a missing data file and what it holds", () => {
    const copy = copyContent(FIXTURE);
    rmSync(join(copy.dir, "data", "facts.csv"));
    expect(loadDataset(join(copy.dir, "data"), copy.dir).problems.map(formatProblem)).toEqual([
      "content/data/facts.csv: the data file facts.csv is missing\n  fix:   Restore content/data/facts.csv (one row per one other sourced figure, in a named series).",
    ]);
  });

  it.each(["places.csv", "releases.csv", "outlets.csv"])(
    "names a missing %s alone, without a cross-check against the table that is not there",
    (file) => {
      const copy = copyContent(FIXTURE);
      rmSync(join(copy.dir, "data", file));
      const problems = loadDataset(join(copy.dir, "data"), copy.dir).problems.map(formatProblem);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^content/data/${file}: the data file ${file} is missing`));
    },
  );

  it("reads a file saved with a byte-order mark and Windows line endings, and skips blank lines", () => {
    const copy = copyContent(FIXTURE);
    copy.edit(
      "data/held.csv",
      (t) => `\uFEFF${t.replace(/\n/g, "\r\n").replace("\r\n2025-01-31", "\r\n\r\n2025-01-31")}`,
    );
    const { data, problems } = loadDataset(join(copy.dir, "data"), copy.dir);
    expect(problems).toEqual([]);
    expect(data.held.map((r) => [r.date, r.line])).toEqual([
      ["2024-03-31", 2],
      ["2024-12-31", 3],
      ["2025-01-31", 5],
      ["2025-02-28", 6],
      ["2025-04-30", 7],
      ["2025-05-31", 8],
    ]);
  });

  it("refuses a repeated row, pointing at the first, by the table's key", () => {
    expect(messages("releases.csv", appendRow(`mar-deal,2025-03-11,2,,no,,${K}`))).toEqual([
      'content/data/releases.csv:7: this row repeats the row on line 4 (same id)\n  field: id\n  value: "mar-deal"\n  fix:   Delete one of the two rows, or correct the one that is wrong.',
    ]);
    expect(messages("deportations.csv", appendRow(`feb-deal,lithuania,1,${K}`))[0]).toBe(
      'content/data/deportations.csv:7: this row repeats the row on line 2 (same release_id and place)\n  field: release_id, place\n  value: "feb-deal / lithuania"\n  fix:   Delete one of the two rows, or correct the one that is wrong.',
    );
  });

  it("checks nothing more in a file whose header is wrong, and says what the header must be", () => {
    expect(messages("held.csv", (t) => t.replace("date,count,", "date,cuont,"))).toEqual([
      'content/data/held.csv:1: the column "count" is missing\n  field: count\n  fix:   "cuont" is not a column here: rename it "count"? The first line must be exactly: date,count,source_name,source_url,published,note',
      'content/data/held.csv:1:2: "cuont" is not a column of held.csv\n  field: cuont\n  value: "cuont"\n  fix:   Did you mean "count"? Valid: date, count, source_name, source_url, published, note. The first line must be exactly: date,count,source_name,source_url,published,note',
    ]);
  });
});
