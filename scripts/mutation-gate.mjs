#!/usr/bin/env node
// The mutation gate: Stryker's own `thresholds.break` looks only at the score of all files
// together, so one well-tested large module could hide a barely tested small one. This reads
// Stryker's JSON report and fails when any single module scores under the threshold.
//
//   node scripts/mutation-gate.mjs [report.json] [--threshold 85]
import { readFileSync } from 'node:fs';

const DEFAULT_REPORT = 'reports/mutation/mutation.json';
const DEFAULT_THRESHOLD = 85;

/** Mutants that a test killed, or that made the tests run out of time, count as detected (as Stryker counts them). */
const DETECTED = new Set(['Killed', 'Timeout']);
/** Mutants no test noticed: the ones the score is about. */
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function parseArgs(argv) {
  let report = DEFAULT_REPORT;
  let threshold = DEFAULT_THRESHOLD;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--threshold') {
      threshold = Number(argv[++i]);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
        throw new Error(`--threshold takes a percentage from 0 to 100, got "${argv[i]}".`);
      }
    } else if (arg.startsWith('-')) {
      throw new Error(`Unknown option "${arg}". Usage: node scripts/mutation-gate.mjs [report.json] [--threshold 85]`);
    } else report = arg;
  }
  return { report, threshold };
}

/** Score per file, as Stryker computes it: detected / (detected + undetected); errors and ignored mutants left out. */
export function scoresOf(report) {
  const rows = [];
  for (const [file, { mutants }] of Object.entries(report.files ?? {})) {
    let detected = 0;
    let undetected = 0;
    for (const mutant of mutants) {
      if (DETECTED.has(mutant.status)) detected++;
      else if (UNDETECTED.has(mutant.status)) undetected++;
    }
    const valid = detected + undetected;
    rows.push({ file, detected, undetected, score: valid === 0 ? 100 : (detected / valid) * 100 });
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}

function printTable(rows, threshold) {
  const width = Math.max(6, ...rows.map((r) => r.file.length));
  console.log(`${'module'.padEnd(width)}  score   killed  survived  gate (${threshold}%)`);
  for (const r of rows) {
    const verdict = r.score >= threshold ? 'ok' : 'BELOW';
    console.log(`${r.file.padEnd(width)}  ${r.score.toFixed(1).padStart(5)}%  ${String(r.detected).padStart(6)}  ${String(r.undetected).padStart(8)}  ${verdict}`);
  }
}

function main() {
  const { report, threshold } = parseArgs(process.argv.slice(2));
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(report, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the mutation report ${report} (${error.message}). Run "npx stryker run" first; its json reporter writes it.`, { cause: error });
  }
  const rows = scoresOf(parsed);
  if (rows.length === 0) throw new Error(`The mutation report ${report} lists no mutated file: check "mutate" in stryker.config.mjs.`);
  printTable(rows, threshold);
  const below = rows.filter((r) => r.score < threshold);
  if (below.length > 0) {
    console.error(`\nMutation gate failed: ${below.length} module(s) under ${threshold}%: ${below.map((r) => r.file).join(', ')}.`);
    console.error('Add tests that fail on the surviving mutants listed above in the Stryker output (or in reports/mutation/mutation.json).');
    process.exit(1);
  }
  console.log(`\nMutation gate passed: every module at ${threshold}% or more.`);
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
