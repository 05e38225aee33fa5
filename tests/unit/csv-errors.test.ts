import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/errors.ts";
import { findHiddenCharacters, showHidden } from "../../src/content/hidden-characters.ts";
import { parseTable, recordStartLines } from "../../src/data/csv.ts";
import { cellSpans } from "../../src/data/csv-positions.ts";
import { runsAsFormula } from "../../src/data/spreadsheet-safety.ts";
import { heldTable, placesTable, releasesTable } from "../../src/data/tables.ts";
import { FIXTURE } from "../support/fixture.ts";

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
    expect(stray).toContain('Did you mean "count"?');
  });

  it("refuses a place or release id that steps use as a word: none, or all", () => {
    const place = "none,Nowhere,25.2798,54.6892,GeoNames,https://www.geonames.org/1,2025-06-01,";
    const places = parseTable(
      placesTable,
      `id,name,lon,lat,source_name,source_url,published,note\n${place}\n`,
      "p.csv",
    );
    expect(places.problems.map((p) => [p.field, p.problem])).toEqual([
      ["id", 'id is "none", the word a step writes for no place, so no step could name this row'],
    ]);
    const header = "id,date,released,political_prisoners,us_brokered,broker,source_name,source_url,published,note";
    const release = "all,2025-01-15,4,4,no,,Kyiv Independent,https://kyivindependent.com/x,2025-06-01,";
    expect(parseTable(releasesTable, `${header}\n${release}\n`, "r.csv").problems.map((p) => p.problem)).toEqual([
      'id is "all", the word a step writes for every release, so no step could name this row',
    ]);
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

  it("reads a file saved with old Mac line endings (a carriage return alone) as any other", () => {
    const { rows, problems } = parseTable(heldTable, `${header}\r${good}\r`, "held.csv");
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.date, r.line])).toEqual([["2025-09-18", 2]]);
    // A problem is named at its line, counting the line break inside a quoted cell.
    const twoLines = good.replace(/,$/, ',"two\rlines"');
    expect(messages(`${header}\r${twoLines}\r${good.replace("1184", "x")}\r`)[0]).toMatch(
      /^content\/data\/held\.csv:4:2: /,
    );
  });

  it("skips a blank line, but not a row whose first field alone is empty", () => {
    expect(messages(`${header}\n\n${good}\n`)).toEqual([]);
    expect(messages(`${header}\n${good.replace("2025-09-18", "")}\n`)[0]).toMatch(/^content\/data\/held\.csv:2:1: /);
  });

  it("gives a row with a problem in one cell that one message, not also one for repeating another row", () => {
    const hidden = good.replace("IPS citing", "IPS\u200bciting");
    expect(messages(`${header}\n${good}\n${hidden}\n`)).toHaveLength(1);
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

describe("where each cell sits, for messages that point inside a cell", () => {
  const tricky = [
    'a,b\n"x\ny",1\nz,2\n',
    'a,"b ""quoted"" c",d\n',
    "a,,b,\n\n,c\n",
    'a,"unclosed\nquote,b\n',
    "only\n",
    'x,"y"z,w\n',
  ];
  it("finds the same cells as the CSV parser, in every data file and in awkward cases", () => {
    const data = join(FIXTURE, "data");
    const files = readdirSync(data).map((f) => readFileSync(join(data, f), "utf8"));
    for (const text of [...files, ...tricky]) {
      const spans = cellSpans(text);
      expect(spans.map((record) => record.length)).toEqual(csvParseRows(text).map((record) => record.length));
    }
  });

  it("cuts out exactly each cell as written, its quotes included, to the end of a file with or without a last line break", () => {
    const cells = (text: string): string[][] =>
      cellSpans(text).map((record) => record.map(({ start, end }) => text.slice(start, end)));
    expect(cells("")).toEqual([]);
    expect(cells("a,b\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(cells('a,"b ""q"" c",d\n')).toEqual([["a", '"b ""q"" c"', "d"]]);
    expect(cells('"x\ny",1\nz,"2"')).toEqual([
      ['"x\ny"', "1"],
      ["z", '"2"'],
    ]);
    expect(cells('a,"b"\n"c",d\n')).toEqual([
      ["a", '"b"'],
      ['"c"', "d"],
    ]);
    expect(cells("a,\n,b\n")).toEqual([
      ["a", ""],
      ["", "b"],
    ]);
    // An unclosed quote runs to the end of the file, and stops there.
    expect(cells('a,"open\nb\n')).toEqual([["a", '"open\nb']]);
  });

  it("reads a file's bytes as UTF-8, dropping a byte-order mark", () => {
    const bytes = new TextEncoder().encode(`\ufeff${header}\n${good}\n`);
    expect(parseTable(heldTable, bytes, "content/data/held.csv").problems).toEqual([]);
  });

  it("names the likely encoding and the first unreadable byte of a file that is not UTF-8", () => {
    const bytes = Buffer.from(
      `${header}\n2025-09-18,1184,IPS citing Wiasna (Caf\u00e9),https://ipsnews.net/a,2025-10-07,\n`,
      "latin1",
    );
    const [message] = parseTable(heldTable, bytes, "content/data/held.csv").problems.map(formatProblem);
    expect(message).toMatch(
      /^content\/data\/held\.csv:2:39: the file is not saved as UTF-8: it looks like \S+ \(a guess from its bytes/,
    );
    expect(message).toContain('value: "2025-09-18,1184,IPS citing Wiasna (Caf<0xE9>),https');
  });
});

describe("hidden characters", () => {
  it("finds controls, invisible characters and unpaired direction controls, and lets paired isolates be", () => {
    expect(findHiddenCharacters("plain text, with a tab\tand a no-break\u00a0space")).toEqual([]);
    expect(findHiddenCharacters("\u2067عربي\u2069 and \u202bembedded\u202c")).toEqual([]);
    expect(findHiddenCharacters("a\u200bb\u000bc\u202ed").map((h) => [h.index, h.code, h.kind])).toEqual([
      [1, "U+200B", "invisible"],
      [3, "U+000B", "control"],
      [5, "U+202E", "bidi"],
    ]);
    expect(findHiddenCharacters("x\u2069").map((h) => h.code)).toEqual(["U+2069"]);
    expect(findHiddenCharacters("Lietuv\ufffd").map((h) => h.kind)).toEqual(["replacement"]);
  });

  it("writes every hidden character out in messages, paired or not", () => {
    expect(showHidden("2025-09-18\u200b")).toBe("2025-09-18<U+200B>");
    expect(showHidden("\u202eLithuania\u202c")).toBe("<U+202E>Lithuania<U+202C>");
    expect(formatProblem({ file: "f", problem: "p", fix: "x", value: "a\u000bb" })).toContain('value: "a<U+000B>b"');
  });
});

describe("the header and the rows: each fault named once, where it is", () => {
  const fix = "The first line must be exactly: date,count,source_name,source_url,published,note";

  it("names a blank column once, and does not offer it as the misspelt name of a missing one", () => {
    expect(messages(`date, ,source_name,source_url,published,note\n${good}`)).toEqual([
      `content/data/held.csv:1:2: column 2 of the header has no name\n  field: column 2\n  value: " "\n  fix:   Name it, or delete the column (or the stray comma at the end of the first line). ${fix}`,
      `content/data/held.csv:1: the column "count" is missing\n  field: count\n  fix:   ${fix}`,
    ]);
  });

  it("names a column written twice, with both places", () => {
    expect(messages(`date,count,date,source_name,source_url,published,note\n${good}`)).toEqual([
      `content/data/held.csv:1:3: the column "date" appears twice (columns 1 and 3), so one of them would be ignored\n  field: date\n  value: "date"\n  fix:   Keep one "date" column: delete the other, or rename it if it holds something else. ${fix}`,
    ]);
  });

  it("reads an empty file as a header with every column missing", () => {
    expect(messages("")).toHaveLength(6);
    expect(messages("")[0]).toBe(
      `content/data/held.csv:1: the column "date" is missing\n  field: date\n  fix:   ${fix}`,
    );
  });

  it("names a hidden character in the header by the column's place", () => {
    expect(messages(`date,count\u200b,source_name,source_url,published,note\n${good}`)).toEqual([
      'content/data/held.csv:1:2: column 2 of the header has an invisible character U+200B (zero-width space): the text looks right but is not what it seems, at character 6\n  field: column 2 of the header\n  value: "count<U+200B>"\n  fix:   Delete it: retype the text around U+200B by hand (copying it again would bring the character back). In most editors it sits where the cursor seems to stop for one extra key press.',
    ]);
  });

  it("gives a cell with a hidden character one message, not a second one about its value", () => {
    expect(messages(`${header}\n2025-09-18,11\u200b84,IPS,https://ipsnews.net/a,2025-10-07,\n`)).toEqual([
      'content/data/held.csv:2:2: count has an invisible character U+200B (zero-width space): the text looks right but is not what it seems, at character 3\n  field: count\n  value: "11<U+200B>84"\n  fix:   Delete it: retype the text around U+200B by hand (copying it again would bring the character back). In most editors it sits where the cursor seems to stop for one extra key press.',
    ]);
  });

  it("gives a cell a spreadsheet would run as a formula one message, not a second one about its value", () => {
    expect(messages(`${header}\n2025-09-18,=1+1,IPS,https://ipsnews.net/a,2025-10-07,\n`)).toEqual([
      'content/data/held.csv:2:2: count starts with "=", so a spreadsheet opening the download of this file would run it as a formula\n  field: count\n  value: "=1+1"\n  fix:   Reword it to start with a letter, a digit or a quotation mark: spreadsheets run a cell that begins with =, +, - or @.',
    ]);
  });

  it("skips a line of spaces, but counts a line with one field as a row with too few", () => {
    expect(messages(`${header}\n   \n${good}\n`)).toEqual([]);
    expect(messages(`${header}\n${good}\nstray\n`)).toEqual([
      `content/data/held.csv:3: this row has 1 field but the header has 6\n  fix:   Give every row 6 fields in this order: ${header}. Put a field that contains a comma in "double quotes".`,
    ]);
  });

  it("starts a record after a blank line on the next line", () => {
    expect(recordStartLines("a\n\nb\n")).toEqual([1, 2, 3]);
  });

  it("publishes no row from a file it cannot read", () => {
    const result = parseTable(
      heldTable,
      Buffer.from(`${header}\n${good.replace("IPS", "Caf\u00e9")}\n`, "latin1"),
      "held.csv",
    );
    expect(result.rows).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it("lets a plain signed number through, and nothing else that starts like a formula", () => {
    for (const cell of ["-12", "+3", "-12.25", "+0.5"]) expect(runsAsFormula(cell), cell).toBe(false);
    for (const cell of ["-", "-12x", "x", "-1.x", "-1.", "+.5", "@SUM(A1)", "=1", "\t1"])
      expect(runsAsFormula(cell), cell).toBe(cell !== "x");
  });
});
