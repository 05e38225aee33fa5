/**
 * Every way an editor can get content/ wrong that the editors' guide promises to catch, each with
 * the edit that makes it and the message it must produce (file, line, column, field, value, fix).
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
const COUNT = "story/01-the-count.md";
const DEALS = "story/02-the-deals.md";

export const badInputs: BadInput[] = [
  {
    name: "malformed front matter",
    file: COUNT,
    change: replace("title: A count that barely moves", 'title: "A count that barely moves'),
    message:
      /content\/story\/01-the-count\.md:\d+: the front matter is not valid YAML: .*\n {2}fix: {3}Write one `key: value` per line/,
  },
  {
    name: "an unknown chart",
    file: COUNT,
    change: replace("chart: prisoners", "chart: prisoner"),
    message:
      /content\/story\/01-the-count\.md:3: there is no chart called "prisoner"\n {2}field: chart\n {2}value: "prisoner"\n {2}fix: {3}did you mean "prisoners"\? Valid: prisoners, deals, routes\./,
  },
  {
    name: "an unknown step attribute",
    file: COUNT,
    change: replace("{#since-2020 show=held}", "{#since-2020 shwo=held}"),
    message:
      /content\/story\/01-the-count\.md:6:21: "shwo" is not a state field of the prisoners chart\n {2}field: shwo\n {2}value: "shwo"\n {2}fix: {3}did you mean "show"\?/,
  },
  {
    name: "a state field the section's chart does not have",
    file: COUNT,
    change: replace("{#since-2020 show=held}", "{#since-2020 show=held extent=wide}"),
    message:
      /01-the-count\.md:6:\d+: "extent" is not a state field of the prisoners chart\n[\s\S]*Valid: from, to, highlight, show\./,
  },
  {
    name: "a state value of the wrong kind",
    file: COUNT,
    change: replace("{#since-2020 show=held}", "{#since-2020 show=everything}"),
    message: /01-the-count\.md:6:21: show is not one of both, held, flows\n {2}field: show\n {2}value: "everything"/,
  },
  {
    name: "a state date that does not exist",
    file: COUNT,
    change: replace("{#since-2020 show=held}", "{#since-2020 from=2025-13 show=held}"),
    message: /01-the-count\.md:6:21: from is not a real calendar date\n {2}field: from\n {2}value: "2025-13"/,
  },
  {
    name: "a state date range past the data",
    file: COUNT,
    change: replace("{#since-2020 show=held}", "{#since-2020 to=2026-11-01 show=held}"),
    message:
      /01-the-count\.md:6:21: to is after the newest data \(\d{4}-\d{2}-\d{2}\)\n {2}field: to\n {2}value: "2026-11-01"/,
  },
  {
    name: "a highlight naming no release",
    file: DEALS,
    change: replace("highlight=2025-09-11-us-deal}", "highlight=2025-09-11-us-dael}"),
    message:
      /02-the-deals\.md:\d+:\d+: highlight names no release in content\/data\/releases\.csv\n[\s\S]*did you mean "2025-09-11-us-deal"\?/,
  },
  {
    name: "a duplicate step id",
    file: DEALS,
    change: replace("{#kellogg ", "{#sep-11 "),
    message:
      /02-the-deals\.md:\d+: the step id "sep-11" is already used at content\/story\/01-the-count\.md:\d+\n {2}field: id/,
  },
  {
    name: "a missing text alternative",
    file: COUNT,
    change: replace(/::alt\[Dot chart[^\n]*\n/, ""),
    message:
      /01-the-count\.md:6: step "since-2020" has no text alternative\n[\s\S]*A draft from the data, to check and edit:\n::alt\[The count of political prisoners held/,
  },
  {
    name: "a prose number bound to a row that does not exist",
    file: COUNT,
    change: replace(":held[2020-11-02] in early", ":held[2020-11-01] in early"),
    message:
      /01-the-count\.md:7:\d+: no count for 2020-11-01 in content\/data\/held\.csv\n {2}field: :held\n {2}value: "2020-11-01"/,
  },
  {
    name: "an unknown number directive",
    file: COUNT,
    change: replace(":held[2020-11-02] in early", ":hled[2020-11-02] in early"),
    message: /01-the-count\.md:7:\d+: ":hled" is not a number this story knows\n[\s\S]*did you mean "held"\?/,
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
    change: replace(",2025-09-11,52,", ",2025-09-11,fifty-two,"),
    message:
      /content\/data\/releases\.csv:\d+:3: released is not a whole number\n {2}field: released\n {2}value: "fifty-two"\n {2}fix: {3}How many people were freed/,
  },
  {
    name: "a negative count",
    file: "data/held.csv",
    change: replace(",1184,", ",-1184,"),
    message: /content\/data\/held\.csv:\d+:2: count is negative\n {2}field: count\n {2}value: "-1184"/,
  },
  {
    name: "an impossible date",
    file: "data/held.csv",
    change: replace(/\n2025-09-18,/, "\n2025-09-31,"),
    message:
      /content\/data\/held\.csv:\d+:1: date is not a real calendar date\n {2}field: date\n {2}value: "2025-09-31"/,
  },
  {
    name: "a future date",
    file: "data/held.csv",
    change: replace(/\n2025-09-18,/, "\n2031-09-18,"),
    message: /content\/data\/held\.csv:\d+:1: date is in the future\n {2}field: date\n {2}value: "2031-09-18"/,
  },
  {
    name: "dates out of order",
    file: "data/recognitions.csv",
    change: replace("\n2021-11-16,2021-11-16,", "\n2021-11-16,2021-11-01,"),
    message:
      /content\/data\/recognitions\.csv:\d+: period_end is before period_start \(2021-11-16\)\n {2}field: period_end\n {2}value: "2021-11-01"/,
  },
  {
    name: "a duplicate row",
    file: "data/held.csv",
    change: (t) => `${t.trimEnd()}\n${t.split("\n")[1] ?? ""}\n`,
    message: /content\/data\/held\.csv:\d+: this row repeats the row on line 2 \(same date\)/,
  },
  {
    name: "a row without a source URL",
    file: "data/releases.csv",
    change: replace(
      /,https:\/\/www\.ipsnews\.net\/2025\/10\/belarus-prisoner-release-a-diversion-say-rights-activists\/,2025-10-07,"a further/,
      ',,2025-10-07,"a further',
    ),
    message: /content\/data\/releases\.csv:\d+:8: source_url is empty\n {2}field: source_url/,
  },
  {
    name: "a malformed source URL",
    file: "data/held.csv",
    change: replace("https://spring96.org/en/news/115297", "spring96 dot org"),
    message:
      /content\/data\/held\.csv:\d+:4: source_url is not a web address \(URL\)\n {2}field: source_url\n {2}value: "spring96 dot org"/,
  },
  {
    name: "an unknown place in a route",
    file: "data/deportations.csv",
    change: replace("2025-06-21-us-deal-kellogg,lithuania,", "2025-06-21-us-deal-kellogg,lithunia,"),
    message:
      /content\/data\/deportations\.csv:3: place "lithunia" is not an id in places\.csv\n[\s\S]*did you mean "lithuania"\?/,
  },
  {
    name: "a correction about a chart that does not exist",
    file: "corrections.csv",
    change: (t) => `${t.trimEnd()}\n2026-11-25,correction,deal,A date was wrong.\n`,
    message:
      /content\/corrections\.csv:3: there is no chart called "deal"\n {2}field: chart\n {2}value: "deal"\n {2}fix: {3}did you mean "deals"\?/,
  },
  {
    name: "a corrections log with two publication dates",
    file: "corrections.csv",
    change: (t) => `${t.trimEnd()}\n2026-11-24,published,,First published.\n`,
    message: /content\/corrections\.csv:3: the log has 2 "published" rows\n {2}field: kind/,
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
    change: replace("US lifts sanctions on Belavia,", "The United States lifts its sanctions on Belavia,"),
    message: /content\/data\/concessions\.csv:\d+:4: label is longer than 40 characters, too long for a chart label/,
  },
  {
    name: "a bad cell in a table other tables refer to, without false alarms about the references",
    file: "data/releases.csv",
    change: replace(",2025-09-11,52,", ",2025-09-11,52x,"),
    message:
      /content\/data\/releases\.csv:\d+:3: released is not a whole number\n {2}field: released\n {2}value: "52x"(?![\s\S]*is not an id)/,
  },
];
