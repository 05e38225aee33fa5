import { execFile } from "node:child_process";

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The public address test builds are made for; never a real one. */
export const TEST_SITE = "https://revolving-door.test";

/**
 * Runs the real build script (`npm run build`) with extra environment, e.g. REVOLVING_DOOR_DIST
 * pointing into a temporary folder and REVOLVING_DOOR_CONTENT_DIR at a copy of content/.
 * Resolves with the exit code and output; never rejects on a failed build.
 */
export function runBuild(env: Record<string, string | undefined>, args: string[] = []): Promise<BuildRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["scripts/build.ts", ...args],
      { env: { ...process.env, REVOLVING_DOOR_SITE: TEST_SITE, ...env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
