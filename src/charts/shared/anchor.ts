/** How an SVG label sits on its x: text-anchor's three values. */
export type Anchor = "start" | "middle" | "end";

/** Where a label of this width, anchored at x, begins: the left edge every placement check measures from. */
export function leftEdge(x: number, width: number, anchor: Anchor): number {
  return anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
}
