import type { Nodes, RootContent } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { z } from "zod";
import { charts, chartIds } from "../charts/registry.ts";
import type { ChartModule } from "../charts/types.ts";
import type { Dataset } from "../data/load.ts";
import { validChoices } from "./did-you-mean.ts";
import type { ContentProblem } from "./errors.ts";
import { brokenStepOpenings } from "./broken-steps.ts";
import { readFrontMatter } from "./frontmatter.ts";
import { bindLine } from "./inline.ts";
import { checkAndBindProse, markdownToHtml, parseMarkdown, plainText } from "./markdown.ts";
import { checkStepClaims } from "./step-claims.ts";
import { MAX_ID_LENGTH, STEP_ID } from "./page-ids.ts";
import { isComment } from "./prose-rules.ts";

/** One step: a block of text and the complete chart state it asks for. */
export interface Step {
  id: string;
  line: number;
  html: string;
  /** The text alternative of the chart in this step's state. */
  alt: string;
  /** The chart state, complete (defaults filled in). */
  state: Record<string, unknown>;
}

export interface Section {
  /** From the file name: `02-the-deals.md` → `the-deals` (see page-ids.ts). */
  id: string;
  file: string;
  /** The heading, with any bound numbers printed. */
  title: string;
  /** The story's standfirst and byline: read from the first section only. */
  standfirst: string | undefined;
  byline: string | undefined;
  chart: string | undefined;
  /** The line of the front matter's chart key, for messages about the chart. */
  chartLine: number | undefined;
  /** A static figure drawn under the text (no steps), by id. */
  figure: StaticFigure | undefined;
  introHtml: string;
  steps: Step[];
  outroHtml: string;
}

/** Figures that are drawn once, without steps. */
export const staticFigures = ["multiples"] as const;
export type StaticFigure = (typeof staticFigures)[number];

const sectionSchema = z.strictObject({
  title: z.string({ error: "must be text" }).min(1, "is empty"),
  chart: z.string({ error: "must be a chart id" }).optional(),
  figure: z.enum(staticFigures, { error: `is not one of ${staticFigures.join(", ")}` }).optional(),
  standfirst: z.string({ error: "must be text" }).min(1, "is empty").optional(),
  byline: z.string({ error: "must be text" }).min(1, "is empty").optional(),
});

const sectionDocs = {
  title: "the section's heading, e.g. title: The count since 2020",
  chart: `the chart this section's steps drive (optional for text-only sections): ${chartIds.join(", ")}`,
  figure: `a static figure shown after the section's text (optional): ${staticFigures.join(", ")}`,
  standfirst: "first section only: the one or two sentences under the headline (optional)",
  byline: "first section only: who wrote the story, e.g. By the data desk (optional)",
};

/** The embed path segment that unrolls a chart's steps (/embed/<chart>/steps/); no step may take it. */
export const ALL_STEPS = "steps";

/** Top-level nodes without editors' comments, which are never published and never count as text. */
function withoutComments<T extends Nodes>(nodes: T[]): { kept: T[]; hadComments: boolean } {
  const kept = nodes.filter((node) => !isComment(node));
  return { kept, hadComments: kept.length < nodes.length };
}

/**
 * Parses one section file. `id` comes from the file name (checked by the caller), as do the checks
 * across files: step ids unique and clear of the page's own ids, one section per chart.
 */
