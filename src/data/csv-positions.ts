/**
 * Where each CSV cell sits in the file, so a message can name the line and column of a character
 * inside a cell. d3-dsv parses the values but keeps no positions; this walks the text the same way
 * (RFC 4180: a cell that starts with a quote runs to the closing quote, "" is a quote inside it).
 */

export interface CellSpan {
  /** Offset of the cell's first character in the text, its opening quote included. */
  start: number;
  /** Offset just past the cell, before the comma or line break that ends it. */
  end: number;
}

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;

/** One array of spans per record, in the order d3-dsv's csvParseRows returns the records. */
export function cellSpans(text: string): CellSpan[][] {
  const records: CellSpan[][] = [];
  if (text.length === 0) return records;
  let length = text.length;
  if (text.charCodeAt(length - 1) === NEWLINE) length--;
  let i = 0;
  let record: CellSpan[] = [];
  while (i <= length) {
    const start = i;
    let ended: "comma" | "line" | "end" = "end";
    if (text.charCodeAt(i) === QUOTE) {
      i++;
      while (i < length && !(text.charCodeAt(i) === QUOTE && text.charCodeAt(i + 1) !== QUOTE)) {
        i += text.charCodeAt(i) === QUOTE ? 2 : 1;
      }
      i++; // the closing quote
      const end = Math.min(i, length);
      const next = text.charCodeAt(i);
      if (i < length) ended = next === NEWLINE ? "line" : "comma";
      i++;
      record.push({ start, end });
    } else {
      while (i < length && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== NEWLINE) i++;
      record.push({ start, end: i });
      if (i < length) ended = text.charCodeAt(i) === NEWLINE ? "line" : "comma";
      i++;
    }
    if (ended !== "comma") {
      records.push(record);
      record = [];
      if (ended === "end") break;
    }
  }
  return records;
}
