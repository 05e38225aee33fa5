import { describe, expect, it } from "vitest";
import {
  characterCount,
  describeHidden,
  findHiddenCharacters,
  fixHidden,
  showHidden,
} from "../../src/content/hidden-characters.ts";

const found = (text: string) => findHiddenCharacters(text).map((h) => `${h.index} ${h.code} ${h.kind}`);

describe("hidden characters, found where they are", () => {
  it("lists them in the order of the text, an unpaired opener first though it is known last", () => {
    expect(found("\u202ea\u200b")).toEqual(["0 U+202E bidi", "2 U+200B invisible"]);
  });

  it("counts indices in UTF-16 units, so a character past an emoji is sliced where it is", () => {
    expect(found("😀\u200b")).toEqual(["2 U+200B invisible"]);
    expect(found("a\u{e0041}")).toEqual(["1 U+E0041 invisible"]);
  });

  it("pairs a closer only with an opener of its own family", () => {
    expect(found("\u2067x\u202c")).toEqual(["0 U+2067 bidi", "2 U+202C bidi"]);
    expect(found("\u202bx\u202c\u202dy\u202c")).toEqual([]);
    expect(found("\u202a\u2066x\u2069\u202c")).toEqual([]);
    expect(found("\u2069")).toEqual(["0 U+2069 bidi"]);
  });

  it("takes controls, invisible characters and the replacement character at the edges of their ranges", () => {
    expect(found("\u0008\u0009\u000a\u000d\u000e\u001f\u0020\u007e\u007f\u009f\u00a0")).toEqual([
      "0 U+0008 control",
      "4 U+000E control",
      "5 U+001F control",
      "8 U+007F control",
      "9 U+009F control",
    ]);
    expect(found("\u2028\u2029\u00ad\u200a\u200b\u200f\u2010\ufeff\ufffd\ufffc")).toEqual([
      "0 U+2028 control",
      "1 U+2029 control",
      "2 U+00AD invisible",
      "4 U+200B invisible",
      "5 U+200F invisible",
      "7 U+FEFF invisible",
      "8 U+FFFD replacement",
    ]);
  });
});

describe("hidden characters in messages", () => {
  it("counts characters as an editor does: an emoji or a rare letter is one, a lone half of a pair is one", () => {
    expect(characterCount("a😀b")).toBe(3);
    expect(characterCount("\ud800a")).toBe(2);
    expect(characterCount("a\udc00")).toBe(2);
    expect(characterCount("\ud800\ud800\udc00")).toBe(2);
    expect(characterCount("")).toBe(0);
  });

  it("writes out every direction control, paired or not, and each unpaired one once", () => {
    expect(showHidden("\u202e\u202ex")).toBe("<U+202E><U+202E>x");
    expect(showHidden("a\u2066b\u2069c")).toBe("a<U+2066>b<U+2069>c");
    expect(showHidden("😀\u200b")).toBe("😀<U+200B>");
  });

  it("says what each kind of character is, by name where it has one, and what to do", () => {
    const [control, invisible, bidi, replacement, unnamed] = findHiddenCharacters("\u000b\u200b\u202e\ufffd\u0001");
    expect(describeHidden(control!)).toBe(
      "a control character U+000B (vertical tab), which word processors paste and browsers and image renderers choke on",
    );
    expect(describeHidden(invisible!)).toBe(
      "an invisible character U+200B (zero-width space): the text looks right but is not what it seems",
    );
    expect(describeHidden(bidi!)).toBe(
      "an unpaired text-direction control U+202E (right-to-left override), which reverses the text that follows it on the page",
    );
    expect(describeHidden(replacement!)).toBe(
      "U+FFFD (replacement character), left where a character was lost when the text was converted between encodings",
    );
    expect(describeHidden(unnamed!)).toBe(
      "a control character U+0001, which word processors paste and browsers and image renderers choke on",
    );
    expect(fixHidden(replacement!)).toBe(
      "Retype the damaged word from the source (the original character is gone), and save the file as UTF-8.",
    );
    expect(fixHidden(invisible!)).toBe(
      "Delete it: retype the text around U+200B by hand (copying it again would bring the character back). In most editors it sits where the cursor seems to stop for one extra key press.",
    );
  });
});
