// @ts-check
import { partResults } from "./scripts/lib/mutation-parts.ts";

/**
 * Mutation testing (npm run mutation, not part of npm test): StrykerJS makes small deliberate bugs in
 * src/ one at a time and runs the unit and snapshot tests against each; a bug the tests do not notice
 * "survives". scripts/mutation.ts runs it one folder of src/ at a time, each keeping its incremental
 * results in mutation/incremental/<folder>.json, so a re-run tests only mutants in changed code or
 * covered by changed tests.
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  mutate: [
    "src/**/*.ts",
    // Pages and components are Astro glue, checked by the build and browser tests.
    "!src/pages/**",
    "!src/components/**",
  ],
  ignorePatterns: ["dist", "dist-*", ".astro", "reports", "bench", "research", "screenshots", "mutation/*.html"],
  // Static mutants (code that runs once, when a module loads: table definitions, message texts)
  // would each need every test run afresh: hours on two cores. They are reported as ignored.
  ignoreStatic: true,
  incremental: true,
  // scripts/mutation.ts names the part it runs; the incremental results are its record of it.
  incrementalFile: partResults(process.env.MUTATION_PART ?? "all"),
  reporters: ["progress", "clear-text", "html"],
  htmlReporter: { fileName: `reports/mutation/${process.env.MUTATION_PART ?? "all"}.html` },
  // Two cores, shared: one test runner leaves the other core to everyone else.
  concurrency: 1,
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
