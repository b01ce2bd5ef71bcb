import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = path.join(repoRoot, 'bench', 'results');

/**
 * One line of bench/RESULTS.md. `ratio` compares the figure with its floor or peer measured in
 * the same run (never with a number remembered from another machine); `goal` is the target in
 * words, and `met` whether this run reached it. Goals are reported here, never asserted in tests.
 */
export interface ResultRow {
  what: string;
  figure: string;
  ratio?: string;
  goal?: string;
  met?: boolean;
}

export interface BenchResult {
  name: string;
  title: string;
  command: string;
  rows: ResultRow[];
  notes?: string[];
  /** The raw numbers, for anyone who wants to recompute. */
  raw?: unknown;
}

export function writeResult(result: BenchResult): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${result.name}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ ...result, measuredAt: new Date().toISOString(), loadAverage: os.loadavg() }, null, 2)}\n`);
  console.log(`\n${result.title}`);
  for (const row of result.rows) console.log(`  ${row.what}: ${row.figure}${row.ratio ? `  (${row.ratio})` : ''}${row.goal ? `  goal ${row.goal}: ${row.met ? 'met' : 'not met'}` : ''}`);
  console.log(`  -> ${path.relative(repoRoot, file)}`);
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function ms(value: number, digits = 3): string {
  return `${value.toFixed(digits)} ms`;
}

export function ratio(value: number, floor: number, what = 'the floor'): string {
  return `${(value / floor).toFixed(2)}× ${what}`;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
