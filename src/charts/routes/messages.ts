import { formatCount } from "../shared/format.ts";

/** Every word the routes map prints, in one place (English). */
export const routeMessages = {
  /** A route that ends at the border: the sources name the country, not a crossing. */
  into: (count: string, country: string) => `${count} into ${country}`,
  /** A route that ends at a place the step names, e.g. a capital. */
  to: (count: string, place: string) => `${count} to ${place}`,
  stayed: (count: number) => `${formatCount(count)} stayed in Belarus`,
  refused: (count: number) => `${formatCount(count)} refused to cross`,
  count: (count: number | null, partial: boolean) =>
    count === null ? "number not reported" : `${partial ? "at least " : ""}${formatCount(count)}`,
  /** Seas named where the frame shows them: [name, longitude, latitude] of the label. */
  seas: [["Baltic Sea", 19.9, 55.6]] as [string, number, number][],
};
