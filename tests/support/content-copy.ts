import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throwaway copy of the real content/, for tests that break or extend it. */
export function copyContent(): { dir: string; edit: (file: string, change: (text: string) => string) => void } {
  const dir = join(mkdtempSync(join(tmpdir(), "revolving-door-")), "content");
  cpSync(join(process.cwd(), "content"), dir, { recursive: true });
  return {
    dir,
    edit(file, change) {
      const path = join(dir, file);
      writeFileSync(path, change(readFileSync(path, "utf8")));
    },
  };
}
