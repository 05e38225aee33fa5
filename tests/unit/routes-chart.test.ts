import { describe, expect, it } from "vitest";
import { Curve } from "../../src/charts/routes/curve.ts";
import { routesChart } from "../../src/charts/routes/index.ts";
import type { Dataset } from "../../src/data/load.ts";
import { sizes, type Mark, type SizeName } from "../../src/render/scene.ts";
import { fixtureDataset } from "../support/dataset.ts";
import { textBoxes, textProblems } from "../support/text-boxes.ts";

/**
 * The routes map on the hand-made dataset, with two rows added: 3 of February's freed stayed in
 * Belarus, and March's release took people to Lithuania in a number not reported. So Lithuania's
 * route over all releases is "at least 10", and the widest route in the data is 10.
 */
function withRoutes(): Dataset {
  const data = fixtureDataset();
  const row = data.deportations[0]!;
  data.deportations.push({ ...row, place: "belarus", count: 3 }, { ...row, release_id: "mar-deal", count: null });
  data.places.push({ ...data.places[1]!, id: "vilnius", name: "Vilnius" });
  return data;
}
const data = withRoutes();
const marks = (state: Record<string, string>, size: SizeName = "wide"): Map<string, Mark> => {
  const scene = routesChart.layout(data, routesChart.state.parse(state), sizes[size]);
  expect(textProblems(scene)).toEqual([]);
  return new Map(scene.layers.flatMap((l) => l.marks).map((m) => [m.key, m]));
};
const words = (m: Map<string, Mark>) =>
  [...m.values()].filter((x) => x.key.startsWith("label-") || x.key === "origin-label").map((x) => x.text);
/** The last point of a path's data. */
const end = (d: unknown): number[] =>
  String(d)
    .match(/-?[\d.]+/g)!
    .slice(-2)
    .map(Number);

