import { utcFormat } from "d3-time-format";
import { z } from "zod";
import { isRealDate } from "../../data/fields.ts";
import { monthEnd } from "../../data/periods.ts";

/** A UTC date from YYYY-MM-DD (or YYYY-MM, meaning its first day). */
export function parseDay(iso: string): Date {
  return new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
}

export const formatDay = utcFormat("%-d %b %Y");

export const DAY = 86_400_000;

const dayOrMonthText = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "is not a date written YYYY-MM-DD or YYYY-MM");

/** Where a range starts: 2025-09-11, or 2025-09 meaning its first day. */
export const dayOrMonth = dayOrMonthText
  .transform((s) => (s.length === 7 ? `${s}-01` : s))
  .refine(isRealDate, "is not a real calendar date");

/** Where a range ends: 2025-09-11, or 2025-09 meaning its last day, so the month is shown whole. */
export const dayOrMonthEnd = dayOrMonthText
  .refine((s) => (s.length === 7 ? /-(0[1-9]|1[0-2])$/.test(s) : isRealDate(s)), "is not a real calendar date")
  .transform((s) => (s.length === 7 ? monthEnd(s) : s));
