import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { badInputs } from "../support/bad-inputs.ts";
import { FIXTURE } from "../support/fixture.ts";
import { hostileInputs } from "../support/hostile-inputs.ts";
import { runBuild } from "../support/run-build.ts";
import { treeDigest } from "../support/tree-digest.ts";

/**
 * The real build refuses every bad input the editors' guide promises to catch, and every
 * hostile input of issue #11, with the editor's message, leaving the published site exactly as it
 * was. (These builds stop before Astro and before the build lock, so they run side by side.)
 */
const roots: string[] = [];

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A folder with a copy of the fixture story and a site already published in dist/. */
function project(): { content: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), "revolving-door-bad-build-"));
  roots.push(root);
  const content = join(root, "content");
  cpSync(FIXTURE, content, { recursive: true });
  const dist = join(root, "dist");
  mkdirSync(join(dist, "embed"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>The version readers have now</title>");
  writeFileSync(join(dist, "embed", "index.html"), "embeds readers have now");
  return { content, dist };
}

const cases = [
  ...badInputs.map((bad) => ({
    name: bad.name,
    apply: (content: string) => {
      const path = join(content, bad.file);
      writeFileSync(path, bad.change(readFileSync(path, "utf8")));
    },
    message: bad.message,
  })),
  ...hostileInputs.map((bad) => ({ name: `case ${bad.issue}: ${bad.name}`, apply: bad.apply, message: bad.message })),
];

describe.concurrent("the real build refuses bad content and publishes nothing", () => {
  for (const bad of cases) {
    it(`stops on ${bad.name}`, async () => {
      const { content, dist } = project();
      bad.apply(content);
      const before = treeDigest(dist);
      const result = await runBuild({ REVOLVING_DOOR_CONTENT_DIR: content, REVOLVING_DOOR_DIST: dist });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Nothing was published; dist/ is unchanged.");
      expect(result.stderr).toMatch(bad.message);
      expect(treeDigest(dist)).toEqual(before);
    });
  }
});
