import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The content cases of issue #11 ("Hardened publishing"), each as the edit that reproduces it on a
 * copy of the fixture story (tests/fixtures/content) and the message it must now produce: file, line (and column), field, the bad
 * value with hidden characters shown, and a fix. `issue` is the case's number in the issue.
 * The unit test checks them against the loader; the build test checks the real build refuses them
 * and leaves the published dist/ as it was.
 */
export interface HostileInput {
  issue: number;
  name: string;
  /** Makes the edit in a copy of the fixture story. */
  apply: (contentDir: string) => void;
  message: RegExp;
  /** A message that must not appear: the misleading one this case used to give. */
  not?: RegExp;
}

type Change = (text: string) => string | Uint8Array;

const edit =
  (file: string, change: Change) =>
  (dir: string): void => {
    const path = join(dir, file);
    const before = readFileSync(path, "utf8");
    const after = change(before);
    if (after === before) throw new Error(`the case's edit changed nothing in ${file}`);
    writeFileSync(path, after);
  };

const replace =
  (from: string | RegExp, to: string): Change =>
  (text) => {
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`the case's edit found nothing to replace: ${String(from)}`);
    return changed;
  };

const PRISONERS = "story/01-in-and-out.md";
const DEALS = "story/02-deals.md";
/** The text of step fx-latest (line 27; the step opens on line 26). */
const STEP_TEXT = "The latest period has no published recognitions; the chart leaves it empty rather than guess.";

/** A step of the prisoners chart with a given id, inserted at the end of the in-and-out section. */
const extraStep =
  (id: string): Change =>
  (text) =>
    `${text.trimEnd()}\n\n:::step{#${id}}\nMore text.\n\n::alt[The chart in its default state.]\n:::\n`;