describe("the routes map", () => {
  it("claims the counts it labels, and none for a route whose number is not reported", () => {
    expect(routesChart.claims(data, routesChart.state.parse({ release: "feb-deal" }))).toEqual([
      { kind: "taken", key: "feb-deal/lithuania", value: 10 },
      { kind: "taken", key: "feb-deal/belarus", value: 3 },
    ]);
    expect(routesChart.claims(data, routesChart.state.parse({ release: "mar-deal" }))).toEqual([]);
  });

  it("starts every route at Minsk wherever it stands in places.csv, and frames a far destination", () => {
    // A route to Berlin (13.4° E), far beyond Belarus's outline; then the same with Lithuania listed first.
    const far = withRoutes();
    far.places.push({ ...far.places[1]!, id: "germany", name: "Germany", lon: 13.4, lat: 52.52 });
    far.deportations.push({ ...far.deportations[0]!, place: "germany", count: 2 });
    const reordered = { ...far, places: [far.places[1]!, far.places[0]!, ...far.places.slice(2)] };
    const start = (d: unknown): number[] =>
      String(d)
        .match(/^M(-?[\d.]+),(-?[\d.]+)/)!
        .slice(1)
        .map(Number);
    for (const size of ["wide", "compact"] as const) {
      const at = (dataset: Dataset, state: Record<string, string>) =>
        new Map(
          routesChart
            .layout(dataset, routesChart.state.parse(state), sizes[size])
            .layers.flatMap((l) => l.marks)
            .map((x) => [x.key, x]),
        );
      const [m, again] = [at(far, { release: "feb-deal" }), at(reordered, { release: "feb-deal" })];
      const origin = [Number(m.get("origin")!.attrs.cx), Number(m.get("origin")!.attrs.cy)];
      expect([again.get("origin")!.attrs.cx, again.get("origin")!.attrs.cy].map(Number)).toEqual(origin);
      for (const id of ["lithuania", "germany"]) expect(start(again.get(`route-${id}`)!.attrs.d), id).toEqual(origin);
      // Named, the route runs on to Berlin, and the map's frame holds it inside its margin.
      const dot = at(far, { release: "feb-deal", city: "germany" }).get("city-germany")!;
      expect(Number(dot.attrs.cx)).toBeGreaterThanOrEqual(15);
      expect(Number(dot.attrs.cx)).toBeLessThanOrEqual(sizes[size].width - 15);
    }
  });

  it("over every release: a route into each country, its width the count, 'at least' where one is not reported", () => {
    const m = marks({ release: "all" });
    expect(words(m)).toEqual(["at least 10 into Lithuania", "3 stayed in Belarus", "Minsk"]);
    // The widest route in the data is 16 units wide; Lithuania's is it.
    expect(m.get("route-lithuania")?.attrs).toMatchObject({ class: "route", "stroke-width": 16 });
    // Those who stayed: a circle at Minsk whose area is their share (at least 7 units across).
    expect(m.get("stayed")?.attrs.r).toBeCloseTo(Math.sqrt(3 / 10) * 16, 1);
    // Its label under it, clear of it.
    const circle = m.get("stayed")!.attrs;
    const [stayedLabel, minsk] = textBoxes({
      width: 0,
      height: 0,
      layers: [{ id: "l", marks: [m.get("label-stayed")!, m.get("origin-label")!] }],
    });
    expect(stayedLabel!.top).toBeGreaterThan(Number(circle.cy) + Number(circle.r));
    // Minsk's label keeps clear of the circle.
    const [cx, cy, r] = [Number(circle.cx), Number(circle.cy), Number(circle.r)];
    expect(minsk!.left > cx + r || minsk!.right < cx - r || minsk!.top > cy + r || minsk!.bottom < cy - r).toBe(true);
  });

  it("one release: its own counts; a route of a number not reported is drawn thin and says so", () => {
    expect(words(marks({ release: "feb-deal" }))).toEqual(["10 into Lithuania", "3 stayed in Belarus", "Minsk"]);
    const unknown = marks({ release: "mar-deal" });
    expect(words(unknown)).toEqual(["number not reported into Lithuania", "Minsk"]);
    expect(unknown.get("route-lithuania")?.attrs).toMatchObject({ class: "route unknown", "stroke-width": 2 });
    expect(unknown.has("stayed")).toBe(false);
  });

  it("names the place the text names: the route runs on to it and ends in a dot, not an arrow", () => {
    const m = marks({ release: "feb-deal", city: "vilnius" });
    expect(words(m)[0]).toBe("10 to Vilnius");
    expect(m.has("arrow-lithuania")).toBe(false);
    const dot = m.get("city-vilnius")!;
    expect(end(m.get("route-lithuania")!.attrs.d)).toEqual([dot.attrs.cx, dot.attrs.cy]);
    // Without it, the route stops just past the border, shorter than the way to the city.
    const plain = marks({ release: "feb-deal" });
    const [ox, oy] = [Number(plain.get("origin")!.attrs.cx), Number(plain.get("origin")!.attrs.cy)];
    const reach = (d: unknown) => Math.hypot(end(d)[0]! - ox, end(d)[1]! - oy);
    expect(reach(plain.get("route-lithuania")!.attrs.d)).toBeLessThan(reach(m.get("route-lithuania")!.attrs.d));
  });

  for (const size of ["wide", "compact"] as const)
    it(`at the ${size} size, draws those who refused to cross beside the others' route, stopped at the border with a bar`, () => {
      const m = marks({ release: "feb-deal", refused: "lithuania" }, size);
      expect(words(m)).toEqual(["10 into Lithuania", "3 refused to cross", "Minsk"]);
      expect(m.has("stayed")).toBe(false);
      const refused = m.get("refused")!;
      expect(refused.attrs.class).toBe("route refused");
      expect(refused.attrs["stroke-width"]).toBeCloseTo((3 / 10) * (size === "wide" ? 16 : 12), 1);
      // It stops where the route into Lithuania does (just past the border), beside it, not on it.
      const [rx, ry] = end(refused.attrs.d);
      const [lx, ly] = end(m.get("route-lithuania")!.attrs.d);
      const apart = Math.hypot(rx! - lx!, ry! - ly!);
      const routeWidth = Number(m.get("route-lithuania")!.attrs["stroke-width"]);
      expect(apart).toBeGreaterThan(routeWidth / 2);
      expect(apart).toBeLessThan(routeWidth + 20);
      // The bar across its end is 16 units long, centred on the end.
      const bar = String(m.get("refused-bar")!.attrs.d)
        .match(/-?[\d.]+/g)!
        .map(Number);
      expect(Math.hypot(bar[2]! - bar[0]!, bar[3]! - bar[1]!)).toBeCloseTo(16, 0);
      expect((bar[0]! + bar[2]!) / 2).toBeCloseTo(rx!, 0);
      expect((bar[1]! + bar[3]!) / 2).toBeCloseTo(ry!, 0);
      // Its label on the far side of it from the others' route: further from that route's line than it.
      const [ox, oy] = [Number(m.get("origin")!.attrs.cx), Number(m.get("origin")!.attrs.cy)];
      const side = (x: number, y: number) =>
        ((lx! - ox) * (y - oy) - (ly! - oy) * (x - ox)) / Math.hypot(lx! - ox, ly! - oy);
      const label = m.get("label-refused")!;
      const box = textBoxes({ width: 0, height: 0, layers: [{ id: "l", marks: [label] }] })[0]!;
      const labelSide = side((box.left + box.right) / 2, (box.top + box.bottom) / 2);
      expect(Math.sign(labelSide)).toBe(Math.sign(side(rx!, ry!)));
      expect(Math.abs(labelSide)).toBeGreaterThan(Math.abs(side(rx!, ry!)));
    });
});

