import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

export default defineConfig(
  {
    ignores: [
      "dist/",
      "dist-*/",
      ".astro/",
      "node_modules/",
      "tests/snapshots/__svg__/",
      "bench/results/",
      // StrykerJS's sandboxes (npm run mutation) and its reports.
      ".stryker-tmp/",
      "reports/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers are how we build SVG attributes and messages; they are safe.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // Non-null assertions are used after explicit lookups the type system cannot follow (Record index).
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: "readonly" } },
  },
);
