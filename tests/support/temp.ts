import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { TEMP_PREFIX } from "./run-root.ts";

/**
 * A fresh temporary folder for the current test, removed when the test ends, pass or fail.
 * Its name starts with the one prefix all our temp folders share, so a leftover is easy to spot.
 */
export function tempDir(purpose: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${purpose}-`));
  try {
    onTestFinished(() => {
      rmSync(dir, { recursive: true, force: true });
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`tempDir("${purpose}") must be called inside a test, so the test can remove it`, {
      cause: error,
    });
  }
  return dir;
}
