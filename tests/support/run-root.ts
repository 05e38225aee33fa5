import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

/**
 * One test run's housekeeping, shared by the global setups (they run in Vitest's main process):
 *
 * - Every temporary folder of the run lives in one run folder, `<system temp>/revolving-door-test-…`.
 *   TMPDIR points there for the test workers and everything they start (builds, `astro dev`,
 *   Chromium), so nothing can escape it, and teardown removes it.
 * - After the run, the run folder must hold nothing: a folder left in it is a test that did not clean
 *   up after itself, and the run fails naming it.
 * - After the run, the developer's dist/ must be byte for byte what it was before: tests build into
 *   their own folders.
 *
 * Several global setups share the run (the root one, and the build project's); the last to finish
 * does the checks. The count lives in process.env because each setup file is its own module.
 */
export const TEMP_PREFIX = "revolving-door-test-";
const ROOT_VAR = "REVOLVING_DOOR_TEST_RUN_DIR";
const USERS_VAR = "REVOLVING_DOOR_TEST_RUN_USERS";
const DIST_VAR = "REVOLVING_DOOR_TEST_DIST_HASH";
/** Node's own compile cache (module.enableCompileCache, which Astro turns on): shared, not a test's. */
const NOT_LEFTOVERS = new Set(["node-compile-cache"]);

/** A fingerprint of a folder's every file path and byte, or "absent". */
export function folderHash(dir: string): string {
  if (!existsSync(dir)) return "absent";
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

const developerDist = (): string => join(process.cwd(), "dist");

/** Joins (or starts) this run: the run folder exists and TMPDIR points at it. Returns its path. */
export function joinRun(): string {
  let root = process.env[ROOT_VAR];
  if (!root) {
    root = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}run-`));
    process.env[ROOT_VAR] = root;
    process.env[DIST_VAR] = folderHash(developerDist());
    // Workers, builds, dev servers and browsers started from now on make their temp files here.
    process.env.TMPDIR = root;
  }
  process.env[USERS_VAR] = String(Number(process.env[USERS_VAR] ?? "0") + 1);
  return root;
}

/** Leaves the run; the last one out checks that nothing was left behind and dist/ is untouched. */
export function leaveRun(): void {
  const users = Number(process.env[USERS_VAR] ?? "1") - 1;
  process.env[USERS_VAR] = String(users);
  const root = process.env[ROOT_VAR];
  if (users > 0 || !root) return;
  const left = existsSync(root) ? readdirSync(root).filter((name) => !NOT_LEFTOVERS.has(name)) : [];
  rmSync(root, { recursive: true, force: true });
  const problems: string[] = [];
  if (left.length > 0) {
    problems.push(
      `Tests left ${left.length} temporary folder(s) behind (removed now): ${left.join(", ")}. ` +
        "Make temporary folders with tests/support/temp.ts, which removes them when the test ends.",
    );
  }
  if (folderHash(developerDist()) !== process.env[DIST_VAR]) {
    problems.push(
      "The tests changed dist/: tests must build into their own folder (see tests/support/global-setup.ts).",
    );
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
}
