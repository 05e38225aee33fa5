import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireBuildLock, BuildLocked, lockedMessage, type LockOwner } from "../../scripts/lib/build-lock.ts";

const folders: string[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  // Each process is gone before its folder is removed: one still taking the lock would make the
  // folder again, and it would outlive the test.
  await Promise.all(
    children.splice(0).map((child) => {
      const gone = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : exited(child);
      child.kill();
      return gone;
    }),
  );
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function lockPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "revolving-door-lock-"));
  folders.push(dir);
  return join(dir, ".build.lock");
}

/** A process that stays alive until the test ends it: stands in for another build. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  return child;
}

/** A lock left as another build would leave it. */
function heldBy(lockDir: string, pid: number, extra: Partial<LockOwner> = {}): void {
  mkdirSync(lockDir);
  const owner: LockOwner = { pid, host: hostname(), started: "2026-01-01T10:00:00.000Z", out: "/srv/dist", ...extra };
  writeFileSync(join(lockDir, "owner.json"), JSON.stringify(owner));
}

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    child.once("exit", () => {
      done();
    });
  });

describe("the build lock", () => {
  it("records its owner while held and disappears when released", async () => {
    const lockDir = lockPath();
    const lock = await acquireBuildLock(lockDir, "/srv/dist", { wait: false });
    expect(JSON.parse(readFileSync(join(lockDir, "owner.json"), "utf8"))).toMatchObject({
      pid: process.pid,
      out: "/srv/dist",
    });
    lock.release();
    expect(existsSync(lockDir)).toBe(false);
  });

  it("refuses a second build while the first is running, naming it", async () => {
    const lockDir = lockPath();
    const other = otherProcess();
    heldBy(lockDir, other.pid!);
    const refusal = await acquireBuildLock(lockDir, "/srv/dist", { wait: false }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BuildLocked);
    expect(lockedMessage((refusal as BuildLocked).owner, lockDir)).toMatch(
      new RegExp(
        `^Build not started: another build is running in this folder \\(process ${other.pid!}, started 2026-01-01 10:00:00 UTC, publishing to /srv/dist\\)\\.`,
      ),
    );
  });

  it("takes over at once the lock of a build that was killed", async () => {
    const lockDir = lockPath();
    const other = otherProcess();
    heldBy(lockDir, other.pid!);
    other.kill("SIGKILL");
    await exited(other);
    const lock = await acquireBuildLock(lockDir, "/srv/dist", { wait: false });
    expect(JSON.parse(readFileSync(join(lockDir, "owner.json"), "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it("does not mistake a new process that reuses a dead build's process id for it", async () => {
    const lockDir = lockPath();
    heldBy(lockDir, process.pid, { processStart: "1" });
    const lock = await acquireBuildLock(lockDir, "/srv/dist", { wait: false });
    expect(lock.waited).toBe(false);
    lock.release();
  });

  it("with --wait, starts as soon as the running build finishes", async () => {
    const lockDir = lockPath();
    const other = otherProcess();
    heldBy(lockDir, other.pid!);
    let waiting = false;
    const pending = acquireBuildLock(lockDir, "/srv/dist", {
      wait: true,
      onWait: () => {
        waiting = true;
      },
    });
    await expect.poll(() => waiting).toBe(true);
    other.kill();
    const lock = await pending;
    expect(lock.waited).toBe(true);
    lock.release();
  });

  it("lets exactly one of many builds take over a stale lock", async () => {
    const lockDir = lockPath();
    heldBy(lockDir, 2 ** 22 + 12345); // beyond any live process id
    const module = resolve("scripts/lib/build-lock.ts");
    // Each contender says whether it got the lock; the winner holds it until every one has answered.
    const contender = `
      import { acquireBuildLock } from ${JSON.stringify(module)};
      try { await acquireBuildLock(${JSON.stringify(lockDir)}, "/srv/dist", { wait: false }); console.log("acquired"); process.stdin.resume(); }
      catch { console.log("refused"); }`;
    const contenders = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", contender], {
        stdio: ["pipe", "pipe", "inherit"],
      });
      children.push(child);
      return child;
    });
    const results = await Promise.all(
      contenders.map(
        (child) =>
          new Promise<string>((answered) => {
            child.stdout.once("data", (data: Buffer) => {
              answered(data.toString().trim());
            });
          }),
      ),
    );
    for (const child of contenders) child.stdin.end();
    expect(results.filter((r) => r === "acquired")).toHaveLength(1);
    expect(results.filter((r) => r === "refused")).toHaveLength(5);
  }, 30_000);
});
