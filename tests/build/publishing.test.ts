import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { csvParseRows } from "d3-dsv";
import { parseHTML } from "linkedom";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { charts } from "../../src/charts/registry.ts";
import { loadStory } from "../../src/content/load.ts";
import { reservedIds, sectionIds } from "../../src/content/page-ids.ts";
import {
  headersForPath,
  matches,
  parseHeadersFile,
  serveFramingPage,
  serveWithHeaders,
} from "../support/headers-host.ts";
import { runBuild, type BuildRun } from "../support/run-build.ts";

/** One real build of the real content into a folder of its own, read as readers and hosts will. */
let root: string;
let out: string;
let build: BuildRun;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "revolving-door-publishing-"));
  out = join(root, "dist");
  // A plain dist/ folder, as builds before versioned publishing left it: the build must take it over.
  mkdirSync(out);
  writeFileSync(join(out, "stale.html"), "from an older build");
  build = await runBuild({ REVOLVING_DOOR_DIST: out }, ["--wait"]);
}, 240_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("a build publishes one complete version", () => {
  it("succeeds, and dist is a link to a version folder of this build's own", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/Built the story into .*dist \(published by switching the link\)\./);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    const current = basename(realpathSync(out));
    // The plain folder it replaced is kept as the previous version until the next build.
    expect(readdirSync(join(root, "dist-versions")).sort()).toEqual([".previous", current, `${current}-replaced`]);
    expect(existsSync(join(out, "stale.html"))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(["dist", "dist-versions"]);
  });

  it("reports the page's weight against its budget", () => {
    expect(build.stdout).toMatch(/^Story page: \d+ KB \(\d+ KB gzipped\), budget 1\.00 MB$/m);
    expect(build.stdout).toMatch(/^Whole site: [\d.]+ MB in \d+ files, budget 25\.0 MB$/m);
  });

  it("gives every id on the story page one owner: a step, or an id the page reserves for itself", () => {
    const story = loadStory();
    const reserved = reservedIds(Object.keys(charts));
    for (const section of story.sections)
      for (const id of Object.keys(sectionIds(section.id, section.file))) reserved.set(id, "");
    const steps = new Set(story.sections.flatMap((s) => s.steps.map((step) => step.id)));
    const ids = [...parseHTML(readFileSync(join(out, "index.html"), "utf8")).document.querySelectorAll("[id]")].map(
      (e) => e.id,
    );
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !steps.has(id) && !reserved.has(id))).toEqual([]);
  });
});

describe("case 4: the CSV downloads are safe to open in a spreadsheet", () => {
  it("has no cell a spreadsheet would run as a formula, in any download", () => {
    const downloads = readdirSync(join(out, "data"));
    expect(downloads.length).toBeGreaterThan(0);
    for (const file of downloads) {
      const text = readFileSync(join(out, "data", file), "utf8");
      // OWASP: a cell starting with = + - @, a tab or a carriage return is a formula, unless it is a plain number.
      const formulas = csvParseRows(text)
        .flat()
        .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell));
      expect(formulas, file).toEqual([]);
      expect(text, file).toBe(readFileSync(join("content/data", file), "utf8"));
    }
  });
});

describe("case 17: headers for hosts", () => {
  let browser: Browser;
  const servers: Server[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  });

  afterAll(async () => {
    await browser.close();
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  });

  it("writes one rule per path, so no host can combine two policies on one page", () => {
    const rules = parseHeadersFile(readFileSync(join(out, "_headers"), "utf8"));
    const paths = [
      "/",
      "/index.html",
      "/embed/",
      "/embed/prisoners/sep-11/",
      "/_astro/x.js",
      "/charts/prisoners/sep-11-card.png",
      "/data/held.csv",
      "/robots.txt",
    ];
    for (const path of paths) {
      const names = rules
        .filter((r) => matches(r.pattern, path))
        .flatMap((r) => r.headers.map(([name]) => name.toLowerCase()));
      expect(
        names.filter((n, i) => names.indexOf(n) !== i),
        path,
      ).toEqual([]);
    }
    const story = headersForPath(rules, "/");
    expect(story["content-security-policy"]?.[0]).toMatch(/frame-ancestors 'none'/);
    expect(story["content-security-policy"]?.[0]).toMatch(/base-uri 'self'; form-action 'none'/);
    expect(story["x-content-type-options"]).toEqual(["nosniff"]);
    expect(story["referrer-policy"]).toEqual(["no-referrer"]);
    expect(story["cache-control"]).toEqual(["public, max-age=300"]);
    expect(headersForPath(rules, "/_astro/x.js")["cache-control"]).toEqual(["public, max-age=31536000, immutable"]);
    expect(headersForPath(rules, "/embed/prisoners/")["content-security-policy"]?.[0]).toMatch(/frame-ancestors \*$/);
  });

  it("a page on another origin cannot frame the story, and can frame an embed", async () => {
    const site = await serveWithHeaders(realpathSync(out));
    servers.push(site.server);
    const article = await serveFramingPage(
      `<!doctype html><title>An article</title><iframe id="story" src="${site.origin}/"></iframe><iframe id="embed" src="${site.origin}/embed/prisoners/"></iframe>`,
    );
    servers.push(article.server);
    expect(article.origin).not.toBe(site.origin);
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${article.origin}/`, { waitUntil: "load" });
    const frame = async (id: string) => (await page.$(`#${id}`))!.contentFrame();
    const story = (await frame("story"))!;
    const embed = (await frame("embed"))!;
    await expect.poll(() => embed.evaluate(() => document.querySelector("[data-embed] figure") !== null)).toBe(true);
    expect(story.url()).not.toBe(`${site.origin}/`);
    expect(await story.evaluate(() => document.querySelector("main#story") !== null)).toBe(false);
    expect(blocked.join("\n")).toMatch(/frame-ancestors 'none'/);
    await page.close();
  });
});
