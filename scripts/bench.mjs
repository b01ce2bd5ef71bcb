// `npm run bench`: builds once, runs every benchmark one after another (they share 2 cores, so
// never in parallel; each writes its JSON figures to bench/results/), then writes
// bench/RESULTS.md: the machine, the commands, the figures and the ratios. A benchmark that
// fails is reported in RESULTS.md and makes the command exit 1; the others still run.
//   npm run bench [-- NAME...]   (names below; default: all)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAll, root } from './build-lib.mjs';

const benches = [
  { name: 'engine-overhead', file: 'bench/engine-overhead.bench.ts', args: ['--n', '2000'] },
  { name: 'cli-vs-newman', file: 'bench/cli-vs-newman.bench.ts', args: ['--runs', '5', '--iterations', '10'] },
  // Where the CLI's time goes (CPU and heap profiles), beside the figures above; it writes its own section.
  // A long run (1,000 and 10,000 requests) through both tools: rate, and whether memory stays bounded.
  { name: 'large-run', file: 'bench/large-run.bench.ts', args: ['--sizes', '1000,10000'] },
  { name: 'cli-profile', file: 'bench/cli-profile.ts', args: ['--iterations', '10'], ownSection: ['<!-- cli-profile-bench:begin -->', '<!-- cli-profile-bench:end -->'] },
  { name: 'app-start', file: 'bench/app-start.bench.ts', args: ['--runs', '5'] },
  // These two write their own section of RESULTS.md between their markers; it is kept as they wrote it.
  { name: 'collections', file: 'bench/collections.bench.ts', args: [], ownSection: ['<!-- collections:start -->', '<!-- collections:end -->'] },
  { name: 'sidebar', file: 'bench/sidebar.bench.ts', args: [], ownSection: ['<!-- sidebar-bench:begin -->', '<!-- sidebar-bench:end -->'] },
  { name: 'sandbox', file: 'bench/sandbox.bench.ts', args: [], ownSection: ['<!-- sandbox-bench:begin -->', '<!-- sandbox-bench:end -->'] },
  { name: 'json-viewer', file: 'bench/json-viewer.bench.ts', args: [] },
  { name: 'openapi-import', file: 'bench/openapi-import.bench.ts', args: ['--ops', '5000', '--runs', '3'] },
];
// Past these a benchmark is stopped, or not started, so the whole run stays under 15 minutes on 2 cores.
const PER_BENCH_LIMIT_MS = 4 * 60_000;
const START_NO_BENCH_AFTER_MS = 11 * 60_000;
const resultsDir = path.join(root, 'bench', 'results');
// --report-only rewrites RESULTS.md from the JSON already in bench/results/, running nothing.
const reportOnly = process.argv.includes('--report-only');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const started = Date.now();

function readResult(name) {
  const file = path.join(resultsDir, `${name}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

function machine() {
  const cpus = os.cpus();
  let distro = os.type();
  try {
    distro = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? distro;
  } catch {
    // Not Linux: os.type() will do.
  }
  return [
    `- CPU: ${cpus.length} × ${cpus[0]?.model?.trim() ?? 'unknown'}`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- OS: ${distro} (kernel ${os.release()}, ${os.arch()})`,
    `- Node ${process.version}; load average at the end ${os.loadavg().map((n) => n.toFixed(1)).join(' / ')}`,
  ].join('\n');
}

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(rows) {
  const lines = ['| what | figure | ratio | goal | met |', '|---|---|---|---|---|'];
  for (const row of rows) lines.push(`| ${cell(row.what)} | ${cell(row.figure)} | ${cell(row.ratio)} | ${cell(row.goal)} | ${row.goal ? (row.met ? 'yes' : '**no**') : ''} |`);
  return lines.join('\n');
}

/** The load average a benchmark saw when it finished; over 2 on these 2 cores, its figures are flagged as taken on a busy machine. */
function loadNote(load) {
  if (!Array.isArray(load) || load.length === 0) return '';
  const text = load.map((n) => Number(n).toFixed(2)).join(' / ');
  return Number(load[0]) > 2 ? `, load average ${text} (**over 2: a busy machine, these figures are not a quiet measurement**)` : `, load average ${text}`;
}

