import { join, relative } from "node:path";

/**
 * File paths in messages read as an editor sees them: `content/data/held.csv`, whichever copy of
 * content/ is being read (tests read throwaway copies).
 */
export function displayPath(absolute: string, contentDir: string): string {
  return join("content", relative(contentDir, absolute));
}
