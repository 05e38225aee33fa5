import { describe, expect, it } from "vitest";
import { Curve } from "../../src/charts/routes/curve.ts";

// A route is a quadratic Bézier curve: its way out along p0→p1, its way in along p1→p2.
describe("a route's curve", () => {
  const curve = new Curve([10, 20], [110, 20], [110, 70]);
  const close = (a: number[], b: number[]): void => {
    a.forEach((v, i) => {
      expect(v).toBeCloseTo(b[i]!, 9);
    });
  };

  it("heads along its first leg at the start and its last leg at the end, and between them in the middle", () => {
    close(curve.direction(0), [1, 0]);
    close(curve.direction(1), [0, 1]);
    // Halfway, the tangent is parallel to the chord p0→p2 (100, 50).
    close(curve.direction(0.5), [100 / Math.hypot(100, 50), 50 / Math.hypot(100, 50)]);
  });

  it("has no direction where it does not move, rather than a division by zero", () => {
    close(new Curve([5, 5], [5, 5], [5, 5]).direction(0.3), [0, 0]);
  });
});
