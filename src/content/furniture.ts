import { z } from "zod";
import type { ContentProblem } from "./errors.ts";
import { readFrontMatter } from "./frontmatter.ts";
import type { Dataset } from "../data/load.ts";
import { checkAndBindProse, markdownToHtml, parseMarkdown } from "./markdown.ts";

/** What surrounds a chart wherever it appears (story, embed): written by editors in content/charts/<id>.md. */
export interface Furniture {
  id: string;
  title: string;
  description: string;
  credit: string;
  /** The one-line source shown inside the figure, e.g. "Source: Viasna; news reports". */
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
  sourceline: z.string({ error: "must be text" }).min(1, "is empty"),
  alt: z.string({ error: "must be text" }).min(1, "is empty"),
});

const furnitureDocs = {
  title: "the chart's headline",
  description: "one sentence under the headline saying what the chart shows",
  credit: "who made the chart, e.g. Graphic: Revolving Door team",
  sourceline: "the short source line shown inside the chart, e.g. Source: Viasna; news reports (the full list is generated from the data)",
  alt: "a text alternative for the chart in its default state",
};

/** Reads a chart's furniture. Numbers in its notes are bound like the story's (`:held[…]`). */
export function parseFurniture(source: string, file: string, id: string, data: Dataset, problems: ContentProblem[]): Furniture | undefined {
  const fm = readFrontMatter(source, file, furnitureSchema, furnitureDocs);
  problems.push(...fm.problems);
  if (!fm.data) return undefined;
  const notes = parseMarkdown(fm.body).children;
  checkAndBindProse(notes, data, file, problems);
  return { id, ...fm.data, notesHtml: markdownToHtml(notes) };
}
