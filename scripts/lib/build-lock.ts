import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * One build at a time in a project folder. Astro writes its intermediate files inside the project
 * (.astro/), so two builds at once would overwrite each other's work even with separate outputs.
 *
 * The lock is a directory holding owner.json (process id, machine, start time), created by an
 * atomic rename so a lock never exists without its owner. A lock whose process is gone (killed,
 * crashed, the machine restarted) is stale and taken over at once. We check the process rather
 * than a heartbeat on the lock's modification time (as proper-lockfile does): a build blocks its
 * event loop for seconds at a time while Astro renders pages, so a heartbeat either goes stale
 * under a healthy build or, set long enough not to, keeps a killed build's lock for minutes.
 */

/** Exit code when another build holds the lock: EX_TEMPFAIL, "try again later" (sysexits.h). */
export const LOCKED_EXIT_CODE = 75;

export interface LockOwner {
  pid: number;
  host: string;
  /** When the build started, ISO 8601. */
  started: string;
  /** The folder it publishes to. */
  out: string;
  /** The process's start time from /proc (Linux), so a reused process id is not mistaken for the owner. */
  processStart?: string | undefined;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function isRunning(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // another machine's process: we cannot tell, so respect it
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const started = processStart(owner.pid);
  return owner.processStart === undefined || started === undefined || started === owner.processStart;
}

function readOwner(lockDir: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(join(lockDir, "owner.json"), "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

const ageMs = (path: string): number => {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

/** Removes a lock whose owner is gone; a second directory makes sure only one process does it. */
function clearStaleLock(lockDir: string, seen: LockOwner | undefined): void {
  const guard = `${lockDir}.takeover`;
  try {
    mkdirSync(guard);
  } catch {
    if (ageMs(guard) > 30_000) rmSync(guard, { recursive: true, force: true });
    return;
  }
  try {
    const current = readOwner(lockDir);
    const same = current?.pid === seen?.pid && current?.started === seen?.started;
    if (same) {
      const trash = `${lockDir}.stale-${process.pid}`;
      renameSync(lockDir, trash);
      rmSync(trash, { recursive: true, force: true });
    }
  } catch {
    // Someone else cleared it first, or the owner released it: either way the next attempt decides.
  } finally {
    rmSync(guard, { recursive: true, force: true });
  }
}

/** One attempt: the lock, or the owner that holds it. */
function tryLock(lockDir: string, owner: LockOwner): "acquired" | { held: LockOwner | undefined } {
  const draft = mkdtempSync(`${lockDir}.new-`);
  writeFileSync(join(draft, "owner.json"), JSON.stringify(owner, null, 2));
  try {
    renameSync(draft, lockDir);
    return "acquired";
  } catch (error) {
    rmSync(draft, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EPERM") throw error;
    return { held: readOwner(lockDir) };
  }
}

export class BuildLocked extends Error {
  readonly owner: LockOwner | undefined;

  constructor(owner: LockOwner | undefined) {
    super("another build holds the lock");
    this.owner = owner;
  }
}

export interface BuildLock {
  /** True when this build waited for another to finish first. */
  waited: boolean;
  release(): void;
}

/**
 * Takes the project's build lock. Without `wait`, throws BuildLocked at once if a live build holds
 * it; with `wait`, polls until it is free (or `timeoutMs` passes). Released on exit and on Ctrl-C.
 */
export async function acquireBuildLock(
  lockDir: string,
  out: string,
  options: { wait: boolean; timeoutMs?: number; onWait?: (owner: LockOwner | undefined) => void },
): Promise<BuildLock> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    out,
    processStart: processStart(process.pid),
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  let waited = false;
  for (;;) {
    const attempt = tryLock(lockDir, owner);
    if (attempt === "acquired") break;
    const holder = attempt.held;
    const stale = holder ? !isRunning(holder) : ageMs(lockDir) > 10_000;
    if (stale) {
      clearStaleLock(lockDir, holder);
      continue;
    }
    if (!options.wait || Date.now() > deadline) throw new BuildLocked(holder);
    if (!waited) options.onWait?.(holder);
    waited = true;
    await sleep(250);
  }
  const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
  const onSignal = (signal: NodeJS.Signals): void => {
    release();
    process.exit(128 + signals[signal as keyof typeof signals]);
  };
  const release = (): void => {
    process.off("exit", release);
    for (const signal of Object.keys(signals)) process.off(signal, onSignal);
    if (readOwner(lockDir)?.pid !== process.pid) return;
    const trash = `${lockDir}.released-${process.pid}`;
    renameSync(lockDir, trash);
    rmSync(trash, { recursive: true, force: true });
  };
  process.on("exit", release);
  for (const signal of Object.keys(signals)) process.on(signal, onSignal);
  return { waited, release };
}

/** The message a build prints when another holds the lock. */
export function lockedMessage(owner: LockOwner | undefined, lockDir: string): string {
  const who = owner
    ? `process ${owner.pid}${owner.host === hostname() ? "" : ` on ${owner.host}`}, started ${owner.started.replace("T", " ").slice(0, 19)} UTC, publishing to ${owner.out}`
    : "its owner is still being recorded";
  return [
    `Build not started: another build is running in this folder (${who}).`,
    "  Two builds at once would overwrite each other's work, so nothing was touched.",
    "  fix:   Wait for it to finish and build again, or run `npm run build -- --wait` to start as soon as it is done.",
    `         If no build is running, its process is gone and the next build clears the lock (${lockDir}) by itself.`,
  ].join("\n");
}
