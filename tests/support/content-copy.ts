import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp.ts";

/** A throwaway copy of a content folder (the real content/ by default), removed when the test ends. */
export function copyContent(from = join(process.cwd(), "content")): {
  dir: string;
  edit: (file: string, change: (text: string) => string) => void;
} {
  const dir = join(tempDir("content"), "content");
  cpSync(from, dir, { recursive: true });
  return {
    dir,
    edit(file, change) {
      const path = join(dir, file);
      writeFileSync(path, change(readFileSync(path, "utf8")));
    },
  };
}
