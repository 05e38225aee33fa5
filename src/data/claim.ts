/**
 * What a number in the text asserts: the kind of figure, which one, and its value. Prose bindings
 * produce claims, and so does every chart for the labels it draws, so the two can be compared.
 */
export interface Claim {
  /** The binding's name: held, recognised, freed, released … */
  kind: string;
  /** Its key in one canonical form: a date, a period `first..last`, or a release id. */
  key: string;
  value: number;
}
