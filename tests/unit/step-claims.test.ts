import { describe, expect, it } from "vitest";
import { dealsChart } from "../../src/charts/deals/index.ts";
import { prisonersChart } from "../../src/charts/prisoners/index.ts";
import { bindings } from "../../src/content/bindings.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { loadStory } from "../../src/content/load.ts";
import type { BoundNumber } from "../../src/content/markdown.ts";
import { checkStepClaims } from "../../src/content/step-claims.ts";
import { copyContent } from "../support/content-copy.ts";
import { fixtureDataset } from "../support/dataset.ts";

const data = fixtureDataset();
const bound = (name: string, key: string): BoundNumber => {
  const result = bindings.find((b) => b.name === name)!.resolve(key, data);
  if ("problem" in result) throw new Error(result.problem);
  return { claim: result.claim, line: 12, column: 40 };
};
const where = { file: "content/story/01-in-and-out.md", stepId: "year" };

describe("a step's numbers are drawn by its chart", () => {
  it("fails a step whose prose prints a number its chart state does not label, with the pinned message", () => {
    const state = prisonersChart.state.parse({ focus: "2025-01..2025-02", held: "none" });
    const problems = checkStepClaims(prisonersChart, state, [bound("recognised", "2025-03..2025-04")], data, where);
    expect(problems.map(formatProblem).join("\n")).toBe(
      [
        'content/story/01-in-and-out.md:12:40: step "year" prints :recognised[2025-03-01..2025-04-30] (30), which the prisoners chart does not label in this step\'s state',
        "  field: :recognised",
        '  value: "2025-03-01..2025-04-30"',
        `  fix:   Make the step's state show it (focus: ${prisonersChart.fields.focus}; held: ${prisonersChart.fields.held}), or move the number out of this step. The state labels: :held[2024-12-31], :held[2025-02-28], :recognised[2025-01-01..2025-02-28], :freed[2025-01-01..2025-02-28], :freed-us[2025-01-01..2025-02-28], :freed-other[2025-01-01..2025-02-28], :left-otherwise[2025-01-01..2025-02-28].`,
      ].join("\n"),
    );
  });

  it("says so when the step's state labels no figures at all", () => {
    const state = prisonersChart.state.parse({ focus: "none", held: "none" });
    const [problem] = checkStepClaims(prisonersChart, state, [bound("held", "2025-04-30")], data, where);
    expect(problem!.fix).toMatch(/ The state labels: no figures\.$/);
  });

  it("passes the same number when the state picks out its period, and ignores numbers that are not the chart's", () => {
    const state = prisonersChart.state.parse({ focus: "2025-03..2025-04", held: "none" });
    const numbers = [
      bound("recognised", "2025-03..2025-04"),
      bound("freed", "2025-03..2025-04"),
      bound("held", "2025-04-30"),
      bound("released", "mar-deal"),
    ];
    expect(checkStepClaims(prisonersChart, state, numbers, data, where)).toEqual([]);
  });

  it("fails a number the chart labels with another value", () => {
    const misdrawn = { ...dealsChart, claims: () => [{ kind: "released", key: "mar-deal", value: 21 }] };
    expect(checkStepClaims(misdrawn, {}, [bound("released", "mar-deal")], data, where).map((p) => p.problem)).toEqual([
      'step "year" prints :released[mar-deal] (20), which the deals chart does not label in this step\'s state',
    ]);
  });

  it("fails a number the chart labels only as a figure of another kind, with the same key and value", () => {
    const other = {
      ...dealsChart,
      claimKinds: ["released", "freed"],
      claims: () => [{ kind: "freed", key: "mar-deal", value: 20 }],
    };
    expect(checkStepClaims(other, {}, [bound("released", "mar-deal")], data, where)).toHaveLength(1);
  });

  it("holds the deals chart to the release it picks out", () => {
    const numbers = [bound("released", "mar-deal")];
    expect(
      checkStepClaims(dealsChart, dealsChart.state.parse({ highlight: "mar-deal" }), numbers, data, where),
    ).toEqual([]);
    expect(
      checkStepClaims(dealsChart, dealsChart.state.parse({ highlight: "feb-deal" }), numbers, data, where),
    ).toHaveLength(1);
  });

  it("stops the build when a step in a story prints a count its state does not label", () => {
    const copy = copyContent();
    copy.edit("story/01-in-and-out.md", (text) =>
      text.replace("#fx-january focus=2025-01 held=", "#fx-january focus=none held="),
    );
    expect(() => loadStory(copy.dir)).toThrow(
      /content\/story\/01-in-and-out\.md:15:30: step "fx-january" prints :recognised\[2025-01-01\.\.2025-01-31\] \(20\), which the prisoners chart does not label in this step's state/,
    );
  });
});
