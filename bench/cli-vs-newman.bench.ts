/**
 * vipps-explorer against newman, side by side, on the same machine in the same run:
 *   - start-up: `--version`, and a run of a one-request Postman collection;
 *   - a flow: the same six-request Postman collection (token, payment, category, receipt,
 *     read-back; test scripts set the variables later requests use), several iterations.
 * Both tools get the same collection file, the same environment file and the same sandbox
 * (`vipps-explorer sandbox` in its own process). Wall time and the peak resident memory of each
 * tool's process tree are measured; the figures are medians of RUNS runs, tools alternating.
 *
 *   npx tsx bench/cli-vs-newman.bench.ts [--runs 5] [--iterations 10]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, type Measured } from './lib/measure';
import { postmanEnvironment, postmanFlow } from './lib/postman-flow';
import { median, mib, ms, repoRoot, writeResult, type ResultRow } from './lib/report';
import { cliJs, newmanJs, startSandboxProcess } from './lib/sandbox-process';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const RUNS = arg('--runs', 5);
const ITERATIONS = arg('--iterations', 10);
const MEMORY_RUNS = 3;

interface Series {
  wall: number[];
  peak: number[];
  failures: string[];
}

async function series(label: string, command: string[], okExit = 0, freshCache?: string): Promise<Series> {
  const result: Series = { wall: [], peak: [], failures: [] };
  for (let run = 0; run < RUNS; run++) {
    // A fresh cache folder per run: the script process's code cache and snapshot are not there yet.
    const cache = freshCache ? fs.mkdtempSync(path.join(freshCache, 'run-')) : undefined;
    const measured: Measured = await measure(process.execPath, command, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', ...(cache ? { XDG_CACHE_HOME: cache } : {}) } });
    if (measured.exitCode !== okExit) result.failures.push(`exit ${measured.exitCode}: ${(measured.stderr || measured.stdout).trim().split('\n').slice(-4).join(' | ')}`);
    // The first run leaves a snapshot being made in the background: let it finish before the next run.
    if (cache) await settle(path.join(cache, 'vipps-explorer', 'script-cache'));
    result.wall.push(measured.wallMs);
    result.peak.push(measured.peakRssBytes);
  }
  console.error(`${label}: median ${median(result.wall).toFixed(0)} ms, ${mib(median(result.peak))}${result.failures.length ? `, ${result.failures.length} failed runs: ${result.failures[0]}` : ''}`);
  return result;
}

/**
 * Peak memory with every physical page counted once (bench/lib/page-frames.ts), in runs of their
 * own: reading page frames costs CPU that would slow the runs whose wall time is measured.
 */
async function uniqueMemory(label: string, command: string[]): Promise<number[] | undefined> {
  const peaks: number[] = [];
  for (let run = 0; run < MEMORY_RUNS; run++) {
    const measured = await measure(process.execPath, command, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, sampleMs: 20, uniquePages: true });
    if (measured.peakUniqueBytes === undefined) return undefined;
    peaks.push(measured.peakUniqueBytes);
  }
  console.error(`${label}, pages counted once: median ${mib(median(peaks))}`);
  return peaks;
}

function compareUnique(what: string, ours: number[] | undefined, theirs: number[] | undefined): ResultRow {
  if (!ours || !theirs) return { what: `${what}: peak memory, each physical page counted once, vipps-explorer / newman`, figure: 'not measured: page frames in /proc/PID/pagemap are readable only by root' };
  return {
    what: `${what}: peak memory, each physical page counted once (median of ${MEMORY_RUNS}), vipps-explorer / newman`,
    figure: `${mib(median(ours))} / ${mib(median(theirs))}`,
    ratio: `${(median(ours) / median(theirs)).toFixed(2)}× newman`,
  };
}

