import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { copyContent } from "../support/content-copy.ts";
import { tempDir } from "../support/temp.ts";

const run = promisify(execFile);

/**
 * A log with three different days, so that every date on the page says which entry it came from:
 * published 10 Jan, a deals correction on 3 Feb, a prisoners update on 1 Mar. All in the past, so the
 * log is valid whatever day the test runs.
 */
const LOG = [
  "date,kind,chart,text",
  "2026-01-10,published,,First published.",
  "2026-02-03,correction,deals,An earlier version misdated the phone call.",
  "2026-03-01,update,prisoners,Added Viasna's count for the end of May.",
  "",
].join("\n");

describe("the corrections log (content/corrections.csv)", () => {
  it("dates the story by its newest entry, each embed by its own chart's, and shows each entry where it belongs", async () => {
    const copy = copyContent();
    copy.edit("corrections.csv", () => LOG);
    const out = join(tempDir("corrections"), "dist");
    await run(process.execPath, ["scripts/build.ts", "--wait"], {
      env: {
        ...process.env,
        REVOLVING_DOOR_CONTENT_DIR: copy.dir,
        REVOLVING_DOOR_DIST: out,
        REVOLVING_DOOR_SITE: "https://revolving-door.test",
      },
    });
    const page = (path: string): Document => parseHTML(readFileSync(join(out, path), "utf8")).document;
    const correction = "An earlier version misdated the phone call.";
    const update = "Added Viasna's count for the end of May.";

    const story = page("index.html");
    const ld = JSON.parse(story.querySelector('script[type="application/ld+json"]')!.textContent) as Record<
      string,
      string
    >;
    expect(ld).toMatchObject({ "@type": "NewsArticle", datePublished: "2026-01-10", dateModified: "2026-03-01" });
    expect(story.querySelector("#corrections")?.textContent).toContain(correction);
    expect(story.querySelector("#corrections")?.textContent).toContain(update);
    /** The corrections shown under a chart in the story. */
    const under = (chart: string): string | undefined =>
      story
        .querySelector(`figure[data-chart="${chart}"]`)
        ?.closest("section")
        ?.querySelector(".chart-after .corrections")?.textContent;
    expect(under("deals")).toContain(correction);
    expect(under("deals")).not.toContain(update);
    expect(under("prisoners")).toContain(update);
    expect(under("routes")).toBeUndefined();

    const lastUpdated = (path: string): string | null | undefined =>
      page(path).querySelector(".embed-meta time")?.getAttribute("datetime");
    expect(lastUpdated("embed/deals/index.html")).toBe("2026-02-03");
    expect(lastUpdated("embed/prisoners/index.html")).toBe("2026-03-01");
    expect(lastUpdated("embed/routes/index.html")).toBe("2026-01-10");
    const deals = page("embed/deals/index.html");
    expect(deals.querySelector(".chart-footer .corrections")?.textContent).toContain("Correction, 3 Feb 2026");
    expect(deals.querySelector(".embed-meta")?.textContent).toContain("Last updated 3 Feb 2026");
    expect(page("embed/routes/index.html").querySelector(".corrections")).toBeNull();
  }, 180_000);
});
