import { describe, expect, it } from "vitest";
import { prisonersChart } from "../../src/charts/prisoners/index.ts";
import { axisPeriods } from "../../src/charts/prisoners/axis.ts";
import type { Dataset } from "../../src/data/load.ts";
import { monthEnd, periodKey } from "../../src/data/periods.ts";
import { sizes } from "../../src/render/scene.ts";
import { fixtureDataset, held, recognised } from "../support/dataset.ts";
import { textBoxes, textProblems } from "../support/text-boxes.ts";

// Every state a step could ask of a chart, not only those the fixture's steps use: the labels of
// each stay inside the chart and clear of each other, measured with the story's typeface.
const data = fixtureDataset();

describe("the prisoners chart's labels, in every state a step can ask for", () => {
  const periods = axisPeriods(data).map((p) => periodKey([p.start, p.end]));
  const spans = periods.flatMap((a, i) => periods.slice(i).map((b) => `${a.split("..")[0]}..${b.split("..").at(-1)}`));
  const focuses = ["none", "latest", ...spans];
  const helds = ["none", "peak,latest", ...data.held.map((h) => h.date)];

  it.each(Object.entries(sizes))("at the %s size", (_, size) => {
    const problems: string[] = [];
    for (const focus of focuses)
      for (const held of helds) {
        const state = prisonersChart.state.parse({ focus, held });
        if (prisonersChart.check(state, data).length > 0) continue;
        for (const p of textProblems(prisonersChart.layout(data, state, size)))
          problems.push(`${focus} / ${held}: ${p}`);
      }
    expect(problems).toEqual([]);
    expect(focuses.length * helds.length).toBeGreaterThan(20);
  });
});

describe("the prisoners chart's count labels, when many are asked for at once", () => {
  // A year of counts that zigzag month by month, so a label under or over its dot often meets the
  // line, the label before it or the focus callout, and each of the placement's fallbacks gets used.
  // (Every month at once is more than the wide chart can hold to these rules.)
  const zigzag = [160, 90, 150, 95, 140, 92, 138, 97, 125, 60, 45, 30];
  const months = zigzag.map((_, i) => monthEnd(`2025-${String(i + 1).padStart(2, "0")}`));
  const busy: Dataset = {
    ...data,
    held: [held("2024-12-31", 100), ...months.map((date, i) => held(date, zigzag[i]!))],
    recognitions: months.map((end) => recognised(`${end.slice(0, 7)}-01`, end, 10)),
  };
  const asked = {
    "every other month": months.filter((_, i) => i % 2 === 0),
    "every third month": months.filter((_, i) => i % 3 === 0),
  };
  // No focus; a focus on the right (its callout right-aligned); one on the left.
  const focuses = ["none", "2025-12", "2025-01..2025-02"];
  const cases = Object.entries(asked).flatMap(([name, dates]) => focuses.map((focus) => [name, focus, dates] as const));

  it.each(cases)(
    "%s, focus %s: each at its own dot, clear of the line, of each other and of the callout",
    (_, focus, dates) => {
      const scene = prisonersChart.layout(
        busy,
        prisonersChart.state.parse({ focus, held: dates.join(",") }),
        sizes.wide,
      );
      expect(textProblems(scene)).toEqual([]);
      const dots = scene.layers
        .flatMap((l) => l.marks)
        .filter((m) => m.tag === "circle" && m.key.startsWith("held-"))
        .map((m) => ({ date: m.key.slice("held-".length), x: Number(m.attrs.cx), y: Number(m.attrs.cy) }));
      const boxes = textBoxes(scene);
      const labels = boxes.filter((b) => b.key.startsWith("held-label-"));
      // The callout already gives the counts at either end of the focus.
      expect(labels.length).toBeGreaterThanOrEqual(dates.length - 2);
      for (const box of labels) {
        const own = dots.find((d) => box.key.endsWith(d.date))!;
        // Centred on its dot, or turned inwards near an edge: starting 4 px before it, or ending 4 px
        // after it (or at the frame's edge, when that comes first).
        const centred = Math.abs((box.left + box.right) / 2 - own.x) < 0.6;
        const starts = Math.abs(box.left + 4 - own.x) < 0.6;
        const ends = Math.abs(box.right - 4 - own.x) < 0.6 || (box.right >= own.x && box.right < own.x + 4);
        expect(centred || starts || ends, `${box.text} at ${box.left}–${box.right}, its dot at ${own.x}`).toBe(true);
        // Over or under its dot, at most three lines away.
        expect(Math.min(Math.abs(own.y - box.top), Math.abs(own.y - box.bottom)), box.text).toBeLessThanOrEqual(41);
        // No dot of the line under the text.
        for (const d of dots)
          expect(
            d.x > box.left - 2 && d.x < box.right + 2 && d.y > box.top - 2 && d.y < box.bottom + 2,
            `${box.text} over ${d.date}`,
          ).toBe(false);
        // Clear of every other label in the held panel, the title and the callout: 6 px apart, or a line.
        for (const other of boxes.filter((b) => b !== box && b.bottom <= box.bottom + 60 && b.top >= box.top - 60))
          expect(
            other.right + 6 <= box.left + 0.6 ||
              box.right + 6 <= other.left + 0.6 ||
              Math.abs(other.bottom - box.bottom) >= 16.9,
            `${box.text} beside ${other.text}`,
          ).toBe(true);
      }
    },
  );
});
