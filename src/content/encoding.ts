import { analyse } from "chardet";
import type { ContentProblem } from "./errors.ts";
import { characterCount } from "./hidden-characters.ts";

/**
 * Content files are UTF-8. Excel's default "CSV" on Windows saves in the local code page
 * (windows-1252 in Western Europe, windows-1251 for Cyrillic) and "Unicode Text" saves UTF-16;
 * read as UTF-8, either publishes `Lietuv�` or unreadable messages. So a file that is not valid
 * UTF-8 is refused, naming the encoding it most likely is (chardet's guess from its bytes), the
 * first line it cannot read, and how to save it again. A UTF-8 byte-order mark is accepted and
 * stripped: Excel's "CSV UTF-8" and Windows Notepad write one.
 */

const hasPrefix = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** U+FFFD as a file holds it: the decoder's stand-in for bytes it cannot read, when written on purpose. */
const REPLACEMENT = "\ufffd";
const REPLACEMENT_BYTES = [0xef, 0xbf, 0xbd];

/**
 * Offset of the first byte the standard UTF-8 decoder cannot read, or -1. The decoder (the WHATWG
 * one every browser and Node use) puts U+FFFD in place of such bytes; everything before the first
 * one it put there is well formed, so re-encoding that text gives its length in bytes. A U+FFFD the
 * file really holds is skipped.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  for (let at = text.indexOf(REPLACEMENT); at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) {
    const offset = new TextEncoder().encode(text.slice(0, at)).length;
    if (!hasPrefix(bytes.subarray(offset), REPLACEMENT_BYTES)) return offset;
  }
  return -1;
}

/** UTF-16 announces itself with a byte-order mark, or without one by a NUL in every other byte of ASCII text. */
function utf16Flavour(bytes: Uint8Array): string | undefined {
  if (hasPrefix(bytes, [0xff, 0xfe])) return "UTF-16LE";
  if (hasPrefix(bytes, [0xfe, 0xff])) return "UTF-16BE";
  const sample = bytes.subarray(0, 400);
  let evenNul = 0;
  let oddNul = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  });
  const pairs = sample.length / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return "UTF-16LE";
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return "UTF-16BE";
  return undefined;
}

/**
 * chardet's best guess; undefined when that guess is UTF-8 itself (a UTF-8 file with a few bytes
 * pasted in from elsewhere). Every multi-byte recogniser scores any stray byte 10, so a guess that
 * scores no higher is no guess. (ASCII scores 0 here: the file has a byte past ASCII.)
 */
function likelyEncoding(bytes: Uint8Array): string | undefined {
  const [best] = analyse(bytes);
  if (best?.name === "UTF-8") return undefined;
  return best && best.confidence > 10 ? best.name : "an older single-byte encoding";
}

/** The bytes of one line, readable parts decoded and unreadable bytes written as `<0xE0>`. */
function showLine(line: Uint8Array): string {
  let out = "";
  let rest = line;
  for (let bad = firstInvalidUtf8(rest); bad !== -1; bad = firstInvalidUtf8(rest)) {
    out += `${new TextDecoder().decode(rest.subarray(0, bad))}<0x${rest[bad]!.toString(16).toUpperCase().padStart(2, "0")}>`;
    rest = rest.subarray(bad + 1);
  }
  return out + new TextDecoder().decode(rest);
}

/** How to save as UTF-8, in the words of the programs editors use for each kind of file. */
function resaveAdvice(file: string): string {
  const csv = file.endsWith(".csv")
    ? 'In Excel: File › Save As, and choose "CSV UTF-8 (Comma delimited)". In LibreOffice: File › Save As › Text CSV, tick "Edit filter settings" and choose the character set "Unicode (UTF-8)". In Google Sheets: File › Download › CSV (always UTF-8). '
    : "";
  return `${csv}In a text editor, choose the encoding "UTF-8" when you save (VS Code: the encoding in the status bar › Save with Encoding › UTF-8). Then check the accented and Cyrillic letters still read right.`;
}

/**
 * Decodes a content file as UTF-8, or explains why it cannot. A leading UTF-8 byte-order mark is
 * dropped, so `---` front matter and CSV headers are found where the editor wrote them.
 */
export function decodeContent(bytes: Uint8Array, file: string): { text: string } | { problem: ContentProblem } {
  // ASCII saved as UTF-16 without a byte-order mark is valid UTF-8 (NULs and all), so look for it first.
  const utf16 = utf16Flavour(bytes);
  if (utf16) {
    return {
      problem: {
        file,
        problem: `the file is saved as ${utf16} (Excel's "Unicode Text" and some Windows programs save this), not UTF-8`,
        fix: `Save it again as UTF-8. ${resaveAdvice(file)}`,
      },
    };
  }
  try {
    // A fatal decoder reads a valid file in one pass and drops a leading byte-order mark itself.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8: the message below locates the first byte it cannot read.
  }
  const bad = firstInvalidUtf8(bytes);
  // Lines end in LF, CRLF, or (old Mac Excel's "CSV (Macintosh)") CR alone, as the readers count them.
  const isBreak = (b: number | undefined): boolean => b === 0x0a || b === 0x0d;
  let lineStart = bad;
  while (lineStart > 0 && !isBreak(bytes[lineStart - 1])) lineStart--;
  let lineEnd = bad;
  while (lineEnd < bytes.length && !isBreak(bytes[lineEnd])) lineEnd++;
  const line = bytes.subarray(lineStart, lineEnd);
  // Each LF, and each CR not followed by an LF, ends a line.
  const lineNumber =
    bytes.subarray(0, lineStart).filter((b, i, before) => b === 0x0a || (b === 0x0d && before[i + 1] !== 0x0a)).length +
    1;
  const column = characterCount(new TextDecoder().decode(bytes.subarray(lineStart, bad))) + 1;
  const encoding = likelyEncoding(bytes);
  return {
    problem: {
      file,
      line: lineNumber,
      column,
      value: showLine(line),
      problem: encoding
        ? `the file is not saved as UTF-8: it looks like ${encoding} (a guess from its bytes; Excel's plain "CSV" on Windows saves this way), so letters such as à or ł cannot be read`
        : "most of the file is UTF-8, but this line has bytes UTF-8 cannot read (text pasted in from a file saved in another encoding, perhaps), shown as <0x..>",
      fix: encoding
        ? `Save it again as UTF-8. ${resaveAdvice(file)}`
        : "Type the letters shown as <0x..> again, then save the file as UTF-8.",
    },
  };
}
