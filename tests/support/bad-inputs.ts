/**
 * Every way an editor can get content/ wrong that the editors' guide promises to catch, each with
 * the edit that makes it in a copy of the fixture story (tests/fixtures/content) and the message it must produce (file, line, column, field, value, fix).
 * The unit test checks them against the loader; the build test checks the real build refuses them
 * and publishes nothing.
 */
export interface BadInput {
  name: string;
  file: string;
  change: (text: string) => string;
  message: RegExp;
}

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`the fixture edit found nothing to replace: ${String(from)}`);
  return changed;
};
const PRISONERS = "story/01-in-and-out.md";
const DEALS = "story/02-deals.md";
/** A year no data can have reached yet, whatever day the test runs. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

export const badInputs: BadInput[] = [
  {
    name: "malformed front matter",
    file: PRISONERS,
    change: replace("title: Who goes in, who comes out", 'title: "Who goes in, who comes out'),
    message:
      /content\/story\/01-in-and-out\.md:\d+: the front matter is not valid YAML: .*\n {2}fix: {3}Write one `key: value` per line/,
  },
  {
    name: "an unknown chart",
    file: PRISONERS,
    change: replace("chart: prisoners", "chart: prisoner"),
    message:
      /content\/story\/01-in-and-out\.md:3: there is no chart called "prisoner"\n {2}field: chart\n {2}value: "prisoner"\n {2}fix: {3}Did you mean "prisoners"\? Valid: door, prisoners, deals, routes\./,
  },
  {
    name: "an unknown step attribute",
    file: PRISONERS,
    change: replace("{#fx-peak focus=none held=", "{#fx-peak focus=none hled="),
    message:
      /content\/story\/01-in-and-out\.md:8:29: "hled" is not a state field of the prisoners chart\n {2}field: hled\n {2}value: "hled"\n {2}fix: {3}Did you mean "held"\?/,
  },
  {
    name: "a state field the section's chart does not have",
    file: PRISONERS,
    change: replace(
      "{#fx-peak focus=none held=peak,2025-05-31}",
      "{#fx-peak focus=none held=peak,2025-05-31 extent=wide}",
    ),
    message:
      /01-in-and-out\.md:8:50: "extent" is not a state field of the prisoners chart\n[\s\S]*Valid: focus, held\./,
  },
  {
    name: "a state value of the wrong kind",
    file: PRISONERS,
    change: replace("{#fx-peak focus=none ", "{#fx-peak focus=everything "),
    message:
      /01-in-and-out\.md:8:18: focus is not a period\n {2}field: focus\n {2}value: "everything"\n {2}fix: {3}Write a year \(2025\), a month \(2025-09\)/,
  },
  {
    name: "a state date that does not exist",
    file: PRISONERS,
    change: replace("{#fx-peak focus=none held=peak,2025-05-31}", "{#fx-peak focus=none held=peak,2025-02-30}"),
    message:
      /01-in-and-out\.md:8:29: held names no count in content\/data\/held\.csv \(2025-02-30\)\n {2}field: held\n {2}value: "2025-02-30"\n {2}fix: {3}Use dates of held\.csv, "latest", "peak" or "none"\. Did you mean "2025-04-30"\? Valid: 2024-03-31,/,
  },
  {
    name: "a state date range past the data",
    file: PRISONERS,
    change: replace("{#fx-peak focus=none ", `{#fx-peak focus=2025-05..${NEXT_YEAR}-11 `),
    message: new RegExp(
      `01-in-and-out\\.md:8:18: focus 2025-05-01\\.\\.${NEXT_YEAR}-11-30 reaches past the chart's periods, which cover only 2025-05-01\\.\\.2025-05-31 of it\\n {2}field: focus\\n {2}value: "2025-05\\.\\.${NEXT_YEAR}-11"`,
    ),
  },
  {
    name: "a highlight naming no release",
    file: DEALS,
    change: replace("highlight=feb-deal}", "highlight=feb-dael}"),
    message:
      /02-deals\.md:6:22: highlight names no release in content\/data\/releases\.csv\n[\s\S]*Did you mean "feb-deal"\?/,
  },
  {
    name: "a duplicate step id",
    file: DEALS,
    change: replace("{#fx-no-highlight}", "{#fx-peak}"),
    message:
      /02-deals\.md:12: the step id "fx-peak" is already used at content\/story\/01-in-and-out\.md:8\n {2}field: id/,
  },
  {
    name: "a missing text alternative",
    file: PRISONERS,
    change: replace(/::alt\[The count held, labelled[^\n]*\n/, ""),
    message:
      /01-in-and-out\.md:8: step "fx-peak" has no text alternative\n[\s\S]*A draft from the data, to check and edit:\n::alt\[Viasna's count of political prisoners held/,
  },
  {
    name: "a prose number bound to a row that does not exist",
    file: PRISONERS,
    change: replace(":held[2025-02-28] and ended", ":held[2025-02-27] and ended"),
    message:
      /01-in-and-out\.md:9:21: no count for 2025-02-27 in content\/data\/held\.csv\n {2}field: :held\n {2}value: "2025-02-27"/,
  },
  {
    name: "an unknown number directive",
    file: PRISONERS,
    change: replace(":held[2025-02-28] and ended", ":hled[2025-02-28] and ended"),
    message: /01-in-and-out\.md:9:21: ":hled" is not a number this story knows\n[\s\S]*Did you mean "held"\?/,
  },
  {
    name: "an empty section",
    file: "story/00-intro.md",
    change: (t) => `${t.split("---\n\n")[0] ?? ""}---\n`,
    message: /content\/story\/00-intro\.md:1: the section is empty/,
  },
  {
    name: "a CSV with a missing column",
    file: "data/held.csv",
    change: replace(/^date,count,source_name,/, "date,source_name,"),
    message:
      /content\/data\/held\.csv:1: the column "count" is missing\n {2}field: count\n {2}fix: {3}The first line must be exactly: date,count,source_name,source_url,published,note/,
  },
  {
    name: "a CSV with an extra column",
    file: "data/held.csv",
    change: replace(/^(date,count,source_name,source_url,published,note)/, "$1,comment"),
    message: /content\/data\/held\.csv:1:7: "comment" is not a column of held\.csv/,
  },
  {
    name: "a CSV with a misnamed column",
    file: "data/held.csv",
    change: replace(/^date,count,/, "date,cuont,"),
    message:
      /content\/data\/held\.csv:1: the column "count" is missing\n[\s\S]*"cuont" is not a column here: rename it "count"\?/,
  },
  {
    name: "a non-numeric count",
    file: "data/releases.csv",
    change: replace(",2025-03-10,20,", ",2025-03-10,twenty,"),
    message:
      /content\/data\/releases\.csv:4:3: released is not a whole number\n {2}field: released\n {2}value: "twenty"\n {2}fix: {3}How many people were freed/,
  },
  {
    name: "a negative count",
    file: "data/held.csv",
    change: replace(",125,", ",-125,"),
    message: /content\/data\/held\.csv:5:2: count is negative\n {2}field: count\n {2}value: "-125"/,
  },
  {
    name: "an impossible date",
    file: "data/held.csv",
    change: replace(/\n2025-04-30,/, "\n2025-04-31,"),
    message: /content\/data\/held\.csv:6:1: date is not a real calendar date\n {2}field: date\n {2}value: "2025-04-31"/,
  },
  {
    name: "a future date",
    file: "data/held.csv",
    change: replace(/\n2025-04-30,/, `\n${NEXT_YEAR}-04-30,`),
    message: new RegExp(
      `content/data/held\\.csv:6:1: date is in the future\\n {2}field: date\\n {2}value: "${NEXT_YEAR}-04-30"`,
    ),
  },
  {
    name: "dates out of order",
    file: "data/recognitions.csv",
    change: replace("\n2025-01-15,2025-01-15,", "\n2025-01-15,2025-01-01,"),
    message:
      /content\/data\/recognitions\.csv:5: period_end is before period_start \(2025-01-15\)\n {2}field: period_end\n {2}value: "2025-01-01"/,
  },
  {
    name: "a duplicate row",
    file: "data/held.csv",
    change: (t) => `${t.trimEnd()}\n${t.split("\n")[1] ?? ""}\n`,
    message: /content\/data\/held\.csv:8: this row repeats the row on line 2 \(same date\)/,
  },
  {
    name: "a row without a source URL",
    file: "data/releases.csv",
    change: replace(/^(mar-deal,[^\n]*?,Kyiv Independent,)https:\/\/kyivindependent\.com\/fixture,/m, "$1,"),
    message: /content\/data\/releases\.csv:4:8: source_url is empty\n {2}field: source_url/,
  },
  {
    name: "a malformed source URL",
    file: "data/held.csv",
    change: replace("https://spring96.org/en/news/1", "spring96 dot org"),
    message:
      /content\/data\/held\.csv:2:4: source_url is not a web address \(URL\)\n {2}field: source_url\n {2}value: "spring96 dot org"/,
  },
  {
    name: "an unknown place in a route",
    file: "data/deportations.csv",
    change: replace("mar-deal,lithuania,", "mar-deal,lithunia,"),
    message:
      /content\/data\/deportations\.csv:3: place "lithunia" is not an id in places\.csv\n[\s\S]*Did you mean "lithuania"\?/,
  },
  {
    name: "a correction about a chart that does not exist",
    file: "corrections.csv",
    change: (t) => `${t.trimEnd()}\n2025-06-25,correction,deal,A date was wrong.\n`,
    message:
      /content\/corrections\.csv:4: there is no chart called "deal"\n {2}field: chart\n {2}value: "deal"\n {2}fix: {3}Did you mean "deals"\?/,
  },
  {
    name: "a corrections log with two publication dates",
    file: "corrections.csv",
    change: (t) => `${t.trimEnd()}\n2025-06-24,published,,First published.\n`,
    message: /content\/corrections\.csv:4: the log has 2 "published" rows\n {2}field: kind/,
  },
  {
    name: "a places file without the place routes start from",
    file: "data/places.csv",
    change: (t) =>
      t
        .split("\n")
        .filter((line) => !line.startsWith("belarus,"))
        .join("\n"),
    message:
      /content\/data\/places\.csv: places\.csv has no row with the id "belarus", where every route on the map starts/,
  },
  {
    name: "a chart label too long to fit",
    file: "data/concessions.csv",
    change: replace("US eases sanctions on X,", "The United States eases its sanctions on X,"),
    message: /content\/data\/concessions\.csv:3:5: label is longer than 40 characters, too long for a chart label/,
  },
  {
    name: "a bad cell in a table other tables refer to, without false alarms about the references",
    file: "data/releases.csv",
    change: replace(",2025-03-10,20,", ",2025-03-10,20x,"),
    message:
      /content\/data\/releases\.csv:4:3: released is not a whole number\n {2}field: released\n {2}value: "20x"(?![\s\S]*(?:is not an id|no release with the id))/,
  },
];
