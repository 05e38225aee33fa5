import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Every file under a folder (through a link at its root) with a hash of its bytes, sorted:
 * two digests are equal exactly when the folders hold the same files with the same contents.
 */
export function treeDigest(dir: string): Record<string, string> {
  const root = realpathSync(dir);
  const walk = (folder: string): [string, string][] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path);
      return [[relative(root, path), createHash("sha1").update(readFileSync(path)).digest("hex")] as [string, string]];
    });
  return Object.fromEntries(walk(root).sort(([a], [b]) => a.localeCompare(b)));
}
