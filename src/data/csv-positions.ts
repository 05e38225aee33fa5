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
  // Past the last cell, i is beyond `length` and the loop ends.
  while (i <= length) {
    const start = i;
    if (text.charCodeAt(i) === QUOTE) {
      i++;
      while (i < length && !(text.charCodeAt(i) === QUOTE && text.charCodeAt(i + 1) !== QUOTE)) {
        i += text.charCodeAt(i) === QUOTE ? 2 : 1;
      }
      // Past the closing quote; a quote left open runs to the end of the text.
      i = Math.min(i + 1, length);
    } else {
      while (i < length && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== NEWLINE) i++;
    }
    record.push({ start, end: i });
    // A cell ends its record unless a comma follows it: a line break, or the end of the text, does.
    const endsRecord = i >= length || text.charCodeAt(i) === NEWLINE;
    i++;
    if (endsRecord) {
      records.push(record);
      record = [];
    }
  }
  return records;
}
