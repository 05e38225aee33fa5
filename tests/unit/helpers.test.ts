import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { chartIds, charts } from "../../src/charts/registry.ts";
import { leftEdge } from "../../src/charts/shared/anchor.ts";
import { DAY, formatDay, parseDay } from "../../src/charts/shared/dates.ts";
import { formatCount } from "../../src/charts/shared/format.ts";
import { loadStory, type Story } from "../../src/content/load.ts";
import { latestDate } from "../../src/data/latest.ts";
import { monthEnd, parsePeriod, periodKey, PERIOD_FORMS, releasesKey } from "../../src/data/periods.ts";
import { smallMultiples } from "../../src/figures/multiples.ts";
import { textWidth, wrapText } from "../../src/render/fonts.ts";
import { round, sizes } from "../../src/render/scene.ts";
import { sceneToSvg } from "../../src/render/server.ts";
import { FIXTURE } from "../support/fixture.ts";

/** Loaded in the test that needs it, not once for the file: a mutant is switched on per test (npm run mutation). */
const fixtureData = (): Story["data"] => loadStory(FIXTURE).data;

describe("dates", () => {
  it("read YYYY-MM-DD and YYYY-MM (its first day) as UTC days, and print them as a newsroom does", () => {
    expect(parseDay("2025-09-11").toISOString()).toBe("2025-09-11T00:00:00.000Z");
    expect(parseDay("2025-09").toISOString()).toBe("2025-09-01T00:00:00.000Z");
    expect(formatDay(parseDay("2025-09-01"))).toBe("1 Sep 2025");
    expect(DAY).toBe(86_400_000);
  });

  it("know each month's last day", () => {
    expect(["2024-02", "2025-02", "2025-04", "2025-12"].map(monthEnd)).toEqual([
      "2024-02-29",
      "2025-02-28",
      "2025-04-30",
      "2025-12-31",
    ]);
  });
});

describe("periods, as editors write them", () => {
  it("end a sum over releases at the newest release, and at their own end when there are none", () => {
    const releases = [{ date: "2025-02-10" }, { date: "2025-03-10" }];
    expect(releasesKey(["2025-01-01", "2025-12-31"], releases)).toBe("2025-01-01..2025-03-10");
    expect(releasesKey(["2025-01-01", "2025-02-28"], releases)).toBe("2025-01-01..2025-02-28");
    expect(releasesKey(["2025-01-01", "2025-02-28"], [])).toBe("2025-01-01..2025-02-28");
  });

  it("are a year, a month, a day, or a range of them, from the first day of the first to the last of the last", () => {
    expect(parsePeriod("2025")).toEqual(["2025-01-01", "2025-12-31"]);
    expect(parsePeriod("2025-09")).toEqual(["2025-09-01", "2025-09-30"]);
    expect(parsePeriod("2025-09-11")).toEqual(["2025-09-11", "2025-09-11"]);
    expect(parsePeriod("2024-07..2024-12")).toEqual(["2024-07-01", "2024-12-31"]);
    expect(parsePeriod("2025-01-01 .. 2025-12-23")).toEqual(["2025-01-01", "2025-12-23"]);
    expect(parsePeriod("2024..2025-02")).toEqual(["2024-01-01", "2025-02-28"]);
  });

  it("refuse anything else, and a range that runs backwards", () => {
    for (const bad of [
      "2025-13",
      "2025-02-30",
      "2025..2026..2027",
      "2025-12..2025-01",
      "late 2025",
      "",
      "25",
      "x2025-09",
      "2025-09x",
      "x2025-09-11",
      "2025-9-11",
      "2025..soon",
      "soon..2025",
    ])
      expect(parsePeriod(bad), bad).toBeUndefined();
    expect(parsePeriod("2025-09-11..2025-09-11")).toEqual(["2025-09-11", "2025-09-11"]);
    expect(PERIOD_FORMS).toContain("2024-07..2024-12");
  });

  it("have one key, so 2025-09 and 2025-09-01..2025-09-30 are the same claim", () => {
    expect(periodKey(parsePeriod("2025-09")!)).toBe("2025-09-01..2025-09-30");
    expect(periodKey(parsePeriod("2025-09-01..2025-09-30")!)).toBe("2025-09-01..2025-09-30");
    expect(periodKey(["2025-09-11", "2025-09-11"])).toBe("2025-09-11");
  });
});