export function parseSection(
  source: string,
  file: string,
  id: string,
  data: Dataset,
  problems: ContentProblem[],
): Section | undefined {
  const fm = readFrontMatter(source, file, sectionSchema, sectionDocs);
  problems.push(...fm.problems);
  if (!fm.data) return undefined;
  const { chart: chartId, figure } = fm.data;
  const at = (field: string) => ({ file, line: fm.lines.get(field) });
  const title = bindLine(fm.data.title, data, at("title"), problems).text;
  const standfirst =
    fm.data.standfirst === undefined ? undefined : bindLine(fm.data.standfirst, data, at("standfirst"), problems).text;
  const chart = chartId === undefined ? undefined : charts[chartId];
  if (chartId !== undefined && !chart) {
    problems.push({
      ...at("chart"),
      field: "chart",
      value: chartId,
      problem: `there is no chart called "${chartId}"`,
      fix: validChoices(chartId, chartIds),
    });
    return undefined;
  }
  const sourceLines = fm.body.split("\n");
  const tree = parseMarkdown(fm.body);
  const stepLines = new Set(
    tree.children
      .filter((n) => n.type === "containerDirective" && n.name === "step")
      .map((n) => n.position?.start.line ?? 0),
  );
  const broken = brokenStepOpenings(sourceLines, stepLines, file);
  if (broken.length) {
    // Until the step opens, the parser misreads the rest of the section: other messages would mislead.
    problems.push(...broken);
    return undefined;
  }
  const intro: RootContent[] = [];
  const outro: RootContent[] = [];
  const steps: Step[] = [];
  // Steps as written, counted apart from those kept: a step with a fault still stands between the
  // text before and after it, and still gives the section steps, so no second message misleads.
  const opened: ContainerDirective[] = [];

  for (const node of tree.children) {
    if (node.type === "containerDirective" && node.name === "step") {
      opened.push(node);
      if (outro.length) {
        problems.push({
          file,
          line: outro[0]!.position?.start.line,
          problem: "text stands between two steps, outside any step",
          fix: "Move it into the step before or after it (inside its ::: lines), or to the top of the section.",
        });
        outro.length = 0;
      }
      const step = parseStep(node, { file, sourceLines, chartId, data, problems });
      if (step) steps.push(step);
    } else if (!isComment(node)) {
      (opened.length ? outro : intro).push(node);
    }
  }
  checkAndBindProse(intro, data, file, problems);
  checkAndBindProse(outro, data, file, problems);

  if (chart && opened.length === 0) {
    problems.push({
      file,
      line: 1,
      field: "chart",
      value: chartId,
      problem: "this section names a chart but has no steps",
      fix: "Add at least one step:\n:::step{#my-step-id}\nText of the step.\n::alt[What the chart shows in this state.]\n:::\nor remove the chart line.",
    });
  }
  if (!chart && opened.length > 0) {
    problems.push({
      file,
      line: opened[0]!.position?.start.line,
      problem: "this section has steps but no chart for them to drive",
      fix: `Add a chart line to the front matter: chart: ${chartIds[0]}`,
    });
  }
  if (intro.length === 0 && opened.length === 0) {
    problems.push({
      file,
      line: 1,
      problem: "the section is empty",
      fix: "Write its text below the front matter, or delete the file. (A comment <!-- … --> is a note to editors and is not published.)",
    });
  }
  return {
    id,
    file,
    title,
    standfirst,
    byline: fm.data.byline,
    chart: chartId,
    chartLine: fm.lines.get("chart"),
    figure,
    introHtml: markdownToHtml(intro),
    steps,
    outroHtml: markdownToHtml(outro),
  };
}

interface StepContext {
  file: string;
  sourceLines: string[];
  chartId: string | undefined;
  data: Dataset;
  problems: ContentProblem[];
}

/** What is wrong with a step id as written, or undefined for a valid one. */
function stepIdFault(id: string | undefined): Pick<ContentProblem, "problem" | "fix"> | undefined {
  if (!id) {
    return {
      problem: "this step has no id",
      fix: "Give it one after a #, e.g. :::step{#sep-11 …}; ids are lower-case letters, digits and hyphens, unique in the story.",
    };
  }
  if (!STEP_ID.test(id)) {
    return {
      problem: "this step id is not lower-case letters, digits and hyphens, starting with a letter",
      fix: "Rename it, e.g. #sep-11.",
    };
  }
  if (id.length > MAX_ID_LENGTH) {
    return {
      problem: `this step id is ${id.length} characters long, more than the ${MAX_ID_LENGTH} a link or file name can carry safely`,
      fix: `Shorten it to a few words, e.g. #${id.slice(0, 24).replace(/-+$/, "")}.`,
    };
  }
  return undefined;
}

