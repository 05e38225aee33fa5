import { join } from "node:path";

/**
 * The fixture story: a small content folder that uses every chart feature (periods published month
 * by month and as blocks, a missing period, counts that contradict each other, a break in the count
 * line, US deals and pardons, relief and contacts, counted and uncounted routes, every map extent,
 * the small multiples, every kind of number in prose). Engine tests run on it, so an editor's change
 * to content/ never turns them red. Its dates are all in the past, so it never ages.
 */
export const FIXTURE = join(import.meta.dirname, "..", "fixtures", "content");
