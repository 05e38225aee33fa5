import { isUtf8 } from "node:buffer";
import { describe, expect, it } from "vitest";
import { decodeContent, firstInvalidUtf8 } from "../../src/content/encoding.ts";

/**
 * Node's own answer: the start of the first ill-formed sequence is the longest prefix its strict
 * UTF-8 check accepts (UTF-8 sequences are prefix-free, so no longer prefix can decode).
 */
function oracle(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  let end = bytes.length - 1;
  while (!isUtf8(bytes.subarray(0, end))) end--;
  return end;
}

const problemOf = (bytes: Uint8Array, file = "content/data/held.csv") => {
  const decoded = decodeContent(bytes, file);
  if (!("problem" in decoded)) throw new Error("expected the file to be refused");
  return decoded.problem;
};

describe("well-formed UTF-8, as RFC 3629 draws its edges", () => {
  // Every lead byte, with second bytes at the edges of every range RFC 3629 gives, and third and
  // fourth bytes just inside and outside the continuation range: overlongs, surrogates, code
  // points past U+10FFFF, stray continuation bytes and truncated sequences all fall in here.
  const seconds = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
  const laters = [0x7f, 0x80, 0xbf, 0xc0];
  const lasts = [0x80, 0xc0];

  it("finds the first byte a strict decoder refuses, after readable text, for every lead byte", () => {
    const wrong: string[] = [];
    for (let lead = 0; lead <= 0xff; lead++)
      for (const second of seconds)
        for (const third of laters)
          for (const fourth of lasts) {
            const bytes = Uint8Array.from([0x61, 0x62, lead, second, third, fourth]);
            const expected = oracle(bytes);
            if (firstInvalidUtf8(bytes) !== expected)
              wrong.push(`${[...bytes].map((b) => b.toString(16)).join(" ")}: want ${expected}`);
          }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it("refuses a sequence cut short by the end of the file, at its first byte", () => {
    for (const sequence of [[0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98]]) {
      expect(firstInvalidUtf8(Uint8Array.from([0x61, ...sequence]))).toBe(1);
    }
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xf0, 0x9f, 0x98, 0x80]))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array())).toBe(-1);
  });

  it("reads a U+FFFD the file really holds as text, and finds the bad byte after it", () => {
    const written = new TextEncoder().encode("a\ufffdb");
    expect(firstInvalidUtf8(written)).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([...written, 0xff, 0x63]))).toBe(written.length);
    // A byte-order mark is three bytes of text like any other, not skipped when counting.
    expect(firstInvalidUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xc3]))).toBe(4);
  });
});

