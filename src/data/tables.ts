import { z } from "zod";
import { column, sourceColumns } from "./columns.ts";
import { defineTable } from "./csv.ts";
import {
  slugOtherThan,
  count,
  isoDate,
  latitude,
  longitude,
  optionalCount,
  optionalText,
  requiredText,
  shortText,
  slug,
  yesNo,
} from "./fields.ts";

/** Viasna's count of political prisoners held on a date. */
export const heldTable = defineTable({
  file: "held.csv",
  describe: "Viasna's count of political prisoners held in Belarus on one date",
  columns: {
    date: column(isoDate, "The date the count applies to, YYYY-MM-DD", "2025-09-18"),
    count: column(count, "How many political prisoners Viasna counted, a whole number without commas", "1184"),
    ...sourceColumns,
  },
  key: ["date"],
});

/** People newly recognised as political prisoners by Viasna over a period (a day, a month or a year). */
export const recognitionsTable = defineTable({
  file: "recognitions.csv",
  describe: "How many people Viasna newly recognised as political prisoners in one period",
  columns: {
    period_start: column(isoDate, "The first day of the period, YYYY-MM-DD", "2025-09-01"),
    period_end: column(
      isoDate,
      "The last day of the period (the same as period_start for one day), YYYY-MM-DD",
      "2025-09-30",
    ),
    count: column(count, "How many people were recognised in the period, a whole number", "8"),
    ...sourceColumns,
  },
  key: ["period_start", "period_end"],
});

/** One release of prisoners: a pardon or a negotiated deal. */
export const releasesTable = defineTable({
  file: "releases.csv",
  describe: "One release of prisoners from Belarusian jails, by pardon or deal",
  columns: {
    id: column(
      slugOtherThan({ all: "every release", none: "no release" }),
      "A short unique id for the release, used by steps and prose: its date and kind",
      "2025-09-11-us-deal",
    ),
    date: column(isoDate, "The day the prisoners were freed, YYYY-MM-DD", "2025-09-11"),
    released: column(count, "How many people were freed, as the source states it", "52"),
    political_prisoners: column(
      optionalCount,
      "How many of them Viasna recognised as political prisoners; leave empty if no source says",
      "20, or an empty cell",
    ),
    us_brokered: column(yesNo, 'Whether US officials negotiated the release: "yes" or "no"', "yes"),
    broker: column(optionalText, "Who negotiated it, if anyone (may be empty)", "US envoy John Coale"),
    ...sourceColumns,
  },
  key: ["id"],
});

/** The kinds of entry in concessions.csv: what the US gave, and the contacts around it. */
export const concessionKinds = {
  relief: "sanctions lifted or eased, aircraft released, a licence issued: something the US gave",
  contact: "a visit, call, appointment or statement: diplomacy, not relief",
} as const;
export type ConcessionKind = keyof typeof concessionKinds;
const concessionKindIds = Object.keys(concessionKinds) as [ConcessionKind, ...ConcessionKind[]];

/** Something the US gave around a release (relief), or a contact between the two governments. */
export const concessionsTable = defineTable({
  file: "concessions.csv",
  describe: "One US concession, or one diplomatic contact, around the releases",
  columns: {
    id: column(slug, "A short unique id: its date and subject", "2025-09-11-belavia"),
    date: column(isoDate, "The day it was announced or took effect, YYYY-MM-DD", "2025-09-11"),
    kind: column(
      z.enum(concessionKindIds, { error: `is not one of ${concessionKindIds.join(", ")}` }),
      `What it is: ${concessionKindIds.map((k) => `"${k}" (${concessionKinds[k]})`).join(" or ")}`,
      "relief",
    ),
    release_id: column(
      optionalText,
      "The id of the release in releases.csv it went with (may be empty)",
      "2025-09-11-us-deal",
    ),
    label: column(
      shortText(40),
      "A short label for the chart, at most 40 characters; for relief, say what was lifted",
      "US lifts sanctions on Belavia",
    ),
    what: column(
      requiredText,
      "What happened, in one sentence",
      "The US lifted sanctions on the state airline Belavia.",
    ),
    ...sourceColumns,
  },
  key: ["id"],
});

/** Places that routes start or end at: editors add a row before naming a new destination. */
export const placesTable = defineTable({
  file: "places.csv",
  describe: "One place on the routes map",
  columns: {
    id: column(slugOtherThan({ none: "no place" }), "A short id used in deportations.csv", "lithuania"),
    name: column(requiredText, "The name shown on the map", "Lithuania"),
    lon: column(longitude, "Longitude in decimal degrees, east positive", "25.2797"),
    lat: column(latitude, "Latitude in decimal degrees, north positive", "54.6872"),
    ...sourceColumns,
  },
  key: ["id"],
});

/** Where the freed of one release were taken, and how many. */
export const deportationsTable = defineTable({
  file: "deportations.csv",
  describe: "Where people freed in one release were taken",
  columns: {
    release_id: column(slug, "The id of the release in releases.csv", "2025-09-11-us-deal"),
    place: column(slug, "The id of the destination in places.csv", "lithuania"),
    count: column(optionalCount, "How many were taken there; leave empty if no source says", "51, or an empty cell"),
    ...sourceColumns,
  },
  key: ["release_id", "place"],
});

/** Other sourced figures: the small multiples and the prose draw on these by id. */
export const factsTable = defineTable({
  file: "facts.csv",
  describe: "One other sourced figure, in a named series",
  columns: {
    id: column(slug, "A short unique id, used in prose as :fact[id]", "baj-journalists-2025-09-16"),
    series: column(requiredText, "The series it belongs to (see EDITING.md for the list)", "journalists"),
    date: column(isoDate, "The date the figure applies to, YYYY-MM-DD", "2025-09-16"),
    value: column(count, "The figure, a whole number", "27"),
    label: column(requiredText, "What the figure counts, in a few words", "journalists behind bars"),
    ...sourceColumns,
  },
  key: ["id"],
});

/** The kinds of outlet a row may cite: who published the figure, never a copy of it elsewhere. */
export const outletKinds = {
  "rights-group": "a human-rights or press-freedom organisation that publishes its own figures",
  government: "a government, its agency or state media speaking for it",
  "news-agency": "a news agency (Reuters, AP, AFP, PAP, BNS, Interfax …)",
  newspaper: "a newspaper or news site with its own newsroom",
  broadcaster: "a radio or television broadcaster, or its news site",
  reference: "a reference work for places (coordinates), never for figures",
} as const;
export type OutletKind = keyof typeof outletKinds;
const outletKindIds = Object.keys(outletKinds) as [OutletKind, ...OutletKind[]];

/**
 * The register of citable outlets: every source_url in the data must be on one of these domains.
 * Content farms, scrapers, aggregators, back-end hosts and copies of wire stories on unrelated
 * sites never enter it.
 */
export const outletsTable = defineTable({
  file: "outlets.csv",
  describe: "One web domain of an outlet the data may cite",
  columns: {
    domain: column(
      z
        .string()
        .regex(
          /^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/,
          "is not a bare domain name such as spring96.org (no https://, no www., no path)",
        ),
      "The domain, as in the address bar without https:// and www.",
      "spring96.org",
    ),
    name: column(requiredText, "The outlet's name as readers know it", "Human Rights Center Viasna"),
    kind: column(
      z.enum(outletKindIds, { error: `is not one of ${outletKindIds.join(", ")}` }),
      `What the outlet is: ${outletKindIds.join(", ")}`,
      "rights-group",
    ),
    note: column(optionalText, "Why it is citable, or what it is (may be empty)", "Belarusian human rights centre"),
  },
  key: ["domain"],
});