function compare(what: string, ours: Series, theirs: Series, goal?: { wall: number; text: string; memory?: boolean }): ResultRow[] {
  const wallRatio = median(ours.wall) / median(theirs.wall);
  const peakRatio = median(ours.peak) / median(theirs.peak);
  const broken = ours.failures.length > 0 ? ` — ${ours.failures.length}/${RUNS} runs failed: ${ours.failures[0]}` : '';
  return [
    {
      what: `${what}: wall time, vipps-explorer / newman`,
      figure: `${ms(median(ours.wall), 0)} / ${ms(median(theirs.wall), 0)}${broken}`,
      ratio: `${wallRatio.toFixed(2)}× newman`,
      ...(goal ? { goal: goal.text, met: broken === '' && wallRatio <= goal.wall && (!goal.memory || peakRatio < 1) } : {}),
    },
    { what: `${what}: peak memory, vipps-explorer / newman`, figure: `${mib(median(ours.peak))} / ${mib(median(theirs.peak))}`, ratio: `${peakRatio.toFixed(2)}× newman` },
  ];
}

/**
 * Where the CLI's flow time goes, from runs of this same bench: start-up (and the one request)
 * is the scriptless one-request run; the script process is what one test script adds to it;
 * each further request is the flow's remaining time spread over its other requests.
 */
function split(bare: Series, one: Series, flow: Series): ResultRow[] {
  const startUp = median(bare.wall);
  const scripts = median(one.wall) - startUp;
  const perRequest = (median(flow.wall) - median(one.wall)) / (6 * ITERATIONS - 1);
  return [
    { what: 'vipps-explorer flow, split: start-up, the token and one request (a scriptless one-request run)', figure: ms(startUp, 0) },
    { what: 'vipps-explorer flow, split: starting the script process and a first test script (one request with a script, less the above)', figure: ms(scripts, 0) },
    { what: `vipps-explorer flow, split: each further request with its scripts (the flow less the one-request run, over ${6 * ITERATIONS - 1})`, figure: ms(perRequest, 1) },
  ];
}

