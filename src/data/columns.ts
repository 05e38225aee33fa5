import { z } from "zod";
import { httpUrl, isoDate, optionalText, requiredText } from "./fields.ts";

/** One CSV column: how to read it, and what an editor needs to know to fill it in. */
export interface Column<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** What the column means, shown in EDITING.md and in errors. */
  doc: string;
  /** A valid value, shown in errors as "e.g. …". */
  example: string;
}

export function column<S extends z.ZodType>(schema: S, doc: string, example: string): Column<S> {
  return { schema, doc, example };
}

/** A publication date, or empty where the page shows none: a missing date is said, never guessed. */
const publicationDate = z.string().superRefine((value, ctx) => {
  if (value === "") return;
  const parsed = isoDate.safeParse(value);
  if (!parsed.success)
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
});

/** Every row carries its source: who published the figure, where, and when. */
export const sourceColumns = {
  source_name: column(requiredText, "Who published the figure (outlet, and whom it cites)", "IPS citing Viasna"),
  source_url: column(
    httpUrl,
    "The web address of the page that states the figure, on a domain listed in outlets.csv",
    "https://spring96.org/en/news/115297",
  ),
  published: column(
    publicationDate,
    "The date that page was published, YYYY-MM-DD; empty only if the page shows no date (then say so in note)",
    "2025-10-07",
  ),
  note: column(optionalText, "Anything a reader or editor should know about this figure (may be empty)", "approx."),
};

/** The source fields of a parsed row, shared by every table. */
export interface Sourced {
  source_name: string;
  source_url: string;
  /** Empty when the page shows no publication date (the note says so). */
  published: string;
  note: string;
}
