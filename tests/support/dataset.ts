import type { Dataset } from "../../src/data/load.ts";

/**
 * A small dataset built in code, with round numbers chosen so every expected figure in the engine's
 * tests can be worked out by hand. It never changes when editors change content/.
 */
let line = 1;
const source = (domain = "spring96.org") => ({
  source_name: "Viasna",
  source_url: `https://${domain}/en/news/${line}`,
  published: "2026-03-20",
  note: "",
  line: ++line,
});

export const held = (date: string, count: number) => ({ date, count, ...source() });
export const recognised = (period_start: string, period_end: string, count: number) => ({
  period_start,
  period_end,
  count,
  ...source(),
});
export const release = (id: string, date: string, released: number, us = false) => ({
  id,
  date,
  released,
  political_prisoners: null,
  us_brokered: us,
  broker: us ? "US envoy" : "",
  ...source("kyivindependent.com"),
});
export const fact = (id: string, value: number) => ({
  id,
  series: "journalists",
  date: "2025-09-16",
  value,
  label: "journalists behind bars",
  ...source("baj.media"),
});
export const concession = (
  id: string,
  date: string,
  kind: "relief" | "contact",
  release_id: string,
  label: string,
) => ({
  id,
  date,
  kind,
  release_id,
  label,
  what: label,
  ...source("kyivindependent.com"),
});

/**
 * Viasna counts at the ends of months; January and February published month by month, March and
 * April only as one two-month block, and nothing for May.
 *
 *   held 31 Dec: 100 · 31 Jan: 110 · 28 Feb: 105 · 30 Apr: 90 · 31 May: 95
 *   recognised Jan 20 · Feb 10 · Mar–Apr 30
 *   freed 15 Jan: 4 (pardon) · 20 Feb: 10 (US) · 10 Mar: 20 (US) · 5 Apr: 5 (pardon) · 10 May: 7 (US)
 *   left otherwise Jan 100+20−4−110 = 6 · Feb 110+10−10−105 = 5 · Mar–Apr 105+30−25−90 = 20
 */
export function fixtureDataset(): Dataset {
  return {
    held: [
      held("2024-12-31", 100),
      held("2025-01-31", 110),
      held("2025-02-28", 105),
      held("2025-04-30", 90),
      held("2025-05-31", 95),
    ],
    recognitions: [
      recognised("2025-01-01", "2025-01-31", 20),
      recognised("2025-01-15", "2025-01-15", 3),
      recognised("2025-02-01", "2025-02-28", 10),
      recognised("2025-03-01", "2025-04-30", 30),
    ],
    releases: [
      release("jan-pardon", "2025-01-15", 4),
      release("feb-deal", "2025-02-20", 10, true),
      release("mar-deal", "2025-03-10", 20, true),
      release("apr-pardon", "2025-04-05", 5),
      release("may-deal", "2025-05-10", 7, true),
    ],
    concessions: [
      concession("feb-relief", "2025-02-20", "relief", "feb-deal", "US eases sanctions on X"),
      concession("feb-call", "2025-02-18", "contact", "feb-deal", "A phone call"),
      concession("apr-visit", "2025-04-01", "contact", "", "An envoy visits"),
    ],
    places: [
      { id: "belarus", name: "Minsk", lon: 27.5667, lat: 53.9, ...source("geonames.org") },
      { id: "lithuania", name: "Lithuania", lon: 25.28, lat: 54.69, ...source("geonames.org") },
    ],
    deportations: [{ release_id: "feb-deal", place: "lithuania", count: 10, ...source("kyivindependent.com") }],
    facts: [],
    outlets: [
      { domain: "spring96.org", name: "Human Rights Center Viasna", kind: "rights-group", note: "", line: 2 },
      { domain: "kyivindependent.com", name: "The Kyiv Independent", kind: "newspaper", note: "", line: 3 },
      { domain: "geonames.org", name: "GeoNames", kind: "reference", note: "", line: 4 },
    ],
  };
}

/** The fixture dataset with the count of one date replaced. */
export function withCount(date: string, count: number): Dataset {
  const data = fixtureDataset();
  data.held = data.held.map((r) => (r.date === date ? held(date, count) : r));
  return data;
}
