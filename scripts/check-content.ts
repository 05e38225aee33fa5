import { ContentError } from "../src/content/errors.ts";
import { checkStory } from "../src/content/load.ts";

/**
 * `npm run check`: reads and validates everything in content/ with the same code the build uses,
 * and lays out every chart state, in a second or two, without building. Exit code 1 and one
 * message per problem when anything is wrong.
 */
const started = performance.now();
try {
  const story = checkStory();
  const steps = story.sections.reduce((n, s) => n + s.steps.length, 0);
  const tables: readonly (readonly unknown[])[] = Object.values(story.data);
  const rows = tables.reduce((n, table) => n + table.length, 0);
  const ms = Math.round(performance.now() - started);
  console.log(`content/ is valid: ${story.sections.length} sections, ${steps} steps, ${rows} data rows (${ms} ms).`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(`content/ has ${error.problems.length} problem(s):\n\n${error.message}\n`);
  process.exitCode = 1;
}
