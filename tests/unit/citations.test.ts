import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCitations, domainsIn } from "../../src/data/citations.ts";
import { loadStory } from "../../src/content/load.ts";
import { ContentError, formatProblem } from "../../src/content/errors.ts";
import { copyContent } from "../support/content-copy.ts";
import { FIXTURE } from "../support/fixture.ts";
import { fixtureDataset, held } from "../support/dataset.ts";

const fileOf = (spec: { file: string }): string => `content/data/${spec.file}`;

describe("the register of citable outlets", () => {
  it("refuses a row whose source is on an unregistered domain, naming file, line, field, the domain and the closest registered outlet", () => {
    const data = fixtureDataset();
    const row = {
      ...held("2025-03-31", 99),
      source_url: "https://www.squidsite02.com/2025/04/30/us-secures-release",
      line: 7,
    };
    const problems = checkCitations({ ...data, held: [...data.held, row] }, fileOf);
    expect(problems.map(formatProblem)).toEqual([
      [
        'content/data/held.csv:7: source_url is on "squidsite02.com", which is not in the register of citable outlets (content/data/outlets.csv)',
        "  field: source_url",
        '  value: "https://www.squidsite02.com/2025/04/30/us-secures-release"',
        "  fix:   Cite the publisher of the figure itself: the rights group or government that published it, a news agency, a newspaper or a broadcaster; never a copy on an aggregator, content farm, scraper or back-end host. If this site is such an outlet, add its domain to outlets.csv with its name and kind. Closest registered outlet: Human Rights Center Viasna (spring96.org).",
      ].join("\n"),
    ]);
  });

  it("treats a back-end host of a registered outlet as another domain, and suggests the outlet it belongs to", () => {
    const data = {
      ...fixtureDataset(),
      outlets: [
        ...fixtureDataset().outlets,
        { domain: "belsat.eu", name: "Belsat", kind: "broadcaster" as const, note: "", line: 9 },
      ],
    };
    const row = { ...held("2021-05-05", 360), source_url: "https://redakcja.belsat.cloud/en/news/05-05-2021", line: 4 };
    const [problem] = checkCitations({ ...data, held: [row] }, fileOf);
    expect(problem?.fix).toMatch(/Closest registered outlet: Belsat \(belsat\.eu\)\.$/);
  });

  it("suggests the registered outlet an unregistered host shares a name with before the nearest spelling, and never by its top-level label", () => {
    const outlet = (domain: string, name: string, line: number) => ({
      domain,
      name,
      kind: "newspaper" as const,
      note: "",
      line,
    });
    const outlets = [
      outlet("belsat.eu", "Belsat", 2),
      outlet("spring96.org", "Viasna", 3),
      outlet("geonames.org", "GeoNames", 4),
      outlet("news.by", "News", 5),
    ];
    const suggested = (url: string, list = outlets): string | undefined =>
      checkCitations(
        { ...fixtureDataset(), outlets: list, held: [{ ...held("2025-03-31", 99), source_url: url }] },
        fileOf,
      )
        .find((p) => p.field === "source_url")
        ?.fix.split(". If this site is such an outlet")[1];
    // Shares "belsat" with belsat.eu, though spring96.org is the nearer spelling.
    expect(suggested("https://mirror.belsat.spring96.com/a")).toBe(
      ", add its domain to outlets.csv with its name and kind. Closest registered outlet: Belsat (belsat.eu).",
    );
    // No shared name ("news" is only its top-level label): the nearest spelling, wherever it is in the register.
    expect(suggested("https://belarus.news/a")).toMatch(/Closest registered outlet: Belsat \(belsat\.eu\)\.$/);
    expect(suggested("https://geonamez.org/a")).toMatch(/Closest registered outlet: GeoNames \(geonames\.org\)\.$/);
    // With an empty register there is nothing to suggest, and the message says nothing about it.
    expect(suggested("https://geonamez.org/a", [])).toBe(", add its domain to outlets.csv with its name and kind.");
  });

  it("takes only a leading www. off a host", () => {
    const data = fixtureDataset();
    data.outlets.push({ domain: "awww.by", name: "A", kind: "newspaper", note: "", line: 9 });
    const row = {
      ...held("2025-03-31", 99),
      source_url: "https://awww.by/a",
      note: "also at awww.by and www.awww.by",
      line: 40,
    };
    expect(checkCitations({ ...data, held: [row] }, fileOf)).toEqual([]);
  });

  it("says what is wrong with a note, and what to do, naming the outlet the site may be", () => {
    const row = { ...held("2025-03-31", 99), note: "copied by spring69.org", line: 5 };
    expect(checkCitations({ ...fixtureDataset(), held: [row] }, fileOf).map(formatProblem)).toEqual([
      [
        'content/data/held.csv:5: the note names "spring69.org", which is not in the register of citable outlets (content/data/outlets.csv)',
        "  field: note",
        '  value: "spring69.org"',
        "  fix:   Notes are published with the data: name the original publisher instead, or drop the mention. Closest registered outlet: Human Rights Center Viasna (spring96.org).",
      ].join("\n"),
    ]);
  });

  it("refuses a note that names an unregistered site, because notes are published with the data", () => {
    const data = fixtureDataset();
    const row = {
      ...held("2025-03-31", 99),
      note: "same AP text at kudupinter.com and spring96.org; see held.csv",
      line: 5,
    };
    const problems = checkCitations({ ...data, held: [row] }, fileOf);
    expect(problems.map((p) => [p.line, p.field, p.value])).toEqual([[5, "note", "kudupinter.com"]]);
  });

  it("finds domains in running text but not file names", () => {
    expect(
      domainsIn("per www.Spring96.org/en/news/1 and NOTES.md, not e.g. U.S. figures; copy at cuu.coron.tech"),
    ).toEqual(["spring96.org", "cuu.coron.tech"]);
    // A file name is known by its last label, however many dots it has.
    expect(domainsIn("see held.v2.csv and report.2025.pdf")).toEqual([]);
  });

  it("asks why a publication date is missing, and refuses a figure dated after the page that published it", () => {
    const data = fixtureDataset();
    const undated = { ...held("2025-03-31", 99), published: "", line: 3 };
    const explained = {
      ...held("2025-03-30", 99),
      published: "",
      note: "publication date not shown in the archived copy",
      line: 4,
    };
    const early = { ...held("2025-04-29", 99), published: "2025-04-20", line: 6 };
    const problems = checkCitations({ ...data, held: [undated, explained, early] }, fileOf);
    expect(problems.map(formatProblem)).toEqual([
      [
        "content/data/held.csv:3: published is empty and the note does not say why",
        "  field: published",
        "  value: (empty)",
        '  fix:   Write the date the page was published, YYYY-MM-DD; if the page shows none, say "publication date not shown" in note.',
      ].join("\n"),
      [
        "content/data/held.csv:6: the figure is dated 2025-04-29, after the page that published it (2025-04-20)",
        "  field: published",
        '  value: "2025-04-20"',
        "  fix:   A source cannot report what had not happened yet: check both dates (a total published mid-period covers the period only up to its publication date).",
      ].join("\n"),
    ]);
  });

  it("dates each table's figure by its own field: a period by its end, routes by their release; a page of the same day is fine", () => {
    const { data } = loadStory(FIXTURE);
    const release = data.releases[0]!;
    const before = (date: string): string => new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
    const early = {
      ...data,
      held: [{ ...data.held[0]!, published: data.held[0]!.date }],
      recognitions: [{ ...data.recognitions[0]!, published: before(data.recognitions[0]!.period_end) }],
      releases: [{ ...release, published: before(release.date) }],
      concessions: [{ ...data.concessions[0]!, published: before(data.concessions[0]!.date) }],
      deportations: [{ ...data.deportations[0]!, release_id: release.id, published: before(release.date) }],
      facts: [{ ...data.facts[0]!, published: before(data.facts[0]!.date) }],
    };
    const problems = checkCitations(early, fileOf).filter((p) => p.field === "published");
    expect(problems.map((p) => [p.file, p.problem.split(",")[0]])).toEqual([
      ["content/data/recognitions.csv", `the figure is dated ${data.recognitions[0]!.period_end}`],
      ["content/data/releases.csv", `the figure is dated ${release.date}`],
      ["content/data/concessions.csv", `the figure is dated ${data.concessions[0]!.date}`],
      ["content/data/deportations.csv", `the figure is dated ${release.date}`],
      ["content/data/facts.csv", `the figure is dated ${data.facts[0]!.date}`],
    ]);
  });

  it("stops the build for an unregistered domain in the content files", () => {
    const copy = copyContent();
    const file = "data/releases.csv";
    copy.edit(file, (text) =>
      text.replace("https://kyivindependent.com/fixture", "https://www.devdiscourse.com/article/1076450"),
    );
    const line =
      readFileSync(join(copy.dir, file), "utf8")
        .split("\n")
        .findIndex((l) => l.includes("devdiscourse")) + 1;
    let error: unknown;
    try {
      loadStory(copy.dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toContain(
      `content/data/releases.csv:${line}: source_url is on "devdiscourse.com", which is not in the register of citable outlets`,
    );
  });
});
