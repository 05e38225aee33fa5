import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { charts } from "../../src/charts/registry.ts";
import type { Story } from "../../src/content/load.ts";

/**
 * Size guards. Every chart state is drawn into the page (so it reads without JavaScript) and every
 * step gets its own images and embed page, so the site grows with the data and the steps. These
 * budgets stop a build that would publish a page no phone should download; the README lists them.
 */
export const BUDGETS = {
  /** Any one HTML page, uncompressed: the story page is about 0.4 MB today. */
  page: 1_000_000,
  /** The whole site: about 3 MB today. */
  site: 25_000_000,
};

export interface Weight {
  path: string;
  bytes: number;
  gzip: number;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

export const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 2 : 1)} MB`;
const kilobytes = (bytes: number): string => `${Math.round(bytes / 1000)} KB`;

/** The CSV files a chart draws, with their row counts: what grows when a section grows. */
function dataBehind(chart: string | undefined, story: Story): string {
  if (!chart) return "text only";
  const rows = charts[chart]!.dataFiles.map((file) => {
    const table = story.data[file.replace(/\.csv$/, "") as keyof Story["data"]];
    return { file, count: table.length };
  });
  rows.sort((a, b) => b.count - a.count);
  return `${story.sections.find((s) => s.chart === chart)?.steps.length ?? 0} steps drawing the ${chart} chart from ${rows.map((r) => `content/data/${r.file} (${r.count.toLocaleString("en-GB")} rows)`).join(", ")}`;
}

/** Bytes of the story page taken by each section (from its <section id> to the next). */
function sectionShares(html: string, story: Story): { label: string; bytes: number }[] {
  const starts = story.sections
    .map((section) => ({ section, at: html.search(new RegExp(`<section[^>]*\\sid="${section.id}"`)) }))
    .filter((s) => s.at >= 0)
    .sort((a, b) => a.at - b.at);
  return starts.map(({ section, at }, i) => ({
    label: `${section.file} (${dataBehind(section.chart, story)})`,
    bytes: Buffer.byteLength(html.slice(at, starts[i + 1]?.at ?? html.length)),
  }));
}

/** Bytes of the whole site taken by each chart's files (images, embeds, oEmbed). */
function chartShares(site: string, story: Story): { label: string; bytes: number }[] {
  return Object.keys(charts).map((chart) => {
    const bytes = files(site)
      .filter((f) => new RegExp(`^(charts|embed|oembed/embed)/${chart}/`).test(relative(site, f)))
      .reduce((sum, f) => sum + statSync(f).size, 0);
    return { label: chartLabel(chart, story), bytes };
  });
}

const chartLabel = (chart: string, story: Story): string =>
  `${story.sections.find((s) => s.chart === chart)?.file ?? `content/charts/${chart}.md`} (${dataBehind(chart, story)})`;

function overBudget(
  what: string,
  bytes: number,
  budget: number,
  parts: { label: string; bytes: number }[],
  published: string,
): string {
  const largest = [...parts].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  return [
    `Build stopped: ${what} would be ${megabytes(bytes)}, over its budget of ${megabytes(budget)} (see "Page weight" in the README). Nothing was published; ${published}`,
    "  The largest parts:",
    ...largest.map((p) => `    ${megabytes(p.bytes).padStart(8)}  ${p.label}`),
    "  fix:   Each data row a chart draws goes into the page once for every step of its section, and each step adds images and an embed page. Keep in content/data/ only the rows the story shows (a count for every day, where the chart shows months, is too many), or use fewer steps.",
  ].join("\n");
}

/**
 * Measures a built site; returns lines to report and, past a budget, the message that stops the
 * build. `published` says what readers are served meanwhile, e.g. "dist/ is unchanged."
 */
export function checkPageWeight(site: string, story: Story, published: string): { report: string[]; problem?: string } {
  const pages: Weight[] = files(site)
    .filter((f) => f.endsWith(".html"))
    .map((f) => {
      const content = readFileSync(f);
      return {
        path: `/${relative(site, f)}`.replace(/index\.html$/, ""),
        bytes: content.length,
        gzip: gzipSync(content).length,
      };
    });
  const total = files(site).reduce((sum, f) => sum + statSync(f).size, 0);
  const storyPage = pages.find((p) => p.path === "/");
  const heaviest = pages.filter((p) => p.path !== "/").sort((a, b) => b.bytes - a.bytes)[0];
  const report = [
    storyPage &&
      `Story page: ${kilobytes(storyPage.bytes)} (${kilobytes(storyPage.gzip)} gzipped), budget ${megabytes(BUDGETS.page)}`,
    heaviest &&
      `Largest other page: ${heaviest.path} ${kilobytes(heaviest.bytes)} (${kilobytes(heaviest.gzip)} gzipped)`,
    `Whole site: ${megabytes(total)} in ${files(site).length} files, budget ${megabytes(BUDGETS.site)}`,
  ].filter((line): line is string => Boolean(line));

  const tooBig = pages.filter((p) => p.bytes > BUDGETS.page).sort((a, b) => b.bytes - a.bytes)[0];
  if (tooBig) {
    const html = readFileSync(join(site, tooBig.path, "index.html"), "utf8");
    const chart = /^\/embed\/([^/]+)\//.exec(tooBig.path)?.[1];
    const parts =
      tooBig.path === "/"
        ? sectionShares(html, story)
        : [{ label: chart ? chartLabel(chart, story) : tooBig.path, bytes: tooBig.bytes }];
    const what = tooBig.path === "/" ? "the story page" : `the page ${tooBig.path}`;
    return { report, problem: overBudget(what, tooBig.bytes, BUDGETS.page, parts, published) };
  }
  if (total > BUDGETS.site)
    return { report, problem: overBudget("the whole site", total, BUDGETS.site, chartShares(site, story), published) };
  return { report };
}
