import { afterEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { sourceColumns } from "../../src/data/columns.ts";
import {
  count,
  EARLIEST_DATE,
  httpUrl,
  isoDate,
  isRealDate,
  latitude,
  longitude,
  optionalCount,
  optionalText,
  requiredText,
  shortText,
  slug,
  slugOtherThan,
  yesNo,
} from "../../src/data/fields.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** What a cell parser makes of a cell: its value, or the one message an editor reads. */
const read = (schema: z.ZodType, cell: string): unknown => {
  const result = schema.safeParse(cell);
  return result.success ? result.data : `✗ ${result.error.issues.map((i) => i.message).join("; ")}`;
};

describe("the cells of a CSV row, one message each", () => {
  it("dates: YYYY-MM-DD, a real day, not before the story's range, not after today", () => {
    vi.stubEnv("REVOLVING_DOOR_TODAY", "2026-01-31");
    expect(read(isoDate, "2025-09-18")).toBe("2025-09-18");
    expect(read(isoDate, "2026-01-31")).toBe("2026-01-31");
    expect(read(isoDate, EARLIEST_DATE)).toBe(EARLIEST_DATE);
    expect(read(isoDate, "18/09/2025")).toBe("✗ is not a date written YYYY-MM-DD");
    expect(read(isoDate, "x2025-09-18")).toBe("✗ is not a date written YYYY-MM-DD");
    expect(read(isoDate, "2025-09-18x")).toBe("✗ is not a date written YYYY-MM-DD");
    expect(read(isoDate, "2025-02-29")).toBe("✗ is not a real calendar date");
    expect(read(isoDate, "2019-12-31")).toBe("✗ is before 2020-01-01, earlier than anything this story covers");
    expect(read(isoDate, "2026-02-01")).toBe("✗ is in the future");
    expect([isRealDate("2024-02-29"), isRealDate("2025-02-29"), isRealDate("2025-13-01"), isRealDate("soon")]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it("counts: whole numbers without commas, never negative", () => {
    expect(read(count, "1184")).toBe(1184);
    expect(read(count, "0")).toBe(0);
    expect(read(count, "-5")).toBe("✗ is negative");
    expect(read(count, " - 5")).toBe("✗ is negative");
    expect(read(count, "x-5")).toBe("✗ is not a whole number");
    expect(read(count, "1,184")).toBe("✗ is not a whole number");
    expect(read(count, "1184.5")).toBe("✗ is not a whole number");
    expect(read(count, "1184 ")).toBe("✗ is not a whole number");
    expect(read(count, "")).toBe("✗ is not a whole number");
    expect(read(count, "10000000")).toBe(10_000_000);
    expect(read(count, "10000001")).toBe("✗ is more than 10,000,000, more people than live in Belarus");
  });

  it("optional counts: an empty cell is a gap (null), never zero; anything else is a count", () => {
    expect(read(optionalCount, "")).toBeNull();
    expect(read(optionalCount, "12")).toBe(12);
    expect(read(optionalCount, "-1")).toBe("✗ is negative");
    expect(read(optionalCount, "about 12")).toBe("✗ is not a whole number");
  });

  it("text: required text is not blank; optional text is trimmed; a label fits its length", () => {
    expect(read(requiredText, "Viasna")).toBe("Viasna");
    expect(read(requiredText, "   ")).toBe("✗ is empty");
    expect(read(optionalText, "  a note ")).toBe("a note");
    const label = shortText(10);
    expect(read(label, "0123456789")).toBe("0123456789");
    expect(read(label, "01234567890")).toBe("✗ is longer than 10 characters, too long for a chart label");
    expect(read(label, " ")).toBe("✗ is empty");
  });

  it("web addresses: http or https, with a domain", () => {
    expect(read(httpUrl, "https://spring96.org/en/news/1")).toBe("https://spring96.org/en/news/1");
    expect(read(httpUrl, "http://spring96.org/")).toBe("http://spring96.org/");
    expect(read(httpUrl, " ")).toBe("✗ is empty");
    for (const bad of ["spring96.org/en", "ftp://spring96.org/", "https://localhost/x", "javascript:alert(1)"])
      expect(read(httpUrl, bad), bad).toBe("✗ is not a web address (URL)");
  });

  it("yes or no, and ids of lower-case letters, digits and hyphens", () => {
    expect([read(yesNo, "yes"), read(yesNo, "no"), read(yesNo, "Yes")]).toEqual([
      true,
      false,
      '✗ is neither "yes" nor "no"',
    ]);
    expect(read(slug, "2025-09-11-us-deal")).toBe("2025-09-11-us-deal");
    for (const bad of ["Us-deal", "us--deal", "-us", "us-", "us deal"])
      expect(read(slug, bad), bad).toBe("✗ is not an id of lower-case letters, digits and hyphens");
    expect(read(slug, "a".repeat(64))).toBe("a".repeat(64));
    expect(read(slug, "a".repeat(65))).toBe("✗ is longer than 64 characters");
    // An id a step could not name, being a word steps write for no row or every row; one message
    // for an id that is no id at all, and none for a word that only contains a reserved one.
    const releaseId = slugOtherThan({ all: "every release", none: "no release" });
    expect(read(releaseId, "all")).toBe(
      '✗ is "all", the word a step writes for every release, so no step could name this row',
    );
    expect(read(releaseId, "none")).toBe(
      '✗ is "none", the word a step writes for no release, so no step could name this row',
    );
    expect([read(releaseId, "all-in"), read(releaseId, "constructor")]).toEqual(["all-in", "constructor"]);
    expect(read(releaseId, "All")).toBe("✗ is not an id of lower-case letters, digits and hyphens");
  });

  it("coordinates: decimal degrees within range", () => {
    expect(read(longitude, "27.5667")).toBe(27.5667);
    expect(read(longitude, "-180")).toBe(-180);
    expect(read(longitude, "180")).toBe(180);
    expect(read(latitude, " 53.9 ")).toBe(53.9);
    expect(read(longitude, "180.1")).toBe("✗ is not a longitude between -180 and 180");
    expect(read(longitude, "-180.5")).toBe("✗ is not a longitude between -180 and 180");
    expect(read(latitude, "91")).toBe("✗ is not a latitude between -90 and 90");
    for (const bad of ["27,5", "27.", "E27", "27.5x", "x27.5"])
      expect(read(longitude, bad), bad).toBe("✗ is not a decimal number");
  });

  it("source columns: a publication date may be empty (the note says why), never wrong", () => {
    vi.stubEnv("REVOLVING_DOOR_TODAY", "2026-01-31");
    expect(read(sourceColumns.published.schema, "")).toBe("");
    expect(read(sourceColumns.published.schema, "2025-10-07")).toBe("2025-10-07");
    expect(read(sourceColumns.published.schema, "7 Oct 2025")).toBe("✗ is not a date written YYYY-MM-DD");
    expect(read(sourceColumns.published.schema, "2027-01-01")).toBe("✗ is in the future");
    expect(read(sourceColumns.note.schema, " approx. ")).toBe("approx.");
  });
});
