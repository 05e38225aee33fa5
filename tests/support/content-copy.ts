import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../../src/content/errors.ts";
import { loadStory } from "../../src/content/load.ts";
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

/**
 * What an editor reads when a copy of the fixture story, with these edits, is loaded: the message
 * of the ContentError it is refused with. Fails the test if the copy loads.
 */
export function rejection(edits: Record<string, (text: string) => string>): string {
  const copy = copyContent();
  for (const [file, change] of Object.entries(edits)) copy.edit(file, change);
  try {
    loadStory(copy.dir);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error("expected the content to be rejected");
}
