import { defineConfig } from "vitest/config";

// Four kinds of test, each with its own cost: unit and snapshots need no build; build and
// browser tests share one real build, made once by the build project's global setup into a folder
// of its own and served on a port the OS picks. Every run keeps its temp files in one folder,
// checked and removed at the end (tests/support/run-root.ts).
export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    globalSetup: ["tests/support/run-setup.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "snapshots", include: ["tests/snapshots/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
