import { csvParseRows } from "d3-dsv";
import { z } from "zod";
import type { ContentProblem } from "../content/errors.ts";
import { validChoices } from "../content/did-you-mean.ts";
import type { Column } from "./columns.ts";

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

/**
 * The line each record starts on. d3-dsv gives records, not lines, and a quoted cell may hold a
 * line break, so count the breaks that fall outside quotes.
 */
export function recordStartLines(text: string): number[] {
  const starts = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "\n") {
      line++;
      if (!quoted && i < text.length - 1) starts.push(line);
    }
  }
  return starts;
}

/**
 * Reads one CSV file against its table spec; returns the rows that are valid and the problems of
 * the others. A caller must not publish rows from a file with problems (the loader throws).
 */
export function parseTable<C extends Record<string, Column>>(
  spec: TableSpec<C>,
  text: string,
  displayFile: string,
): { rows: Located<RowOf<C>>[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records = csvParseRows(body);
  const lines = recordStartLines(body);
  const expected = Object.keys(spec.columns);
  const header = records[0] ?? [];
  const at = (problem: Omit<ContentProblem, "file">): void => void problems.push({ file: displayFile, ...problem });

  const headerFix = `The first line must be exactly: ${expected.join(",")}`;
  for (const name of expected) {
    if (!header.includes(name)) {
      const stray = header.find((h) => !expected.includes(h));
      at({
        line: 1,
        field: name,
        problem: `the column "${name}" is missing`,
        fix: stray ? `"${stray}" is not a column here: rename it "${name}"? ${headerFix}` : headerFix,
      });
    }
  }
  for (const name of header) {
    if (!expected.includes(name)) {
      at({
        line: 1,
        field: name,
        value: name,
        problem: `"${name}" is not a column of ${spec.file}`,
        fix: `${validChoices(name, expected)} ${headerFix}`,
      });
    }
  }
  if (problems.length > 0) return { rows: [], problems };

  const rowSchema = z.object(Object.fromEntries(expected.map((name) => [name, spec.columns[name]!.schema])));
  const rows: Located<RowOf<C>>[] = [];
  const seen = new Map<string, number>();

  records.slice(1).forEach((record, index) => {
    const line = lines[index + 1] ?? index + 2;
    if (record.length === 1 && record[0]!.trim() === "") return;
    if (record.length !== header.length) {
      at({
        line,
        problem: `this row has ${record.length} fields but the header has ${header.length}`,
        fix: `Give every row ${header.length} fields in this order: ${header.join(",")}. Put a field that contains a comma in "double quotes".`,
      });
      return;
    }
    const raw = Object.fromEntries(header.map((name, i) => [name, record[i]!]));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
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
      return;
    }
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
