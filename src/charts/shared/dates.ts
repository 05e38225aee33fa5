import { utcFormat } from "d3-time-format";
import { z } from "zod";
import { isRealDate } from "../../data/fields.ts";

/** A UTC date from YYYY-MM-DD (or YYYY-MM, meaning its first day). */
export function parseDay(iso: string): Date {
  return new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
}

export const formatDay = utcFormat("%-d %b %Y");
export const formatMonth = utcFormat("%b %Y");

export const DAY = 86_400_000;

/** A step attribute naming a day or a month: 2025-09-11 or 2025-09 (the first of the month). */
export const dayOrMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, "is not a date written YYYY-MM-DD or YYYY-MM")
  .transform((s) => (s.length === 7 ? `${s}-01` : s))
  .refine(isRealDate, "is not a real calendar date");
