import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { charts } from "../charts/registry.ts";
import { sourceLine } from "../charts/shared/sources.ts";
import { loadDataset, type Dataset } from "../data/load.ts";
import { loadCorrections, type CorrectionLog } from "./corrections.ts";
import { ContentError, type ContentProblem } from "./errors.ts";
import { drawEveryState } from "./draw-check.ts";
import { parseFurniture, type Furniture } from "./furniture.ts";
import { checkPageIds, sectionIdOf, suggestSectionFile } from "./page-ids.ts";
import { displayPath } from "./paths.ts";
import { parseSection, type Section } from "./story.ts";
import { readMarkdownFile } from "./text-file.ts";

/** The content/ folder this run reads: REVOLVING_DOOR_CONTENT_DIR, or ./content. */
export function currentContentDir(): string {
  return process.env.REVOLVING_DOOR_CONTENT_DIR ?? join(process.cwd(), "content");
}

export interface Story {
  data: Dataset;
  corrections: CorrectionLog;
  sections: Section[];
  furniture: Record<string, Furniture>;
}

/**
 * The section files in content/story/, in story order. Every other file there is refused, not
 * skipped: a section saved as `07 What Next.md` or `07-what-next.MD` would otherwise vanish.
 * Hidden files (.DS_Store, editor backups starting with a dot) are the editors' tools' own.
 */
function sectionFiles(storyDir: string, contentDir: string, problems: ContentProblem[]): string[] {
  const names = existsSync(storyDir)
    ? readdirSync(storyDir)
        .filter((f) => !f.startsWith("."))
        .sort()
    : [];
  for (const name of names.filter((n) => sectionIdOf(n) === undefined)) {
    problems.push({
      file: displayPath(join(storyDir, name), contentDir),
      field: "file name",
      value: name,
      problem:
        "this file name does not make a section id: a number, a hyphen, then lower-case letters, digits and hyphens, ending in .md",
      fix: `Rename it ${suggestSectionFile(name)} (the number sets its place in the story; the words become its id in links).`,
    });
  }
  return names.filter((n) => sectionIdOf(n) !== undefined);
}

/** Each chart is drawn by one section: its figure's ids and its embeds assume one set of steps. */
function checkOneSectionPerChart(sections: readonly Section[], problems: ContentProblem[]): void {
  const drawnBy = new Map<string, Section>();
  for (const section of sections) {
    if (!section.chart) continue;
    const first = drawnBy.get(section.chart);
    if (!first) {
      drawnBy.set(section.chart, section);
      continue;
    }
    problems.push({
      file: section.file,
      line: section.chartLine,
      field: "chart",
      value: section.chart,
      problem: `the ${section.chart} chart is already drawn by ${first.file}; each chart appears in one section`,
      fix: `Move these steps into ${first.file}, or make this a text section (remove the chart line). A chart in two sections would repeat its figure's ids on the page, and its embeds would show only one section's steps.`,
    });
  }
}

/**
 * Reads and checks everything in content/. Throws one ContentError listing every problem found,
 * so the build (and `npm run check`) stop before anything is written. REVOLVING_DOOR_CONTENT_DIR
 * points it at another copy of content/ (tests build broken copies).
 */
export function loadStory(contentDir = currentContentDir()): Story {
  const { data, problems } = loadDataset(join(contentDir, "data"), contentDir);
  const all: ContentProblem[] = [...problems];
  const corrections = loadCorrections(contentDir, all);

  const furniture: Record<string, Furniture> = {};
  for (const id of Object.keys(charts)) {
    const path = join(contentDir, "charts", `${id}.md`);
    const file = displayPath(path, contentDir);
    if (!existsSync(path)) {
      all.push({
        file,
        problem: `the chart "${id}" has no furniture file`,
        fix: `Create ${file} with title, description, credit and alt (see EDITING.md).`,
      });
      continue;
    }
    const text = readMarkdownFile(path, file, all);
    // Its numbers are bound to rows: with a bad row left out of the data, they would raise false alarms.
    const parsed = text === undefined || problems.length > 0 ? undefined : parseFurniture(text, file, id, data, all);
    if (parsed) furniture[id] = { ...parsed, sourceline: sourceLine(data, charts[id]!.rows(data), parsed.sourceline) };
  }

  const storyDir = join(contentDir, "story");
  const files = sectionFiles(storyDir, contentDir, all);
  if (files.length === 0)
    all.push({
      file: displayPath(storyDir, contentDir),
      problem: "there are no story sections",
      fix: "Add markdown files such as 01-the-count.md (see EDITING.md).",
    });

  const sections: Section[] = [];
  if (all.length === 0) {
    for (const name of files) {
      const path = join(storyDir, name);
      const file = displayPath(path, contentDir);
      const text = readMarkdownFile(path, file, all);
      const section = text === undefined ? undefined : parseSection(text, file, sectionIdOf(name)!, data, all);
      if (!section) continue;
      sections.push(section);
    }
    checkPageIds(Object.keys(charts), sections, all);
    checkOneSectionPerChart(sections, all);
  }
  if (all.length) throw new ContentError(all);
  return { data, corrections, sections, furniture };
}

/**
 * Everything the build would find wrong before it writes a file: loadStory's checks, then every
 * chart state laid out (draw-check.ts). `npm run check` and the build both run this.
 */
export function checkStory(contentDir = currentContentDir()): Story {
  const story = loadStory(contentDir);
  const problems = drawEveryState(story);
  if (problems.length) throw new ContentError(problems);
  return story;
}
