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
    expect(problems.map((p) => [p.line, p.field, p.problem])).toEqual([
      [3, "published", "published is empty and the note does not say why"],
      [6, "published", "the figure is dated 2025-04-29, after the page that published it (2025-04-20)"],
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
