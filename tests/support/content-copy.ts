import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp.ts";
import { FIXTURE } from "./fixture.ts";

/**
 * A throwaway copy of a content folder, removed when the test ends. By default the fixture story,
 * so a test that breaks a copy on purpose never depends on what an editor last wrote in content/.
 */
export function copyContent(from = FIXTURE): {
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
