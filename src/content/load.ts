import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { charts } from "../charts/registry.ts";
import { sourceLine } from "../charts/shared/sources.ts";
import { loadDataset, type Dataset } from "../data/load.ts";
import { loadCorrections, type CorrectionLog } from "./corrections.ts";
import { ContentError, type ContentProblem } from "./errors.ts";
import { parseFurniture, type Furniture } from "./furniture.ts";
import { displayPath } from "./paths.ts";
import { parseSection, type Section } from "./story.ts";

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
      all.push({ file, problem: `the chart "${id}" has no furniture file`, fix: `Create ${file} with title, description, credit and alt (see EDITING.md).` });
      continue;
    }
    const parsed = parseFurniture(readFileSync(path, "utf8"), file, id, data, all);
    if (parsed) furniture[id] = { ...parsed, sourceline: sourceLine(data, charts[id]!.rows(data), parsed.sourceline) };
  }

  const storyDir = join(contentDir, "story");
  const files = existsSync(storyDir) ? readdirSync(storyDir).filter((f) => f.endsWith(".md")).sort() : [];
  if (files.length === 0) all.push({ file: displayPath(storyDir, contentDir), problem: "there are no story sections", fix: "Add markdown files such as 01-the-count.md (see EDITING.md)." });

  const sections: Section[] = [];
  const stepIds = new Map<string, string>();
  if (all.length === 0) {
    for (const name of files) {
      const path = join(storyDir, name);
      const file = displayPath(path, contentDir);
      const section = parseSection(readFileSync(path, "utf8"), file, name, data, all);
      if (!section) continue;
      for (const step of section.steps) {
        const first = stepIds.get(step.id);
        if (first) all.push({ file, line: step.line, field: "id", value: step.id, problem: `the step id "${step.id}" is already used at ${first}`, fix: "Step ids are page anchors and must be unique in the whole story: rename one of them." });
        else stepIds.set(step.id, `${file}:${step.line}`);
      }
      sections.push(section);
    }
  }
  if (all.length) throw new ContentError(all);
  return { data, corrections, sections, furniture };
}
