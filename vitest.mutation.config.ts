import { defineConfig } from "vitest/config";

// The tests StrykerJS runs against each mutant (npm run mutation): the fast projects only. The
// build and browser tests need a full build per mutant, which would take days on two cores. Tests
// that read the real content/ are left out too: an oracle for a mutant must not move when an
// editor changes the story (the engine's own tests run on tests/fixtures/content).
export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // The one unit test on the real content/: it follows EDITING.md's examples, which promise
          // editors that they work on the story as it is.
          exclude: ["tests/unit/editing-guide.test.ts"],
        },
      },
      { extends: true, test: { name: "snapshots", include: ["tests/snapshots/**/*.test.ts"] } },
    ],
  },
});
