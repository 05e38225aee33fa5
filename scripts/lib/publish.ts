import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

/**
 * How a finished build replaces the published site, so that dist/ is always one complete version.
 *
 * The default ("link"): every build writes into its own folder, dist-versions/<time>-<pid>/, and
 * dist becomes a symbolic link to it. Publishing is one rename of a new link over the old one,
 * which is atomic: a web server reading dist/ sees the old version or the new one, never a mix and
 * never nothing. The version it replaced is kept until the next build publishes, for readers
 * part-way through loading a page and for a rollback (point the link back); older ones are
 * deleted. If one cannot be (dist/ not writable by this user), the build warns and goes on, and
 * later builds try again.
 *
 * "in place", when dist/ cannot be replaced: a mount point (a volume handed to a web server), or a
 * system without symbolic links. The new version's files are copied in (each file written beside
 * its target and renamed over it, assets before pages, so a page never names a missing asset), then
 * files the new version no longer has are deleted. Each file changes atomically but the folder
 * does not: for that moment a reader may get a new page beside an old one. The build checks that it
 * can write every folder in dist/ before it starts, so it never stops half-way for lack of rights.
 */

export interface PublishLayout {
  /** The published folder (or link): dist. */
  out: string;
  /** Where versions are built: dist-versions. */
  versions: string;
}

export type Strategy = "link" | "in place";

export function publishLayout(out: string): PublishLayout {
  return { out, versions: `${out}-versions` };
}

const isSymlink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

const exists = (path: string): boolean => isSymlink(path) || existsSync(path);

/** A mount point sits on another device than its parent, or is listed in /proc/self/mountinfo (bind mounts). */
export function isMountPoint(path: string): boolean {
  if (!existsSync(path) || isSymlink(path)) return false;
  if (statSync(path).dev !== statSync(dirname(path)).dev) return true;
  try {
    const target = resolve(path);
    return readFileSync("/proc/self/mountinfo", "utf8")
      .split("\n")
      .some((line) => line.split(" ")[4]?.replace(/\\040/g, " ") === target);
  } catch {
    return false;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why a finished version could not be published, in words for the build's message. */
export class PublishFailed extends Error {}

const folders = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [join(dir, e.name), ...folders(join(dir, e.name))]);

/**
 * Which strategy this build will use, or why it cannot publish at all: checked before building,
 * so a build that could not publish does not run for nothing.
 */
export function planPublish(layout: PublishLayout): { strategy: Strategy } | { problem: string } {
  const parent = dirname(layout.out);
  mkdirSync(parent, { recursive: true });
  const name = basename(layout.out);
  // A link we did not make (dist -> /srv/www/story) names the folder to publish into: fill it in place.
  const foreignLink = isSymlink(layout.out) && currentVersion(layout) === undefined;
  if (foreignLink || isMountPoint(layout.out)) {
    const target = linkTarget(layout.out);
    if (!existsSync(target))
      return {
        problem: `${name} is a link to ${target}, which does not exist.\n  fix:   Create that folder, or remove the link.`,
      };
    const why = foreignLink ? `a link to ${target}` : "a mount point";
    const locked = [target, ...folders(target)].filter((dir) => !writable(dir));
    if (locked.length > 0) {
      return {
        problem: `${name}/ is ${why}, so the build must replace its contents in place, but this user cannot write to ${locked[0]!}${locked.length > 1 ? ` (and ${locked.length - 1} more folders)` : ""}. Nothing was published.\n  fix:   Give the build's user write access to ${name}/ and everything in it (e.g. chown -R), or mount it writable.`,
      };
    }
    return { strategy: "in place" };
  }
  if (!writable(parent)) {
    return {
      problem: `this user cannot write to ${parent}, where ${name}/ and ${basename(layout.versions)}/ are kept. Nothing was published.\n  fix:   Give the build's user write access to that folder.`,
    };
  }
  return { strategy: "link" };
}

/** Deletes a folder, or says why not: a leftover version is a warning, never a failed build. */
function tryRemove(path: string, warnings: string[]): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch (error) {
    warnings.push(
      `Could not delete ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}): it is an old version, no longer published. Delete it when convenient; the next build tries again.`,
    );
  }
}

/** A file in dist-versions/ naming the version published before the current one, which is kept. */
const PREVIOUS_MARK = ".previous";

function previousVersion(layout: PublishLayout): string | undefined {
  try {
    return join(layout.versions, readFileSync(join(layout.versions, PREVIOUS_MARK), "utf8").trim());
  } catch {
    return undefined;
  }
}

/** Deletes every version but those kept, warning about any it cannot delete. */
function prune(layout: PublishLayout, keep: readonly (string | undefined)[], warnings: string[]): void {
  if (!existsSync(layout.versions)) return;
  for (const entry of readdirSync(layout.versions)) {
    const path = join(layout.versions, entry);
    if (entry !== PREVIOUS_MARK && !keep.includes(path)) tryRemove(path, warnings);
  }
}

/** Where dist leads: itself, or the folder its link points at. */
const linkTarget = (out: string): string => (isSymlink(out) ? resolve(dirname(out), readlinkSync(out)) : out);

