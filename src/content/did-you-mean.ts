import { closest, distance } from "fastest-levenshtein";

/**
 * "Did you mean …?" for a misspelt id, column, chart or attribute name.
 * Suggests only near misses (a third of the word's length), so a wild guess gets the full list instead.
 */
export function didYouMean(value: string, valid: readonly string[]): string | undefined {
  if (valid.length === 0 || value === "") return undefined;
  const best = closest(value, [...valid]);
  const limit = Math.max(2, Math.ceil(best.length / 3));
  return distance(value, best) <= limit ? best : undefined;
}

/** "Did you mean X? Valid: a, b, c." — the last sentences of most error messages. */
export function validChoices(value: string, valid: readonly string[], max = 12): string {
  if (valid.length === 0) return "There is nothing valid to choose from yet: add the row it should refer to first.";
  const guess = didYouMean(value, valid);
  const listed =
    valid.length > max ? `${valid.slice(0, max).join(", ")}, … (${valid.length} in all)` : valid.join(", ");
  return `${guess ? `Did you mean "${guess}"? ` : ""}Valid: ${listed}.`;
}
