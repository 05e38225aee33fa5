import { defineConfig } from "vitest/config";

// The tests StrykerJS runs against each mutant (npm run mutation): the fast projects only. The
// build and browser tests need a full build per mutant, which would take days on two cores.
export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "snapshots", include: ["tests/snapshots/**/*.test.ts"] } },
    ],
  },
});
