import { z } from "zod";
import type { ContentProblem } from "./errors.ts";
import { readFrontMatter } from "./frontmatter.ts";
import type { Dataset } from "../data/load.ts";
import { bindLine } from "./inline.ts";
import { checkAndBindProse, markdownToHtml, parseMarkdown } from "./markdown.ts";

/** What surrounds a chart wherever it appears (story, embed): written by editors in content/charts/<id>.md. */
export interface Furniture {
  id: string;
  title: string;
  description: string;
  credit: string;
  /** Sources beyond the data rows (e.g. the map outlines), added to the generated source line; may be empty. */
  sourceline: string;
  /** Text alternative of the chart in its default state (embeds, share cards). */
  alt: string;
  /** The markdown body: notes on method, shown under the chart. */
  notesHtml: string;
}

const furnitureSchema = z.strictObject({
  title: z.string({ error: "must be text" }).min(1, "is empty"),
  description: z.string({ error: "must be text" }).min(1, "is empty"),
  credit: z.string({ error: "must be text" }).min(1, "is empty"),
  sourceline: z.string({ error: "must be text" }).default(""),
  alt: z.string({ error: "must be text" }).min(1, "is empty"),
});

const furnitureDocs = {
  title: "the chart's headline",
  description: "one sentence under the headline saying what the chart shows",
  credit: "who made the chart, e.g. Graphic: Revolving Door team",
  sourceline: "sources the data files do not list, e.g. Map: Natural Earth (optional: the outlets behind the data are listed from the data)",
  alt: "a text alternative for the chart in its default state",
};

/** Reads a chart's furniture. Numbers in its title, texts and notes are bound like the story's (`:held[…]`). */
export function parseFurniture(source: string, file: string, id: string, data: Dataset, problems: ContentProblem[]): Furniture | undefined {
  const fm = readFrontMatter(source, file, furnitureSchema, furnitureDocs);
  problems.push(...fm.problems);
  if (!fm.data) return undefined;
  const notes = parseMarkdown(fm.body).children;
  checkAndBindProse(notes, data, file, problems);
  const fields = fm.data;
  const line = (field: "title" | "description" | "alt"): string =>
    bindLine(fields[field], data, { file, line: fm.lines.get(field) }, problems).text;
  return { id, ...fields, title: line("title"), description: line("description"), alt: line("alt"), notesHtml: markdownToHtml(notes) };
}