describe("a content file that is not UTF-8", () => {
  it("reads UTF-8 as it is, and drops only a leading byte-order mark", () => {
    expect(decodeContent(new TextEncoder().encode("\ufeffdate\n\ufeffx"), "a.csv")).toEqual({ text: "date\n\ufeffx" });
  });

  it("names the line, the column in characters and the unreadable bytes of a file in an older encoding", () => {
    // Bytes of an older encoding on the third line, after UTF-8 text on the first two.
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode("date,place\n2025-09-18,Łódź\n2025-09-19,Ж "),
      0xcc,
      0xe8,
      0xed,
      0xf1,
      0xea,
      0x0d,
      0x0a,
      ...new TextEncoder().encode("next"),
    ]);
    const problem = problemOf(bytes);
    expect(problem.line).toBe(3);
    // "2025-09-19,Ж " is 13 characters (Ж is one, though two bytes), so the first bad byte is the 14th.
    expect(problem.column).toBe(14);
    // Readable parts decoded, each unreadable byte spelled out, the line's carriage return gone.
    expect(problem.value).toBe("2025-09-19,Ж <0xCC><0xE8><0xED><0xF1><0xEA>");
    expect(problem.problem).toMatch(/^the file is not saved as UTF-8: it looks like \S+ \(a guess from its bytes; /);
    expect(problem.fix).toMatch(/^Save it again as UTF-8\. In Excel: File › Save As, and choose "CSV UTF-8/);
    expect(problem.fix).toContain("In a text editor, choose the encoding");
  });

  it("counts lines ended by CRLF, or by CR alone (old Mac Excel), as the readers do", () => {
    for (const [breakBytes, name] of [
      [[0x0d, 0x0a], "CRLF"],
      [[0x0d], "CR"],
    ] as const) {
      const text = (t: string) => [...new TextEncoder().encode(t)];
      const bytes = Uint8Array.from([
        ...text("date,place"),
        ...breakBytes,
        ...text("2025-09-18,Vilnius"),
        ...breakBytes,
        ...text("2025-09-19,Caf"),
        0xe9,
        ...breakBytes,
        ...text("2025-09-20,Kyiv"),
        ...breakBytes,
      ]);
      const problem = problemOf(bytes);
      expect([name, problem.line, problem.column, problem.value]).toEqual([name, 3, 15, "2025-09-19,Caf<0xE9>"]);
    }
  });

  it("guesses the code page Excel saved in: windows-1251 for Cyrillic", () => {
    // windows-1251 puts А–я at 0xC0–0xFF, in the order of Unicode's U+0410–U+044F.
    const cp1251 = (text: string): number[] =>
      Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)).map((c) => (c >= 0x410 ? c - 0x350 : c));
    const line = "2025-09-18,Правозащитный центр Весна сообщает о политических заключенных в Беларуси\n";
    const problem = problemOf(Uint8Array.from([...new TextEncoder().encode("date,note\n"), ...cp1251(line.repeat(4))]));
    expect(problem.problem).toMatch(/^the file is not saved as UTF-8: it looks like windows-1251 \(/);
    expect([problem.line, problem.column]).toEqual([2, 12]);
  });

  it("shows the whole last line when no newline follows it, and gives markdown no spreadsheet advice", () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode("title\nab"), 0xe9, 0x63, 0xe9]);
    const problem = problemOf(bytes, "content/sections/intro.md");
    expect([problem.line, problem.column, problem.value]).toEqual([2, 3, "ab<0xE9>c<0xE9>"]);
    expect(problem.fix).not.toContain("Excel");
    expect(problem.fix).toMatch(/^Save it again as UTF-8\. In a text editor/);
  });

  it("on the first line, names line 1 and keeps the text after a bad byte; too few bytes make no guess", () => {
    const problem = problemOf(Uint8Array.from([0x41, 0xff, 0x42, 0x0a, 0x43]));
    expect([problem.line, problem.column, problem.value]).toEqual([1, 2, "A<0xFF>B"]);
    // chardet scores any stray byte 10 as Shift_JIS, Big5 and the like: that is no guess.
    expect(problem.problem).toMatch(/^the file is not saved as UTF-8: it looks like an older single-byte encoding \(/);
  });

  it("says so when most of the file is UTF-8 and a few bytes were pasted in from elsewhere", () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode(`${"Беларусь ".repeat(50)}\nМінск `), 0xe9, 0x0a]);
    const problem = problemOf(bytes);
    expect([problem.line, problem.column, problem.value]).toEqual([2, 7, "Мінск <0xE9>"]);
    expect(problem.problem).toBe(
      "most of the file is UTF-8, but this line has bytes UTF-8 cannot read (text pasted in from a file saved in another encoding, perhaps), shown as <0x..>",
    );
    expect(problem.fix).toBe("Type the letters shown as <0x..> again, then save the file as UTF-8.");
  });

  const utf16 = (text: string, order: "le" | "be", mark: boolean): Uint8Array => {
    const le = Buffer.from(`${mark ? "\ufeff" : ""}${text}`, "utf16le");
    return order === "le" ? le : le.swap16();
  };

  it("tells UTF-16 by its byte-order mark, or by NULs in every other byte, and names no line", () => {
    const text = "date,count,source_name\n2025-09-18,1184,Viasna\n";
    for (const [order, mark, name] of [
      ["le", true, "UTF-16LE"],
      ["be", true, "UTF-16BE"],
      ["le", false, "UTF-16LE"],
      ["be", false, "UTF-16BE"],
    ] as const) {
      const problem = problemOf(utf16(text, order, mark));
      expect(problem.problem).toBe(
        `the file is saved as ${name} (Excel's "Unicode Text" and some Windows programs save this), not UTF-8`,
      );
      expect(problem.line).toBeUndefined();
    }
  });

  it("tells UTF-16 by its byte-order mark alone when the text has no NULs to go by (Cyrillic)", () => {
    // Every Cyrillic letter is 0x04 and a letter byte in UTF-16: without the mark, nothing says UTF-16.
    const text = "ВясьнаГомельБрэст";
    for (const [order, name] of [
      ["le", "UTF-16LE"],
      ["be", "UTF-16BE"],
    ] as const) {
      const bytes = utf16(text, order, true);
      expect(bytes.includes(0)).toBe(false);
      expect(problemOf(bytes).problem).toContain(`saved as ${name}`);
    }
  });

  it("takes NULs for UTF-16 only past 30 % of the byte pairs in one place, and under 5 % in the other", () => {
    // Ten pairs: NULs in 3 of the odd (or even) places is 30 %, not more.
    const pairs = (nulAt: 0 | 1, nuls: number, otherNuls = 0): Uint8Array =>
      Uint8Array.from({ length: 20 }, (_, i) =>
        (i % 2 === nulAt && Math.floor(i / 2) < nuls) || (i % 2 !== nulAt && Math.floor(i / 2) < otherNuls) ? 0 : 0x61,
      );
    expect("text" in decodeContent(pairs(1, 3), "a.csv")).toBe(true);
    expect("text" in decodeContent(pairs(0, 3), "a.csv")).toBe(true);
    expect(problemOf(pairs(1, 4)).problem).toContain("UTF-16LE");
    expect(problemOf(pairs(0, 4)).problem).toContain("UTF-16BE");
    // In 400 sampled bytes (200 pairs), 5 % of the pairs is 10 NULs: ten in the other place is too many.
    const sample = (nulAt: 0 | 1, otherNuls: number): Uint8Array =>
      Uint8Array.from({ length: 400 }, (_, i) =>
        (i % 2 === nulAt && i < 200) || (i % 2 !== nulAt && i >= 380 - otherNuls * 2 && i < 380) ? 0 : 0x61,
      );
    expect(problemOf(sample(1, 9)).problem).toContain("UTF-16LE");
    expect("text" in decodeContent(sample(1, 10), "a.csv")).toBe(true);
    expect(problemOf(sample(0, 9)).problem).toContain("UTF-16BE");
    expect("text" in decodeContent(sample(0, 10), "a.csv")).toBe(true);
  });

  it("does not take a few NULs in a text for UTF-16", () => {
    // One NUL in ASCII text is valid UTF-8: the file is read (and the NUL is a hidden character,
    // refused later with its line and column).
    const bytes = new TextEncoder().encode(`${"a".repeat(60)}\u0000${"b".repeat(60)}`);
    expect(decodeContent(bytes, "a.csv")).toEqual({ text: new TextDecoder().decode(bytes) });
    // Text with NULs in both even and odd places is not UTF-16 of either order.
    const mixed = Uint8Array.from({ length: 200 }, (_, i) => (i % 4 < 2 ? 0 : 0x61));
    expect(decodeContent(mixed, "a.csv")).toEqual({ text: new TextDecoder().decode(mixed) });
  });
});
