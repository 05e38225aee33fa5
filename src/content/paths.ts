import { relative } from "node:path";

/** File paths in messages are relative to the project root, as an editor sees them in their editor. */
export function displayPath(absolute: string): string {
  return relative(process.cwd(), absolute) || absolute;
}
