/// <reference types="astro/client" />
import { loadStory, type Story } from "../content/load.ts";

let cached: Story | undefined;

/** The story, loaded once per build; in dev, reloaded on each request so editors see their changes. */
export function getStory(): Story {
  if (import.meta.env.DEV || !cached) cached = loadStory();
  return cached;
}
