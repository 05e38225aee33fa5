import { csvParseRows } from "d3-dsv";
import { z } from "zod";
import { validChoices } from "../content/did-you-mean.ts";
import { decodeContent } from "../content/encoding.ts";
import type { ContentProblem } from "../content/errors.ts";
import { characterCount, describeHidden, findHiddenCharacters, fixHidden } from "../content/hidden-characters.ts";
import type { Column } from "./columns.ts";
import { cellSpans } from "./csv-positions.ts";
import { runsAsFormula } from "./spreadsheet-safety.ts";

/** A parsed row with the line it starts on, so later cross-checks can point back at it. */
export type Located<Row> = Row & { readonly line: number };

export interface TableSpec<C extends Record<string, Column>> {
  /** File name inside content/data/. */
  file: string;
  /** One sentence: what one row of this table is. */
  describe: string;
  columns: C;
  /** The columns that make a row unique; a second row with the same values is a duplicate. */
  key: readonly (keyof C & string)[];
}

export type RowOf<C extends Record<string, Column>> = { [K in keyof C]: z.output<C[K]["schema"]> };

export function defineTable<C extends Record<string, Column>>(spec: TableSpec<C>): TableSpec<C> {
  return spec;
}

/** The line each record starts on (a quoted cell may hold a line break, so records and lines differ). */
export function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let offset = 0;
  for (const record of cellSpans(text)) {
    const start = record[0]!.start;
    for (; offset < start; offset++) if (text.charCodeAt(offset) === 10) line++;
    starts.push(line);
  }
  return starts;
}

type Report = (problem: Omit<ContentProblem, "file">) => void;

/**
 * Hidden characters in one record's cells: one message per cell, with the character's place in
 * the cell. Returns the indexes of the cells that have one, so they get no second message.
 */
function checkHiddenCharacters(record: string[], header: string[], line: number, at: Report): Set<number> {
  const bad = new Set<number>();
  record.forEach((cell, i) => {
    const [first] = findHiddenCharacters(cell);
    if (!first) return;
    bad.add(i);
    // A data row reaches here only with as many cells as the header has.
    const field = line === 1 ? `column ${i + 1} of the header` : header[i]!;
    const position = characterCount(cell.slice(0, first.index)) + 1;
    at({
      line,
      column: i + 1,
      field,
      value: cell,
      problem: `${field} has ${describeHidden(first)}, at character ${position}`,
      fix: fixHidden(first),
    });
  });
  return bad;
}

/** The header must name each column once: none blank, none twice, none missing, none unknown. */
function checkHeader(spec: { file: string; columns: Record<string, Column> }, header: string[], at: Report): void {
  const expected = Object.keys(spec.columns);
  const headerFix = `The first line must be exactly: ${expected.join(",")}`;
  header.forEach((name, i) => {
    if (name.trim() === "") {
      at({
        line: 1,
        column: i + 1,
        field: `column ${i + 1}`,
        value: name,
        problem: `column ${i + 1} of the header has no name`,
        fix: `Name it, or delete the column (or the stray comma at the end of the first line). ${headerFix}`,
      });
    } else if (header.indexOf(name) !== i) {
      at({
        line: 1,
        column: i + 1,
        field: name,
        value: name,
        problem: `the column "${name}" appears twice (columns ${header.indexOf(name) + 1} and ${i + 1}), so one of them would be ignored`,
        fix: `Keep one "${name}" column: delete the other, or rename it if it holds something else. ${headerFix}`,
      });
    }
  });
  for (const name of expected) {
    if (header.includes(name)) continue;
    const stray = header.find((h) => h.trim() !== "" && !expected.includes(h));
    at({
      line: 1,
      field: name,
      problem: `the column "${name}" is missing`,
      fix: stray ? `"${stray}" is not a column here: rename it "${name}"? ${headerFix}` : headerFix,
    });
  }
  header.forEach((name, i) => {
    if (name.trim() === "" || expected.includes(name)) return;
    at({
      line: 1,
      column: i + 1,
      field: name,
      value: name,
      problem: `"${name}" is not a column of ${spec.file}`,
      fix: `${validChoices(name, expected)} ${headerFix}`,
    });
  });
}

