/** The series facts.csv may use; each becomes one small multiple. Adding one here adds a panel. */
export const factSeries = {
  "recognised-total": "People recognised as political prisoners since 2020",
  journalists: "Journalists and media workers behind bars",
  deaths: "Political prisoners who died in custody, running total",
  /** Single figures the prose cites; not drawn as a panel. */
  other: "Other figures cited in the text",
} as const;

export type FactSeries = keyof typeof factSeries;
export const factSeriesIds = Object.keys(factSeries) as FactSeries[];
