import { describe, expect, it } from "vitest";
import { mutationParts, partFolder } from "../../scripts/lib/mutation-parts.ts";

describe("the mutation run is split into one part per folder of src/, and per chart", () => {
  const patterns = ["src/**/*.ts", "!src/pages/**", "!src/components/**"];

  it("puts each file Stryker mutates in the part of its folder, and leaves out what the patterns exclude", () => {
    const files = [
      "src/data/load.ts",
      "src/charts/door/model.ts",
      "src/data/csv.ts",
      "src/pages/index.ts",
      "src/components/x.ts",
      "src/types/font.d.ts",
      "src/env.ts",
      "src/charts/registry.ts",
      "src/charts/routes/curve.ts",
      "src/charts/door/plan.ts",
    ];
    expect(mutationParts(patterns, files)).toEqual([
      { name: "charts-door", files: ["src/charts/door/model.ts", "src/charts/door/plan.ts"] },
      { name: "charts", files: ["src/charts/registry.ts"] },
      { name: "charts-routes", files: ["src/charts/routes/curve.ts"] },
      { name: "data", files: ["src/data/csv.ts", "src/data/load.ts"] },
      { name: "src", files: ["src/env.ts"] },
    ]);
  });

  it("covers every file of the real src/ that the Stryker configuration selects, each once", async () => {
    const { default: config } = await import("../../stryker.config.mjs");
    const parts = mutationParts(config.mutate as string[]);
    const files = parts.flatMap((p) => p.files);
    expect(new Set(files).size).toBe(files.length);
    expect(files).toContain("src/data/flows.ts");
    expect(files.some((f) => f.startsWith("src/pages/") || f.startsWith("src/components/"))).toBe(false);
    expect(parts.map((p) => p.name)).toEqual(
      expect.arrayContaining(["charts-door", "charts-prisoners", "content", "data", "scrolly"]),
    );
  });

  it("names each part by the folder it covers", () => {
    expect(["charts-door", "charts", "data", "src", "charts-small-multiples"].map(partFolder)).toEqual([
      "src/charts/door/",
      "src/charts/",
      "src/data/",
      "src/",
      "src/charts/small-multiples/",
    ]);
  });
});
