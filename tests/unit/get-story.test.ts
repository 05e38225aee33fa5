import { afterEach, describe, expect, it, vi } from "vitest";

/** Each load of the story is a new object, so a test can tell a fresh load from the cached one. */
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/content/load.ts", () => ({
  loadStory: () => ({ load: ++loads.count }),
}));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  loads.count = 0;
});

describe("getStory", () => {
  it("loads the story once per build: every page of a build reads the same one", async () => {
    vi.stubEnv("DEV", false);
    const { getStory } = await import("../../src/story/story.ts");
    const first = getStory();
    expect(getStory()).toBe(first);
    expect(loads.count).toBe(1);
  });

  it("reloads it on each request in dev, so an editor sees a change on the next reload", async () => {
    vi.stubEnv("DEV", true);
    const { getStory } = await import("../../src/story/story.ts");
    const first = getStory();
    expect(getStory()).not.toBe(first);
    expect(loads.count).toBe(2);
  });
});
