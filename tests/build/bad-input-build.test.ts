import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { badInputs } from "../support/bad-inputs.ts";
import { copyContent } from "../support/content-copy.ts";
import { tempDir } from "../support/temp.ts";

const run = promisify(execFile);

describe("the real build refuses bad content and publishes nothing", () => {
  for (const bad of badInputs) {
    it(`stops on ${bad.name}`, async () => {
      const copy = copyContent();
      copy.edit(bad.file, bad.change);
      const out = join(tempDir("dist"), "dist");
      const result = await run(process.execPath, ["scripts/build.ts"], {
        env: { ...process.env, REVOLVING_DOOR_CONTENT_DIR: copy.dir, REVOLVING_DOOR_DIST: out },
      }).then(
        () => ({ code: 0, stderr: "" }),
        (error: unknown) => error as { code: number; stderr: string },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Nothing was published.");
      expect(result.stderr).toMatch(bad.message);
      expect(existsSync(out)).toBe(false);
    });
  }
});
