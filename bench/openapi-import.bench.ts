/**
 * A spec with thousands of operations must import in seconds with bounded memory (issue 20).
 * Generates a 5,000-operation OpenAPI 3 document (the same generator as the unit test), then
 * runs, each in a fresh Node process whose peak resident memory is read from /proc:
 * - baseline: loads the importer and does nothing (what the modules cost on their own);
 * - floor: reads the file, JSON.parse and a plain walk over every operation and parameter;
 * - import: the app's OpenAPI import (swagger-parser dereference, then the collection).
 * Times are of the work inside the process, after start-up; the median of the runs.
 *
 *   npx tsx bench/openapi-import.bench.ts [--ops 5000] [--runs 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedSpec } from '../test/unit/interop/openapi-generated';
import { measure } from './lib/measure';
import { median, writeResult } from './lib/report';

const self = fileURLToPath(import.meta.url);
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

type Phase = 'baseline' | 'floor' | 'import';

function peakOwnKb(): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) : 0;
}

/** One phase, in this (child) process; prints its figures as JSON. */
async function child(phase: Phase, file: string): Promise<void> {
  const { loadOpenApi } = await import('../electron/backend/interop/openapi-loader');
  const { countRequests } = await import('../shared/interop/tree');
  const started = performance.now();
  let count = 0;
  if (phase === 'floor') {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, { parameters?: unknown[] }>> };
    for (const item of Object.values(doc.paths)) {
      for (const [key, operation] of Object.entries(item)) {
        if (key === 'parameters') continue;
        count++;
        for (const p of operation.parameters ?? []) if (p) count += 0;
      }
    }
  } else if (phase === 'import') {
    const collection = await loadOpenApi({ text: fs.readFileSync(file, 'utf8'), filePath: file });
    count = countRequests(collection.items);
  }
  process.stdout.write(JSON.stringify({ workMs: performance.now() - started, count, peakKb: peakOwnKb() }));
}

async function main(): Promise<void> {
  const operations = arg('--ops', 5_000);
  const runs = arg('--runs', 3);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-bench-'));
  const file = path.join(dir, 'generated.json');
  fs.writeFileSync(file, JSON.stringify(generatedSpec(operations)));
  const bytes = fs.statSync(file).size;
  const figures: Record<Phase, Array<{ workMs: number; count: number; peakMb: number }>> = { baseline: [], floor: [], import: [] };
  try {
    for (let run = 0; run < runs; run++) {
      for (const phase of ['baseline', 'floor', 'import'] as const) {
        const result = await measure(process.execPath, ['--import', 'tsx', self, '--child', phase, file]);
        if (result.exitCode !== 0) throw new Error(`The ${phase} run failed: ${result.stderr.slice(-2000)}`);
        const own = JSON.parse(result.stdout) as { workMs: number; count: number; peakKb: number };
        figures[phase].push({ workMs: own.workMs, count: own.count, peakMb: Math.max(own.peakKb * 1024, result.peakRssBytes) / 1024 ** 2 });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ms = (phase: Phase) => median(figures[phase].map((f) => f.workMs));
  const mb = (phase: Phase) => median(figures[phase].map((f) => f.peakMb));
  const imported = figures.import[0]?.count ?? 0;
  writeResult({
    name: 'openapi-import',
    title: `OpenAPI import: a generated ${operations.toLocaleString('en')}-operation spec (${(bytes / 1e6).toFixed(1)} MB of JSON), median of ${runs} runs`,
    command: `npx tsx bench/openapi-import.bench.ts --ops ${operations} --runs ${runs}`,
    rows: [
      { what: `import: ${imported.toLocaleString('en')} requests made`, figure: `${ms('import').toFixed(0)} ms`, ratio: `${(ms('import') / Math.max(1, ms('floor'))).toFixed(1)}× the floor`, goal: 'in seconds (under 10 s)', met: ms('import') < 10_000 && imported === operations },
      { what: 'import: peak resident memory of the process', figure: `${mb('import').toFixed(0)} MB`, ratio: `${(mb('import') - mb('baseline')).toFixed(0)} MB over the baseline`, goal: 'bounded (under 1 GB)', met: mb('import') < 1024 },
      { what: 'floor: read, JSON.parse and a plain walk over every operation', figure: `${ms('floor').toFixed(0)} ms, ${mb('floor').toFixed(0)} MB peak`, ratio: '1.0× the floor' },
      { what: 'baseline: the importer loaded, nothing done', figure: `${mb('baseline').toFixed(0)} MB peak` },
    ],
    notes: [`Load average ${os.loadavg().map((n) => n.toFixed(1)).join(' / ')} at the end; on a busy machine compare the ratios, not the times.`],
    raw: figures,
  });
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1] as Phase, process.argv[at + 2]!);
else await main();
