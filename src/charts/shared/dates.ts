import { utcFormat } from "d3-time-format";

/** A UTC date from YYYY-MM-DD (or YYYY-MM, meaning its first day). */
export function parseDay(iso: string): Date {
  return new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
}

export const formatDay = utcFormat("%-d %b %Y");

export const DAY = 86_400_000;
