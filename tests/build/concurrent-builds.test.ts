import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuild } from "../support/run-build.ts";
import { treeDigest } from "../support/tree-digest.ts";

/**
 * Case 21 of issue #11: two builds at once in one folder (an editor saving while a deploy hook
 * runs). Each run starts two builds of different content together and checks that dist/ ends as
 * one complete version, identical to a build of that content made alone; with --wait, a reader
 * polling dist/ throughout never sees anything else. REVOLVING_DOOR_CONCURRENT_RUNS sets how many
 * runs of each kind (1 in `npm test`; the README gives the command for 20).
 */
const RUNS = Number(process.env.REVOLVING_DOOR_CONCURRENT_RUNS ?? 1);

let root: string;
const content: Record<"a" | "b", string> = { a: "", b: "" };
const reference: Record<"a" | "b", string> = { a: "", b: "" };
const digests = new Map<string, "a" | "b">();

const fingerprint = (digest: Record<string, string>): string => JSON.stringify(digest);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "revolving-door-concurrent-"));
  for (const version of ["a", "b"] as const) {
    content[version] = join(root, `content-${version}`);
    cpSync("content", content[version], { recursive: true });
  }
  const intro = join(content.b, "story/00-intro.md");
  writeFileSync(
    intro,
    readFileSync(intro, "utf8").replace("This story follows the numbers", "This version B follows the numbers"),
  );
  // Each version built alone: what a complete dist/ of it is.
  for (const version of ["a", "b"] as const) {
    reference[version] = join(root, `reference-${version}`, "dist");
    const run = await runBuild(
      { REVOLVING_DOOR_DIST: reference[version], REVOLVING_DOOR_CONTENT_DIR: content[version] },
      ["--wait"],
    );
    expect(run.code, run.stderr).toBe(0);
    digests.set(fingerprint(treeDigest(reference[version])), version);
  }
  expect(digests.size).toBe(2);
}, 300_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Which complete version a folder is, or "mixed" when it is neither. */
const versionOf = (dir: string): "a" | "b" | "mixed" => digests.get(fingerprint(treeDigest(dir))) ?? "mixed";

describe("case 21: two builds at once in one folder", () => {
  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run}: one publishes, the other is told another build is running, and dist/ is one whole version`, async () => {
      const out = join(root, `no-wait-${run}`, "dist");
      const [first, second] = await Promise.all([
        runBuild({ REVOLVING_DOOR_DIST: out, REVOLVING_DOOR_CONTENT_DIR: content.a }),
        runBuild({ REVOLVING_DOOR_DIST: out, REVOLVING_DOOR_CONTENT_DIR: content.b }),
      ]);
      expect([first.code, second.code].sort()).toEqual([0, 75]);
      const [winner, loser] = first.code === 0 ? (["a", second] as const) : (["b", first] as const);
      expect(loser.stderr).toMatch(
        /^Build not started: another build is running in this folder \(process \d+, started [\d-]+ [\d:]+ UTC, publishing to .*dist\)\./,
      );
      expect(versionOf(out)).toBe(winner);
    }, 180_000);

    it(`run ${run}: with --wait both publish in turn, and a reader of dist/ only ever sees a whole version`, async () => {
      const out = join(root, `wait-${run}`, "dist");
      // dist/ starts as a published version A, as a web server would be serving it.
      const seed = join(root, `wait-${run}`, "dist-versions", "seed");
      mkdirSync(join(root, `wait-${run}`, "dist-versions"), { recursive: true });
      cpSync(realpathSync(reference.a), seed, { recursive: true });
      symlinkSync("dist-versions/seed", out);
      const seen = new Set<string>();
      const progress = { building: true };
      const reader = (async () => {
        while (progress.building) {
          try {
            // A read counts only if dist pointed at the same version from its start to its end,
            // as a request a web server answers from one version does.
            const before = realpathSync(out);
            const version = versionOf(before);
            if (realpathSync(out) === before) seen.add(version);
          } catch (error) {
            seen.add(`error: ${String(error)}`);
          }
          await new Promise((done) => setTimeout(done, 25));
        }
      })();
      const builds = await Promise.all([
        runBuild({ REVOLVING_DOOR_DIST: out, REVOLVING_DOOR_CONTENT_DIR: content.a }, ["--wait"]),
        runBuild({ REVOLVING_DOOR_DIST: out, REVOLVING_DOOR_CONTENT_DIR: content.b }, ["--wait"]),
      ]);
      progress.building = false;
      await reader;
      expect(builds.map((b) => b.code)).toEqual([0, 0]);
      expect(builds.filter((b) => b.stdout.includes("Waiting for the build started by process"))).toHaveLength(1);
      expect([...seen].filter((v) => v !== "a" && v !== "b")).toEqual([]);
      const last = builds[0].stdout.includes("Waiting") ? "a" : "b";
      expect(versionOf(out)).toBe(last);
    }, 180_000);
  }
});