/** Cells a spreadsheet would run as formulas, one message each; adds their indexes to `skip`. */
function checkFormulas(record: string[], header: string[], line: number, skip: Set<number>, at: Report): void {
  record.forEach((cell, i) => {
    if (skip.has(i) || !runsAsFormula(cell)) return;
    skip.add(i);
    at({
      line,
      column: i + 1,
      field: header[i],
      value: cell,
      problem: `${header[i]!} starts with "${cell[0]!}", so a spreadsheet opening the download of this file would run it as a formula`,
      fix: "Reword it to start with a letter, a digit or a quotation mark: spreadsheets run a cell that begins with =, +, - or @.",
    });
  });
}

/**
 * Reads one CSV file against its table spec; returns the rows that are valid and the problems of
 * the others. A caller must not publish rows from a file with problems (the loader throws).
 * Given the file's bytes, it first checks they are UTF-8 (see decodeContent). A position is a
 * line and a column number: the column's place in the header, as a spreadsheet counts them.
 */
export function parseTable<C extends Record<string, Column>>(
  spec: TableSpec<C>,
  input: string | Uint8Array,
  displayFile: string,
): { rows: Located<RowOf<C>>[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const decoded = typeof input === "string" ? { text: input } : decodeContent(input, displayFile);
  if ("problem" in decoded) return { rows: [], problems: [decoded.problem] };
  // decodeContent has dropped a byte-order mark; text given as a string is taken as already decoded.
  const body = decoded.text.replace(/\r\n?/g, "\n");
  const records = csvParseRows(body);
  const lines = recordStartLines(body);
  const header = records[0] ?? [];
  const at: Report = (problem) => void problems.push({ file: displayFile, ...problem });

  checkHiddenCharacters(header, header, 1, at);
  if (problems.length === 0) checkHeader(spec, header, at);
  if (problems.length > 0) return { rows: [], problems };

  const expected = Object.keys(spec.columns);
  const rowSchema = z.object(Object.fromEntries(expected.map((name) => [name, spec.columns[name]!.schema])));
  const rows: Located<RowOf<C>>[] = [];
  const seen = new Map<string, number>();

  records.slice(1).forEach((record, index) => {
    // recordStartLines reads the same records from the same text: one line for each.
    const line = lines[index + 1]!;
    if (record.length === 1 && record[0]!.trim() === "") return;
    if (record.length !== header.length) {
      at({
        line,
        problem: `this row has ${record.length} ${record.length === 1 ? "field" : "fields"} but the header has ${header.length}`,
        fix: `Give every row ${header.length} fields in this order: ${header.join(",")}. Put a field that contains a comma in "double quotes".`,
      });
      return;
    }
    const before = problems.length;
    const badCells = checkHiddenCharacters(record, header, line, at);
    checkFormulas(record, header, line, badCells, at);
    const raw = Object.fromEntries(header.map((name, i) => [name, record[i]!]));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (badCells.has(header.indexOf(field))) continue;
        const col = spec.columns[field]!;
        at({
          line,
          column: header.indexOf(field) + 1,
          field,
          value: raw[field],
          problem: `${field} ${issue.message}`,
          fix: `${col.doc}, e.g. ${col.example}.`,
        });
      }
    }
    if (problems.length > before || !parsed.success) return;
    const row = { ...(parsed.data as RowOf<C>), line };
    const key = spec.key.map((k) => String(raw[k])).join(" / ");
    const first = seen.get(key);
    if (first !== undefined) {
      at({
        line,
        field: spec.key.join(", "),
        value: key,
        problem: `this row repeats the row on line ${first} (same ${spec.key.join(" and ")})`,
        fix: "Delete one of the two rows, or correct the one that is wrong.",
      });
      return;
    }
    seen.set(key, line);
    rows.push(row);
  });
  return { rows, problems };
}
