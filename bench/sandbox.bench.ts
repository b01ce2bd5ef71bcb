/**
 * Sandbox throughput: `npm run bench:sandbox`. The sandbox runs in a child process so the load
 * generator (autocannon) does not share its event loop; everything stays on 127.0.0.1.
 * Results: a table on stdout and bench/results/sandbox.json.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 10;
const DURATION_SECONDS = 10;
const TOTAL_REQUESTS = 100_000;
const TIMEOUT_MS = 5 * 60_000;

interface Keys {
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  msn: string;
}

type ChildMessage = { type: 'ready'; baseUrl: string; keys: Keys } | { type: 'memory'; rss: number; heapUsed: number; heapTotal: number };

// --- child: runs the sandbox and answers memory questions over IPC -------------------------
async function runChild(): Promise<void> {
  const { startSandbox } = await import('../electron/sandbox/index.js');
  const sandbox = await startSandbox({ port: 0 });
  if (!sandbox.demoKeys) throw new Error('The demo sales unit is needed for the benchmark');
  process.on('message', (message: unknown) => {
    if (message === 'memory') {
      const m = process.memoryUsage();
      process.send?.({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal } satisfies ChildMessage);
    } else if (message === 'stop') {
      void sandbox.close().then(() => process.exit(0));
    }
  });
  process.send?.({ type: 'ready', baseUrl: sandbox.baseUrl, keys: { ...sandbox.demoKeys } } satisfies ChildMessage);
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

async function runParent(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const child = fork(self, ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const guard = setTimeout(() => {
    console.error('Benchmark took too long; stopping.');
    child.kill('SIGKILL');
    process.exit(1);
  }, TIMEOUT_MS);
  try {
    const { baseUrl, keys } = await waitFor(child, 'ready');
    const tokenRes = await fetch(`${baseUrl}/accesstoken/get`, { method: 'POST', headers: { client_id: keys.clientId, client_secret: keys.clientSecret, 'Ocp-Apim-Subscription-Key': keys.subscriptionKey } });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const headers = { Authorization: `Bearer ${token}`, 'Ocp-Apim-Subscription-Key': keys.subscriptionKey, 'Merchant-Serial-Number': keys.msn, 'Content-Type': 'application/json' };
    const receipt = JSON.stringify({
      orderLines: [{ name: 'Socks', id: 'socks_1', totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, taxRate: 2500 }],
      bottomLine: { currency: 'NOK' },
    });
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

    const soFar = gets.requests.total + posts.requests.total;
    const rest = Math.max(0, TOTAL_REQUESTS - soFar);
    if (rest > 0) {
      console.error(`GET order until ${TOTAL_REQUESTS} requests in all (${rest} more)…`);
      const fill = await autocannon({ url: `${baseUrl}/order-management/v2/ecom/bench-order-1`, connections: CONNECTIONS, amount: rest, headers });
      rows.push(row('GET (fill to 100k total)', fill));
    }
    child.send('memory');
    const memory = await waitFor(child, 'memory');
    const totalRequests = rows.reduce((sum, r) => sum + r.requests, 0);

    console.table(rows);
    const mib = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    console.log(`After ${totalRequests} requests (${next} receipts stored): child RSS ${mib(memory.rss)} MiB, heap used ${mib(memory.heapUsed)} MiB of ${mib(memory.heapTotal)} MiB.`);

    const out = join(dirname(self), 'results', 'sandbox.json');
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, rows, totalRequests, receiptsStored: next, memoryMiB: { rss: mib(memory.rss), heapUsed: mib(memory.heapUsed), heapTotal: mib(memory.heapTotal) } }, null, 2)}\n`);
    console.log(`Results written to ${out}`);
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  } finally {
    clearTimeout(guard);
    if (child.exitCode === null) child.kill();
  }
}

if (process.argv.includes('--child')) await runChild();
else await runParent();
