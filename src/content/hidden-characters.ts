/**
 * Characters an editor cannot see but a reader's browser acts on: control characters (pasted from
 * word processors), invisible ones (zero-width spaces, soft hyphens) and bidirectional controls
 * that reorder what readers see. Every content file and every CSV cell is checked for them, and
 * every error message shows them as `<U+200B>` so the value it quotes never looks valid.
 */

export type HiddenKind = "control" | "invisible" | "bidi" | "replacement";

export interface HiddenCharacter {
  /** Index in the string (UTF-16 code units), for slicing. */
  index: number;
  /** The code point as written in messages: `U+200B`. */
  code: string;
  /** Its Unicode name where it is one an editor may meet, e.g. "zero-width space". */
  name: string | undefined;
  kind: HiddenKind;
}

const NAMES: Record<number, string> = {
  0x00: "null",
  0x09: "tab",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x7f: "delete",
  0x85: "next line",
  0xa0: "no-break space",
  0xad: "soft hyphen",
  0x034f: "combining grapheme joiner",
  0x061c: "Arabic letter mark",
  0x180e: "Mongolian vowel separator",
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x2028: "line separator",
  0x2029: "paragraph separator",
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2060: "word joiner",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
  0xfeff: "byte-order mark (zero-width no-break space)",
  0xfffd: "replacement character",
};

type Range = readonly [number, number];

// C0 and C1 controls except tab and line breaks, DEL, and the Unicode line and paragraph separators.
const CONTROL: Range[] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0x2028, 0x2029],
];
// Characters that draw nothing: zero-width spaces and joiners, direction marks, soft hyphen, fillers, tags.
const INVISIBLE: Range[] = [
  [0xad, 0xad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x2060, 0x2065],
  [0x206a, 0x206f],
  [0x3164, 0x3164],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe007f],
];
const within = (ranges: Range[], codePoint: number): boolean =>
  ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
const OPENERS = new Map([
  [0x202a, "embedding"],
  [0x202b, "embedding"],
  [0x202d, "override"],
  [0x202e, "override"],
  [0x2066, "isolate"],
  [0x2067, "isolate"],
  [0x2068, "isolate"],
]);
const CLOSERS = new Map([
  [0x202c, ["embedding", "override"]],
  [0x2069, ["isolate"]],
]);

export const codeOf = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

function hidden(index: number, codePoint: number, kind: HiddenKind): HiddenCharacter {
  return { index, code: codeOf(codePoint), name: NAMES[codePoint], kind };
}

/**
 * Every hidden character in a piece of text (a CSV cell, or a line of markdown). Bidirectional
 * controls are reported only when unpaired within the text: an opener without its closer runs on
 * into whatever follows (a bound number, the next cell on the page) and reverses it.
 */
export function findHiddenCharacters(text: string): HiddenCharacter[] {
  const found: HiddenCharacter[] = [];
  const open: { index: number; codePoint: number; family: string }[] = [];
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (within(CONTROL, codePoint)) found.push(hidden(index, codePoint, "control"));
    else if (codePoint === 0xfffd) found.push(hidden(index, codePoint, "replacement"));
    else if (within(INVISIBLE, codePoint)) found.push(hidden(index, codePoint, "invisible"));
    else if (OPENERS.has(codePoint)) open.push({ index, codePoint, family: OPENERS.get(codePoint)! });
    else if (CLOSERS.has(codePoint)) {
      const last = open.at(-1);
      if (last && CLOSERS.get(codePoint)!.includes(last.family)) open.pop();
      else found.push(hidden(index, codePoint, "bidi"));
    }
    index += char.length;
  }
  found.push(...open.map((o) => hidden(o.index, o.codePoint, "bidi")));
  return found.sort((a, b) => a.index - b.index);
}

/** Length in characters as an editor counts them (code points: an emoji or a rare letter is one). */
export function characterCount(text: string): number {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "_").length;
}

/** The text with every hidden character written out as `<U+200B>`, for error messages. */
export function showHidden(text: string): string {
  const marks = new Set(findHiddenCharacters(text).map((h) => h.index));
  let out = "";
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    // Direction controls are shown even when paired: a message must show all that is there.
    const shown = marks.has(index) || OPENERS.has(codePoint) || CLOSERS.has(codePoint);
    out += shown ? `<${codeOf(codePoint)}>` : char;
    index += char.length;
  }
  return out;
}

/** One sentence on what the character is and why it is refused, for the message's "problem". */
export function describeHidden(h: HiddenCharacter): string {
  const what = `${h.code}${h.name ? ` (${h.name})` : ""}`;
  switch (h.kind) {
    case "control":
      return `a control character ${what}, which word processors paste and browsers and image renderers choke on`;
    case "invisible":
      return `an invisible character ${what}: the text looks right but is not what it seems`;
    case "bidi":
      return `an unpaired text-direction control ${what}, which reverses the text that follows it on the page`;
    case "replacement":
      return `${what}, left where a character was lost when the text was converted between encodings`;
  }
}

/** What to do about it, in an editor's words. */
export function fixHidden(h: HiddenCharacter): string {
  if (h.kind === "replacement") {
    return "Retype the damaged word from the source (the original character is gone), and save the file as UTF-8.";
  }
  return `Delete it: retype the text around ${h.code} by hand (copying it again would bring the character back). In most editors it sits where the cursor seems to stop for one extra key press.`;
}