export const hostileInputs: HostileInput[] = [
  {
    issue: 1,
    name: "a block of raw HTML in a story file",
    apply: edit(PRISONERS, replace(STEP_TEXT, `${STEP_TEXT}\n\n<div>block text</div>`)),
    message:
      /content\/story\/01-in-and-out\.md:29:1: raw HTML is not published: the text inside it would vanish or show up garbled\n {2}field: HTML\n {2}value: "<div>block text<\/div>"\n {2}fix: {3}Write the text itself without the tags/,
  },
  {
    issue: 1,
    name: "a script tag inline in prose",
    apply: edit(PRISONERS, replace(STEP_TEXT, "The latest period, Viasna <script>x()</script> said")),
    message:
      /content\/story\/01-in-and-out\.md:27:27: raw HTML is not published[^\n]*\n {2}field: HTML\n {2}value: "<script>"\n {2}fix: {3}Write it as plain markdown text. If you meant the character <, write \\< instead\./,
  },
  {
    issue: 2,
    name: "a javascript: link in a story file",
    apply: edit(PRISONERS, replace(STEP_TEXT, `${STEP_TEXT} [More](javascript:alert(1))`)),
    message:
      /content\/story\/01-in-and-out\.md:27:95: this link's address is not a web page, an e-mail address or a page of this site\n {2}field: link\n {2}value: "javascript:alert\(1\)"\n {2}fix: {3}A link may go to a web page \(https:\/\/…\)/,
  },
  {
    issue: 2,
    name: "a data: link in a chart's notes (shown in every embed)",
    apply: edit(
      "charts/prisoners.md",
      replace("A fixture note on method,", "A fixture [note](data:text/html,hi) on method,"),
    ),
    message:
      /content\/charts\/prisoners\.md:8:11: this link's address is not a web page[^\n]*\n {2}field: link\n {2}value: "data:text\/html,hi"/,
  },
  {
    issue: 2,
    name: "a vbscript: link given as a reference",
    apply: edit(DEALS, (t) => `${t.trimEnd()}\n\nSee [the note][n].\n\n[n]: vbscript:msgbox\n`),
    message:
      /content\/story\/02-deals\.md:20:1: this link's address is not[^\n]*\n {2}field: link\n {2}value: "vbscript:msgbox"/,
  },
  {
    issue: 2,
    name: "an image from another site",
    apply: edit(PRISONERS, replace(STEP_TEXT, `${STEP_TEXT} ![t](https://evil.example/t.png)`)),
    message:
      /content\/story\/01-in-and-out\.md:27:95: this image does not come from this site, and the page loads nothing from any other\n {2}field: image\n {2}value: "https:\/\/evil\.example\/t\.png"\n {2}fix: {3}Images come only from this site/,
  },
  {
    issue: 3,
    name: "a step whose only text is a comment",
    apply: edit(PRISONERS, replace(STEP_TEXT, "<!-- TODO -->")),
    message:
      /content\/story\/01-in-and-out\.md:26: step "fx-latest" has no text \(a comment <!-- … --> is a note to editors and is not published\)\n {2}field: text\n {2}value: "fx-latest"\n {2}fix: {3}Write the step's text/,
  },
  {
    issue: 3,
    name: "a comment that is never closed",
    apply: edit(PRISONERS, replace(STEP_TEXT, `${STEP_TEXT}\n\n<!-- TODO check the figure`)),
    message:
      /content\/story\/01-in-and-out\.md:29:1: this comment is never closed, so everything after it would be hidden from readers\n {2}field: comment/,
  },
  {
    issue: 4,
    name: "a formula in a concession label",
    apply: edit(
      "data/concessions.csv",
      replace("US eases sanctions on X,", '"=HYPERLINK(""https://evil.example"",""X"")",'),
    ),
    message:
      /content\/data\/concessions\.csv:3:5: label starts with "=", so a spreadsheet opening the download of this file would run it as a formula\n {2}field: label\n {2}value: "=HYPERLINK\(\\"https:\/\/evil\.example\\",\\"X\\"\)"\n {2}fix: {3}Reword it to start with a letter/,
  },
  {
    issue: 4,
    name: "a command in a note",
    apply: edit(
      "data/places.csv",
      replace('"the capital of Lithuania,', "\"+cmd|' /C calc'!A0 the capital of Lithuania,"),
    ),
    message:
      /content\/data\/places\.csv:6:8: note starts with "\+", so a spreadsheet[^\n]*\n {2}field: note\n {2}value: "\+cmd\|' \/C calc'!A0 the capital of Lithuania/,
  },
  {
    issue: 4,
    name: "a source name starting with @",
    apply: edit(
      "data/places.csv",
      replace("\nbelarus,Minsk,27.5667,53.9,GeoNames,", "\nbelarus,Minsk,27.5667,53.9,@SUM(1+1),"),
    ),
    message: /content\/data\/places\.csv:2:5: source_name starts with "@"/,
  },
  {
    issue: 5,
    name: "a duplicate header column",
    apply: edit("data/held.csv", replace(/^date,count,/, "date,count,count,")),
    message:
      /content\/data\/held\.csv:1:3: the column "count" appears twice \(columns 2 and 3\), so one of them would be ignored\n {2}field: count\n {2}value: "count"\n {2}fix: {3}Keep one "count" column/,
  },
  {
    issue: 5,
    name: "a blank header column",
    apply: edit(
      "data/held.csv",
      replace(/^date,count,source_name,source_url,published,note/, "date,count,source_name,source_url,published,note,"),
    ),
    message:
      /content\/data\/held\.csv:1:7: column 7 of the header has no name\n {2}field: column 7\n {2}value: \(empty\)\n {2}fix: {3}Name it, or delete the column/,
  },
  {
    issue: 6,
    name: "a 20-digit count",
    apply: edit("data/held.csv", replace("\n2025-04-30,90,", "\n2025-04-30,12345678901234567890,")),
    message:
      /content\/data\/held\.csv:6:2: count has too many digits to be printed exactly \(it would be rounded\)\n {2}field: count\n {2}value: "12345678901234567890"\n {2}fix: {3}How many political prisoners/,
  },
  {
    issue: 6,
    name: "a count larger than any count of people can be",
    apply: edit("data/releases.csv", replace(",2025-03-10,20,", ",2025-03-10,20000000,")),
    message:
      /content\/data\/releases\.csv:4:3: released is more than 10,000,000, more people than live in Belarus\n {2}field: released\n {2}value: "20000000"/,
  },
  {
    issue: 7,
    name: "a CSV saved as Windows-1252",
    apply: edit("data/places.csv", (t) =>
      Buffer.from(t.replace("\nlithuania,Lithuania,", "\nlithuania,Lietuvà,"), "latin1"),
    ),
    message:
      /content\/data\/places\.csv:3:17: the file is not saved as UTF-8: it looks like [\w-]+ \(a guess from its bytes[^\n]*\n {2}value: "lithuania,Lietuv<0xE0>,25\.2798[^\n]*\n {2}fix: {3}Save it again as UTF-8\. In Excel: File › Save As, and choose "CSV UTF-8 \(Comma delimited\)"/,
  },
  {
    issue: 7,
    name: "a CSV saved as UTF-16",
    apply: edit("data/held.csv", (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])),
    message:
      /content\/data\/held\.csv: the file is saved as UTF-16LE \(Excel's "Unicode Text"[^\n]*\n {2}fix: {3}Save it again as UTF-8/,
  },
  {
    issue: 8,
    name: "an unclosed right-to-left override in a place name",
    apply: edit("data/places.csv", replace("\nlithuania,Lithuania,", "\nlithuania,\u202eLithuania,")),
    message:
      /content\/data\/places\.csv:3:2: name has an unpaired text-direction control U\+202E \(right-to-left override\), which reverses the text that follows it on the page, at character 1\n {2}field: name\n {2}value: "<U\+202E>Lithuania"\n {2}fix: {3}Delete it/,
  },
  {
    issue: 8,
    name: "an unclosed right-to-left override before a bound number in prose",
    apply: edit(
      PRISONERS,
      replace("The count peaked at :held[2025-02-28]", "The count peaked at \u202e:held[2025-02-28]"),
    ),
    message:
      /content\/story\/01-in-and-out\.md:9:21: this line has an unpaired text-direction control U\+202E[^\n]*\n {2}value: "The count peaked at <U\+202E>:held\[2025-02-28\] and ended M…"/,
  },
  {
    issue: 9,
    name: "a step id of 300 characters",
    apply: edit(PRISONERS, replace("{#fx-latest}", `{#${"a".repeat(300)}}`)),
    message:
      /content\/story\/01-in-and-out\.md:26:10: this step id is 300 characters long, more than the 64 a link or file name can carry safely\n {2}field: id\n {2}value: "a{300}"\n {2}fix: {3}Shorten it/,
  },
  {
    issue: 10,
    name: "a vertical tab in a CSV text field",
    apply: edit("data/places.csv", replace("\nlithuania,Lithuania,", "\nlithuania,Lith\u000buania,")),
    message:
      /content\/data\/places\.csv:3:2: name has a control character U\+000B \(vertical tab\), which word processors paste and browsers and image renderers choke on, at character 5\n {2}field: name\n {2}value: "Lith<U\+000B>uania"/,
  },
  {
    issue: 11,
    name: "a zero-width space in a date",
    apply: edit("data/held.csv", replace("\n2025-04-30,90,", "\n2025-04-30\u200b,90,")),
    message:
      /content\/data\/held\.csv:6:1: date has an invisible character U\+200B \(zero-width space\): the text looks right but is not what it seems, at character 11\n {2}field: date\n {2}value: "2025-04-30<U\+200B>"\n {2}fix: {3}Delete it/,
    not: /is not a date/,
  },
  {
    issue: 13,
    name: "a step attribute list without its closing brace",
    apply: edit(
      PRISONERS,
      replace(
        "{#fx-january focus=2025-01 held=2024-12-31,2025-01-31}",
        "{#fx-january focus=2025-01 held=2024-12-31,2025-01-31",
      ),
    ),
    message:
      /content\/story\/01-in-and-out\.md:14:8: this step's attribute list cannot be read: the attribute list is not closed: the } is missing\n {2}field: step attributes\n {2}value: ":::step\{#fx-january focus=2025-01 held=2024-12-31,2025-01-31"\n {2}fix: {3}Write it as :::step\{#step-id field=value other=value\}/,
    not: /text stands between two steps|is not allowed here/,
  },
  {
    issue: 13,
    name: "a stray quote in a step attribute list",
    apply: edit(PRISONERS, replace("{#fx-january focus=2025-01 ", '{#fx-january focus="2025-01 ')),
    message:
      /content\/story\/01-in-and-out\.md:14:27: this step's attribute list cannot be read: a double quote in the attribute list is not closed/,
    not: /text stands between two steps|is not allowed here/,
  },
  ...["story", "prisoners-title", "corrections", "deals", "deals-sources"].map((id): HostileInput => ({
    issue: 14,
    name: `a step id that is already an id on the page ("${id}")`,
    apply: edit(PRISONERS, extraStep(id)),
    message: new RegExp(
      `content/story/01-in-and-out\\.md:38: the step id "${id}" is already an id on the page: [^\\n]+, so a link to this step would land there\\n {2}field: id\\n {2}value: "${id}"\\n {2}fix: {3}Choose another id\\. Ids already taken: story, corrections, corrections-heading, steps, default, door-title,`,
    ),
  })),
  {
    issue: 15,
    name: "a section file whose name repeats an id of the page",
    apply: (dir) => {
      writeFileSync(join(dir, "story/06-story.md"), "---\ntitle: More\n---\n\nMore text.\n");
    },
    message:
      /content\/story\/06-story\.md: this section's id "story" \(from its file name\) would give the page a second "story", already the story itself \(the page's main landmark\)\n {2}field: file name\n {2}value: "06-story\.md"\n {2}fix: {3}Rename the file: [^\n]*already taken: story, corrections,/,
  },
  {
    issue: 15,
    name: "a section file name with spaces and capitals",
    apply: (dir) => {
      writeFileSync(join(dir, "story/07 What Next.md"), "---\ntitle: What next\n---\n\nMore text.\n");
    },
    message:
      /content\/story\/07 What Next\.md: this file name does not make a section id[^\n]*\n {2}field: file name\n {2}value: "07 What Next\.md"\n {2}fix: {3}Rename it 07-what-next\.md/,
  },
  {
    issue: 15,
    name: "a section saved with the wrong extension",
    apply: (dir) => {
      renameSync(join(dir, "story/05-method.md"), join(dir, "story/05-method.MD"));
    },
    message:
      /content\/story\/05-method\.MD: this file name does not make a section id[^\n]*\n[^\n]*\n[^\n]*\n {2}fix: {3}Rename it 05-method\.md/,
  },
  {
    issue: 16,
    name: "two sections with the same chart",
    apply: (dir) => {
      writeFileSync(
        join(dir, "story/06-more-count.md"),
        "---\ntitle: More of the count\nchart: prisoners\n---\n\n:::step{#more-prisoners}\nMore.\n\n::alt[The chart.]\n:::\n",
      );
    },
    message:
      /content\/story\/06-more-count\.md:3: the prisoners chart is already drawn by content\/story\/01-in-and-out\.md; each chart appears in one section\n {2}field: chart\n {2}value: "prisoners"\n {2}fix: {3}Move these steps into content\/story\/01-in-and-out\.md, or make this a text section/,
  },
];
