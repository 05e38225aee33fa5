import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { charts } from "../../src/charts/registry.ts";
import { didYouMean, validChoices } from "../../src/content/did-you-mean.ts";
import { ContentError, formatProblem } from "../../src/content/errors.ts";
import { loadStory } from "../../src/content/load.ts";
import { displayPath } from "../../src/content/paths.ts";
import { copyContent, rejection } from "../support/content-copy.ts";
import { FIXTURE } from "../support/fixture.ts";

// What an editor reads when the story files are wrong, on a copy of the fixture story with one
// edit each (the fixture never changes with content/, so these pin the messages, not the story).
const replace = (from: string | RegExp, to: string) => (text: string) => {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`the edit found nothing to replace: ${String(from)}`);
  return changed;
};
const ROUTES = "story/03-routes.md";
const DEALS = "story/02-deals.md";

describe("messages about the front matter", () => {
  it("names a file without front matter", () => {
    expect(rejection({ [DEALS]: (t) => t.replace(/^---\n[\s\S]*?\n---\n/, "") })).toBe(
      "content/story/02-deals.md:1: the file does not start with front matter (a block between two --- lines)\n  fix:   Start the file with a block like:\n---\ntitle: …\nchart: …\nfigure: …\nstandfirst: …\nbyline: …\n---",
    );
  });

  it("names the line of YAML that does not parse", () => {
    expect(rejection({ [DEALS]: replace("title: Prisoners for relief", 'title: "Prisoners for relief') })).toMatch(
      /^content\/story\/02-deals\.md:[23]: the front matter is not valid YAML: [A-Z][^\n]{20,}\n {2}fix: {3}Write one `key: value` per line; put a value that contains a colon in quotes\.$/,
    );
  });

  it("refuses front matter that is not key: value lines", () => {
    expect(rejection({ [DEALS]: replace("title: Prisoners for relief\nchart: deals", "- a list") })).toMatch(
      /^content\/story\/02-deals\.md:2: the front matter is not a list of `key: value` lines/,
    );
  });

  it("refuses an unknown field, with did-you-mean, at its line", () => {
    expect(rejection({ [DEALS]: replace("chart: deals", "chrat: deals") })).toBe(
      'content/story/02-deals.md:3: "chrat" is not a front-matter field here\n  field: chrat\n  value: "chrat"\n  fix:   Did you mean "chart"? Valid: title, chart, figure, standfirst, byline.',
    );
  });

  it("names a missing field and a field of the wrong kind", () => {
    expect(rejection({ [DEALS]: replace("title: Prisoners for relief\n", "") })).toMatch(
      /^content\/story\/02-deals\.md:1: the front-matter field "title" is missing\n {2}field: title\n {2}fix: {3}title: [^\n]+$/,
    );
    expect(rejection({ [DEALS]: replace("title: Prisoners for relief", "title: 12") })).toMatch(
      /^content\/story\/02-deals\.md:2: title must be text\n {2}field: title\n {2}value: "12"/,
    );
  });

  it("refuses a chart drawn by two sections, at the second one's chart line", () => {
    const message = rejection({
      "story/03-routes.md": replace(/^chart: routes$/m, 'standfirst: "The chart: where they went"\nchart : deals'),
    });
    expect(message).toMatch(
      /^content\/story\/03-routes\.md:4: the deals chart is already drawn by content\/story\/02-deals\.md; each chart appears in one section\n {2}field: chart\n {2}value: "deals"/m,
    );
  });

  it("refuses a chart that does not exist, at its line, with did-you-mean", () => {
    expect(rejection({ [DEALS]: replace("chart: deals", "chart: deal") })).toBe(
      'content/story/02-deals.md:3: there is no chart called "deal"\n  field: chart\n  value: "deal"\n  fix:   Did you mean "deals"? Valid: door, prisoners, deals, routes.',
    );
    // The line is the chart key's own, written with a space before its colon, not a title that says "chart:".
    const edit = (t: string) =>
      replace("chart: deals", "chart : deal")(replace(/^title: .*$/m, 'title: "Our chart: the deals"')(t));
    expect(rejection({ [DEALS]: edit })).toMatch(/^content\/story\/02-deals\.md:3: there is no chart called "deal"\n/);
  });

  it("reads a file saved with Windows line endings as any other", () => {
    const copy = copyContent(FIXTURE);
    copy.edit(DEALS, (t) => t.replace(/\n/g, "\r\n"));
    expect(loadStory(copy.dir).sections.find((s) => s.id === "deals")?.steps.length).toBe(2);
  });
});

