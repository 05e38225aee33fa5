import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import config from "../stryker.config.mjs";
import { explaining, staleEntries, type Equivalent, type Survivor } from "./lib/equivalents.ts";
import { mutationParts, partFolder, partResults } from "./lib/mutation-parts.ts";
import * as prettier from "prettier";
import { replaceSection } from "./lib/readme-section.ts";

/**
 * `npm run mutation`: StrykerJS (stryker.config.mjs) makes one small bug at a time in src/ and runs
 * the unit and snapshot tests against it. The run goes one folder of src/ at a time (a part), each
 * keeping its results in mutation/incremental/<part>.json: a run stopped half-way keeps the parts it
 * finished, and a re-run tests only mutants in changed code or covered by changed tests. Then this
 * script summarises every part's results: the score per part and overall, and every surviving
 * mutant, with the reason for those we judged equivalent (mutation/equivalent.json: a change no test
 * can see because the program behaves the same). Writes mutation/summary.json and the section
 * between the mutation markers in README.md.
 *
 *   npm run mutation                          every part, then the summary
 *   npm run mutation -- --parts data,content  those parts only, then the summary of all
 *   npm run mutation -- --report-only         the summary only
 *   npm run mutation -- --concurrency 2       anything else goes to Stryker
 */
interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

/** The goal on the code we cover: at least 85 % of mutants detected. */
const TARGET = 85;
/** Survivors listed in the README; the rest are in mutation/summary.json, so the README stays readable. */
const SHOWN = 40;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const reportOnly = args.includes("--report-only");
const chosen = option("--parts")?.split(",");
const strykerArgs = args.filter((a) => a !== "--report-only");
const parts = mutationParts(config.mutate as string[]);
const unknown = chosen?.filter((name) => !parts.some((p) => p.name === name)) ?? [];
if (unknown.length > 0) {
  throw new Error(`No part called ${unknown.join(", ")}: the parts are ${parts.map((p) => p.name).join(", ")}.`);
}

/** Whether each part's last run went to the end, or was stopped with its results so far kept. */
const PROGRESS = join("mutation", "parts.json");
type Progress = Record<string, "complete" | "partial">;
const progress = (existsSync(PROGRESS) ? JSON.parse(readFileSync(PROGRESS, "utf8")) : {}) as Progress;
const record = (name: string, status: Progress[string]): void => {
  progress[name] = status;
  writeFileSync(PROGRESS, `${JSON.stringify(progress, null, 2)}\n`);
};
/** Stryker's exit codes when stopped by a signal (128 + SIGHUP, SIGINT, SIGTERM): it saves its results so far first. */
const STOPPED = new Set([129, 130, 143]);

