/**
 * Sandbox throughput and soak: `npm run bench:sandbox`. The sandbox runs in a child process so
 * the load generator (autocannon) does not share its event loop; everything stays on 127.0.0.1.
 * The soak stores 100,000 receipts in memory and then with a data folder (as the embedded
 * sandbox runs), and restarts on that folder. Results: a table on stdout,
 * bench/results/sandbox.json and the sandbox section of bench/RESULTS.md.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 10;
const DURATION_SECONDS = 5;
const SOAK_RECEIPTS = 100_000;
const TIMEOUT_MS = 4 * 60_000;

interface Keys {
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  msn: string;
}

type ChildMessage =
  | { type: 'ready'; baseUrl: string; keys: Keys; startMs: number; receiptsLoaded: number }
  | { type: 'memory'; rss: number; peakRss: number; heapUsed: number; heapTotal: number };

// --- child: runs the sandbox and answers memory questions over IPC -------------------------
async function runChild(): Promise<void> {
  const { startSandbox } = await import('../electron/sandbox/index.js');
  const at = process.argv.indexOf('--data');
  const dataDir = at > 0 ? process.argv[at + 1] : undefined;
  const started = performance.now();
  const sandbox = await startSandbox({ port: 0, dataDir });
  const startMs = Math.round(performance.now() - started);
  if (!sandbox.demoKeys) throw new Error('The demo sales unit is needed for the benchmark');
  let peakRss = process.memoryUsage.rss();
  setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100).unref();
  process.on('message', (message: unknown) => {
    if (message === 'memory') {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      process.send?.({ type: 'memory', rss: m.rss, peakRss, heapUsed: m.heapUsed, heapTotal: m.heapTotal } satisfies ChildMessage);
    } else if (message === 'stop') {
      void sandbox.close().then(() => process.exit(0));
    }
  });
  process.send?.({ type: 'ready', baseUrl: sandbox.baseUrl, keys: { ...sandbox.demoKeys }, startMs, receiptsLoaded: sandbox.inspect({ offset: 0, limit: 1 }).totals.receipts } satisfies ChildMessage);
}

// --- parent: drives the load ----------------------------------------------------------------
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: AutocannonRequest[];
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  duration: number;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function waitFor<T extends ChildMessage['type']>(child: ChildProcess, type: T): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type === type) {
        child.off('message', onMessage);
        resolve(message as Extract<ChildMessage, { type: T }>);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`The sandbox child exited early (code ${code})`)));
  });
}

interface Row {
  scenario: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

function row(scenario: string, r: AutocannonResult): Row {
  return { scenario, requests: r.requests.total, requestsPerSecond: Math.round(r.requests.total / r.duration), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

function startChild(self: string, dataDir?: string): ChildProcess {
  return fork(self, ['--child', ...(dataDir ? ['--data', dataDir] : [])], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await exited;
}

async function headersFor(baseUrl: string, keys: Keys): Promise<Record<string, string>> {
  const tokenRes = await fetch(`${baseUrl}/accesstoken/get`, { method: 'POST', headers: { client_id: keys.clientId, client_secret: keys.clientSecret, 'Ocp-Apim-Subscription-Key': keys.subscriptionKey } });
  const token = ((await tokenRes.json()) as { access_token: string }).access_token;
  return { Authorization: `Bearer ${token}`, 'Ocp-Apim-Subscription-Key': keys.subscriptionKey, 'Merchant-Serial-Number': keys.msn, 'Content-Type': 'application/json' };
}

const RECEIPT = JSON.stringify({
  orderLines: [{ name: 'Socks', id: 'socks_1', totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, taxRate: 2500 }],
  bottomLine: { currency: 'NOK' },
});

/** Stores `count` receipts, each for a new order, as fast as 10 connections allow. */
async function storeReceipts(baseUrl: string, headers: Record<string, string>, count: number, prefix: string): Promise<AutocannonResult> {
  let next = 0;
  return autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    amount: count,
    requests: [{ method: 'POST', headers, body: RECEIPT, setupRequest: (request) => ({ ...request, path: `/order-management/v2/ecom/receipts/${prefix}-${++next}` }) }],
  });
}

interface Soak {
  mode: string;
  receipts: number;
  requestsPerSecond: number;
  p99Ms: number;
  peakRssMiB: number;
  non2xx: number;
}

const mib = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

async function soak(self: string, mode: 'in memory' | 'with --data', dataDir?: string): Promise<Soak> {
  const child = startChild(self, dataDir);
  try {
    const { baseUrl, keys } = await waitFor(child, 'ready');
    const headers = await headersFor(baseUrl, keys);
    console.error(`Soak ${mode}: ${SOAK_RECEIPTS} receipts…`);
    const r = await storeReceipts(baseUrl, headers, SOAK_RECEIPTS, 'soak');
    child.send('memory');
    const memory = await waitFor(child, 'memory');
    return { mode, receipts: r['2xx'], requestsPerSecond: Math.round(r.requests.total / r.duration), p99Ms: r.latency.p99, peakRssMiB: mib(memory.peakRss), non2xx: r.non2xx };
  } finally {
    await stopChild(child);
  }
}

/** Replaces (or adds) the sandbox section of bench/RESULTS.md; other benchmarks keep theirs. */
async function writeResultsSection(file: string, section: string): Promise<void> {
  const begin = '<!-- sandbox-bench:begin -->';
  const end = '<!-- sandbox-bench:end -->';
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = '# Benchmark results\n\nWritten by the benchmarks themselves; each owns its section.\n';
  }
  const block = `${begin}\n${section}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? `${text.slice(0, from)}${block}${text.slice(to + end.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, text);
}