describe("the routes map's words, whichever way its route runs", () => {
  /** One route from Minsk, to a place 4° away in a given direction, and a number who stayed. */
  const oneRoute = (degrees: number, stayed: number): Dataset => {
    const data = fixtureDataset();
    const [minsk, dest] = [data.places[0]!, data.places[1]!];
    const turn = (degrees * Math.PI) / 180;
    data.places = [
      minsk,
      {
        ...dest,
        id: "far",
        name: "Far",
        lon: minsk.lon + (4 * Math.cos(turn)) / 0.6,
        lat: minsk.lat + 4 * Math.sin(turn),
      },
    ];
    const row = data.deportations[0]!;
    data.deportations = [{ ...row, place: "far" }, ...(stayed ? [{ ...row, place: "belarus", count: stayed }] : [])];
    return data;
  };
  /** Whether a text box comes inside a circle. */
  const onCircle = (b: { left: number; right: number; top: number; bottom: number }, m: Mark): boolean => {
    const [cx, cy, r] = ["cx", "cy", "r"].map((k) => Number(m.attrs[k])) as [number, number, number];
    const nx = Math.max(b.left, Math.min(cx, b.right));
    const ny = Math.max(b.top, Math.min(cy, b.bottom));
    return Math.hypot(nx - cx, ny - cy) < r;
  };

  it("set the label of those who refused square beside their line on the far side, where a wide map has room", () => {
    // The angle between the far side's perpendicular at the label's point (0.6 of the way) and the
    // way from that point to the label's anchor. Spots come in steps of 45°, so the nearest is at most
    // 22.5° off square; the anchor is not quite the spot's centre, so 40° is allowed.
    const angle = (degrees: number): number => {
      const scene = routesChart.layout(
        oneRoute(degrees, 3),
        routesChart.state.parse({ release: "feb-deal", refused: "far" }),
        sizes.wide,
      );
      const all = new Map(scene.layers.flatMap((l) => l.marks).map((m) => [m.key, m]));
      // The refused line as drawn ("M p0 Q p1 p2"), read back into the curve the map uses.
      const [ax, ay, bx, by, ex, ey] = String(all.get("refused")!.attrs.d)
        .match(/-?[\d.]+/g)!
        .map(Number) as [number, number, number, number, number, number];
      const line = new Curve([ax, ay], [bx, by], [ex, ey]);
      const [px, py] = line.at(0.6);
      const [tx, ty] = line.direction(0.6);
      const label = all.get("label-refused")!;
      // The spot's height is the text's middle, 0.35 of its size over the baseline.
      const [vx, vy] = [Number(label.attrs.x) - px, Number(label.attrs.y) - 0.35 * 14 - py];
      return (Math.acos((-ty * vx + tx * vy) / Math.hypot(vx, vy)) * 180) / Math.PI;
    };
    for (let degrees = 0; degrees < 360; degrees += 15) expect(angle(degrees), `${degrees}°`).toBeLessThan(40);
    // North-east: the spot level with the point is clear too, but the diagonal is squarer to the line.
    expect(angle(45)).toBeLessThan(25);
  });

  it("keep every name and label off the circle of those who stayed, and off Minsk's dot, whichever way the route runs", () => {
    for (let degrees = 0; degrees < 360; degrees += 15)
      for (const stayed of [0, 30])
        for (const size of ["wide", "compact"] as const) {
          const scene = routesChart.layout(
            oneRoute(degrees, stayed),
            routesChart.state.parse({ release: "feb-deal" }),
            sizes[size],
          );
          const all = scene.layers.flatMap((l) => l.marks);
          const circle = all.find((m) => m.key === (stayed ? "stayed" : "origin"))!;
          for (const b of textBoxes(scene))
            expect(onCircle(b, circle), `${b.text} at ${degrees}°, ${size}`).toBe(false);
        }
  });
});
