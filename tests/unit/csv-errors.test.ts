import { describe, expect, it } from "vitest";
import { parseTable, recordStartLines } from "../../src/data/csv.ts";
import { heldTable, releasesTable } from "../../src/data/tables.ts";
import { formatProblem } from "../../src/content/errors.ts";

const header = "date,count,source_name,source_url,published,note";
const good = "2025-09-18,1184,IPS citing Viasna,https://www.ipsnews.net/a,2025-10-07,";
const messages = (text: string): string[] =>
  parseTable(heldTable, text, "content/data/held.csv").problems.map(formatProblem);

describe("CSV rows are checked cell by cell, naming file, line, field and fix", () => {
  it("accepts a valid row and keeps its line number", () => {
    const { rows, problems } = parseTable(heldTable, `${header}\n${good}\n`, "held.csv");
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        date: "2025-09-18",
        count: 1184,
        source_name: "IPS citing Viasna",
        source_url: "https://www.ipsnews.net/a",
        published: "2025-10-07",
        note: "",
        line: 2,
      },
    ]);
  });

  it("names a misnamed column and suggests the right one", () => {
    const [missing, stray] = messages(`date,cuont,source_name,source_url,published,note\n${good}`);
    expect(missing).toContain('content/data/held.csv:1: the column "count" is missing');
    expect(missing).toContain('"cuont" is not a column here: rename it "count"?');
    expect(stray).toContain('did you mean "count"?');
  });

  it("reports an extra column", () => {
    expect(messages(`${header},extra\n${good},x`)[0]).toContain('"extra" is not a column of held.csv');
  });

  it("reports a row with the wrong number of fields", () => {
    expect(messages(`${header}\n2025-09-18,1184,IPS\n`)[0]).toBe(
      'content/data/held.csv:2: this row has 3 fields but the header has 6\n  fix:   Give every row 6 fields in this order: date,count,source_name,source_url,published,note. Put a field that contains a comma in "double quotes".',
    );
  });

  it("rejects a count that is not a number", () => {
    expect(messages(`${header}\n2025-09-18,about 1200,IPS,https://ipsnews.net/a,2025-10-07,\n`)[0]).toBe(
      'content/data/held.csv:2:2: count is not a whole number\n  field: count\n  value: "about 1200"\n  fix:   How many political prisoners Viasna counted, a whole number without commas, e.g. 1184.',
    );
  });

  it("rejects a negative count", () => {
    expect(messages(`${header}\n2025-09-18,-5,IPS,https://ipsnews.net/a,2025-10-07,\n`)[0]).toContain(
      "count is negative",
    );
  });

  it("rejects an impossible date", () => {
    expect(messages(`${header}\n2025-02-30,5,IPS,https://ipsnews.net/a,2025-10-07,\n`)[0]).toContain(
      "date is not a real calendar date",
    );
  });

  it("rejects a future date", () => {
    expect(messages(`${header}\n2099-01-01,5,IPS,https://ipsnews.net/a,2025-10-07,\n`)[0]).toContain(
      "date is in the future",
    );
  });

  it("rejects a date before the story's range", () => {
    expect(messages(`${header}\n2019-05-01,5,IPS,https://ipsnews.net/a,2025-10-07,\n`)[0]).toContain(
      "date is before 2020-01-01",
    );
  });

  it("rejects a row without a source URL, or with a malformed one", () => {
    expect(messages(`${header}\n2025-09-18,5,IPS,,2025-10-07,\n`)[0]).toContain("source_url is empty");
    expect(messages(`${header}\n2025-09-18,5,IPS,ipsnews dot net,2025-10-07,\n`)[0]).toContain(
      "source_url is not a web address (URL)",
    );
  });

  it("rejects a row without a source name", () => {
    expect(messages(`${header}\n2025-09-18,5,,https://ipsnews.net/a,2025-10-07,\n`)[0]).toContain(
      "source_name is empty",
    );
  });

  it("rejects duplicate rows, pointing at the first", () => {
    expect(messages(`${header}\n${good}\n${good}\n`)[0]).toContain(
      "content/data/held.csv:3: this row repeats the row on line 2 (same date)",
    );
  });

  it("counts lines correctly when a quoted cell holds a line break", () => {
    expect(recordStartLines('a,b\n"x\ny",1\nz,2\n')).toEqual([1, 2, 4]);
    const text = `${header}\n2025-09-18,1184,IPS,https://ipsnews.net/a,2025-10-07,"two\nlines"\n2025-09-19,x,IPS,https://ipsnews.net/a,2025-10-07,\n`;
    expect(messages(text)[0]).toMatch(/^content\/data\/held.csv:4:2: count is not a whole number/);
  });

  it('reads "yes"/"no" and leaves an unknown count empty, never zero', () => {
    const releases =
      "id,date,released,political_prisoners,us_brokered,broker,source_name,source_url,published,note\n" +
      "2025-09-11-us-deal,2025-09-11,52,,maybe,,IPS,https://ipsnews.net/a,2025-10-07,\n";
    const { problems } = parseTable(releasesTable, releases, "releases.csv");
    expect(problems.map((p) => p.problem)).toEqual(['us_brokered is neither "yes" nor "no"']);
    const { rows } = parseTable(releasesTable, releases.replace("maybe", "yes"), "releases.csv");
    expect(rows[0]).toMatchObject({ political_prisoners: null, us_brokered: true, released: 52 });
  });
});
