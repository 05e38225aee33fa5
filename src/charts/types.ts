import type { z } from "zod";
import type { Claim } from "../data/claim.ts";
import type { Dataset, AnyRow } from "../data/load.ts";
import type { Scene, Size } from "../render/scene.ts";

/** A problem with one field of a step's state, found by checking it against the data. */
export interface StateProblem {
  field: string;
  value: string;
  problem: string;
  fix: string;
}

/** A table a screen-reader user (or anyone) can read instead of the chart. */
export interface DataTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/**
 * A chart: what a step may ask of it (state), how a state becomes marks (layout), and the rows
 * behind it (sources). Only layout output reaches the DOM, through the shared render().
 */
export interface ChartModule<State extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  /** Parses a step's attributes (strings) into a complete state, filling defaults. */
  state: z.ZodType<State>;
  /** One line per state field, for errors and the editors' guide. */
  fields: Record<keyof State & string, string>;
  /** Cross-checks a parsed state against the data (ids exist, dates in range). */
  check(state: State, data: Dataset): StateProblem[];
  layout(data: Dataset, state: State, size: Size): Scene;
  /**
   * The kinds of bound number (binding names, e.g. "held") that belong to this chart: a step's
   * prose may print one only if the step's state labels the same figure.
   */
  claimKinds: readonly string[];
  /** The figures a state labels, as claims; the layout draws exactly these labels. */
  claims(data: Dataset, state: State): Claim[];
  /**
   * A draft text alternative for a state, written from the data with number directives
   * (`:held[…]`) so that an editor can paste it into a step and keep every number bound.
   */
  draftAlt(data: Dataset, state: State): string;
  /** The data rows the chart draws, whose sources it must show. */
  rows(data: Dataset): AnyRow[];
  table(data: Dataset): DataTable[];
  /** The CSV files in content/data/ behind the chart, offered for download as they are. */
  dataFiles: string[];
  /** Legend entries: a swatch class (styled in chart.css) and its label. */
  legend: { swatch: string; label: string }[];
}
