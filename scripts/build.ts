import { existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { ContentError } from "../src/content/errors.ts";
import { loadStory } from "../src/content/load.ts";

/**
 * `npm run build`: validate content first, build into a staging folder, and only then replace dist/.
 * A mistake in content/ (or a crash mid-build) leaves the last good dist/ untouched: nothing half-published.
 */
process.env.ASTRO_TELEMETRY_DISABLED = "1";
// A build is always a production build, whatever the caller's NODE_ENV (Vitest sets "test").
process.env.NODE_ENV = "production";
const root = process.cwd();
const out = resolve(root, process.env.REVOLVING_DOOR_DIST ?? "dist");
// Beside the output, so the final rename stays on one file system and is atomic.
const staging = `${out}-staging`;

try {
  loadStory();
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(
    `Build stopped: content/ has ${error.problems.length} problem(s). Nothing was published.\n\n${error.message}\n`,
  );
  process.exit(1);
}

rmSync(staging, { recursive: true, force: true });
process.env.REVOLVING_DOOR_OUT_DIR = staging;
const { build } = await import("astro");
try {
  await build({ root, logLevel: "warn" });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error("Build failed; the previous dist/ is unchanged.\n");
  throw error;
}
// Two renames, so the old site is gone only once the new one is in place; a crash in between
// leaves it in dist-previous to restore.
const previous = `${out}-previous`;
rmSync(previous, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, previous);
renameSync(staging, out);
rmSync(previous, { recursive: true, force: true });
console.log(`Built the story into ${out}`);