function parseStep(node: ContainerDirective, ctx: StepContext): Step | undefined {
  const { file, problems } = ctx;
  const line = node.position?.start.line ?? 1;
  const columnOf = (attr: string): number | undefined => {
    const index = ctx.sourceLines[line - 1]?.search(
      new RegExp(`[{\\s#.]${attr.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`),
    );
    return index === undefined || index < 0 ? undefined : index + 2;
  };
  const { id, ...attrs } = (node.attributes ?? {}) as Record<string, string | undefined>;
  const idFault = stepIdFault(id);
  if (idFault) problems.push({ file, line, field: "id", ...(id ? { column: columnOf(id), value: id } : {}), ...idFault });

  const { kept: children, hadComments } = withoutComments(node.children);
  const altNode = children.find((c) => c.type === "leafDirective" && c.name === "alt");
  const body = children.filter((c) => c !== altNode);
  const bound = checkAndBindProse(body, ctx.data, file, problems);
  if (altNode) bound.push(...checkAndBindProse([altNode], ctx.data, file, problems, ["alt"]));
  const alt = altNode ? plainText(altNode).trim() : "";
  const chart = ctx.chartId === undefined ? undefined : charts[ctx.chartId];
  let state: Record<string, unknown> = {};
  const stateProblemsBefore = problems.length;
  if (chart) state = parseState(chart, attrs, { file, line, columnOf, data: ctx.data, problems });
  const stateValid = problems.length === stateProblemsBefore;
  if (!alt) {
    const draft = chart && stateValid ? chart.draftAlt(ctx.data, state) : "What the chart shows in this state.";
    problems.push({
      file,
      line,
      field: "::alt",
      value: id,
      problem: `step "${id ?? "?"}" has no text alternative`,
      fix: `Add a line inside the step describing what the chart shows in this state, for readers who cannot see it. A draft from the data, to check and edit:\n::alt[${draft}]`,
    });
  }
  if (chart && id && stateValid) {
    problems.push(...checkStepClaims(chart, state, bound, ctx.data, { file, stepId: id }));
  }
  if (body.length === 0) {
    const comment = hadComments ? " (a comment <!-- … --> is a note to editors and is not published)" : "";
    problems.push({
      file,
      line,
      field: "text",
      value: id,
      problem: `step "${id ?? "?"}" has no text${comment}`,
      fix: "Write the step's text between its ::: lines.",
    });
  }

  // A step with a fault but a good id is kept, so the story-wide checks of ids see it too and every
  // fault is reported in one pass; the load stops on the faults before anything is drawn.
  const validId = idFault ? undefined : id;
  return validId === undefined ? undefined : { id: validId, line, html: markdownToHtml(body), alt, state };
}

interface StateContext {
  file: string;
  line: number;
  columnOf: (attr: string) => number | undefined;
  data: Dataset;
  problems: ContentProblem[];
}

/** Validates a step's attributes as a complete chart state; returns it, or {} with problems added. */
function parseState(
  chart: ChartModule,
  attrs: Record<string, string | undefined>,
  ctx: StateContext,
): Record<string, unknown> {
  const { file, line, columnOf, problems } = ctx;
  const fields = Object.keys(chart.fields);
  const unknown = Object.keys(attrs).filter((k) => !fields.includes(k));
  for (const key of unknown) {
    problems.push({
      file,
      line,
      column: columnOf(key),
      field: key,
      value: key,
      problem: `"${key}" is not a state field of the ${chart.id} chart`,
      fix: validChoices(key, fields) + ` (${fields.map((f) => `${f}: ${chart.fields[f]!}`).join("; ")})`,
    });
  }
  if (unknown.length) return {};
  const parsed = chart.state.safeParse(attrs);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      problems.push({
        file,
        line,
        column: columnOf(field),
        field,
        value: attrs[field],
        problem: `${field} ${issue.message}`,
        fix: `${field}: ${chart.fields[field] ?? ""}`,
      });
    }
    return {};
  }
  for (const p of chart.check(parsed.data, ctx.data)) problems.push({ file, line, column: columnOf(p.field), ...p });
  return parsed.data;
}
