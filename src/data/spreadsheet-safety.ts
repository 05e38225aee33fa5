/**
 * The CSV files in content/data/ are offered to readers as downloads, exactly as editors wrote
 * them. A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab, carriage return
 * or line feed) as a formula (OWASP, "CSV injection"): `=HYPERLINK(…)` becomes a live link and
 * `+cmd|…` can start a program. Rather than altering the downloads (OWASP's other remedy, a leading
 * apostrophe, would change the data a reader analyses), such cells are refused when content is
 * checked. A plain number such as `-12.5` is read as a number, not a formula, and is allowed.
 */
export function runsAsFormula(cell: string): boolean {
  return /^[=+\-@\t\r\n]/.test(cell) && !/^[-+]?\d+(\.\d+)?$/.test(cell);
}
