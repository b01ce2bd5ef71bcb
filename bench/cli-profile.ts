/**
 * Where a CLI run spends its time: runs `vipps-explorer run collection` under `node --cpu-prof`
 * on a one-request collection without and with a test script, and on the six-request flow, and
 * prints the self time of each profile by place (module loading, our bundle, each package, GC)
 * and by function, and times the script process (cold start, then a script on the warm process).
 * It explains the figures of the other CLI benchmarks; its section of RESULTS.md sits beside them.
 *
 *   npx tsx bench/cli-profile.ts [--iterations 10] [--keep DIR]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScriptSandbox } from '../electron/backend/scripts/script-sandbox';
import { writeResultsSection } from './lib/browser-page';
import { formatSummary, summariseHeapProfile, summariseProfile, type ProfileSummary } from './lib/cpu-profile';
import { postmanEnvironment, postmanFlow } from './lib/postman-flow';
import { repoRoot } from './lib/report';
import { cliJs, startSandboxProcess } from './lib/sandbox-process';

const argAt = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const ITERATIONS = Number(argAt('--iterations')) || 10;
const keep = argAt('--keep');

async function main(): Promise<void> {
  if (!fs.existsSync(cliJs)) throw new Error('No built CLI: run `npm run build` first.');
  const work = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'vx-profile-'));
  fs.mkdirSync(work, { recursive: true });
  const sandbox = await startSandboxProcess();
  try {
    const write = (name: string, data: object) => {
      const file = path.join(work, name);
      fs.writeFileSync(file, JSON.stringify(data, null, 2));
      return file;
    };
    const env = write('sandbox.postman_environment.json', postmanEnvironment(sandbox.baseUrl, sandbox.keys));
    const cases = [
      { name: 'one request, no script', file: write('bare.postman_collection.json', postmanFlow({ oneRequest: true, scripts: false }).collection), extra: [] as string[] },
      { name: 'one request with a test script', file: write('one.postman_collection.json', postmanFlow({ oneRequest: true }).collection), extra: [] },
      { name: `flow, 6 requests × ${ITERATIONS}`, file: write('flow.postman_collection.json', postmanFlow().collection), extra: ['--iterations', String(ITERATIONS)] },
    ];
    const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' / ');
    console.log(`load average ${load()}`);
    const sections: string[] = [];
    for (const [index, entry] of cases.entries()) {
      const dir = path.join(work, `profile-${index}`);
      fs.rmSync(dir, { recursive: true, force: true });
      const started = performance.now();
      const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--heap-prof', `--heap-prof-dir=${dir}`, cliJs, 'run', 'collection', entry.file, '--environment', env, ...entry.extra], {
        cwd: repoRoot,
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      const wall = performance.now() - started;
      console.log(`\n=== ${entry.name}: exit ${run.status}, ${wall.toFixed(0)} ms wall (profiling on)`);
      if (run.status !== 0) console.log((run.stderr || run.stdout).trim().split('\n').slice(-6).join('\n'));
      const profile = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
      if (!profile) continue;
      const summary = summariseProfile(path.join(dir, profile));
      console.log(formatSummary(summary));
      const heapFile = fs.readdirSync(dir).find((name) => name.endsWith('.heapprofile'));
      const heap = heapFile ? summariseHeapProfile(path.join(dir, heapFile)) : [];
      const heapText = heap.map(({ place, mib }) => `${place} ${mib.toFixed(1)} MiB`).join('; ');
      console.log(`heap held at the end, by place: ${heapText}`);
      sections.push(`${markdownOf(`${entry.name}: ${wall.toFixed(0)} ms wall with the profiler on, exit ${run.status}`, summary)} Heap still held at exit (sampled), by place: ${heapText}.`);
    }
    const child = await scriptProcessTimes();
    console.log(`\nscript process: ${child}`);
    writeResultsSection(
      '<!-- cli-profile-bench:begin -->',
      '<!-- cli-profile-bench:end -->',
      [
        '## Where a CLI run spends its time (`node --cpu-prof`, self time)',
        '',
        `Command: \`npx tsx bench/cli-profile.ts --iterations ${ITERATIONS}\`; ${new Date().toISOString()}, load average ${load()}${os.loadavg()[0]! > 2 ? ' (**over 2: a busy machine, figures are noisy**)' : ''}. "(idle)" is the main process waiting: for the network, or for the script process to start.`,
        '',
        `- Script process: ${child}.`,
        '',
        ...sections,
      ].join('\n'),
    );
    if (keep) console.log(`\nprofiles kept in ${work}`);
  } finally {
    await sandbox.stop();
    if (!keep) fs.rmSync(work, { recursive: true, force: true });
  }
}

function markdownOf(title: string, summary: ProfileSummary): string {
  const places = summary.byPlace.slice(0, 8).map(({ place, ms }) => `${place} ${ms.toFixed(0)} ms`).join('; ');
  const functions = summary.byFunction.filter(({ fn }) => fn !== '(idle)').slice(0, 6).map(({ fn, ms }) => `\`${fn}\` ${ms.toFixed(0)} ms`).join('; ');
  return `- **${title}**, profiled ${summary.totalMs.toFixed(0)} ms. By place: ${places}. Top functions: ${functions}.`;
}

/**
 * The script process on its own: a start until a first test script has run, from the boot
 * snapshot (as a run finds it once one run has made it) and booting postman-sandbox itself (a
 * first run, or a Node that cannot make snapshots), then a script on the warm process.
 */
async function scriptProcessTimes(): Promise<string> {
  const childPath = path.join(repoRoot, 'dist', 'electron', 'script-child.cjs');
  const med = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const measureStarts = async (snapshot: boolean) => {
    const colds: number[] = [];
    const warms: number[] = [];
    const from = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const sandbox = new ScriptSandbox({ childPath, ...(snapshot ? {} : { snapshotBuilder: false }) });
      const run = async () => {
        const started = performance.now();
        const outcome = await sandbox.run(
          { listen: 'test', script: "pm.test('ok', function () { pm.expect(pm.response.code).to.eql(200); });", scopes: { environment: {}, globals: {}, collectionVariables: {}, variables: {} }, request: { url: 'http://127.0.0.1/', method: 'GET' }, response: { code: 200, status: 'OK', headers: [], body: '{}', responseTime: 1 } },
          { sendRequest: () => Promise.reject(new Error('no network here')), console: () => {} },
        );
        if (outcome.error || outcome.tests[0]?.passed !== true) throw new Error(`the timing script failed: ${outcome.error?.message ?? 'no passing test'}`);
        return performance.now() - started;
      };
      colds.push(await run());
      warms.push(await run());
      from.add(sandbox.startedFrom ?? 'unknown');
      await sandbox.dispose();
    }
    return { cold: med(colds), warm: med(warms), from: [...from].join('/') };
  };
  const booting = await measureStarts(false);
  const snapshot = await measureStarts(true);
  return `start until a first test script has run: ${snapshot.cold.toFixed(0)} ms (started from: ${snapshot.from}), ${booting.cold.toFixed(0)} ms booting postman-sandbox itself (started from: ${booting.from}); a test script on the warm process ${snapshot.warm.toFixed(1)} ms (medians of 3)`;
}

await main();