if (!reportOnly) {
  // Ctrl-C reaches Stryker too, which saves what it has; this script then writes the summary.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => undefined);
  // Stryker's test runs make temp folders like any other; a mutant that hangs a test can leave one
  // behind, so they all go in one folder of their own, removed afterwards.
  const temp = mkdtempSync(join(tmpdir(), "revolving-door-test-mutation-"));
  try {
    // In the order asked for: the parts that matter most first, on a machine that may be stopped.
    for (const part of chosen ? chosen.map((name) => parts.find((p) => p.name === name)!) : parts) {
      console.log(`\nMutation testing ${partFolder(part.name)} (${part.files.length} files)`);
      record(part.name, "partial");
      try {
        execFileSync(
          process.execPath,
          [
            join("node_modules", "@stryker-mutator", "core", "bin", "stryker.js"),
            "run",
            "--mutate",
            part.files.join(","),
            ...strykerArgs,
          ],
          { stdio: "inherit", env: { ...process.env, TMPDIR: temp, MUTATION_PART: part.name } },
        );
      } catch (error) {
        if (!STOPPED.has((error as { status?: number }).status ?? 0)) throw error;
        console.log(
          `\nStopped in ${partFolder(part.name)}: its results so far are kept, and the next run goes on from them.`,
        );
        break;
      }
      record(part.name, "complete");
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

const equivalents = JSON.parse(readFileSync(join("mutation", "equivalent.json"), "utf8")) as Equivalent[];
/** Each part's results, on the files it holds now (a file since moved or deleted is not counted). */
const measured = parts.flatMap((part) => {
  if (!existsSync(partResults(part.name))) return [];
  const report = JSON.parse(readFileSync(partResults(part.name), "utf8")) as Report;
  return [{ part, files: Object.entries(report.files).filter(([file]) => part.files.includes(file)) }];
});
const unmeasured = parts.filter((part) => !measured.some((m) => m.part === part));
const partial = measured.filter((m) => progress[m.part.name] !== "complete").map((m) => m.part.name);

/** The source text a mutant replaced, so a listed equivalent still matches after lines move. */
function original(source: string, { start, end }: Mutant["location"]): string {
  const lines = source.split("\n");
  if (start.line === end.line) return lines[start.line - 1]!.slice(start.column - 1, end.column - 1);
  return [
    lines[start.line - 1]!.slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1]!.slice(0, end.column - 1),
  ].join("\n");
}

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);
type Tally = { detected: number; undetected: number };
const byPart = new Map<string, Tally>();
const total: Tally = { detected: 0, undetected: 0 };
const survivors: (Survivor & { where: string; reason?: string })[] = [];

for (const [part, file, { source, mutants }] of measured.flatMap((m) =>
  m.files.map(([f, r]) => [m.part.name, f, r] as const),
)) {
  const tally = byPart.get(part) ?? { detected: 0, undetected: 0 };
  byPart.set(part, tally);
  for (const mutant of mutants) {
    if (DETECTED.has(mutant.status)) {
      tally.detected++;
      total.detected++;
    } else if (UNDETECTED.has(mutant.status)) {
      tally.undetected++;
      total.undetected++;
      const text = original(source, mutant.location);
      const replacement = mutant.replacement ?? "";
      const known = explaining(equivalents, { file, mutator: mutant.mutatorName, original: text, replacement });
      survivors.push({
        file,
        where: `${file}:${mutant.location.start.line}`,
        mutator: mutant.mutatorName,
        original: text,
        replacement,
        ...(known ? { reason: known.reason } : {}),
      });
    }
  }
}

const score = (t: Tally): number => Math.round((1000 * t.detected) / Math.max(1, t.detected + t.undetected)) / 10;
const code = (s: string): string => `\`${s.replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 70)}\``;
const date = new Date().toISOString().slice(0, 10);
const unexplained = survivors.filter((s) => !s.reason);
const counted = total.detected + total.undetected;
const markdown = [
  `Summarised ${date} by \`npm run mutation\` (StrykerJS, incremental): **${score(total)} %** of ${counted} mutants detected in the parts measured (target ≥ ${TARGET} %); ${survivors.length} survive, ${survivors.length - unexplained.length} of them judged equivalent (listed with the reason).`,
  ...(unmeasured.length > 0
    ? [
        "",
        `Not yet measured, so not in the score: ${unmeasured.map((p) => `\`${partFolder(p.name)}\` (${p.files.length} ${p.files.length === 1 ? "file" : "files"})`).join(", ")}.`,
      ]
    : []),
  "",
  ...(partial.length > 0
    ? [
        "",
        `Measured in part (the run was stopped; the next goes on from there): ${partial.map((name) => `\`${partFolder(name)}\``).join(", ")}.`,
      ]
    : []),
  "",
  "| part | mutants | detected |",
  "| --- | --- | --- |",
  ...[...byPart.entries()].map(
    ([part, t]) =>
      `| \`${partFolder(part)}\`${partial.includes(part) ? " (in part)" : ""} | ${t.detected + t.undetected} | ${t.detected + t.undetected === 0 ? "none to detect (its code runs as the module loads)" : `${score(t)} %`} |`,
  ),
  "",
  `<details><summary>Surviving mutants${survivors.length > SHOWN ? ` (the first ${SHOWN}; all ${survivors.length} are in mutation/summary.json)` : ""}</summary>`,
  "",
  "| where | mutation | equivalent because |",
  "| --- | --- | --- |",
  // The ones a test is still missing for come first.
  ...[...unexplained, ...survivors.filter((s) => s.reason)]
    .slice(0, SHOWN)
    .map(
      (s) =>
        `| \`${s.where}\` | ${s.mutator}: ${code(s.original)} → ${code(s.replacement)} | ${s.reason ?? "not yet explained: a test is missing"} |`,
    ),
  "",
  "</details>",
].join("\n");

writeFileSync(
  join("mutation", "summary.json"),
  `${JSON.stringify({ date, score: score(total), target: TARGET, ...total, byPart: Object.fromEntries(byPart), unmeasured: unmeasured.map((p) => p.name), partial, survivors }, null, 2)}\n`,
);
// Formatted as the linter expects it, so a fresh summary never fails npm run lint.
const readme = replaceSection(readFileSync("README.md", "utf8"), "mutation", `\n${markdown}\n`);
writeFileSync(
  "README.md",
  await prettier.format(readme, { ...((await prettier.resolveConfig("README.md")) ?? {}), filepath: "README.md" }),
);
console.log(`\n${markdown.split("\n<details>")[0]}\n\n${unexplained.length} surviving mutant(s) not yet explained.`);
const unfinished = [...partial, ...unmeasured.map((p) => p.name)];
if (unfinished.length > 0) {
  console.error(
    `Parts not yet measured to the end: ${unfinished.join(", ")}; run npm run mutation -- --parts ${unfinished.join(",")}.`,
  );
  process.exitCode = 1;
}
// Only a whole measurement can tell an entry that matches nothing from one whose part was not run.
const stale = unfinished.length === 0 ? staleEntries(equivalents, survivors) : [];
for (const e of stale)
  console.error(
    `mutation/equivalent.json lists a survivor no longer found (its code changed, or a test now kills it): ${e.file}, ${e.mutator}: ${code(e.original)} → ${code(e.replacement)}. Remove the entry.`,
  );
if (stale.length > 0) process.exitCode = 1;
if (score(total) < TARGET) {
  console.error(`Mutation score ${score(total)} % is under the target of ${TARGET} %.`);
  process.exitCode = 1;
}
