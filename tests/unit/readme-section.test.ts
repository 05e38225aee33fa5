import { describe, expect, it } from "vitest";
import { replaceSection } from "../../scripts/lib/readme-section.ts";

describe("a script's results written into the README", () => {
  const readme = "# Title\n\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\n## After\n";

  it("replace only what is between the markers", () => {
    expect(replaceSection(readme, "bench", "new")).toBe(
      "# Title\n\n<!-- bench:start -->\nnew\n<!-- bench:end -->\n\n## After\n",
    );
  });

  it("are written as they are, even when they hold what a string replacement reads as a pattern", () => {
    const body = '| `x.replace(/a/, "$\'")` → `$&` and `$1` |';
    const out = replaceSection(readme, "bench", body);
    expect(out).toContain(`\n${body}\n`);
    expect(out.match(/## After/g)).toHaveLength(1);
  });

  it("stop with the markers' names when the README has none", () => {
    expect(() => replaceSection("# no markers", "mutation", "x")).toThrow(
      "README.md has no <!-- mutation:start --> … <!-- mutation:end --> markers",
    );
  });
});
