import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replaceSection } from "./lib/readme-section.ts";

/**
 * `npm run mutation`: StrykerJS (stryker.config.mjs) makes one small bug at a time in src/ and runs
 * the unit and snapshot tests against it. This script runs it, then summarises its JSON report: the
 * score per folder and overall, and every surviving mutant, with the reason for those we judged
 * equivalent (mutation/equivalent.json: a change no test can see because the program behaves the
 * same). Writes mutation/summary.json and the section between the mutation markers in README.md.
 * Incremental: only mutants in changed code, or covered by changed tests, are run again.
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
interface Equivalent {
  file: string;
  mutator: string;
  original: string;
  replacement: string;
  reason: string;
}

/** The goal on the code we cover: at least 85 % of mutants detected. */
const TARGET = 85;
/** Survivors listed in the README; the rest are in mutation/summary.json, so the README stays readable. */
const SHOWN = 40;
const REPORT = join("reports", "mutation", "mutation.json");

if (!process.argv.includes("--report-only")) {
  // Stryker's test runs make temp folders like any other; a mutant that hangs a test can leave one
  // behind, so they all go in one folder of their own, removed afterwards.
  const temp = mkdtempSync(join(tmpdir(), "revolving-door-test-mutation-"));
  try {
    // Anything after `npm run mutation --` goes to Stryker, e.g. --concurrency 2 on a quiet machine.
    const extra = process.argv.slice(2).filter((a) => a !== "--report-only");
    execFileSync(
      process.execPath,
      [join("node_modules", "@stryker-mutator", "core", "bin", "stryker.js"), "run", ...extra],
      {
        stdio: "inherit",
        env: { ...process.env, TMPDIR: temp },
      },
    );
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
if (!existsSync(REPORT)) throw new Error(`No report at ${REPORT}: run npm run mutation first.`);
const report = JSON.parse(readFileSync(REPORT, "utf8")) as Report;
const equivalents = JSON.parse(readFileSync(join("mutation", "equivalent.json"), "utf8")) as Equivalent[];

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
const byFolder = new Map<string, Tally>();
const total: Tally = { detected: 0, undetected: 0 };
const survivors: { where: string; mutator: string; original: string; replacement: string; reason?: string }[] = [];

for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const folder = file.split("/").slice(0, -1).join("/");
  const tally = byFolder.get(folder) ?? { detected: 0, undetected: 0 };
  byFolder.set(folder, tally);
  for (const mutant of mutants) {
    if (DETECTED.has(mutant.status)) {
      tally.detected++;
      total.detected++;
    } else if (UNDETECTED.has(mutant.status)) {
      tally.undetected++;
      total.undetected++;
      const text = original(source, mutant.location);
      const replacement = mutant.replacement ?? "";
      const known = equivalents.find(
        (e) =>
          e.file === file && e.mutator === mutant.mutatorName && e.original === text && e.replacement === replacement,
      );
      survivors.push({
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
const markdown = [
  `Measured ${date} by \`npm run mutation\` (StrykerJS, incremental): **${score(total)} %** of ${total.detected + total.undetected} mutants detected in the code it covers (target ≥ ${TARGET} %); ${survivors.length} survive, ${survivors.length - unexplained.length} of them judged equivalent (listed with the reason).`,
  "",
  "| folder | mutants | detected |",
  "| --- | --- | --- |",
  ...[...byFolder.entries()].map(([folder, t]) => `| \`${folder}/\` | ${t.detected + t.undetected} | ${score(t)} % |`),
  "",
  `<details><summary>Surviving mutants${survivors.length > SHOWN ? ` (the first ${SHOWN}; all ${survivors.length} are in mutation/summary.json)` : ""}</summary>`,
  "",
  "| where | mutation | equivalent because |",
  "| --- | --- | --- |",
  ...survivors
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
  `${JSON.stringify({ date, score: score(total), target: TARGET, ...total, byFolder: Object.fromEntries(byFolder), survivors }, null, 2)}\n`,
);
const readme = readFileSync("README.md", "utf8");
writeFileSync("README.md", replaceSection(readme, "mutation", `\n${markdown}\n`));
console.log(`\n${markdown.split("\n<details>")[0]}\n\n${unexplained.length} surviving mutant(s) not yet explained.`);
if (score(total) < TARGET) {
  console.error(`Mutation score ${score(total)} % is under the target of ${TARGET} %.`);
  process.exitCode = 1;
}
