/** How an SVG label sits on its x: text-anchor's three values. */
export type Anchor = "start" | "middle" | "end";

/** Where a label of this width, anchored at x, begins: the left edge every placement check measures from. */
export function leftEdge(x: number, width: number, anchor: Anchor): number {
  return anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
}

/**
 * How a label of this width sits at x between left and right: centred where it fits, else from the
 * edge it would cross (the left one first, for a label wider than the room).
 */
export function anchorWithin(x: number, width: number, left: number, right: number): Anchor {
  return x - width / 2 < left ? "start" : x + width / 2 > right ? "end" : "middle";
}
