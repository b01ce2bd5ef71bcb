/**
 * A long run, through vipps-explorer and through newman in the same run: a Postman collection of
 * N requests (each reads the sandbox's test clock, no scripts), at 1,000 and at 10,000.
 * Reports requests per second and the peak resident memory of each tool's process tree. A run
 * must not hold what it no longer needs: the peak at 10,000 should stay within 1.5× the peak
 * at 1,000 (the result of each request is kept, small; its body is not).
 *
 *   npx tsx bench/large-run.bench.ts [--sizes 1000,10000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, type Measured } from './lib/measure';
import { postmanEnvironment } from './lib/postman-flow';
import { mib, repoRoot, writeResult, type ResultRow } from './lib/report';
import { cliJs, newmanJs, startSandboxProcess } from './lib/sandbox-process';

const sizesArg = process.argv.includes('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1]! : '1000,10000';
const SIZES = sizesArg.split(',').map(Number).filter((n) => n > 0);
const MEMORY_GROWTH_GOAL = 1.5;

function tokenCollection(count: number): object {
  const header = (key: string, value: string) => ({ key, value });
  const item = (n: number) => ({
    name: `Read the clock ${n}`,
    request: {
      method: 'GET',
      header: [header('client_id', '{{client_id}}'), header('client_secret', '{{client_secret}}')],
      url: { raw: '{{base_url}}/__sandbox/clock', host: ['{{base_url}}'], path: ['__sandbox', 'clock'] },
    },
  });
  return {
    info: { name: `Large run (${count} requests)`, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: Array.from({ length: count }, (_, index) => item(index + 1)),
  };
}

interface Point {
  size: number;
  ours: Measured;
  theirs: Measured;
}

const perSecond = (size: number, run: Measured) => (size / (run.wallMs / 1000)).toFixed(0);
const failure = (run: Measured) => (run.exitCode === 0 ? '' : ` — exit ${run.exitCode}: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}`);

async function main(): Promise<void> {
  if (!fs.existsSync(cliJs)) throw new Error('No built CLI: run `npm run build` first.');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-bench-large-'));
  const sandbox = await startSandboxProcess();
  const points: Point[] = [];
  const load = () => os.loadavg().map((n) => n.toFixed(2));
  const loadBefore = load();
  try {
    const env = path.join(work, 'sandbox.postman_environment.json');
    fs.writeFileSync(env, JSON.stringify(postmanEnvironment(sandbox.baseUrl, sandbox.keys)));
    for (const size of SIZES) {
      const file = path.join(work, `large-${size}.postman_collection.json`);
      fs.writeFileSync(file, JSON.stringify(tokenCollection(size)));
      const opts = { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } };
      const ours = await measure(process.execPath, [cliJs, 'run', 'collection', file, '--environment', env], opts);
      console.error(`vipps-explorer, ${size} requests: ${ours.wallMs.toFixed(0)} ms, ${mib(ours.peakRssBytes)}${failure(ours)}`);
      const theirs = await measure(process.execPath, [newmanJs, 'run', file, '--environment', env], opts);
      console.error(`newman, ${size} requests: ${theirs.wallMs.toFixed(0)} ms, ${mib(theirs.peakRssBytes)}${failure(theirs)}`);
      points.push({ size, ours, theirs });
    }
  } finally {
    await sandbox.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const rows: ResultRow[] = [];
  for (const { size, ours, theirs } of points) {
    rows.push({
      what: `${size.toLocaleString('en')} requests: requests per second, vipps-explorer / newman`,
      figure: `${perSecond(size, ours)} / ${perSecond(size, theirs)}${failure(ours)}`,
      ratio: `${(theirs.wallMs / ours.wallMs).toFixed(2)}× newman’s rate`,
    });
    rows.push({ what: `${size.toLocaleString('en')} requests: peak memory, vipps-explorer / newman`, figure: `${mib(ours.peakRssBytes)} / ${mib(theirs.peakRssBytes)}`, ratio: `${(ours.peakRssBytes / theirs.peakRssBytes).toFixed(2)}× newman` });
  }
  const small = points[0];
  const large = points.at(-1);
  if (small && large && large !== small) {
    const growth = large.ours.peakRssBytes / small.ours.peakRssBytes;
    rows.push({
      what: `vipps-explorer peak memory, ${large.size.toLocaleString('en')} requests over ${small.size.toLocaleString('en')}`,
      figure: `${mib(large.ours.peakRssBytes)} / ${mib(small.ours.peakRssBytes)}`,
      ratio: `${growth.toFixed(2)}×`,
      goal: `within ${MEMORY_GROWTH_GOAL}×`,
      met: growth <= MEMORY_GROWTH_GOAL && large.ours.exitCode === 0,
    });
    rows.push({ what: `newman peak memory, ${large.size.toLocaleString('en')} requests over ${small.size.toLocaleString('en')}`, figure: `${mib(large.theirs.peakRssBytes)} / ${mib(small.theirs.peakRssBytes)}`, ratio: `${(large.theirs.peakRssBytes / small.theirs.peakRssBytes).toFixed(2)}×` });
  }
  writeResult({
    name: 'large-run',
    title: `A long run: ${SIZES.map((n) => n.toLocaleString('en')).join(' and ')} requests through vipps-explorer and newman (one run each, same file, same sandbox)`,
    command: `npx tsx bench/large-run.bench.ts --sizes ${SIZES.join(',')}`,
    rows,
    notes: [
      'Each request is GET /__sandbox/clock with the sales unit’s client_id and client_secret headers, no scripts: a small answer, so the figures are mostly the tools’ own per-request cost. (A run of token requests learns a new token per request, and each learned token is redacted from everything after it: that cost grows with the run and is reported separately in the note of issue 17.)',
      `Load average ${loadBefore.join(' / ')} before, ${load().join(' / ')} after.`,
    ],
    raw: points.map(({ size, ours, theirs }) => ({ size, ours: { wallMs: ours.wallMs, peak: ours.peakRssBytes, exit: ours.exitCode }, theirs: { wallMs: theirs.wallMs, peak: theirs.peakRssBytes, exit: theirs.exitCode } })),
  });
}

await main();
