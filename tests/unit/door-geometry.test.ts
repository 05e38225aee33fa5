import { describe, expect, it } from "vitest";
import { doorFrame, fitPitch, slotPoints } from "../../src/charts/door/geometry.ts";
import { sizes } from "../../src/render/scene.ts";

const fits = (pitch: number, capacity: number, w: number, h: number): boolean =>
  Math.floor(w / pitch) * Math.floor(h / pitch) >= capacity;

describe("the door's dot spacing", () => {
  it("is the largest, to a tenth, at which every slot fits the box; the search stops at 1", () => {
    const wrong: string[] = [];
    for (const capacity of [1, 2, 7, 99, 100, 101, 640, 1500, 1523, 4000])
      for (const [w, h] of [
        [100, 100],
        [355, 128],
        [600, 400],
        [37, 900],
      ] as const) {
        const pitch = fitPitch(capacity, w, h);
        const largest = pitch <= 1 || (fits(pitch, capacity, w, h) && !fits(pitch + 0.1, capacity, w, h));
        if (!largest || Math.round(pitch * 10) !== pitch * 10) wrong.push(`${capacity} in ${w}×${h}: ${pitch}`);
      }
    expect(wrong).toEqual([]);
    expect(fitPitch(101, 100, 100)).toBe(9);
    // Searching down from 1.1, it stops at 1 even where 1 does not fit (0.8 would): dots smaller
    // than a unit apart would be a smudge, not people.
    expect(fitPitch(11, 3.5, 3.5)).toBe(1);
  });
});

describe("the door's frame", () => {
  it.each(Object.entries(sizes))(
    "holds every slot inside, clear of the wall and the door, at the %s size",
    (_, size) => {
      for (const capacity of [100, 1523]) {
        const f = doorFrame(capacity, size);
        const slots = slotPoints(f, 0, capacity);
        expect(new Set(slots.map((p) => `${p.x},${p.y}`)).size).toBe(capacity);
        for (const p of slots) {
          expect(p.x - f.radius).toBeGreaterThanOrEqual(f.inside.x0);
          expect(p.x + f.radius).toBeLessThanOrEqual(f.inside.x1);
          expect(p.y - f.radius).toBeGreaterThanOrEqual(f.inside.y0);
          expect(p.y + f.radius).toBeLessThanOrEqual(f.inside.y1);
        }
        expect(f.door.y - f.door.r).toBeGreaterThan(f.inside.y0);
        expect(f.out.y1).toBeLessThanOrEqual(size.height);
        // The count's own line under the field is inside the picture too.
        expect(f.text.arrived.y).toBeLessThanOrEqual(size.height);
        expect(f.out.x1).toBeLessThanOrEqual(size.width);
      }
    },
  );

  it("is the phone's frame below 500 units wide, the wide one from 500", () => {
    expect(doorFrame(1000, { width: 499, height: 440 }).compact).toBe(true);
    expect(doorFrame(1000, { width: 500, height: 440 }).compact).toBe(false);
  });
});
