/**
 * Puts `body` between `<!-- name:start -->` and `<!-- name:end -->` in a README, for the scripts
 * that write their results there (bench, bench:door, mutation). The body is inserted as written: a
 * replacer function, because a string replacement would read `$'`, `$&` or `$1` in it (a mutant's
 * code can contain them) as patterns and copy parts of the README into itself.
 */
export function replaceSection(readme: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`README.md has no ${start} … ${end} markers to write between.`);
  return `${readme.slice(0, from)}${start}\n${body}\n${end}${readme.slice(to + end.length)}`;
}
