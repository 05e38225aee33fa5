import { charts } from "../charts/registry.ts";
import { sizes } from "../render/scene.ts";
import type { ContentProblem } from "./errors.ts";
import type { Story } from "./load.ts";

/**
 * Lays out every chart state the build will draw, at every size, so that a state that cannot be
 * drawn is reported at its step by `npm run check` rather than first surfacing as a crash in the
 * middle of the build. Content that passed the other checks should always draw: a failure here
 * is a fault in a chart's code, and the message says so.
 */
export function drawEveryState(story: Story): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const draw = (
    chart: string,
    state: Record<string, unknown>,
    where: Omit<ContentProblem, "problem" | "fix">,
  ): void => {
    for (const size of Object.values(sizes)) {
      try {
        charts[chart]!.layout(story.data, state, size);
      } catch (error) {
        problems.push({
          ...where,
          problem: `the ${chart} chart cannot be drawn in this state at ${size.width} px: ${error instanceof Error ? error.message : String(error)}`,
          fix: "The content passed every other check, so this is a fault in the chart's code: pass this message to a developer. Until it is fixed, a different state (dates, highlight) may get round it.",
        });
        return;
      }
    }
  };
  for (const chart of Object.keys(story.furniture)) {
    draw(chart, charts[chart]!.state.parse({}), { file: `content/charts/${chart}.md`, field: "default state" });
  }
  for (const section of story.sections) {
    if (!section.chart) continue;
    for (const step of section.steps)
      draw(section.chart, step.state, { file: section.file, line: step.line, field: "state", value: step.id });
  }
  return problems;
}