/** The benchmarks that predate the shared row format keep their own JSON; these read it. */
const adapters = {
  'json-viewer'(data) {
    const goals = data.goals ?? { firstLinesMs: 1000, longestTaskMs: 50 };
    const taskGoal = `no main-thread task over ${goals.longestTaskMs} ms`;
    const tasks = (p) => `longest main-thread task ${p.longestTaskMs} ms, ${p.longTasks} long tasks${p.longTaskList?.length ? ` (${p.longTaskList.map((t) => `${t.durationMs} ms at +${t.startMs} ms`).join(', ')})` : ''}`;
    const phase = (what, p, extra = '') => ({ what, figure: `${p.ms} ms${extra}; ${tasks(p)}`, goal: taskGoal, met: p.longestTaskMs <= goals.longestTaskMs });
    const longest = Math.max(...['load', 'expandRoot', 'expandMillion', 'jumpToEnd', 'search'].filter((name) => data[name]).map((name) => data[name].longestTaskMs));
    return {
      title: `Response viewer: a ${(data.body.bytes / 1e6).toFixed(0)} MB JSON body in headless Chromium`,
      command: `npx tsx bench/json-viewer.bench.ts${data.cpuSlowdown > 1 ? ` --cpu-slowdown ${data.cpuSlowdown}` : ''}`,
      rows: [
        { what: 'first lines of the body on screen, after the answer is handed over', figure: `${data.load.firstLinesMs} ms`, goal: `under ${goals.firstLinesMs} ms`, met: data.load.firstLinesMs < goals.firstLinesMs },
        {
          ...phase(`open: read all ${data.body.pages} pages, parse in the worker, tree visible`, data.load),
          ratio: data.floor ? `${(data.load.ms / Math.max(1, data.floor.ms)).toFixed(2)}× the floor` : '',
        },
        ...(data.floor ? [{ what: 'floor: the same body over the same RPC in 4 MiB pages, decoded and dropped (no viewer)', figure: `${data.floor.ms} ms`, ratio: '1.00× the floor' }] : []),
        phase('expand the root', data.expandRoot),
        phase(`expand a ${Number(data.expandMillion.childCount).toLocaleString('en')}-item array`, data.expandMillion, `, ${data.expandMillion.renderedRows} rows in the page`),
        ...(data.jumpToEnd ? [phase('jump to the end of the expanded array', data.jumpToEnd)] : []),
        ...(data.search ? [phase('search the whole body', data.search)] : []),
        { what: 'longest main-thread task in any phase above', figure: `${longest} ms`, goal: taskGoal, met: longest <= goals.longestTaskMs },
      ],
      notes: [
        `Page start-up before the answer is handed over (loading the bundle, first render of the empty viewer), not counted above: ${data.pageStartup?.longTasks?.length ? `long tasks of ${data.pageStartup.longTasks.join(', ')} ms` : 'no long tasks'}.`,
        `Load average ${data.machine?.loadAverage?.join(' / ') ?? '?'} when it ran${data.cpuSlowdown > 1 ? `; the page's CPU was slowed ${data.cpuSlowdown}× (DevTools throttling)` : ''}. A long task is one the browser reports as over 50 ms of wall time, so a busy machine can stretch short tasks past it.`,
      ],
    };
  },
};

/** Anything else: every number in the file, by its path. */
function genericRows(data, prefix = '') {
  const rows = [];
  for (const [key, value] of Object.entries(data ?? {})) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'number') rows.push({ what: name, figure: String(value) });
    else if (value && typeof value === 'object' && !Array.isArray(value)) rows.push(...genericRows(value, name));
  }
  return rows;
}

/** A section a benchmark wrote into RESULTS.md itself, between its two markers, as it wrote it. */
function ownSection([begin, end]) {
  const file = path.join(root, 'bench', 'RESULTS.md');
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const from = text.indexOf(begin);
  const to = text.indexOf(end, from);
  return from >= 0 && to > from ? text.slice(from, to + end.length) : undefined;
}

