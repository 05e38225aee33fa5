import { beforeEach, describe, expect, it } from "vitest";
import { loadStory, type Story } from "../../src/content/load.ts";
import { FIXTURE } from "../support/fixture.ts";

/**
 * The fixture story read by the real loader: every number it prints, worked out by hand from
 * tests/fixtures/content/data (see the comments), with the source or the sum behind it.
 */
// Loaded in each test, not once for the file: a mutant is switched on per test (npm run mutation).
let story: Story;
beforeEach(() => {
  story = loadStory(FIXTURE);
});
const section = (id: string) => story.sections.find((s) => s.id === id)!;
const numbers = (html: string): string[] =>
  [...html.matchAll(/<data value="(\d+)" class="num" title="([^"]*)">([^<]*)<\/data>/g)].map(
    ([, value, title, text]) => `${value} (${text}) ${title}`,
  );

describe("the fixture story, as the loader reads it", () => {
  it("has its sections in file order, with ids from the file names and the chart or figure each names", () => {
    expect(story.sections.map((s) => [s.id, s.chart ?? s.figure ?? "text"])).toEqual([
      ["intro", "text"],
      ["the-door", "door"],
      ["in-and-out", "prisoners"],
      ["deals", "deals"],
      ["routes", "routes"],
      ["multiples", "multiples"],
      ["method", "text"],
    ]);
    expect(story.sections.map((s) => s.steps.length)).toEqual([0, 4, 5, 2, 3, 0, 0]);
  });

  it("binds the numbers of the headline and standfirst, and reads the byline", () => {
    const intro = section("intro");
    // Every release from 1 Jan to 10 May: 4 + 10 + 20 + 5 + 7.
    expect(intro.title).toBe("Fixture story: 46 freed in 2025");
    expect(intro.standfirst).toBe(
      "A fixture that uses every kind of number: 5 releases since January, freeing 46 people.",
    );
    expect(intro.byline).toBe("By the fixture desk");
    expect(section("method").standfirst).toBeUndefined();
  });

  it("prints every number of the prose from its rows, with the source or the sum behind it in its title", () => {
    expect(numbers(section("intro").introHtml)).toEqual([
      "46 (46) Added up from 5 sourced releases in releases.csv",
      // US deals in February, March and May: 10 + 20 + 7; pardons in January and April: 4 + 5.
      "37 (37) Added up from 3 sourced releases in releases.csv",
      "9 (9) Added up from 2 sourced releases in releases.csv",
      "20 (20) Source: Kyiv Independent, 2025-06-01",
      "18 (18) Source: Kyiv Independent, 2025-06-01",
      "95 (95) Source: Viasna, 2025-06-01",
      // 95 against the peak of 125: (125 − 95) / 125 = 24 %.
      expect.stringMatching(/^24 \(24\) Derived: 95 on 2025-05-31 against the peak of 125 on 2025-02-28/),
      "40 (40) Source: Viasna, 2025-06-01",
    ]);
    expect(numbers(section("multiples").introHtml)).toEqual(["1250 (1,250) Source: Viasna, 2025-06-01"]);
  });

  it("works out the flows of a period: in, freed, and left otherwise (held at start + in − freed − held at end)", () => {
    const [peak, january, spring, latest, february] = section("in-and-out").steps.map((s) => numbers(s.html));
    expect(peak!.map((n) => n.split(" ")[0])).toEqual(["125", "95"]);
    // January: 100 + 20 − 4 − 110 = 6.
    expect(january!.map((n) => n.split(" ")[0])).toEqual(["20", "4", "6", "100", "110"]);
    // March and April, one published block of 30; freed 20 + 5.
    expect(spring!.map((n) => n.split(" ")[0])).toEqual(["30", "25", "90"]);
    expect(latest).toEqual([]);
    expect(february!.map((n) => n.split(" ")[0])).toEqual(["110", "10", "10", "125"]);
  });

  it("adds up routes by release and place, and over every release with all/", () => {
    const [all, march] = section("routes").steps.map((s) => numbers(s.html));
    // Lithuania: 10 in February, 10 in March.
    expect(all).toEqual(["20 (20) Added up from 2 rows of deportations.csv"]);
    expect(march).toEqual([
      "10 (10) Source: Kyiv Independent, 2025-06-01",
      "8 (8) Source: Kyiv Independent, 2025-06-01",
      "2 (2) Source: Kyiv Independent, 2025-06-01",
    ]);
  });

  it("fills every step's state from its attributes and the chart's defaults, and keeps its text alternative", () => {
    const steps = Object.fromEntries(story.sections.flatMap((s) => s.steps).map((s) => [s.id, s]));
    expect(steps["fx-routes-all"]!.state).toEqual({ release: "all", city: "none", refused: "none" });
    expect(steps["fx-routes-march"]!.state).toEqual({ release: "mar-deal", city: "vilnius", refused: "lithuania" });
    expect(steps["fx-no-highlight"]!.state).toEqual(story.sections[3]!.steps[1]!.state);
    expect(steps["fx-january"]!.alt).toBe("January picked out: 20 newly recognised, 4 freed, 6 left otherwise.");
  });

  it("sets prose as a copy desk would, keeping links and emphasis", () => {
    expect(section("method").introHtml).toBe(
      '<p><strong>Text only.</strong> A section with neither chart nor figure, with <em>emphasis</em>, a <a href="https://spring96.org/en/news/1">link</a> and “quotes”.</p>',
    );
  });

  it("binds the numbers in chart furniture: title, alt text and notes", () => {
    const furniture = story.furniture.prisoners!;
    expect(furniture.title).toBe("Fixture: in and out, 20 recognised in January");
    expect(furniture.alt).toBe("Two panels for the first months of 2025: the count held peaks at 125 and ends at 95.");
    expect(numbers(furniture.notesHtml)).toEqual(["100 (100) Source: Viasna, 2025-06-01"]);
  });
});
