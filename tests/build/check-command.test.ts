import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm run check", () => {
  it("validates the real content in seconds and says all is well", () => {
    const started = performance.now();
    const output = execFileSync(process.execPath, ["scripts/check-content.ts"], { encoding: "utf8" });
    expect(output).toMatch(/^content\/ is valid: \d+ sections, \d+ steps, \d+ data rows/);
    // The promise is "under 10 s"; it takes well under one, so this bound cannot flake.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
