import slugify from "@sindresorhus/slugify";
import type { ContentProblem } from "./errors.ts";

/**
 * One namespace for the ids on the story page. Step ids are anchors (`/#sep-11`) and embed paths
 * (`/embed/<chart>/<step>/`), so a step id that equals an id the page gives its own elements would
 * send a deep link, or "All sources", to the wrong place. The page's own ids are listed here, with
 * what owns each, and a build test checks that every id on the built page is one of these or a step.
 */

/** Ids the story page always has: the main landmark, and the corrections log at its end. */
const FIXED: Record<string, string> = {
  story: "the story itself (the page's main landmark)",
  corrections: "the corrections and updates log",
  "corrections-heading": "the heading of the corrections log",
};

/** Path segments of /embed/<chart>/… that are not steps: the unrolled embed and the default state's embed id. */
export const EMBED_WORDS: Record<string, string> = {
  steps: "the embed that shows every step (/embed/<chart>/steps/)",
  default: "the embed of a chart's default state",
};

/** The ids a section takes: its own, its heading's, and the "skip the graphic" target after its chart. */
export function sectionIds(sectionId: string, file: string): Record<string, string> {
  return {
    [sectionId]: `the section ${file}`,
    [`${sectionId}-heading`]: `the heading of ${file}`,
    [`${sectionId}-after`]: `the end of the chart in ${file} ("Skip the graphic" jumps there)`,
  };
}

/** The ids a chart's figure and footer take wherever it is drawn. */
export function chartIds(chart: string): Record<string, string> {
  return {
    [`${chart}-title`]: `the title of the ${chart} chart`,
    [`${chart}-alt`]: `the text alternative of the ${chart} chart`,
    [`${chart}-sources`]: `the sources of the ${chart} chart ("All sources and the data" jumps there)`,
    [`embed-${chart}`]: `the embed code of the ${chart} chart`,
  };
}

/** Every id the page uses for itself, before any section or step: fixed ids and every chart's. */
export function reservedIds(charts: readonly string[]): Map<string, string> {
  const taken = new Map(Object.entries({ ...FIXED, ...EMBED_WORDS }));
  for (const chart of charts) for (const [id, owner] of Object.entries(chartIds(chart))) taken.set(id, owner);
  return taken;
}

/** Longest step or section id: long enough for any phrase, short enough for every file system's names. */
export const MAX_ID_LENGTH = 64;

/** A step id: an anchor and a path segment, so lower-case ASCII letters, digits and hyphens. */
export const STEP_ID = /^[a-z][a-z0-9-]*$/;

/** A section file: its place in the story, a hyphen, then its id (`02-the-deals.md` → `the-deals`). */
const SECTION_FILE = /^(\d+)-([a-z0-9][a-z0-9-]*)\.md$/;

export function sectionIdOf(fileName: string): string | undefined {
  return SECTION_FILE.exec(fileName)?.[2];
}

/** The name a section file should have: `07 What Next.md` → `07-what-next.md`. */
export function suggestSectionFile(fileName: string): string {
  const stem = fileName.replace(/\.(md|markdown|txt)$/i, "");
  const number = /^\d+/.exec(stem)?.[0] ?? "99";
  // The words after the number: slugify keeps the number's digits, which the id cannot start with.
  const words = slugify(stem).replace(/^[0-9-]+/, "");
  return `${number}-${(words || "section").slice(0, MAX_ID_LENGTH)}.md`;
}

interface SectionIds {
  id: string;
  file: string;
  steps: readonly { id: string; line: number }[];
}

/**
 * Checks the story's one namespace: each section's ids and each step id taken once, none equal to
 * an id the page uses itself. Each refusal lists the ids already taken, so the editor can pick
 * a free one.
 */
export function checkPageIds(
  charts: readonly string[],
  sections: readonly SectionIds[],
  problems: ContentProblem[],
): void {
  const taken = reservedIds(charts);
  const sectionFirst = new Map<string, string>();
  for (const section of sections) {
    const clash = Object.keys(sectionIds(section.id, section.file)).find((id) => taken.has(id));
    const first = sectionFirst.get(section.id);
    if (first || clash) {
      const name = section.file.split("/").at(-1)!;
      problems.push({
        file: section.file,
        field: "file name",
        value: name,
        problem: first
          ? `this section's id "${section.id}" (from its file name) is already the id of ${first}`
          : `this section's id "${section.id}" (from its file name) would give the page a second "${clash!}", already ${taken.get(clash!)!}`,
        fix: `Rename the file: the words after its number become the section's id, and must not be one of the ids already taken: ${[...taken.keys()].join(", ")}.`,
      });
      continue;
    }
    sectionFirst.set(section.id, section.file);
    for (const [id, owner] of Object.entries(sectionIds(section.id, section.file))) taken.set(id, owner);
  }
  const stepAt = new Map<string, string>();
  for (const section of sections) {
    for (const step of section.steps) {
      const first = stepAt.get(step.id);
      if (first) {
        problems.push({
          file: section.file,
          line: step.line,
          field: "id",
          value: step.id,
          problem: `the step id "${step.id}" is already used at ${first}`,
          fix: "Step ids are page anchors and must be unique in the whole story: rename one of them.",
        });
      } else if (taken.has(step.id)) {
        problems.push({
          file: section.file,
          line: step.line,
          field: "id",
          value: step.id,
          problem: `the step id "${step.id}" is already an id on the page: ${taken.get(step.id)!}, so a link to this step would land there`,
          fix: `Choose another id. Ids already taken: ${[...taken.keys(), ...stepAt.keys()].join(", ")}.`,
        });
      } else stepAt.set(step.id, `${section.file}:${step.line}`);
    }
  }
}