/** The version folder dist links to, if it is one of ours in dist-versions. */
function currentVersion(layout: PublishLayout): string | undefined {
  const target = linkTarget(layout.out);
  return isSymlink(layout.out) && dirname(target) === resolve(layout.versions) ? target : undefined;
}

/** Whether an interrupted build of the earlier two-rename kind left the site out of dist/. */
export function swapWasInterrupted(layout: PublishLayout): boolean {
  return existsSync(`${layout.out}-previous`) && !exists(layout.out);
}

/**
 * Puts right what an interrupted build left, before this one starts: the site restored from
 * dist-previous/ if a build of the earlier two-rename kind died between its renames, and
 * unfinished or unpublished versions deleted. Returns what it did, to print.
 */
export function recoverInterrupted(layout: PublishLayout): string[] {
  const notes: string[] = [];
  const name = basename(layout.out);
  const previous = `${layout.out}-previous`;
  if (existsSync(previous)) {
    if (!exists(layout.out)) {
      renameSync(previous, layout.out);
      notes.push(`Restored ${name}/ from ${name}-previous/, where an interrupted build had left the published site.`);
    } else tryRemove(previous, notes);
  }
  if (existsSync(`${layout.out}-staging`)) tryRemove(`${layout.out}-staging`, notes);
  const current = currentVersion(layout);
  if (isSymlink(layout.out) && current && !existsSync(current)) {
    notes.push(
      `${name} pointed at ${current}, which is gone: the link was removed; this build publishes a new version.`,
    );
    rmSync(layout.out);
  }
  prune(layout, [current, previousVersion(layout)], notes);
  return notes;
}

/** A new, empty version folder for this build, unique to it. */
export function newVersionFolder(layout: PublishLayout): string {
  mkdirSync(layout.versions, { recursive: true });
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return join(layout.versions, `${stamp}-${process.pid}`);
}

/** Points dist at a version with one atomic rename; returns false where links are not allowed. */
function switchLink(layout: PublishLayout, version: string): boolean {
  const next = `${layout.out}.next-${process.pid}`;
  try {
    symlinkSync(relative(dirname(layout.out), version), next, "dir");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EPERM") return false;
    throw error;
  }
  renameSync(next, layout.out);
  return true;
}

const files = (dir: string, base = dir): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), base) : [relative(base, join(dir, e.name))],
  );

/** Replaces dist's contents with a version's, file by file (see the strategy note above). */
function replaceInPlace(version: string, out: string): void {
  const incoming = files(version);
  const pagesLast = [...incoming.filter((f) => !f.endsWith(".html")), ...incoming.filter((f) => f.endsWith(".html"))];
  for (const file of pagesLast) {
    const target = join(out, file);
    mkdirSync(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    copyFileSync(join(version, file), temporary);
    renameSync(temporary, target);
  }
  const keep = new Set(incoming);
  for (const file of files(out)) if (!keep.has(file)) rmSync(join(out, file), { force: true });
  for (const dir of folders(out).reverse()) if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}

/**
 * Publishes a finished version. Returns the strategy used and warnings to print (old versions
 * that could not be deleted). Throws only if the new version could not be published; dist is
 * then the previous version.
 */
export function publish(
  layout: PublishLayout,
  version: string,
  strategy: Strategy,
): { strategy: Strategy; warnings: string[] } {
  const warnings: string[] = [];
  if (strategy === "link") {
    let replaced: string | undefined = currentVersion(layout);
    if (exists(layout.out) && !isSymlink(layout.out)) {
      // A plain dist/ folder (from an older build, or copied in by hand) becomes a version itself.
      replaced = `${version}-replaced`;
      try {
        renameSync(layout.out, replaced);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "EBUSY" && code !== "EXDEV" && code !== "EPERM" && code !== "EACCES") throw error;
        return publish(layout, version, "in place");
      }
    }
    if (switchLink(layout, version)) {
      if (replaced) writeFileSync(join(layout.versions, PREVIOUS_MARK), basename(replaced));
      prune(layout, [version, replaced], warnings);
      return { strategy, warnings };
    }
    if (replaced && !exists(layout.out)) renameSync(replaced, layout.out);
  }
  const target = linkTarget(layout.out);
  const name = basename(layout.out);
  mkdirSync(target, { recursive: true });
  const locked = [target, ...folders(target)].filter((dir) => !writable(dir));
  if (locked.length > 0) {
    throw new PublishFailed(
      `${name}/ could not be replaced (it cannot be moved), nor filled in place: this user cannot write to ${locked[0]!}. Nothing was published; ${name}/ is unchanged.\n  fix:   Give the build's user write access to ${name}/ and everything in it.`,
    );
  }
  try {
    replaceInPlace(version, target);
  } catch (error) {
    throw new PublishFailed(
      `${name}/ was being replaced in place when this failed: ${error instanceof Error ? error.message : String(error)}. It may now mix the old and new versions.\n  fix:   Put right the cause, then build again.`,
    );
  }
  tryRemove(version, warnings);
  return { strategy: "in place", warnings };
}
