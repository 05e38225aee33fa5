import { closest } from "fastest-levenshtein";
import type { ContentProblem } from "../content/errors.ts";
import type { Sourced } from "./columns.ts";
import type { Dataset, OutletRow } from "./load.ts";
import {
  concessionsTable,
  deportationsTable,
  factsTable,
  heldTable,
  placesTable,
  recognitionsTable,
  releasesTable,
} from "./tables.ts";

/** The host a source address is on, as the register lists it: lower case, without "www.". */
export function domainOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
}

/** The registered outlet a source address belongs to, if any. */
export function outletFor(outlets: readonly OutletRow[], url: string): OutletRow | undefined {
  const domain = domainOf(url);
  return outlets.find((o) => o.domain === domain);
}

/**
 * The registered outlet an unregistered domain is most likely meant to be: one sharing a name with
 * it (redakcja.belsat.cloud → belsat.eu), or else the nearest spelling.
 */
function closestOutlet(outlets: readonly OutletRow[], domain: string): OutletRow | undefined {
  if (outlets.length === 0) return undefined;
  const labels = domain.split(".").slice(0, -1);
  const sharing = outlets.find((o) => labels.includes(o.domain.split(".").at(-2)!));
  return (
    sharing ??
    outlets.find(
      (o) =>
        o.domain ===
        closest(
          domain,
          outlets.map((x) => x.domain),
        ),
    )
  );
}

const suggestion = (outlets: readonly OutletRow[], domain: string): string => {
  const near = closestOutlet(outlets, domain);
  return near ? ` Closest registered outlet: ${near.name} (${near.domain}).` : "";
};

/** Words in a note that look like a web domain (spring96.org, kudupinter.com), but not file names. */
const DOMAIN_IN_TEXT = /\b(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}\b/gi;
const FILE_EXTENSIONS = new Set(["csv", "md", "json", "png", "svg", "html", "pdf", "txt"]);

export function domainsIn(text: string): string[] {
  return [...text.matchAll(DOMAIN_IN_TEXT)]
    .map((m) => m[0].toLowerCase().replace(/^www\./, ""))
    .filter((d) => !FILE_EXTENSIONS.has(d.split(".").at(-1)!));
}

/** A page that shows no date must say so; a silent gap reads as an oversight. */
const SAYS_UNDATED = /not shown|no (publication )?date|undated/i;

interface SourcedRows {
  file: string;
  rows: readonly (Sourced & { line: number })[];
  /** The date a row's figure applies to, which cannot be after the page that published it. */
  dateOf?: (row: never) => string | undefined;
}

/**
 * Checks every sourced row against the register of citable outlets (content/data/outlets.csv):
 * its address and every domain its note names must be registered; a missing publication date
 * must be explained; and no figure may be dated after the page that published it.
 */
export function checkCitations(data: Dataset, fileOf: (spec: { file: string }) => string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const registered = new Set(data.outlets.map((o) => o.domain));
  const releaseDate = new Map(data.releases.map((r) => [r.id, r.date]));
  const tables: SourcedRows[] = [
    { file: fileOf(heldTable), rows: data.held, dateOf: (r: { date: string }) => r.date },
    { file: fileOf(recognitionsTable), rows: data.recognitions, dateOf: (r: { period_end: string }) => r.period_end },
    { file: fileOf(releasesTable), rows: data.releases, dateOf: (r: { date: string }) => r.date },
    { file: fileOf(concessionsTable), rows: data.concessions, dateOf: (r: { date: string }) => r.date },
    {
      file: fileOf(deportationsTable),
      rows: data.deportations,
      dateOf: (r: { release_id: string }) => releaseDate.get(r.release_id),
    },
    { file: fileOf(factsTable), rows: data.facts, dateOf: (r: { date: string }) => r.date },
    { file: fileOf(placesTable), rows: data.places },
  ];
  for (const { file, rows, dateOf } of tables) {
    for (const row of rows) {
      const at = { file, line: row.line };
      const domain = domainOf(row.source_url);
      if (!registered.has(domain)) {
        problems.push({
          ...at,
          field: "source_url",
          value: row.source_url,
          problem: `source_url is on "${domain}", which is not in the register of citable outlets (content/data/outlets.csv)`,
          fix:
            "Cite the publisher of the figure itself: the rights group or government that published it, a news agency, a newspaper or a broadcaster; never a copy on an aggregator, content farm, scraper or back-end host. If this site is such an outlet, add its domain to outlets.csv with its name and kind." +
            suggestion(data.outlets, domain),
        });
      }
      for (const named of new Set(domainsIn(row.note))) {
        if (registered.has(named)) continue;
        problems.push({
          ...at,
          field: "note",
          value: named,
          problem: `the note names "${named}", which is not in the register of citable outlets (content/data/outlets.csv)`,
          fix:
            "Notes are published with the data: name the original publisher instead, or drop the mention." +
            suggestion(data.outlets, named),
        });
      }
      if (row.published === "" && !SAYS_UNDATED.test(row.note)) {
        problems.push({
          ...at,
          field: "published",
          value: "",
          problem: "published is empty and the note does not say why",
          fix: 'Write the date the page was published, YYYY-MM-DD; if the page shows none, say "publication date not shown" in note.',
        });
      }
      const date = dateOf?.(row as never);
      if (date !== undefined && row.published !== "" && date > row.published) {
        problems.push({
          ...at,
          field: "published",
          value: row.published,
          problem: `the figure is dated ${date}, after the page that published it (${row.published})`,
          fix: "A source cannot report what had not happened yet: check both dates (a total published mid-period covers the period only up to its publication date).",
        });
      }
    }
  }
  return problems;
}
