import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../src/content/errors.ts";
import { loadStory } from "../src/content/load.ts";

/**
 * `npm run build`: validate content first, build into a staging folder, and only then replace dist/.
 * A mistake in content/ (or a crash mid-build) leaves the last good dist/ untouched: nothing half-published.
 */
process.env.ASTRO_TELEMETRY_DISABLED = "1";
const root = process.cwd();
const staging = join(root, ".dist-staging");
const out = join(root, process.env.REVOLVING_DOOR_DIST ?? "dist");

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
if (existsSync(out)) rmSync(out, { recursive: true });
renameSync(staging, out);
console.log(`Built the story into ${out}`);
