import { describe, expect, it } from "vitest";
import { explaining, staleEntries, type Equivalent } from "../../scripts/lib/equivalents.ts";

const entry: Equivalent = {
  file: "src/a.ts",
  mutator: "EqualityOperator",
  original: "x > 0",
  replacement: "x >= 0",
  reason: "x is never 0",
};

describe("the survivors listed as equivalent", () => {
  it("explain a survivor of the same file, mutator, text and replacement, and no other", () => {
    const same = { file: entry.file, mutator: entry.mutator, original: entry.original, replacement: entry.replacement };
    expect(explaining([entry], same)).toBe(entry);
    for (const other of [
      { ...same, file: "src/b.ts" },
      { ...same, mutator: "ConditionalExpression" },
      { ...same, original: "y > 0" },
      { ...same, replacement: "x < 0" },
    ])
      expect(explaining([entry], other)).toBeUndefined();
  });

  it("name an entry no survivor matches any more as stale, so it is removed", () => {
    const kept = { ...entry, original: "y > 0", replacement: "y >= 0" };
    expect(staleEntries([entry, kept], [kept])).toEqual([entry]);
    expect(staleEntries([entry], [])).toEqual([entry]);
  });
});
