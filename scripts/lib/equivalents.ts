/** A mutant that survives: the file, the mutator, the source text it replaced and its replacement. */
export interface Survivor {
  file: string;
  mutator: string;
  original: string;
  replacement: string;
}

/** A survivor judged equivalent, with the reason (mutation/equivalent.json). */
export interface Equivalent extends Survivor {
  reason: string;
}

/**
 * The entry that explains a survivor: same file, mutator, replaced text and replacement. Not the
 * line, so an entry still matches after code above it moves; one entry covers every identical
 * mutant in its file.
 */
export const explaining = (entries: readonly Equivalent[], s: Survivor): Equivalent | undefined =>
  entries.find(
    (e) => e.file === s.file && e.mutator === s.mutator && e.original === s.original && e.replacement === s.replacement,
  );

/** Entries no survivor matches any more: their code changed, or a test now kills the mutant. */
export const staleEntries = (entries: readonly Equivalent[], survivors: readonly Survivor[]): Equivalent[] =>
  entries.filter((e) => !survivors.some((s) => explaining([e], s)));
