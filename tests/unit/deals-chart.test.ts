import { describe, expect, it } from "vitest";
import { dealsChart } from "../../src/charts/deals/index.ts";
import { sizes, type Mark } from "../../src/render/scene.ts";
import { concession, fixtureDataset, release } from "../support/dataset.ts";
import { textBoxes, textProblems } from "../support/text-boxes.ts";

const data = fixtureDataset();
const marks = (highlight: string, size: (typeof sizes)[keyof typeof sizes] = sizes.wide): Map<string, Mark> =>
  new Map(
    dealsChart
      .layout(data, dealsChart.state.parse({ highlight }), size)
      .layers.flatMap((l) => l.marks)
      .map((m) => [m.key, m]),
  );

describe("the deals chart", () => {
  it("draws every release on one fixed axis whichever release a step picks out", () => {
    const none = marks("none");
    const picked = marks("mar-deal");
    for (const r of data.releases) expect(picked.get(`rel-${r.id}`)?.attrs).toEqual(none.get(`rel-${r.id}`)?.attrs);
  });

  it("sizes releases by area and tells US-brokered releases from pardons by class", () => {
    const m = marks("none");
    const r = (id: string): number => Number(m.get(`rel-${id}`)?.attrs.r);
    expect((r("mar-deal") / r("feb-deal")) ** 2).toBeCloseTo(20 / 10, 1);
    expect([m.get("rel-feb-deal")?.attrs.class, m.get("rel-jan-pardon")?.attrs.class]).toEqual([
      "release us",
      "release",
    ]);
  });

  it("keeps relief and contacts apart: diamonds in one lane, open circles in another", () => {
    const m = marks("none");
    expect([m.get("con-feb-relief")?.tag, m.get("con-feb-relief")?.attrs.class]).toEqual(["path", "relief"]);
    expect([m.get("con-feb-call")?.tag, m.get("con-feb-call")?.attrs.class]).toEqual(["circle", "contact"]);
  });

  it("rings the picked-out release in ink, not a category colour, and lists what came with it under the axis", () => {
    const m = marks("feb-deal");
    expect(m.get("hl-ring")?.attrs).toMatchObject({ cx: m.get("rel-feb-deal")?.attrs.cx, class: "hl-ring" });
    const notes = [...m.values()].filter((x) => x.key.startsWith("hl-note-")).map((x) => x.text);
    expect(notes).toEqual([
      "20 Feb 2025: 10 freed, US-brokered",
      "Negotiated by US envoy",
      "○ A phone call (18 Feb)",
      "◆ US eases sanctions on X (20 Feb)",
    ]);
    expect(m.get("con-feb-relief")?.attrs.class).toBe("relief linked");
    expect(m.get("con-apr-visit")?.attrs.class).toBe("contact");
  });

  it("names in its legend only the kinds of mark the data has", () => {
    const legend = (dataset: typeof data) =>
      dealsChart.layout(dataset, dealsChart.state.parse({ highlight: "none" }), sizes.wide).legend;
    expect(legend(data)).toEqual(["released-us", "released", "concession", "contact"]);
    const usOnly = { ...data, releases: data.releases.filter((r) => r.us_brokered) };
    const reliefOnly = { ...usOnly, concessions: data.concessions.filter((c) => c.kind === "relief") };
    expect(legend(reliefOnly)).toEqual(["released-us", "concession"]);
    const pardonsOnly = { ...data, releases: data.releases.filter((r) => !r.us_brokered), concessions: [] };
    expect(legend(pardonsOnly)).toEqual(["released"]);
    const contactsOnly = { ...data, concessions: data.concessions.filter((c) => c.kind === "contact") };
    expect(legend(contactsOnly)).toEqual(["released-us", "released", "contact"]);
  });

  it("dates its axis by month, with the year on the first tick and on each January, its words clear of each other", () => {
    // Releases from the middle of 2024 to the middle of 2025, so the axis crosses a new year.
    const longer = {
      ...data,
      releases: [release("june-pardon", "2024-06-20", 3), ...data.releases, release("july-pardon", "2025-07-03", 2)],
    };
    for (const size of [sizes.wide, sizes.compact]) {
      const scene = dealsChart.layout(longer, dealsChart.state.parse({ highlight: "none" }), size);
      const ticks = scene.layers.flatMap((l) => l.marks).filter((m) => m.key.startsWith("x-"));
      const texts = ticks.map((t) => t.text!);
      expect(texts[0]).toMatch(/^[A-Z][a-z]{2} 2024$/);
      for (const text of texts.slice(1))
        expect(text).toMatch(text.startsWith("Jan") ? /^Jan 2025$/ : /^[A-Z][a-z]{2}$/);
      expect(texts).toContain("Jan 2025");
      expect(textProblems(scene)).toEqual([]);
      // A tick every quarter on a wide screen, every six months on a phone's shorter axis; 8 units apart at least.
      expect(texts).toEqual(
        size === sizes.wide ? ["Jul 2024", "Oct", "Jan 2025", "Apr", "Jul"] : ["Jul 2024", "Jan 2025", "Jul"],
      );
      const boxes = textBoxes(scene).filter((b) => b.key.startsWith("x-"));
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left - boxes[i - 1]!.right).toBeGreaterThanOrEqual(8);
    }
  });

  it("spaces its ticks out on a long axis so their words stay clear, and turns an end label inwards", () => {
    // Fifteen years of releases, the newest in early January: on a phone the ticks fall back to every
    // five years, and the last, Jan 2025, sits a unit or two from the axis's end.
    const fifteen = {
      ...data,
      held: [],
      recognitions: [],
      concessions: [],
      deportations: [],
      releases: [release("old-pardon", "2010-01-10", 3), release("new-pardon", "2025-01-05", 2)],
    };
    const scene = dealsChart.layout(fifteen, dealsChart.state.parse({ highlight: "none" }), sizes.compact);
    const ticks = scene.layers.flatMap((l) => l.marks).filter((m) => m.key.startsWith("x-"));
    expect(ticks.map((t) => [t.text, t.attrs["text-anchor"]])).toEqual([
      ["Jan 2010", "start"],
      ["Jan 2015", "middle"],
      ["Jan 2020", "middle"],
      ["Jan 2025", "end"],
    ]);
    expect([ticks[0]!.attrs.x, ticks.at(-1)!.attrs.x]).toEqual([12, 308]);
    expect(textProblems(scene)).toEqual([]);
    // On a wide screen the same axis has room for a tick every two years.
    const wide = dealsChart.layout(fifteen, dealsChart.state.parse({ highlight: "none" }), sizes.wide);
    const years = wide.layers.flatMap((l) => l.marks).filter((m) => m.key.startsWith("x-"));
    expect(years.map((t) => t.text)).toEqual([
      "Jan 2010",
      "Jan 2012",
      "Jan 2014",
      "Jan 2016",
      "Jan 2018",
      "Jan 2020",
      "Jan 2022",
      "Jan 2024",
    ]);
    expect(textProblems(wide)).toEqual([]);
  });

  it("keeps its tick labels 8 units apart on any span from a year to twenty, on a phone and a wide screen", () => {
    // Twenty years on a phone took ticks every ten years: five years' five labels ran into each other.
    for (let months = 12; months <= 240; months += 1) {
      const end = new Date(Date.UTC(2025, 0, 5));
      const start = new Date(Date.UTC(2025, -months, 5)).toISOString().slice(0, 10);
      const span = {
        ...data,
        held: [],
        recognitions: [],
        concessions: [],
        deportations: [],
        releases: [release("first", start, 3), release("last", end.toISOString().slice(0, 10), 2)],
      };
      for (const size of [sizes.compact, sizes.wide]) {
        const scene = dealsChart.layout(span, dealsChart.state.parse({ highlight: "none" }), size);
        const boxes = textBoxes(scene).filter((b) => b.key.startsWith("x-"));
        expect(boxes.length, `${months} months at ${size.width}`).toBeGreaterThan(1);
        for (let i = 1; i < boxes.length; i++)
          expect(boxes[i]!.left - boxes[i - 1]!.right, `${months} months at ${size.width}`).toBeGreaterThanOrEqual(8);
        // Each centred on its tick, unless that would cross the frame's edge: then flush with it.
        const [left, right] = size.width < 500 ? [12, size.width - 12] : [18, size.width - 18];
        const marks = new Map(scene.layers.flatMap((l) => l.marks).map((m) => [m.key, m]));
        for (const box of boxes) {
          const tick = Number(marks.get(`xg-${box.key.slice(2)}`)!.attrs.x1);
          const half = (box.right - box.left) / 2;
          // The tick's x is rounded to a tenth in the scene: a label that ends within that of an edge is left out.
          if (Math.abs(tick - half - left) < 0.2 || Math.abs(tick + half - right) < 0.2) continue;
          const where = tick - half < left ? "start" : tick + half > right ? "end" : "middle";
          expect(marks.get(box.key)!.attrs["text-anchor"], `${box.text} at ${size.width}`).toBe(where);
        }
      }
    }
  });

  it("ends notes too long for the space under the axis with a line saying how many more the table has", () => {
    const many = {
      ...data,
      concessions: Array.from({ length: 14 }, (_, i) =>
        concession(`c${i}`, "2025-02-18", "contact", "feb-deal", `Contact number ${i + 1}`),
      ),
    };
    for (const size of [sizes.compact, sizes.wide]) {
      const scene = dealsChart.layout(many, dealsChart.state.parse({ highlight: "feb-deal" }), size);
      const notes = scene.layers.flatMap((l) => l.marks).filter((m) => m.key.startsWith("hl-note-"));
      // Head, broker, 14 contacts: 16 lines, of which those that fit, the last saying what is left.
      const room = notes.length;
      expect(room).toBeLessThan(16);
      expect(notes.at(-1)!.text).toBe(`… and ${16 - room + 1} more lines in the data table`);
      expect([notes.at(-1)!.key, notes.at(-1)!.attrs.class]).toEqual(["hl-note-more", "hl-label soft"]);
      expect(notes.at(-2)!.text).toBe(`○ Contact number ${room - 3} (18 Feb)`);
      // The space is used to its end: one more line would leave the frame.
      const lastY = Number(notes.at(-1)!.attrs.y);
      expect(lastY).toBeLessThanOrEqual(size.height - 8);
      expect(lastY + 17).toBeGreaterThan(size.height - 8);
      expect(textProblems(scene)).toEqual([]);
      // Exactly as many lines as there is room for: all shown, no line saying more.
      const fitting = { ...many, concessions: many.concessions.slice(0, room - 2) };
      const all = dealsChart
        .layout(fitting, dealsChart.state.parse({ highlight: "feb-deal" }), size)
        .layers.flatMap((l) => l.marks)
        .filter((m) => m.key.startsWith("hl-note-"));
      expect(all.map((n) => n.text).at(-1)).toBe(`○ Contact number ${room - 2} (18 Feb)`);
      expect(all).toHaveLength(room);
    }
  });

  it("indents the continuation of a note that wraps", () => {
    const long = {
      ...data,
      concessions: [
        concession(
          "long",
          "2025-02-18",
          "relief",
          "feb-deal",
          "The Treasury lifts sanctions on the national airline and on the potash producer, and licenses spare parts",
        ),
      ],
    };
    const scene = dealsChart.layout(long, dealsChart.state.parse({ highlight: "feb-deal" }), sizes.compact);
    const notes = scene.layers
      .flatMap((l) => l.marks)
      .filter((m) => m.key.startsWith("hl-note-long-"))
      .map((m) => m.text!);
    expect(notes.length).toBeGreaterThan(1);
    expect(notes[0]).toMatch(/^◆ The Treasury/);
    for (const line of notes.slice(1)) expect(line).toMatch(/^ {2}\S/);
    // Wrapped to the frame's width: every line inside the chart.
    expect(textProblems(scene)).toEqual([]);
  });

  it("writes a draft naming every relief given with the release it picks out, none for a pardon", () => {
    const twice = {
      ...data,
      concessions: [...data.concessions, concession("feb-relief-2", "2025-02-21", "relief", "feb-deal", "US lifts Y")],
    };
    expect(dealsChart.draftAlt(twice, dealsChart.state.parse({ highlight: "feb-deal" }))).toMatch(
      /Picked out: the release of 20 Feb 2025, which freed :released\[feb-deal\], and with it: US eases sanctions on X; US lifts Y\.$/,
    );
    expect(dealsChart.draftAlt(data, dealsChart.state.parse({ highlight: "jan-pardon" }))).toMatch(
      /Picked out: the release of 15 Jan 2025, which freed :released\[jan-pardon\]\.$/,
    );
    // A pardon has no broker: its notes are its head alone.
    const notes = dealsChart
      .layout(data, dealsChart.state.parse({ highlight: "jan-pardon" }), sizes.wide)
      .layers.flatMap((l) => l.marks)
      .filter((m) => m.key.startsWith("hl-note-"));
    expect(notes.map((n) => n.key)).toEqual(["hl-note-head-0"]);
  });

  it("spans the newest row's month when there is no release yet", () => {
    const none = { ...data, releases: [], concessions: [] };
    expect(dealsChart.draftAlt(none, dealsChart.state.parse({ highlight: "none" }))).toMatch(
      /^Timeline from 1 May 2025 to 31 May 2025: /,
    );
  });

  it("claims only the release it picks out", () => {
    expect(dealsChart.claims(data, dealsChart.state.parse({ highlight: "feb-deal" }))).toEqual([
      { kind: "released", key: "feb-deal", value: 10 },
    ]);
    expect(dealsChart.claims(data, dealsChart.state.parse({}))).toEqual([]);
  });

  it("refuses a release that is not in the data, with a did-you-mean", () => {
    const [problem] = dealsChart.check(dealsChart.state.parse({ highlight: "feb-dael" }), data);
    expect(problem?.fix).toContain('Did you mean "feb-deal"?');
  });
});