async function runParent(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const child = startChild(self);
  const benchStarted = performance.now();
  const guard = setTimeout(() => {
    console.error('Benchmark took too long; stopping.');
    child.kill('SIGKILL');
    process.exit(1);
  }, TIMEOUT_MS);
  const dataDir = await mkdtemp(join(tmpdir(), 'vipps-sandbox-bench-'));
  try {
    const { baseUrl, keys } = await waitFor(child, 'ready');
    const headers = await headersFor(baseUrl, keys);
    const receipt = RECEIPT;
    const seed = await fetch(`${baseUrl}/order-management/v2/ecom/receipts/bench-order-1`, { method: 'POST', headers, body: receipt });
    await fetch(`${baseUrl}/order-management/v2/ecom/categories/bench-order-1`, { method: 'PUT', headers, body: JSON.stringify({ category: 'GENERAL', orderDetailsUrl: 'https://example.com/o/1' }) });
    if (seed.status !== 201) throw new Error(`Seeding the order failed with ${seed.status}`);

    const rows: Row[] = [];
    console.error(`GET order, ${CONNECTIONS} connections, ${DURATION_SECONDS} s…`);
    const gets = await autocannon({ url: `${baseUrl}/order-management/v2/ecom/bench-order-1`, connections: CONNECTIONS, duration: DURATION_SECONDS, headers });
    rows.push(row('GET /order-management/v2/ecom/{orderId}', gets));

    console.error(`POST receipt (new orderId per request), ${CONNECTIONS} connections, ${DURATION_SECONDS} s…`);
    let next = 0;
    const posts = await autocannon({
      url: baseUrl,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [{ method: 'POST', headers, body: receipt, setupRequest: (request) => ({ ...request, path: `/order-management/v2/ecom/receipts/bench-${++next}` }) }],
    });
    rows.push(row('POST /order-management/v2/ecom/receipts/{new orderId}', posts));
    await stopChild(child);
    console.table(rows);

    const memorySoak = await soak(self, 'in memory');
    const dataSoak = await soak(self, 'with --data', dataDir);
    const fileMiB = mib((await stat(join(dataDir, 'sandbox-state.jsonl'))).size);
    console.error('Restarting on the data folder…');
    const restartStarted = performance.now();
    const again = startChild(self, dataDir);
    const ready = await waitFor(again, 'ready');
    const restartWallMs = Math.round(performance.now() - restartStarted);
    await stopChild(again);
    const soaks = [memorySoak, dataSoak];
    console.table(soaks);
    const ratio = Math.round((dataSoak.requestsPerSecond / memorySoak.requestsPerSecond) * 100) / 100;
    const summary = {
      throughputRatioDataToMemory: ratio,
      peakRssMiBWithData: dataSoak.peakRssMiB,
      stateFileMiB: fileMiB,
      restart: { loadMs: ready.startMs, processToReadyMs: restartWallMs, receiptsKept: ready.receiptsLoaded },
    };
    console.log(`Soak: --data throughput is ${ratio} of in-memory (goal ≥ 0.8); peak RSS with default retention ${dataSoak.peakRssMiB} MiB (goal ≤ 250); state file ${fileMiB} MiB; restart loads ${ready.receiptsLoaded} receipts in ${ready.startMs} ms (${restartWallMs} ms from process start to ready).`);

    const out = join(dirname(self), 'results', 'sandbox.json');
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, rows, soaks, summary }, null, 2)}\n`);
    const table = (cells: Array<Array<string | number>>) => cells.map((c) => `| ${c.join(' | ')} |`).join('\n');
    await writeResultsSection(
      join(dirname(self), 'RESULTS.md'),
      [
        '## Sandbox (`npm run bench:sandbox`)',
        '',
        `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${CONNECTIONS} keep-alive connections on 127.0.0.1, the sandbox in its own process; the whole run took ${Math.round((performance.now() - benchStarted) / 1000)} s.`,
        '',
        table([['scenario', 'requests/s', 'p50 ms', 'p99 ms'], ['---', '---', '---', '---'], ...rows.map((r) => [r.scenario, r.requestsPerSecond, r.p50Ms, r.p99Ms])]),
        '',
        `Soak: ${SOAK_RECEIPTS.toLocaleString('en')} receipts, each for a new order, default retention (10,000 records per sales unit).`,
        '',
        table([['mode', 'receipts/s', 'p99 ms', 'peak RSS MiB', 'non-2xx'], ['---', '---', '---', '---', '---'], ...soaks.map((x) => [x.mode, x.requestsPerSecond, x.p99Ms, x.peakRssMiB, x.non2xx])]),
        '',
        `- throughput with \`--data\` as a ratio to in memory, measured in the same run: **${ratio}** (goal ≥ 0.8)`,
        `- peak RSS with \`--data\` and default retention: **${dataSoak.peakRssMiB} MiB** (goal ≤ 250)`,
        `- state file after the soak: ${fileMiB} MiB (append-only log, compacted as it grows)`,
        `- restart on that folder: ${ready.startMs} ms to load ${ready.receiptsLoaded.toLocaleString('en')} receipts; ${restartWallMs} ms from process start to accepting connections (including loading TypeScript through tsx)`,
      ].join('\n'),
    );
    console.log(`Results written to ${out} and bench/RESULTS.md`);
  } finally {
    clearTimeout(guard);
    if (child.exitCode === null) child.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child')) await runChild();
else await runParent();
