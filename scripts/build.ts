import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { ContentError } from "../src/content/errors.ts";
import { checkStory, type Story } from "../src/content/load.ts";
import { FAILED_ROUTE } from "./lib/astro-route-logger.mjs";
import { acquireBuildLock, BuildLocked, LOCKED_EXIT_CODE, lockedMessage, type BuildLock } from "./lib/build-lock.ts";
import { embedAncestors, headersFile } from "./lib/host-headers.ts";
import { locateRoute } from "./lib/locate-route.ts";
import { checkPageWeight } from "./lib/page-weight.ts";
import { publicOrigin } from "./lib/public-origin.ts";
import {
  newVersionFolder,
  planPublish,
  publish,
  PublishFailed,
  publishLayout,
  recoverInterrupted,
  swapWasInterrupted,
} from "./lib/publish.ts";

/**
 * `npm run build [-- --wait]`: check the public address and content/ first, take the project's
 * build lock, build into a folder of this build's own, check the page weight, and only then
 * publish it as dist/ (see scripts/lib/publish.ts). Whatever fails, dist/ stays one complete
 * version: the last good one. Exit codes: 0 published; 1 content, budget or build problem;
 * 2 no public address; 75 another build is running (try again, or pass --wait).
 */
process.env.ASTRO_TELEMETRY_DISABLED = "1";
// A build is always a production build, whatever the caller's NODE_ENV (Vitest sets "test").
process.env.NODE_ENV = "production";
const root = process.cwd();
const layout = publishLayout(resolve(root, process.env.REVOLVING_DOOR_DIST ?? "dist"));
const name = basename(layout.out);
const lockDir = join(root, ".build.lock");

function stop(message: string, code = 1): never {
  console.error(`${message}\n`);
  process.exit(code);
}

/** What readers are being served now, for messages about a build that published nothing. */
const published = (): string =>
  existsSync(layout.out) ? `${name}/ is unchanged.` : `there is no published site in ${name}/ yet.`;

/** Checks content/; on a mistake, stops with every problem found. */
async function validate(): Promise<Story> {
  try {
    return checkStory();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    await recoverIfFree();
    stop(
      `Build stopped: content/ has ${error.problems.length} problem(s). Nothing was published; ${published()}\n\n${error.message}`,
    );
  }
}

/**
 * Puts back a site an interrupted swap left out of dist/ (see recoverInterrupted) when no other
 * build is running, so that a build stopped by content still leaves the site served.
 */
async function recoverIfFree(): Promise<void> {
  if (!swapWasInterrupted(layout)) return;
  try {
    const held = await acquireBuildLock(lockDir, layout.out, { wait: false });
    for (const note of recoverInterrupted(layout)) console.log(note);
    held.release();
  } catch (error) {
    if (!(error instanceof BuildLocked)) throw error;
  }
}

const origin = publicOrigin(process.env);
if ("problem" in origin) stop(origin.problem, 2);
process.env.REVOLVING_DOOR_SITE = origin.origin;
const ancestors = embedAncestors(process.env);
if ("problem" in ancestors) stop(ancestors.problem, 2);

// Checking content only reads it: a mistake is reported at once, even while another build runs.
let story = await validate();
let lock: BuildLock;
try {
  lock = await acquireBuildLock(lockDir, layout.out, {
    wait: process.argv.includes("--wait"),
    onWait: (owner) => {
      console.log(`Waiting for the build started by process ${owner?.pid ?? "?"} to finish…`);
    },
  });
} catch (error) {
  if (!(error instanceof BuildLocked)) throw error;
  stop(lockedMessage(error.owner, lockDir), LOCKED_EXIT_CODE);
}

for (const note of recoverInterrupted(layout)) console.log(note);
// Content may have changed while this build waited for another.
if (lock.waited) story = await validate();

const plan = planPublish(layout);
if ("problem" in plan) stop(`Build stopped: ${plan.problem}`);

const version = newVersionFolder(layout);
process.env.REVOLVING_DOOR_OUT_DIR = version;
const { build } = await import("astro");
try {
  await build({
    root,
    logLevel: "warn",
    logger: { entrypoint: new URL("./lib/astro-route-logger.mjs", import.meta.url), config: { level: "warn" } },
  });
} catch (error) {
  rmSync(version, { recursive: true, force: true });
  const route = (globalThis as Record<symbol, string | undefined>)[FAILED_ROUTE];
  const where = route ? ` while making ${route}, from ${locateRoute(route, story)}` : "";
  console.error(error);
  stop(
    `Build failed${where}. Nothing was published; ${published()}\n  content/ passed every check, so this is a fault in the site's code: pass this message to a developer. Until it is fixed, changing the content named above may get round it.`,
  );
}

const entries = readdirSync(version, { withFileTypes: true }).map((e) => ({ name: e.name, folder: e.isDirectory() }));
writeFileSync(join(version, "_headers"), headersFile(entries, ancestors.value));

const weight = checkPageWeight(version, story, published());
for (const line of weight.report) console.log(line);
if (weight.problem) {
  rmSync(version, { recursive: true, force: true });
  stop(weight.problem);
}

let result: ReturnType<typeof publish>;
try {
  result = publish(layout, version, plan.strategy);
} catch (error) {
  if (!(error instanceof PublishFailed)) throw error;
  rmSync(version, { recursive: true, force: true });
  stop(`Build stopped: ${error.message}`);
}
for (const warning of result.warnings) console.warn(`Warning: ${warning}`);
console.log(
  `Built the story into ${layout.out} (published ${result.strategy === "link" ? "by switching the link" : "in place"}).`,
);