function resultsMarkdown(outcomes, totalSeconds) {
  const parts = [
    '# Benchmark results',
    '',
    reportOnly
      ? `Rewritten from the figures in bench/results/ by --report-only on ${new Date().toISOString()}; each section says when it was measured.`
      : `Written by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString()}; the whole run took ${totalSeconds} s.`,
    'Ratios compare figures measured in this same run (a floor or a peer), never numbers from another machine.',
    'Goals are reported here; no test asserts them. Figures from a busy machine are noisy: compare ratios, not absolute times.',
    '',
    '## Machine',
    '',
    machine(),
  ];
  for (const outcome of outcomes) {
    if (outcome.status === 'kept') {
      const kept = ownSection(outcome.ownSection ?? [`<!-- ${outcome.name}-bench:begin -->`, `<!-- ${outcome.name}-bench:end -->`]);
      if (kept) parts.push('', kept);
      continue;
    }
    if (outcome.status === 'absent') {
      parts.push('', `## ${outcome.name}`, '', `Not run: ${outcome.file} is not in this checkout.`);
      continue;
    }
    const own = outcome.ownSection ? ownSection(outcome.ownSection) : undefined;
    if (own && (reportOnly || outcome.status !== 'failed')) {
      parts.push('', own);
      continue;
    }
    const data = readResult(outcome.name);
    const shaped = !data ? undefined : adapters[outcome.name] ? adapters[outcome.name](data) : Array.isArray(data.rows) && typeof data.title === 'string' ? data : { title: outcome.name, command: `npx tsx ${outcome.file}`, rows: genericRows(data) };
    parts.push('', `<!-- ${outcome.name}-bench:begin -->`, `## ${shaped?.title ?? outcome.name}`, '');
    if (outcome.status === 'failed') parts.push(`**This benchmark failed in this run (${outcome.detail}); the figures below, if any, are from an earlier run.**`, '');
    parts.push(`Command: \`${shaped?.command ?? `npx tsx ${outcome.file} ${outcome.args.join(' ')}`}\`${reportOnly ? '' : ` (${outcome.seconds} s)`}`, '');
    if (shaped) parts.push(table(shaped.rows));
    for (const note of shaped?.notes ?? []) parts.push('', `- ${note}`);
    if (data?.measuredAt) parts.push('', `Measured at ${data.measuredAt}${loadNote(data.loadAverage)}.`);
    parts.push(`<!-- ${outcome.name}-bench:end -->`);
  }
  return `${parts.join('\n')}\n`;
}

async function main() {
  if (!reportOnly) {
    console.log('Building once for every benchmark…');
    await buildAll({ quiet: true });
  }

  const outcomes = [];
  for (const bench of benches) {
    if (only.length > 0 && !only.includes(bench.name)) {
      // A partial run keeps the other benchmarks' sections as they were.
      outcomes.push({ ...bench, status: 'kept' });
      continue;
    }
    if (!fs.existsSync(path.join(root, bench.file))) {
      outcomes.push({ ...bench, status: 'absent' });
      continue;
    }
    if (reportOnly) {
      outcomes.push({ ...bench, status: readResult(bench.name) ? 'ok' : 'failed', seconds: '?', detail: 'no result file' });
      continue;
    }
    if (Date.now() - started > START_NO_BENCH_AFTER_MS) {
      outcomes.push({ ...bench, status: 'failed', seconds: 0, detail: 'not started: the run’s 15-minute budget was nearly spent' });
      continue;
    }
    console.log(`\n=== bench: ${bench.name}`);
    const t0 = Date.now();
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), bench.file, ...bench.args], { cwd: root, stdio: 'inherit', timeout: PER_BENCH_LIMIT_MS });
    const seconds = Math.round((Date.now() - t0) / 1000);
    const ok = run.status === 0;
    if (!ok) console.error(`bench ${bench.name} failed (${run.error ? run.error.message : `exit ${run.status}`})`);
    outcomes.push({ ...bench, status: ok ? 'ok' : 'failed', seconds, detail: run.error ? run.error.message : `exit ${run.status}` });
  }

  fs.writeFileSync(path.join(root, 'bench', 'RESULTS.md'), resultsMarkdown(outcomes, Math.round((Date.now() - started) / 1000)));
  console.log(`\nWrote bench/RESULTS.md (${Math.round((Date.now() - started) / 1000)} s in all).`);
  process.exit(!reportOnly && outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0);
}

await main();