describe("messages about sections and steps", () => {
  it("refuses a chart section without steps, and steps without a chart", () => {
    expect(rejection({ [ROUTES]: (t) => t.split(":::step")[0]! })).toMatch(
      /^content\/story\/03-routes\.md:1: this section names a chart but has no steps\n {2}field: chart\n {2}value: "routes"\n {2}fix: {3}Add at least one step:\n:::step\{#my-step-id\}/,
    );
    expect(rejection({ [ROUTES]: replace("chart: routes\n", "") })).toMatch(
      /^content\/story\/03-routes\.md:5: this section has steps but no chart for them to drive\n {2}fix: {3}Add a chart line to the front matter: chart: door$/,
    );
  });

  it("refuses an empty section", () => {
    expect(rejection({ "story/05-method.md": (t) => `${t.split("---\n\n")[0]!}---\n` })).toBe(
      "content/story/05-method.md:1: the section is empty\n  fix:   Write its text below the front matter, or delete the file. (A comment <!-- … --> is a note to editors and is not published.)",
    );
  });

  it("lets a comment stand between two steps, and finds a step's ::alt after another directive", () => {
    const copy = copyContent();
    copy.edit(
      DEALS,
      replace(":::\n\n:::step{#fx-no-highlight}", ":::\n\n<!-- a note to editors -->\n\n:::step{#fx-no-highlight}"),
    );
    const story = loadStory(copy.dir);
    expect(story.sections.find((s) => s.chart === "deals")!.steps.map((s) => s.id)).toEqual([
      "fx-feb-deal",
      "fx-no-highlight",
    ]);
    // Another directive before ::alt is not taken for it: the one message is about that directive.
    expect(
      rejection({
        [DEALS]: replace(
          "::alt[Every release, none picked out.]",
          "::note[Not this.]\n\n::alt[Every release, none picked out.]",
        ),
      }),
    ).toBe(
      'content/story/02-deals.md:15:1: "::note" is not allowed here\n  field: ::note\n  value: "note"\n  fix:   Steps (:::step) go at the top level of a section; ::alt goes inside a step.',
    );
  });

  it("refuses text between two steps", () => {
    expect(
      rejection({
        [ROUTES]: replace(":::\n\n:::step{#fx-routes-march", ":::\n\nStray text.\n\n:::step{#fx-routes-march"),
      }),
    ).toMatch(
      /^content\/story\/03-routes\.md:\d+: text stands between two steps, outside any step\n {2}fix: {3}Move it into the step before or after it/,
    );
  });

  it("refuses a step without an id, with a reserved id, or with an id that is no anchor", () => {
    expect(rejection({ [ROUTES]: replace("{#fx-routes-all}", "{}") })).toMatch(
      /^content\/story\/03-routes\.md:\d+: this step has no id\n {2}field: id\n {2}fix: {3}Give it one after a #/,
    );
    expect(rejection({ [ROUTES]: replace("{#fx-routes-all}", "{#steps}") })).toMatch(
      /03-routes\.md:\d+: the step id "steps" is already an id on the page: the embed that shows every step \(\/embed\/<chart>\/steps\/\), so a link to this step would land there\n {2}field: id\n {2}value: "steps"\n {2}fix: {3}Choose another id\. Ids already taken: story, corrections,/,
    );
    expect(rejection({ [ROUTES]: replace("{#fx-routes-all}", "{#9-routes}") })).toMatch(
      /03-routes\.md:\d+:\d+: this step id is not lower-case letters, digits and hyphens, starting with a letter\n {2}field: id\n {2}value: "9-routes"\n {2}fix: {3}Rename it, e\.g\. #sep-11\.$/,
    );
    // Too long: the fix offers its first 24 characters, without the hyphens the cut leaves at the end.
    const long = `ab-${"c".repeat(19)}--${"d".repeat(50)}`;
    expect(rejection({ [ROUTES]: replace("{#fx-routes-all}", `{#${long}}`) })).toMatch(
      new RegExp(`fix: {3}Shorten it to a few words, e\\.g\\. #ab-${"c".repeat(19)}\\.$`),
    );
  });

  it("refuses a step id used twice in the story, naming where it was first used", () => {
    expect(rejection({ [ROUTES]: replace("{#fx-routes-all}", "{#fx-peak}") })).toMatch(
      /^content\/story\/03-routes\.md:\d+: the step id "fx-peak" is already used at content\/story\/01-in-and-out\.md:\d+\n {2}field: id\n {2}value: "fx-peak"/,
    );
  });

  it("refuses a step without text, and one without a text alternative (offering a draft from the data)", () => {
    expect(rejection({ [ROUTES]: replace("In all, :taken[all/lithuania] were taken to Lithuania.\n", "") })).toMatch(
      /03-routes\.md:\d+: step "fx-routes-all" has no text\n {2}field: text/,
    );
    const message = rejection({ [ROUTES]: replace("::alt[Every route: Lithuania, Ukraine and Poland.]\n", "") });
    expect(message).toMatch(/03-routes\.md:\d+: step "fx-routes-all" has no text alternative\n {2}field: ::alt/);
    expect(message).toContain("A draft from the data, to check and edit:\n::alt[");
  });

  it("says ? for a step with no id, and offers a plain draft when the state itself is wrong", () => {
    const emptied = (t: string) =>
      replace(
        ":::step{#fx-routes-all}\nIn all, :taken[all/lithuania] were taken to Lithuania.\n\n::alt[Every route: Lithuania, Ukraine and Poland.]\n",
        ":::step{cty=vilnius}\n",
      )(t);
    const message = rejection({ [ROUTES]: emptied });
    expect(message).toMatch(/03-routes\.md:6: step "\?" has no text alternative\n/);
    expect(message).toContain("A draft from the data, to check and edit:\n::alt[What the chart shows in this state.]");
    expect(message).toMatch(
      /03-routes\.md:6: step "\?" has no text\n {2}field: text\n {2}fix: {3}Write the step's text between its ::: lines\./,
    );
  });

  it("reports a step's fault alone: the section still has that step, and text after it is between steps", () => {
    // The only step, with an id that is no id: one message, not more saying the section is empty or has no steps.
    const only = rejection({
      [ROUTES]: (t) =>
        `${t.slice(0, t.indexOf(":::step"))}:::step{#9-routes}\nIn all, :taken[all/lithuania] were taken to Lithuania.\n\n::alt[Every route.]\n:::\n`,
    });
    expect(only.split("\n\n")).toHaveLength(1);
    expect(only).toMatch(/^content\/story\/03-routes\.md:6:\d+: this step id is not lower-case letters/);
    // Text after a step with a fault stands between two steps all the same.
    const between = rejection({
      [ROUTES]: (t) =>
        replace(
          "::alt[Every route: Lithuania, Ukraine and Poland.]\n:::\n",
          "::alt[Every route.]\n:::\n\nA stray paragraph.\n",
        )(t.replace("{#fx-routes-all}", "{#9-routes}")),
    });
    expect(between.split("\n\n").map((m) => m.split("\n")[0]!.replace(/^[^ ]+ /, ""))).toEqual([
      "this step id is not lower-case letters, digits and hyphens, starting with a letter",
      "text stands between two steps, outside any step",
    ]);
    // A step without a chart, and without an id: that, and that they have no chart, at its line.
    const unchartered = rejection({
      [ROUTES]: (t) => t.replace("chart: routes\n", "").replace("{#fx-routes-all}", "{}").split(":::step{#")[0]!,
    });
    expect(unchartered.split("\n\n").map((m) => m.split("\n")[0]!)).toEqual([
      "content/story/03-routes.md:5: this step has no id",
      "content/story/03-routes.md:5: this section has steps but no chart for them to drive",
    ]);
  });

  it("reports a step's fault and its id used twice in one pass, but not an id it must rename anyway", () => {
    const both = rejection({
      [ROUTES]: replace(
        "{#fx-routes-all}\nIn all, :taken[all/lithuania] were taken to Lithuania.\n\n::alt[Every route: Lithuania, Ukraine and Poland.]\n",
        "{#fx-peak}\nIn all, :taken[all/lithuania] were taken to Lithuania.\n",
      ),
    });
    expect(both.split("\n\n").map((m) => m.split("\n")[0]!.replace(/^[^ ]+ /, ""))).toEqual([
      'step "fx-peak" has no text alternative',
      'the step id "fx-peak" is already used at content/story/01-in-and-out.md:8',
    ]);
    // Two steps with the same id that is not an id at all: each is told to rename it, once.
    const malformed = rejection({
      [ROUTES]: (t) => t.replace("{#fx-routes-all}", "{#9-routes}").replace("{#fx-routes-may ", "{#9-routes "),
    });
    expect(malformed.split("\n\n").map((m) => m.split("\n")[0]!.replace(/^[^ ]+ /, ""))).toEqual([
      "this step id is not lower-case letters, digits and hyphens, starting with a letter",
      "this step id is not lower-case letters, digits and hyphens, starting with a letter",
    ]);
  });

  it("reports a state field the chart does not have once, reading no state from that step", () => {
    const message = rejection({ [ROUTES]: replace("release=mar-deal city=vilnius", "release=mar-deal cty=vilna") });
    expect(message.split("\n\n")).toHaveLength(1);
    expect(message).toMatch(/"cty" is not a state field of the routes chart/);
  });

  it("takes a step id of exactly 64 characters, and an ::alt with spaces inside its brackets, as written", () => {
    const id = `fx-${"a".repeat(61)}`;
    const copy = copyContent(FIXTURE);
    copy.edit(DEALS, replace("#fx-no-highlight", `#${id}`));
    copy.edit(DEALS, replace("::alt[Every release, none picked out.]", "::alt[  Every release, none picked out.  ]"));
    const step = loadStory(copy.dir).sections.find((s) => s.id === "deals")!.steps[1]!;
    expect(step.id).toBe(id);
    expect(step.alt).toBe("Every release, none picked out.");
  });

  it("takes a step's text alternative from ::alt only, not from a :::alt block", () => {
    const block = rejection({
      [ROUTES]: replace(
        ":::step{#fx-routes-all}\nIn all, :taken[all/lithuania] were taken to Lithuania.\n\n::alt[Every route: Lithuania, Ukraine and Poland.]\n:::",
        "::::step{#fx-routes-all}\nIn all, :taken[all/lithuania] were taken to Lithuania.\n\n:::alt\nEvery route.\n:::\n::::",
      ),
    });
    expect(block.split("\n\n").map((m) => m.split("\n")[0])).toEqual([
      'content/story/03-routes.md:9:1: ":::alt" is not allowed here',
      'content/story/03-routes.md:6: step "fx-routes-all" has no text alternative',
    ]);
  });

  it("refuses a step opened with two colons, which the parser reads as a directive of one line", () => {
    const message = rejection({ [DEALS]: replace(":::step{#fx-no-highlight}", "::step{#fx-no-highlight}") });
    expect(message).toMatch(
      /^content\/story\/02-deals\.md:12:1: "::step" is not allowed here\n {2}field: ::step\n {2}value: "step"\n {2}fix: {3}Steps \(:::step\) go at the top level of a section/,
    );
  });

  it("refuses a state field the chart does not have, a place that does not exist, and a release with no routes", () => {
    expect(rejection({ [ROUTES]: replace("release=mar-deal city=vilnius", "release=mar-deal cty=vilnius") })).toMatch(
      /03-routes\.md:\d+:\d+: "cty" is not a state field of the routes chart\n {2}field: cty\n {2}value: "cty"\n {2}fix: {3}Did you mean "city"\? Valid: release, city, refused\. \(release: [^;]+; city: [^;]+; refused: /,
    );
    // A name with a dot, which a pattern would read as "any character" and find in "release", is
    // found where it is written.
    expect(
      rejection({ [ROUTES]: replace("release=mar-deal city=vilnius", "release=mar-deal r.lease=x city=vilnius") }),
    ).toMatch(/^content\/story\/03-routes\.md:\d+:43: "r\.lease" is not a state field of the routes chart/);
    // A class written .wide is an attribute not written by its name: no column to point at.
    expect(rejection({ [ROUTES]: replace("{#fx-routes-all}", "{#fx-routes-all .wide}") })).toMatch(
      /^content\/story\/03-routes\.md:6: "class" is not a state field of the routes chart\n/,
    );
    expect(rejection({ [ROUTES]: replace("city=vilnius", "city=vilna") })).toMatch(
      /03-routes\.md:\d+:\d+: city names no place in content\/data\/places\.csv\n {2}field: city\n {2}value: "vilna"\n {2}fix: {3}Add the place to places\.csv \(with sourced coordinates\), or pick one\. Did you mean "vilnius"\?/,
    );
    expect(rejection({ [ROUTES]: replace("release=mar-deal", "release=apr-pardon") })).toMatch(
      /03-routes\.md:\d+:\d+: the release "apr-pardon" has no rows in content\/data\/deportations\.csv\n {2}field: release/,
    );
  });

  it("names a state value a chart's own schema refuses, with the field's use", () => {
    // Every chart's schema takes any text today, and checks it after; one that is stricter is heard too.
    const deals = charts.deals!;
    const lenient = deals.state;
    deals.state = z.strictObject({ highlight: z.enum(["none", "feb-deal"]).default("none") });
    try {
      expect(rejection({ [DEALS]: replace("highlight=feb-deal", "highlight=mar-deal") })).toMatch(
        new RegExp(
          `^content/story/02-deals\\.md:6:\\d+: highlight .+\\n {2}field: highlight\\n {2}value: "mar-deal"\\n {2}fix: {3}highlight: ${deals.fields.highlight!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
        ),
      );
    } finally {
      deals.state = lenient;
    }
  });

  it("refuses a number the step prints but its chart does not label in that state", () => {
    expect(rejection({ [DEALS]: replace("highlight=feb-deal", "highlight=mar-deal") })).toMatch(
      /02-deals\.md:\d+:\d+: step "fx-feb-deal" prints :released\[feb-deal\] \(10\), which the deals chart does not label in this step's state/,
    );
  });
});

describe("messages about numbers in prose", () => {
  it("refuses an unknown directive, with did-you-mean and the way to write a plain colon", () => {
    expect(rejection({ "story/00-intro.md": replace(":released[mar-deal]", ":relesed[mar-deal]") })).toMatch(
      /00-intro\.md:7:\d+: ":relesed" is not a number this story knows\n {2}field: :relesed\n {2}value: ":relesed"\n {2}fix: {3}Numbers in prose are written like :held\[2025-09-18\]\. Did you mean "released"\?[\s\S]*write \\:/,
    );
  });

  it("refuses a number bound to a row that does not exist", () => {
    expect(
      rejection({ "story/00-intro.md": replace(":held[2025-05-31] at the end", ":held[2025-05-30] at the end") }),
    ).toMatch(
      /00-intro\.md:7:\d+: no count for 2025-05-30 in content\/data\/held\.csv\n {2}field: :held\n {2}value: "2025-05-30"\n {2}fix: {3}Did you mean "2025-04-30"\? Valid: 2024-03-31, 2024-12-31, 2025-01-31, 2025-02-28, 2025-04-30, 2025-05-31\./,
    );
  });

  it("names the title's line when a number in a section's title has no row", () => {
    expect(
      rejection({ [DEALS]: replace("title: Prisoners for relief", "title: Prisoners for relief, :held[2025-05-30]") }),
    ).toMatch(/^content\/story\/02-deals\.md:2: no count for 2025-05-30 in content\/data\/held\.csv\n/);
  });

  it("names a chart's furniture file that is not UTF-8, and reads nothing from it", () => {
    const copy = copyContent(FIXTURE);
    const path = join(copy.dir, "charts", "deals.md");
    writeFileSync(
      path,
      Buffer.from(readFileSync(path, "utf8").replace("Circles are releases", "Cercles \u00e9t\u00e9"), "latin1"),
    );
    const message = (() => {
      try {
        loadStory(copy.dir);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^content\/charts\/deals\.md:8:\d+: the file is not saved as UTF-8/);
    expect(message.split("\n\n")).toHaveLength(1);
  });

  it("reads a quoted title as its words, without the spaces around them", () => {
    const copy = copyContent(FIXTURE);
    copy.edit(DEALS, replace("title: Prisoners for relief", 'title: "  Prisoners for relief  "'));
    expect(loadStory(copy.dir).sections.find((s) => s.id === "deals")!.title).toBe("Prisoners for relief");
  });

  it("binds the numbers in a chart's description too, and names its line when one has no row", () => {
    expect(
      rejection({
        "charts/deals.md": replace(
          "Every release in the fixture,",
          "Every release in the fixture, :held[2025-05-30] held,",
        ),
      }),
    ).toMatch(/^content\/charts\/deals\.md:3: no count for 2025-05-30 in content\/data\/held\.csv\n/);
  });

  it("refuses a block directive where it does not belong", () => {
    expect(rejection({ "story/05-method.md": (t) => `${t}\n::alt[Not here.]\n` })).toMatch(
      /05-method\.md:\d+:1: "::alt" is not allowed here\n {2}field: ::alt\n {2}value: "alt"\n {2}fix: {3}Steps \(:::step\) go at the top level of a section; ::alt goes inside a step\./,
    );
  });

  it("refuses a number left unclosed, at its line and column, whether or not a word touches it", () => {
    const METHOD = "story/05-method.md";
    const text = "**Text only.** A section with neither chart nor figure";
    // An unclosed number is read with nothing in brackets; the rest prints as it stands.
    expect(rejection({ [METHOD]: replace(text, `${text} (:held[2025-05-31 held)`) })).toBe(
      `content/${METHOD}:5:${text.length + 3}: this number has nothing in brackets, or the ] that closes them is missing\n  field: :held\n  value: (empty)\n  fix:   Write it like :held[2025-09-18], with what it counts between [ and ].`,
    );
    // On a later line of the paragraph, glued to a word.
    expect(rejection({ [METHOD]: replace(text, `${text}\nŁódź and Minsk:freed [2025-01-01..2025-05-10]`) })).toMatch(
      /^content\/story\/05-method\.md:6:15: this number has nothing in brackets[^]*fix: {3}Write it like :freed\[2024-07\.\.2024-12\]/,
    );
  });

  it("refuses a block container other than a step", () => {
    expect(rejection({ "story/05-method.md": (t) => `${t}\n:::aside\nText.\n:::\n` })).toMatch(
      /05-method\.md:\d+:1: ":::aside" is not allowed here\n {2}field: :::aside\n {2}value: "aside"\n/,
    );
  });

  it("points at the line of a front-matter field whose number is wrong", () => {
    expect(
      rejection({ "story/00-intro.md": replace(":releases-since[2025-01-01]", ":releases-since[2026-01-01]") }),
    ).toMatch(/^content\/story\/00-intro\.md:3: no release on or after "2026-01-01"\n {2}field: :releases-since/);
  });
});

describe("messages about the chart furniture", () => {
  it("names a missing furniture file and what it needs", () => {
    const copy = copyContent(FIXTURE);
    rmSync(join(copy.dir, "charts", "routes.md"));
    expect(() => loadStory(copy.dir)).toThrow(
      'content/charts/routes.md: the chart "routes" has no furniture file\n  fix:   Create content/charts/routes.md with title, description, credit and alt (see EDITING.md).',
    );
  });

  it("names a missing or empty furniture field, with what it is for", () => {
    expect(rejection({ "charts/deals.md": replace(/^alt: .*\n/m, "") })).toMatch(
      /^content\/charts\/deals\.md:1: the front-matter field "alt" is missing\n {2}field: alt\n {2}fix: {3}alt: a text alternative for the chart in its default state$/,
    );
    expect(rejection({ "charts/deals.md": replace(/^credit: .*$/m, 'credit: ""') })).toMatch(
      /^content\/charts\/deals\.md:4: credit is empty\n {2}field: credit\n/,
    );
  });

  it("names a story folder without sections", () => {
    const copy = copyContent(FIXTURE);
    for (const file of readdirSync(join(copy.dir, "story"))) rmSync(join(copy.dir, "story", file));
    writeFileSync(join(copy.dir, "story", "notes.txt"), "not a section");
    expect(() => loadStory(copy.dir)).toThrow(
      "content/story: there are no story sections\n  fix:   Add markdown files such as 01-the-count.md (see EDITING.md).",
    );
  });

  it("leaves the editors' tools' hidden files in the story folder alone (.DS_Store, backups)", () => {
    const copy = copyContent(FIXTURE);
    writeFileSync(join(copy.dir, "story", ".DS_Store"), "\x00\x00\x00\x01Bud1");
    writeFileSync(join(copy.dir, "story", ".02-deals.md.swp"), "b0VIM");
    expect(loadStory(copy.dir).sections.map((s) => s.id)).toEqual(loadStory(FIXTURE).sections.map((s) => s.id));
  });

  it("names a missing story folder the same way, and nothing else", () => {
    const copy = copyContent(FIXTURE);
    rmSync(join(copy.dir, "story"), { recursive: true });
    expect(() => loadStory(copy.dir)).toThrow(
      /^content\/story: there are no story sections\n {2}fix: {3}Add markdown files such as 01-the-count\.md \(see EDITING\.md\)\.$/,
    );
  });
});

describe("the parts of every message", () => {
  it("are file:line:column, then field, value (quoted, or (empty)) and fix, each on its own line", () => {
    expect(formatProblem({ file: "f", line: 2, column: 3, field: "x", value: 'a"b', problem: "p", fix: "do" })).toBe(
      'f:2:3: p\n  field: x\n  value: "a\\"b"\n  fix:   do',
    );
    expect(formatProblem({ file: "f", field: "x", value: "", problem: "p", fix: "do" })).toBe(
      "f: p\n  field: x\n  value: (empty)\n  fix:   do",
    );
    expect(formatProblem({ file: "f", line: 0, problem: "p", fix: "do" })).toBe("f:0: p\n  fix:   do");
  });

  it("come together in one ContentError, a blank line between them, named as such where Node prints it", () => {
    const error = new ContentError([
      { file: "a", problem: "p", fix: "x" },
      { file: "b", problem: "q", fix: "y" },
    ]);
    expect(error.message).toBe("a: p\n  fix:   x\n\nb: q\n  fix:   y");
    expect(String(error)).toMatch(/^ContentError: a: p\n/);
  });

  it("name files as the editor sees them, whichever copy of content/ is read", () => {
    expect(displayPath("/tmp/x/content/data/held.csv", "/tmp/x/content")).toBe("content/data/held.csv");
  });

  it("suggest near misses only, and list the valid choices (the first twelve)", () => {
    expect(didYouMean("deal", ["deals", "routes"])).toBe("deals");
    expect(didYouMean("xyzzy", ["deals", "routes"])).toBeUndefined();
    // Nothing written suggests nothing, even a choice as short as the distance allowed.
    expect(didYouMean("", ["id", "deals"])).toBeUndefined();
    expect(didYouMean("a", [])).toBeUndefined();
    expect(didYouMean("ab", ["cd"])).toBe("cd");
    expect(didYouMean("abcdefgh", ["abcdexyz"])).toBe("abcdexyz");
    expect(didYouMean("abcdefgh", ["abcdwxyz"])).toBeUndefined();
    expect(validChoices("x", [])).toBe(
      "There is nothing valid to choose from yet: add the row it should refer to first.",
    );
    const many = Array.from({ length: 13 }, (_, i) => `id-${i}`);
    expect(validChoices("id-1x", many)).toBe(
      `Did you mean "id-1"? Valid: ${many.slice(0, 12).join(", ")}, … (13 in all).`,
    );
    expect(validChoices("zzzzzz", many.slice(0, 12))).toBe(`Valid: ${many.slice(0, 12).join(", ")}.`);
  });
});
