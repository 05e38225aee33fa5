import { describe, expect, it, vi } from "vitest";
import { loadStory } from "../../src/content/load.ts";
import { FIXTURE } from "../support/fixture.ts";

// A folder lists its files in whatever order its file system keeps them (ext4: by a hash of the
// name), so here every listing comes back last name first: the story must not depend on it.
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  const list = fs.readdirSync as (...args: unknown[]) => unknown[];
  const readdirSync = ((...args: unknown[]) => {
    const names = list(...args);
    return names.every((n) => typeof n === "string") ? names.sort().reverse() : names;
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

describe("the order of the sections", () => {
  it("is the order of their file names, whatever order the folder lists them in", () => {
    expect(loadStory(FIXTURE).sections.map((s) => s.id)).toEqual([
      "intro",
      "the-door",
      "in-and-out",
      "deals",
      "routes",
      "multiples",
      "method",
    ]);
  });
});
