import { utcFormat } from "d3-time-format";

/**
 * A UTC date from YYYY-MM-DD (or YYYY-MM, meaning its first day: ECMAScript's date-time format
 * takes a year and month alone as that month's first day).
 */
export function parseDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export const formatDay = utcFormat("%-d %b %Y");

export const DAY = 86_400_000;