async function main(): Promise<void> {
  if (!fs.existsSync(cliJs)) throw new Error('No built CLI: run `npm run build` first.');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-bench-cli-'));
  const sandbox = await startSandboxProcess();
  try {
    const files = {
      flow: path.join(work, 'flow.postman_collection.json'),
      one: path.join(work, 'one.postman_collection.json'),
      bare: path.join(work, 'bare.postman_collection.json'),
      env: path.join(work, 'sandbox.postman_environment.json'),
    };
    fs.writeFileSync(files.flow, JSON.stringify(postmanFlow().collection, null, 2));
    fs.writeFileSync(files.one, JSON.stringify(postmanFlow({ oneRequest: true }).collection, null, 2));
    fs.writeFileSync(files.bare, JSON.stringify(postmanFlow({ oneRequest: true, scripts: false }).collection, null, 2));
    fs.writeFileSync(files.env, JSON.stringify(postmanEnvironment(sandbox.baseUrl, sandbox.keys), null, 2));

    await warmScriptCache([cliJs, 'run', 'collection', files.one, '--environment', files.env]);
    const oursVersion = await series('vipps-explorer --version', [cliJs, '--version']);
    const newmanVersion = await series('newman --version', [newmanJs, '--version']);
    const oursOne = await series('vipps-explorer, one request', [cliJs, 'run', 'collection', files.one, '--environment', files.env]);
    const newmanOne = await series('newman, one request', [newmanJs, 'run', files.one, '--environment', files.env]);
    const oursCold = await series('vipps-explorer, one request, first run (empty cache folder)', [cliJs, 'run', 'collection', files.one, '--environment', files.env], 0, fs.mkdtempSync(path.join(work, 'cold-')));
    const oursBare = await series('vipps-explorer, one request without a script', [cliJs, 'run', 'collection', files.bare, '--environment', files.env]);
    const oursFlow = await series(`vipps-explorer, flow × ${ITERATIONS}`, [cliJs, 'run', 'collection', files.flow, '--environment', files.env, '--iterations', String(ITERATIONS)]);
    const newmanFlow = await series(`newman, flow × ${ITERATIONS}`, [newmanJs, 'run', files.flow, '--environment', files.env, '--iteration-count', String(ITERATIONS)]);
    const unique = {
      oursOne: await uniqueMemory('vipps-explorer, one request', [cliJs, 'run', 'collection', files.one, '--environment', files.env]),
      newmanOne: await uniqueMemory('newman, one request', [newmanJs, 'run', files.one, '--environment', files.env]),
      oursFlow: await uniqueMemory(`vipps-explorer, flow × ${ITERATIONS}`, [cliJs, 'run', 'collection', files.flow, '--environment', files.env, '--iterations', String(ITERATIONS)]),
      newmanFlow: await uniqueMemory(`newman, flow × ${ITERATIONS}`, [newmanJs, 'run', files.flow, '--environment', files.env, '--iteration-count', String(ITERATIONS)]),
    };

    writeResult({
      name: 'cli-vs-newman',
      title: `vipps-explorer against newman ${readNewmanVersion()} (median of ${RUNS} runs each, same Postman files, same sandbox)`,
      command: `npx tsx bench/cli-vs-newman.bench.ts --runs ${RUNS} --iterations ${ITERATIONS}`,
      rows: [
        ...compare('start-up, `--version`', oursVersion, newmanVersion),
        ...compare('start-up, a one-request collection', oursOne, newmanOne, { wall: 0.5, text: 'at or below 0.5× newman’s wall time, with less peak memory', memory: true }),
        compareUnique('start-up, a one-request collection', unique.oursOne, unique.newmanOne),
        { what: 'start-up, a one-request collection on a first run (no script cache yet: the script process boots postman-sandbox itself), vipps-explorer / newman', figure: `${ms(median(oursCold.wall), 0)} / ${ms(median(newmanOne.wall), 0)}`, ratio: `${(median(oursCold.wall) / median(newmanOne.wall)).toFixed(2)}× newman` },
        ...compare(`flow: 6 requests × ${ITERATIONS} iterations (${6 * ITERATIONS} requests, ${8 * ITERATIONS} assertions)`, oursFlow, newmanFlow, { wall: 0.5, text: 'at or below 0.5× newman’s wall time, with less peak memory', memory: true }),
        compareUnique(`flow: 6 requests × ${ITERATIONS} iterations`, unique.oursFlow, unique.newmanFlow),
        ...split(oursBare, oursOne, oursFlow),
      ],
      notes: [
        'vipps-explorer: `node dist/electron/cli.js run collection FILE --environment FILE`; newman: `node node_modules/newman/bin/newman.js run FILE --environment FILE`. Both print their CLI report to a pipe.',
        'Peak memory is the largest sum of resident memory over the tool’s process tree, sampled from /proc every 10 ms (and the main process’s own high-water mark). The goal is judged on this figure.',
        'Each physical page counted once: the page frames behind the resident pages of the whole tree (/proc/PID/pagemap), sampled every 20 ms in runs of their own. A sum of resident sizes counts the pages of the Node binary that both of vipps-explorer’s processes run (the CLI and its script process) once per process; the machine holds them once.',
      ],
      raw: { oursVersion, newmanVersion, oursOne, newmanOne, oursCold, oursBare, oursFlow, newmanFlow, unique },
    });
  } finally {
    await sandbox.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * One run with a script first, and then a wait until the script process's snapshot is made (in
 * the background, after a run that had to boot): the figures are a steady state, not the first
 * run and not the build of the snapshot beside a measured run. The first run has a row of its own.
 */
async function warmScriptCache(command: string[]): Promise<void> {
  await measure(process.execPath, command, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
  const dir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'vipps-explorer', 'script-cache');
  if (!(await settle(dir))) console.error(`no script snapshot in ${dir} after 60 s: runs with scripts boot the slow way`);
}

/** Waits (up to a minute) until the cache folder holds a snapshot and none is being made; whether it does. */
async function settle(dir: string): Promise<boolean> {
  const until = Date.now() + 60_000;
  const settled = () => fs.existsSync(dir) && fs.readdirSync(dir).some((name) => name.endsWith('.blob')) && !fs.readdirSync(dir).some((name) => name.endsWith('.lock'));
  while (!settled() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
  return settled();
}

function readNewmanVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'newman', 'package.json'), 'utf8')) as { version: string }).version;
}

await main();
