/**
 * Engine overhead: the same GET sent N times, one after another, three ways:
 *   1. a bare keep-alive node:http client with the headers written out by hand (the floor);
 *   2. the engine in process, two ways: the runner (what `vipps-explorer run` does: no history;
 *      the time per request is the gap between consecutive request-finished events of an
 *      N-iteration run of a one-request collection), and the contract's sendRequest (the app's
 *      single send, which also writes a redacted history entry);
 *   3. the engine behind the browser host's RPC (POST /rpc/sendRequest with the launch token).
 * All three hit the same embedded sandbox in this process, so the differences are our code.
 *
 *   npx tsx bench/engine-overhead.bench.ts [--n 2000]
 */
import http from 'node:http';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend, loadConfStoreFactory, createInProcessClient, MemoryKeychain } from '../electron/backend';
import { newRequest } from '../shared/model/request';
import type { RunEvent } from '../shared/model/run';
import { startWebHost } from '../electron/web/server';
import { median, ms, percentile, ratio, repoRoot, writeResult } from './lib/report';

const N = Number(process.argv[process.argv.indexOf('--n') + 1]) || 2_000;
const WARMUP = 200;

interface Sent {
  status: number;
  body: string;
}

function request(agent: http.Agent, url: URL, method: string, headers: Record<string, string>, body?: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function time(label: string, send: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await send();
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const start = process.hrtime.bigint();
    await send();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.error(`${label}: ${N} requests, median ${median(samples).toFixed(3)} ms`);
  return samples;
}

/** Per-request cycle times of a runner run: one GET as a one-request collection, WARMUP + N iterations. */
async function timeRunner(backend: Awaited<ReturnType<typeof createBackend>>, url: string): Promise<number[]> {
  const client = createInProcessClient(backend, 'cli');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-bench-collection-'));
  const collection = await client.createCollection({ name: 'Engine bench', directory: folder });
  if (!collection.ok) throw new Error(collection.error.message);
  const item = await client.createItem({ collectionId: collection.value.id, parentPath: '', item: { kind: 'request', source: { kind: 'request', request: newRequest({ name: 'Get order', method: 'GET', url, auth: { type: 'vipps' } }) } } });
  if (!item.ok) throw new Error(item.error.message);
  const stamps: number[] = [];
  let failed = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const unsubscribe = client.subscribe('run', (event: RunEvent) => {
    if (event.type === 'request-finished') {
      stamps.push(performance.now());
      if (!event.result.passed) failed += 1;
    }
    if (event.type === 'run-finished') done();
  });
  const started = await client.startRun({ collectionId: collection.value.id, iterations: WARMUP + N + 1, recordHistory: false });
  if (!started.ok) throw new Error(started.error.message);
  await finished;
  unsubscribe();
  fs.rmSync(folder, { recursive: true, force: true });
  if (failed > 0) throw new Error(`runner: ${failed} requests failed`);
  const gaps = stamps.slice(WARMUP).map((stamp, i) => stamp - stamps[WARMUP + i - 1]!).slice(1);
  console.error(`engine through the runner: ${gaps.length} requests, median ${median(gaps).toFixed(3)} ms`);
  return gaps;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-bench-engine-'));
  const backend = await createBackend({ host: 'test', dataDir, storeFactory: await loadConfStoreFactory(), keychain: new MemoryKeychain(), sandbox: { inMemory: true } });
  const host = await startWebHost({ backend, staticDir: path.join(repoRoot, 'dist', 'renderer'), port: 0 });
  try {
    const answer = await backend.call('getSandboxOverview', {});
    const overview = answer.ok ? (answer.value as { baseUrl: string | null; demoKeys: { clientId: string; clientSecret: string; subscriptionKey: string; msn: string } | null }) : undefined;
    if (!overview?.baseUrl || !overview.demoKeys) throw new Error('The embedded sandbox did not start');
    const baseUrl = overview.baseUrl;
    const keys = overview.demoKeys;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

    // Seed one order and take a token by hand for the floor client.
    const token = JSON.parse((await request(agent, new URL('/accesstoken/get', baseUrl), 'POST', { client_id: keys.clientId, client_secret: keys.clientSecret, 'Ocp-Apim-Subscription-Key': keys.subscriptionKey })).body) as { access_token: string };
    const headers = { Authorization: `Bearer ${token.access_token}`, 'Ocp-Apim-Subscription-Key': keys.subscriptionKey, 'Merchant-Serial-Number': keys.msn, 'Content-Type': 'application/json' };
    const seeded = await request(agent, new URL('/order-management/v2/ecom/categories/bench-order-1', baseUrl), 'PUT', headers, JSON.stringify({ category: 'GENERAL', orderDetailsUrl: 'https://example.com/o/1' }));
    if (seeded.status >= 300) throw new Error(`Seeding the order failed with ${seeded.status}: ${seeded.body}`);
    const target = new URL('/order-management/v2/ecom/bench-order-1', baseUrl);

    const floor = await time('bare node:http', async () => {
      const answer = await request(agent, target, 'GET', headers);
      if (answer.status !== 200) throw new Error(`floor: ${answer.status}`);
    });

    const viaRunner = await timeRunner(backend, target.href);

    const sendInput = { request: { method: 'GET' as const, url: target.href } };
    const inProcess = await time('engine in process (sendRequest)', async () => {
      const answer = await backend.call('sendRequest', sendInput, { host: 'cli' });
      if (!answer.ok || (answer.value as { status: number }).status !== 200) throw new Error(`engine: ${JSON.stringify(answer).slice(0, 300)}`);
    });

    const rpcUrl = new URL('/rpc/sendRequest', host.origin);
    const rpcAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const rpcBody = JSON.stringify({ input: sendInput });
    const rpcHeaders = { 'content-type': 'application/json', 'x-explorer-token': host.token, host: new URL(host.origin).host };
    const viaRpc = await time('engine via browser-host RPC', async () => {
      const answer = await request(rpcAgent, rpcUrl, 'POST', rpcHeaders, rpcBody);
      if (answer.status !== 200 || !answer.body.includes('"ok":true')) throw new Error(`rpc: ${answer.status} ${answer.body.slice(0, 300)}`);
    });
    agent.destroy();
    rpcAgent.destroy();

    const floorMedian = median(floor);
    const floorP99 = percentile(floor, 99);
    const overhead = median(viaRunner) - floorMedian;
    writeResult({
      name: 'engine-overhead',
      title: `Engine overhead: GET /order-management/v2/ecom/{orderId}, ${N} sequential requests each (after ${WARMUP} warm-up), embedded sandbox in process`,
      command: `npx tsx bench/engine-overhead.bench.ts --n ${N}`,
      rows: [
        { what: 'bare keep-alive node:http (floor), median / p99', figure: `${ms(floorMedian)} / ${ms(floorP99)}`, ratio: '1.00× the floor' },
        {
          what: 'engine in process through the runner (the CLI’s path, no history), median / p99',
          figure: `${ms(median(viaRunner))} / ${ms(percentile(viaRunner, 99))}`,
          ratio: `${ratio(median(viaRunner), floorMedian)} (median), ${ratio(percentile(viaRunner, 99), floorP99)} (p99)`,
        },
        { what: 'engine in process through the runner, median over the floor', figure: ms(overhead), goal: 'under 0.3 ms per request', met: overhead < 0.3 },
        {
          what: 'engine in process through sendRequest (the app’s single send, with history), median / p99',
          figure: `${ms(median(inProcess))} / ${ms(percentile(inProcess, 99))}`,
          ratio: `${ratio(median(inProcess), floorMedian)} (median), ${ratio(percentile(inProcess, 99), floorP99)} (p99)`,
        },
        {
          what: 'engine via browser-host RPC, median / p99',
          figure: `${ms(median(viaRpc))} / ${ms(percentile(viaRpc, 99))}`,
          ratio: `${ratio(median(viaRpc), floorMedian)} (median), ${ratio(percentile(viaRpc, 99), floorP99)} (p99)`,
        },
      ],
      notes: [
        'Every engine path includes variable resolution, the cached Vipps token and headers, and timings; the runner adds its scopes, extractions and run events; sendRequest adds contract validation and the redacted history entry; the RPC path adds the browser host’s guard and JSON over HTTP.',
      ],
      raw: { n: N, floor: { median: floorMedian, p99: floorP99 }, viaRunner: { median: median(viaRunner), p99: percentile(viaRunner, 99) }, inProcess: { median: median(inProcess), p99: percentile(inProcess, 99) }, viaRpc: { median: median(viaRpc), p99: percentile(viaRpc, 99) } },
    });
  } finally {
    await host.close();
    await backend.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
