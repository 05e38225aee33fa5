import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { copyContent } from "../support/content-copy.ts";

describe("a correction in content/corrections.csv", () => {
  it("shows at the end of the story, under its chart, in its embeds, and dates the page", () => {
    const copy = copyContent();
    copy.edit(
      "corrections.csv",
      (t) => `${t.trimEnd()}\n2026-11-25,correction,deals,An earlier version misdated the Belavia decision.\n`,
    );
    const out = join(mkdtempSync(join(tmpdir(), "revolving-door-corrections-")), "dist");
    execFileSync(process.execPath, ["scripts/build.ts"], {
      env: {
        ...process.env,
        REVOLVING_DOOR_CONTENT_DIR: copy.dir,
        REVOLVING_DOOR_DIST: out,
        REVOLVING_DOOR_SITE: "https://revolving-door.test",
      },
      stdio: "pipe",
    });
    const page = (path: string): Document => parseHTML(readFileSync(join(out, path), "utf8")).document;
    const text = "An earlier version misdated the Belavia decision.";

    const story = page("index.html");
    expect(story.querySelector("#corrections")?.textContent).toContain(text);
    expect(story.querySelector("#deals-sources .corrections")?.textContent).toContain(text);
    expect(story.querySelector("#prisoners-sources .corrections")).toBeNull();
    const ld = JSON.parse(story.querySelector('script[type="application/ld+json"]')!.textContent) as Record<
      string,
      string
    >;
    expect(ld).toMatchObject({ "@type": "NewsArticle", datePublished: "2026-11-25", dateModified: "2026-11-25" });

    const embed = page("embed/deals/belavia/index.html");
    expect(embed.querySelector(".chart-footer .corrections")?.textContent).toContain("Correction, 25 Nov 2026");
    expect(page("embed/routes/index.html").querySelector(".corrections")).toBeNull();
  }, 120_000);
});
