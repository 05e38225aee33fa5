import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  isMountPoint,
  planPublish,
  publish,
  PublishFailed,
  publishLayout,
  recoverInterrupted,
  type PublishLayout,
} from "../../scripts/lib/publish.ts";

/** Root can mount file systems and mark files immutable: how these tests make dist/ unmovable or undeletable. */
const isRoot = process.getuid?.() === 0;
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function site(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function project(): PublishLayout {
  const root = mkdtempSync(join(tmpdir(), "revolving-door-publish-"));
  cleanups.push(() => {
    // Files a test made immutable may have moved with their version folder: clear the flag everywhere.
    // (chattr reports links it cannot flag and fails; the files are cleared all the same.)
    if (isRoot) spawnSync("chattr", ["-R", "-i", root], { stdio: "ignore" });
    rmSync(root, { recursive: true, force: true });
  });
  return publishLayout(join(root, "dist"));
}

function version(layout: PublishLayout, name: string, files: Record<string, string>): string {
  return site(join(layout.versions, name), files);
}

const read = (layout: PublishLayout, path: string): string => readFileSync(join(layout.out, path), "utf8");

function mount(path: string, options = "rw"): void {
  mkdirSync(path, { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]);
  cleanups.push(() => {
    execFileSync("umount", [path]);
  });
}

/** Marks a file immutable: not even root may delete or rename it (cleared when the test's project is removed). */
function immutable(path: string): void {
  execFileSync("chattr", ["+i", path]);
}

describe("publishing a finished build", () => {
  it("switches dist to the new version with one link, keeps the version before it, and deletes older ones", () => {
    const layout = project();
    expect(planPublish(layout)).toEqual({ strategy: "link" });
    const first = version(layout, "v1", { "index.html": "one", "embed/a/index.html": "a1" });
    publish(layout, first, "link");
    expect(lstatSync(layout.out).isSymbolicLink()).toBe(true);
    expect(read(layout, "index.html")).toBe("one");
    const second = version(layout, "v2", { "index.html": "two" });
    expect(publish(layout, second, "link")).toEqual({ strategy: "link", warnings: [] });
    expect(realpathSync(layout.out)).toBe(realpathSync(second));
    expect(existsSync(join(layout.out, "embed"))).toBe(false);
    // Readers part-way through loading version 1 still get its files, until the next build.
    expect(readFileSync(join(first, "index.html"), "utf8")).toBe("one");
    publish(layout, version(layout, "v3", { "index.html": "three" }), "link");
    expect(readdirSync(layout.versions).sort()).toEqual([".previous", "v2", "v3"]);
  });

  it("takes over a plain dist/ folder left by an older build", () => {
    const layout = project();
    site(layout.out, { "index.html": "old" });
    publish(layout, version(layout, "v1", { "index.html": "new" }), "link");
    expect(read(layout, "index.html")).toBe("new");
    expect(readdirSync(layout.versions).sort()).toEqual([".previous", "v1", "v1-replaced"]);
  });

  it.runIf(isRoot)(
    "case 20: publishes, and warns instead of failing, when an old version cannot be deleted; later builds too",
    () => {
      const layout = project();
      site(layout.out, { "index.html": "old", "data/held.csv": "x" });
      immutable(join(layout.out, "data", "held.csv"));
      publish(layout, version(layout, "v1", { "index.html": "new" }), "link");
      const result = publish(layout, version(layout, "v2", { "index.html": "newer" }), "link");
      expect(read(layout, "index.html")).toBe("newer");
      expect(result.warnings.join("\n")).toMatch(
        /Could not delete .*dist-versions\/v1-replaced \(EPERM\): it is an old version, no longer published/,
      );
      // The next build starts by clearing old versions: it warns again, and goes on.
      expect(recoverInterrupted(layout).join("\n")).toMatch(/Could not delete .*v1-replaced/);
      publish(layout, version(layout, "v3", { "index.html": "newest" }), "link");
      expect(read(layout, "index.html")).toBe("newest");
    },
  );

  it.runIf(isRoot)(
    "case 19: replaces a mount point's contents in place, assets before pages, stale files removed",
    () => {
      const layout = project();
      mount(layout.out);
      site(layout.out, { "index.html": "old", "_astro/old.js": "old", "embed/gone/index.html": "gone" });
      expect(isMountPoint(layout.out)).toBe(true);
      expect(planPublish(layout)).toEqual({ strategy: "in place" });
      const next = version(layout, "v1", { "index.html": "new", "_astro/new.js": "new" });
      expect(publish(layout, next, "in place").strategy).toBe("in place");
      expect(isMountPoint(layout.out)).toBe(true);
      expect(read(layout, "index.html")).toBe("new");
      expect(readdirSync(layout.out).sort()).toEqual(["_astro", "index.html"]);
      expect(readdirSync(join(layout.out, "_astro"))).toEqual(["new.js"]);
      expect(existsSync(next)).toBe(false);
    },
  );

  it.runIf(isRoot)("falls back to filling dist/ in place when it cannot be moved (a bind mount)", () => {
    const layout = project();
    site(layout.out, { "index.html": "old" });
    immutable(layout.out);
    expect(() => publish(layout, version(layout, "v1", { "index.html": "new" }), "link")).toThrow(PublishFailed);
    expect(read(layout, "index.html")).toBe("old");
  });

  it.runIf(isRoot)("refuses, before building, a mount point it cannot write to", () => {
    const layout = project();
    mount(layout.out, "ro");
    const plan = planPublish(layout);
    expect("problem" in plan && plan.problem).toMatch(
      /^dist\/ is a mount point, so the build must replace its contents in place, but this user cannot write to .*dist\. Nothing was published\./,
    );
  });

  it("fills a folder that dist links to by hand (a web server's root), never deleting it", () => {
    const layout = project();
    const webRoot = site(join(dirname(layout.out), "www"), { "index.html": "old", "keep/me.txt": "x" });
    execFileSync("ln", ["-s", webRoot, layout.out]);
    expect(planPublish(layout)).toEqual({ strategy: "in place" });
    publish(layout, version(layout, "v1", { "index.html": "new" }), "in place");
    expect(readFileSync(join(webRoot, "index.html"), "utf8")).toBe("new");
    expect(existsSync(join(webRoot, "keep"))).toBe(false);
    expect(lstatSync(layout.out).isSymbolicLink()).toBe(true);
  });
});

describe("recovering from an interrupted build", () => {
  it("case 18: restores dist/ from dist-previous/ when a build died between its two renames", () => {
    const layout = project();
    site(`${layout.out}-previous`, { "index.html": "published" });
    expect(recoverInterrupted(layout)).toEqual([
      "Restored dist/ from dist-previous/, where an interrupted build had left the published site.",
    ]);
    expect(read(layout, "index.html")).toBe("published");
  });

  it("deletes versions that were never published, and keeps the published one", () => {
    const layout = project();
    const live = version(layout, "v1", { "index.html": "live" });
    publish(layout, live, "link");
    version(layout, "v2-killed-mid-build", { "index.html": "half" });
    expect(recoverInterrupted(layout)).toEqual([]);
    expect(readdirSync(layout.versions)).toEqual(["v1"]);
    expect(read(layout, "index.html")).toBe("live");
  });
});