describe("formatting and measuring", () => {
  it("prints counts with thousands separators", () => {
    expect([0, 999, 1184, 1234567].map(formatCount)).toEqual(["0", "999", "1,184", "1,234,567"]);
  });

  it("measures text in the story's typeface: wider for longer, larger or bolder text, and for letter spacing", () => {
    expect(textWidth("", 12)).toBe(0);
    expect(textWidth("il", 12)).toBeLessThan(textWidth("MW", 12));
    expect(textWidth("Freed", 24)).toBeCloseTo(2 * textWidth("Freed", 12), 6);
    expect(textWidth("Freed", 12, 700)).toBeGreaterThan(textWidth("Freed", 12, 400));
    expect(textWidth("Freed", 12, 400, 0.1)).toBeCloseTo(textWidth("Freed", 12) + 5 * 0.1 * 12, 6);
    expect(textWidth("Вільнюс", 12)).toBeGreaterThan(0);
    // A character the typeface lacks counts as 0.6 em.
    expect(textWidth("中", 10)).toBeCloseTo(6, 6);
    // So does one in a file's range that the file has no glyph for (DEL, U+007F, in Latin's range).
    expect(textWidth("\u007f", 10)).toBeCloseTo(6, 6);
  });

  it("finds where a label begins from its anchor: at x, half its width before, or its whole width before", () => {
    expect(["start", "middle", "end"].map((a) => leftEdge(100, 30, a as "start" | "middle" | "end"))).toEqual([
      100, 85, 70,
    ]);
  });

  it("wraps text at spaces into lines that fit, keeping a word wider than the line on its own", () => {
    const lines = wrapText("Prisoners freed in deals with the United States", 120, 14);
    expect(lines.join(" ")).toBe("Prisoners freed in deals with the United States");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 14), line).toBeLessThanOrEqual(120);
    expect(wrapText("Supercalifragilistic word", 20, 14)).toEqual(["Supercalifragilistic", "word"]);
    expect(wrapText("  two   spaces ", 500, 14)).toEqual(["two spaces"]);
    expect(wrapText("", 100, 14)).toEqual([]);
    // A line exactly as wide as the space fits in it.
    expect(wrapText("Freed in deals", textWidth("Freed in deals", 14), 14)).toEqual(["Freed in deals"]);
  });

  it("rounds coordinates to a tenth", () => {
    expect([round(1.26), round(1.24), round(-3.05), round(7)]).toEqual([1.3, 1.2, -3, 7]);
    expect(Object.keys(sizes)).toEqual(["compact", "wide"]);
    expect(sizes.compact.width).toBeLessThan(sizes.wide.width);
  });
});

describe("server-rendered SVG", () => {
  it("is an image with the chart's title as its name and the state's text alternative as its description", () => {
    const svg = sceneToSvg(
      {
        width: 10,
        height: 20,
        layers: [{ id: "l", marks: [{ key: "k", tag: "text", attrs: { x: 1 }, text: "A & <b>" }] }],
      },
      { title: "T & t", desc: "D < d", className: "chart-svg" },
    );
    const doc = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
    const root = doc.querySelector("svg")!;
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("role")).toBe("img");
    expect(root.getAttribute("class")).toBe("chart-svg");
    expect(root.getAttribute("viewBox")).toBe("0 0 10 20");
    expect(root.firstElementChild?.tagName.toLowerCase()).toBe("title");
    expect(root.querySelector("title")?.textContent).toBe("T & t");
    expect(root.querySelector("desc")?.textContent).toBe("D < d");
    expect(root.querySelector('[data-key="k"]')?.textContent).toBe("A & <b>");
    expect(sceneToSvg({ width: 1, height: 1, layers: [] }, { title: "t", desc: "d" })).not.toContain("class=");
  });
});

describe("the small multiples", () => {
  it("draw one panel per series with rows, each described in words from its rows, first to last", () => {
    const multiples = smallMultiples(fixtureData());
    expect(multiples.map((m) => m.series)).toEqual(["recognised-total", "journalists", "deaths"]);
    expect(multiples.map((m) => m.alt)).toEqual([
      "People recognised as political prisoners since 2020: 1,200 on 31 Jan 2025; 1,250 on 30 Apr 2025.",
      "Journalists and media workers behind bars: 30 on 31 Jan 2025; 28 on 31 May 2025.",
      "Political prisoners who died in custody, running total: 6 on 28 Feb 2025.",
    ]);
    expect(multiples[0]!.title).toBe("People recognised as political prisoners since 2020");
  });

  it("are SVGs hidden from assistive technology (the panel's alt text speaks for them), labelled with the last value", () => {
    const multiples = smallMultiples(fixtureData());
    for (const m of multiples) {
      const svg = parseHTML(`<!doctype html><html><body>${m.svg}</body></html>`).document.querySelector("svg")!;
      expect(svg.getAttribute("aria-hidden")).toBe("true");
      expect(svg.getAttribute("width")).toBe("300");
      expect(svg.getAttribute("height")).toBe("170");
      expect(svg.textContent).toContain(m.rows.at(-1)!.value.toLocaleString("en-GB"));
    }
  });

  it("leave out a series with no rows", () => {
    const data = fixtureData();
    const facts = data.facts.filter((f) => f.series !== "deaths");
    expect(smallMultiples({ ...data, facts }).map((m) => m.series)).toEqual(["recognised-total", "journalists"]);
  });
});

describe("the data's reach and the chart registry", () => {
  it("ends the time axes at the newest date of any dated table", () => {
    const data = {
      held: [{ date: "2025-01-01" }],
      releases: [{ date: "2025-03-01" }],
      recognitions: [{ period_end: "2025-02-01" }],
      concessions: [],
    };
    expect(latestDate(data as never)).toBe("2025-03-01");
    expect(latestDate({ ...data, concessions: [{ date: "2025-04-02" }] } as never)).toBe("2025-04-02");
    expect(latestDate({ ...data, recognitions: [{ period_end: "2025-05-31" }] } as never)).toBe("2025-05-31");
    expect(latestDate({ held: [], releases: [], recognitions: [], concessions: [] })).toBe("");
    expect(latestDate(fixtureData())).toBe("2025-05-31");
  });

  it("lists every chart by its id", () => {
    expect(chartIds).toEqual(["door", "prisoners", "deals", "routes"]);
    for (const id of chartIds) expect(charts[id]!.id).toBe(id);
  });
});
