import { z } from "zod";

/**
 * Cell parsers shared by every CSV table. Each message completes the sentence
 * "<column> <message>", and each column carries the fix an editor should apply.
 */

/** The earliest date the story covers: the crackdown after the August 2020 election began that year. */
export const EARLIEST_DATE = "2020-01-01";

/**
 * Today as YYYY-MM-DD (UTC), from the clock: the one place the project asks what day it is.
 * REVOLVING_DOOR_TODAY=YYYY-MM-DD overrides it, for a test that needs a fixed day (documented in
 * README.md); anything else in that variable is an error rather than a silently wrong day.
 */
export function today(): string {
  const pinned = process.env.REVOLVING_DOOR_TODAY;
  if (pinned === undefined || pinned === "") return new Date().toISOString().slice(0, 10);
  // isRealDate takes only a day written YYYY-MM-DD: it must survive a round trip through toISOString.
  if (!isRealDate(pinned)) {
    throw new Error(
      `REVOLVING_DOOR_TODAY is "${pinned}", which is not a day written YYYY-MM-DD; unset it to use the clock.`,
    );
  }
  return pinned;
}

export function isRealDate(iso: string): boolean {
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso;
}

/** One message per bad cell: each check runs only if the ones before it passed. */
function firstFailure(checks: [(s: string) => boolean, string][]) {
  return (value: string, ctx: z.RefinementCtx): void => {
    const failed = checks.find(([ok]) => !ok(value));
    if (failed) ctx.addIssue({ code: "custom", message: failed[1] });
  };
}

export const isoDate = z.string().superRefine(
  firstFailure([
    [(d) => /^\d{4}-\d{2}-\d{2}$/.test(d), "is not a date written YYYY-MM-DD"],
    [isRealDate, "is not a real calendar date"],
    [(d) => d >= EARLIEST_DATE, `is before ${EARLIEST_DATE}, earlier than anything this story covers`],
    [(d) => d <= today(), "is in the future"],
  ]),
);

/**
 * More than everyone in Belarus (about 9.1 million): no count of people in this story can reach it,
 * so a figure past it is a typo (an extra digit, two cells run together).
 */
export const MAX_PEOPLE = 10_000_000;

const countChecks: [(s: string) => boolean, string][] = [
  [(s) => !/^-\s*\d/.test(s.trim()), "is negative"],
  [(s) => /^\d+$/.test(s), "is not a whole number"],
  [(s) => Number.isSafeInteger(Number(s)), "has too many digits to be printed exactly (it would be rounded)"],
  [
    (s) => Number(s) <= MAX_PEOPLE,
    `is more than ${MAX_PEOPLE.toLocaleString("en-GB")}, more people than live in Belarus`,
  ],
];

export const count = z.string().superRefine(firstFailure(countChecks)).transform(Number);

/** A count that sources may not give: an empty cell is a gap, never zero. */
export const optionalCount = z
  .string()
  .superRefine((s, ctx) => {
    if (s !== "") firstFailure(countChecks)(s, ctx);
  })
  .transform((s) => (s === "" ? null : Number(s)));

export const requiredText = z.string().refine((s) => s.trim() !== "", "is empty");

export const optionalText = z.string().transform((s) => s.trim());

/** Text that has to fit in a chart label. */
export const shortText = (max: number) =>
  requiredText.refine((s) => s.length <= max, `is longer than ${max} characters, too long for a chart label`);

export const httpUrl = z.string().superRefine(
  firstFailure([
    [(s) => s.trim() !== "", "is empty"],
    [
      (s) => {
        try {
          const url = new URL(s);
          return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
        } catch {
          return false;
        }
      },
      "is not a web address (URL)",
    ],
  ]),
);

export const yesNo = z.enum(["yes", "no"], { error: 'is neither "yes" nor "no"' }).transform((v) => v === "yes");

/** Longest id a row may have: ids appear in steps' attributes and in messages, and must stay readable. */
export const MAX_SLUG_LENGTH = 64;

export const slug = z.string().superRefine(
  firstFailure([
    [(s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s), "is not an id of lower-case letters, digits and hyphens"],
    [(s) => s.length <= MAX_SLUG_LENGTH, `is longer than ${MAX_SLUG_LENGTH} characters`],
  ]),
);

/**
 * An id a step can name: not a word steps write for no row or every row (a place called "none"
 * could never be picked as a step's city, a release called "all" never drawn alone). `reserved`
 * gives each word with what it means in a step.
 */
export const slugOtherThan = (reserved: Record<string, string>) =>
  slug.superRefine((s, ctx) => {
    if (Object.hasOwn(reserved, s))
      ctx.addIssue({
        code: "custom",
        message: `is "${s}", the word a step writes for ${reserved[s]}, so no step could name this row`,
      });
  });

const decimal = (min: number, max: number, what: string) =>
  z
    .string()
    .refine((s) => /^-?\d+(\.\d+)?$/.test(s.trim()), "is not a decimal number")
    .transform(Number)
    .refine((n) => n >= min && n <= max, `is not a ${what} between ${min} and ${max}`);

export const longitude = decimal(-180, 180, "longitude");
export const latitude = decimal(-90, 90, "latitude");
