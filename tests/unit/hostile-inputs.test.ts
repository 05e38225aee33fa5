import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/errors.ts";
import { loadStory } from "../../src/content/load.ts";
import { hostileInputs } from "../support/hostile-inputs.ts";

const copies: string[] = [];

/** A throwaway copy of content/, removed after each test. */
function contentCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "revolving-door-hostile-"));
  copies.push(root);
  const dir = join(root, "content");
  cpSync(join(process.cwd(), "content"), dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function failure(apply: (dir: string) => void): string {
  const dir = contentCopy();
  apply(dir);
  try {
    loadStory(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error("expected the content to be refused");
}

describe("hostile and careless input is refused with a message that names what and where", () => {
  for (const bad of hostileInputs) {
    it(`case ${bad.issue}: refuses ${bad.name}`, () => {
      const message = failure(bad.apply);
      expect(message).toMatch(bad.message);
      if (bad.not) expect(message).not.toMatch(bad.not);
    });
  }

  it("case 12: accepts a byte-order mark before the front matter and reads the file as written", () => {
    const dir = contentCopy();
    const path = join(dir, "story/01-the-count.md");
    writeFileSync(path, `\ufeff${readFileSync(path, "utf8")}`);
    const csv = join(dir, "data/held.csv");
    writeFileSync(csv, `\ufeff${readFileSync(csv, "utf8")}`);
    const story = loadStory(dir);
    expect(story.sections.find((s) => s.id === "the-count")?.title).toBe("A count that barely moves");
    expect(story.data.held.find((r) => r.date === "2025-09-18")?.count).toBe(1184);
  });

  it("accepts paired text-direction controls, links to the web, e-mail and this site, and comments as notes", () => {
    const dir = contentCopy();
    const path = join(dir, "story/00-intro.md");
    writeFileSync(
      path,
      `${readFileSync(path, "utf8").trimEnd()}\n\n<!-- a note to editors -->\nSee [Viasna](https://spring96.org/en), [mail](mailto:desk@example.org), [a step](/#sep-11), the name \u2067عربي\u2069 and ![the map](/charts/routes/routes-all-wide.svg).\n`,
    );
    const intro = loadStory(dir).sections[0]!;
    expect(intro.introHtml).toContain('href="https://spring96.org/en"');
    expect(intro.introHtml).toContain('src="/charts/routes/routes-all-wide.svg"');
    expect(intro.introHtml).not.toContain("a note to editors");
  });
});
