import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE } from "../support/fixture.ts";
import { runBuild } from "../support/run-build.ts";
import { treeDigest } from "../support/tree-digest.ts";

/**
 * The build and hosting cases of issue #11, each on a folder of its own: what happens to dist/
 * when the build is refused, when a swap was interrupted, when dist/ is a mount point or cannot
 * be emptied, and when the content would make a page too heavy.
 */
const isRoot = process.getuid?.() === 0;
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "revolving-door-faults-"));
  cleanups.push(() => {
    if (isRoot) spawnSync("chattr", ["-R", "-i", dir], { stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** A site as an earlier build published it. */
function oldSite(dir: string): string {
  mkdirSync(join(dir, "embed"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>The version readers have now</title>");
  writeFileSync(join(dir, "embed", "index.html"), "old embed gallery");
  return dir;
}

function contentCopy(root: string): string {
  const dir = join(root, "content");
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe("a build that cannot or must not publish", () => {
  it("stops without a public address, naming the variable to set", async () => {
    const root = folder();
    const run = await runBuild({ REVOLVING_DOOR_SITE: undefined, REVOLVING_DOOR_DIST: join(root, "dist") });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^Build stopped: REVOLVING_DOOR_SITE is not set\. It is the public address the story will be served from/,
    );
    expect(run.stderr).toContain("fix:   REVOLVING_DOOR_SITE=https://news.example.org/revolving-door npm run build");
    expect(existsSync(join(root, "dist"))).toBe(false);
  });

  it("case 18: puts back the site an interrupted swap left in dist-previous/, and says truly what is published", async () => {
    const root = folder();
    oldSite(join(root, "dist-previous"));
    const before = treeDigest(join(root, "dist-previous"));
    const content = contentCopy(root);
    writeFileSync(
      join(content, "data/held.csv"),
      readFileSync(join(content, "data/held.csv"), "utf8").replace(",110,", ",1100x,"),
    );
    const run = await runBuild({ REVOLVING_DOOR_DIST: join(root, "dist"), REVOLVING_DOOR_CONTENT_DIR: content });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "Restored dist/ from dist-previous/, where an interrupted build had left the published site.",
    );
    expect(run.stderr).toContain(
      "Build stopped: content/ has 1 problem(s). Nothing was published; dist/ is unchanged.",
    );
    expect(treeDigest(join(root, "dist"))).toEqual(before);
    expect(existsSync(join(root, "dist-previous"))).toBe(false);
  });

  it("stops on a page over its weight budget, naming the section and the data file that grew", async () => {
    const root = folder();
    const dist = oldSite(join(root, "dist"));
    const before = treeDigest(dist);
    const content = contentCopy(root);
    const held = join(content, "data/held.csv");
    const known = new Set(
      readFileSync(held, "utf8")
        .split("\n")
        .map((line) => line.slice(0, 10)),
    );
    // A count for every day the fixture's time span allows (below its peak, so every step still
    // reads true), drawn by a section with many steps: each step carries its own copy.
    const rows: string[] = [];
    for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2025, 4, 31); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      if (!known.has(date))
        rows.push(
          `${date},${80 + (rows.length % 40)},Viasna,https://spring96.org/en/news/1,2025-12-31,made up for a size test`,
        );
    }
    writeFileSync(held, `${readFileSync(held, "utf8").trimEnd()}\n${rows.join("\n")}\n`);
    const section = join(content, "story/01-in-and-out.md");
    const steps = Array.from(
      { length: 12 },
      (_, i) =>
        `:::step{#fx-more-${i} focus=none held=2025-05-31}\nThe same chart again.\n\n::alt[The same chart again.]\n:::\n`,
    );
    writeFileSync(section, `${readFileSync(section, "utf8").trimEnd()}\n\n${steps.join("\n")}`);
    const run = await runBuild({ REVOLVING_DOOR_DIST: dist, REVOLVING_DOOR_CONTENT_DIR: content });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Build stopped: the (?:story page|page \/[\w/-]+\/) would be [\d.]+ MB, over its budget of 1\.00 MB \(see "Page weight" in the README\)\. Nothing was published; dist\/ is unchanged\.\n {2}The largest parts:\n +[\d.]+ MB {2}content\/story\/01-in-and-out\.md \(17 steps drawing the prisoners chart from content\/data\/held\.csv \(1,978 rows\)/,
    );
    expect(treeDigest(dist)).toEqual(before);
  }, 120_000);
});

describe("a dist/ that cannot simply be replaced", () => {
  it.runIf(isRoot)(
    "case 19: a mount point is filled in place, with no raw EBUSY",
    async () => {
      const root = folder();
      const dist = join(root, "dist");
      mkdirSync(dist);
      execFileSync("mount", ["-t", "tmpfs", "tmpfs", dist]);
      cleanups.push(() => {
        execFileSync("umount", [dist]);
      });
      oldSite(dist);
      const run = await runBuild({ REVOLVING_DOOR_DIST: dist });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("(published in place)");
      expect(readFileSync(join(dist, "index.html"), "utf8")).toMatch(/<main id="story">/);
      expect(existsSync(join(dist, "_headers"))).toBe(true);
      expect(readFileSync("/proc/self/mountinfo", "utf8")).toContain(` ${dist} `);
    },
    120_000,
  );

  it.runIf(isRoot)(
    "case 20: old versions whose files cannot be deleted leave a warning, and the build succeeds",
    async () => {
      const root = folder();
      const dist = join(root, "dist");
      // Two earlier builds: dist links to the last, and the one before it has a file no one may delete.
      oldSite(join(root, "dist-versions", "older"));
      oldSite(join(root, "dist-versions", "old"));
      writeFileSync(join(root, "dist-versions", ".previous"), "older");
      symlinkSync("dist-versions/old", dist);
      execFileSync("chattr", ["+i", join(root, "dist-versions", "older", "index.html")]);
      const run = await runBuild({ REVOLVING_DOOR_DIST: dist });
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(
        /^Warning: Could not delete .*dist-versions\/older \(EPERM\): it is an old version, no longer published\. Delete it when convenient; the next build tries again\./,
      );
      expect(readFileSync(join(dist, "index.html"), "utf8")).toMatch(/<main id="story">/);
    },
    120_000,
  );
});
