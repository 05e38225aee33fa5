import type { ChartModule } from "../charts/types.ts";
import type { Dataset } from "../data/load.ts";
import type { ContentProblem } from "./errors.ts";
import type { BoundNumber } from "./markdown.ts";

/**
 * The chart shows what the text says: every number a step prints that belongs to its chart (a held
 * count, a recognition, a release …) must be labelled, with the same key and value, in the state
 * that step asks for. Numbers of other kinds (a fact, a total since a date) are the text's alone.
 */
export function checkStepClaims(
  chart: ChartModule,
  state: Record<string, unknown>,
  bound: readonly BoundNumber[],
  data: Dataset,
  where: { file: string; stepId: string },
): ContentProblem[] {
  const drawn = chart.claims(data, state);
  return bound
    .filter(({ claim }) => chart.claimKinds.includes(claim.kind))
    .filter(({ claim }) => !drawn.some((d) => d.kind === claim.kind && d.key === claim.key && d.value === claim.value))
    .map(({ claim, line, column }) => ({
      file: where.file,
      line,
      column,
      field: `:${claim.kind}`,
      value: claim.key,
      problem: `step "${where.stepId}" prints :${claim.kind}[${claim.key}] (${claim.value.toLocaleString("en-GB")}), which the ${chart.id} chart does not label in this step's state`,
      fix: `Make the step's state show it (${Object.entries(chart.fields)
        .map(([field, doc]) => `${field}: ${doc}`)
        .join("; ")}), or move the number out of this step. The state labels: ${
        drawn.length ? drawn.map((d) => `:${d.kind}[${d.key}]`).join(", ") : "no figures"
      }.`,
    }));
}
