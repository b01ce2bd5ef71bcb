import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/backend';
import type { ImportResult } from '../../../shared/contract/interop';
import type { RunSummary } from '../../../shared/model/run';
import { testBackend, type TestBackend } from '../engine/harness';
import { reference } from './reference';
import { QUICK_START_PICKS, REAL_SUB } from '../../helpers/official-collections';
import type { TreeNode } from '../../../shared/model/collection';

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * Each official collection with the environment file Vipps ships for it, and the requests that
 * fail because of the collection itself (the order it runs things in, a value it never sets):
 * the same requests fail when newman runs these collections against the sandbox
 * (test/unit/sandbox/fidelity/official-collections.test.ts names the reason for each).
 */
const PAIRS = [
  {
    collection: 'tools_epayment-api-postman-collection.json',
    environment: 'tools_global-postman-environment.json',
    failing: ['Capture payment', 'Refund payment', 'Force approve payment', 'Get Userinfo'],
  },
  {
    collection: 'tools_vipps-ecom-api-postman-collection.json',
    environment: 'tools_vipps-ecom-api-postman-environment.json',
    // Get Userinfo passes: the sandbox's simulated customer approved the profile-flow payment and shared a profile.
    failing: ['Generate QR Code PNG', 'Capture Payment', 'Force Approve Payment', 'Refund Payment'],
  },
  {
    collection: 'tools_recurring-v3-api-postman-collection.json',
    environment: 'tools_vipps-recurring-v3-api-postman-environment.json',
    failing: [
      'Update Agreement - Product name',
      'Update Agreement - Product description',
      'Update Agreement - Merchant agreement url',
      'Update Agreement - Legacy pricing amount',
      'Update Agreement - Suggested max amount',
      'Create Charge - Direct capture',
      'Create Charge - Reserve capture',
      'Capture reserved charge',
      'Refund Charge',
      'Cancel Charge',
      'Get Charge',
      'Get Userinfo',
    ],
  },
].map((pair) => ({ ...pair, c: reference(`fixtures/postman/${pair.collection}`, `Running ${pair.collection}`), e: reference(`fixtures/postman/${pair.environment}`, `Running with ${pair.environment}`) }));

function report(name: string, summary: RunSummary): string {
  const lines = [`${name}: ${summary.requests.total} run, ${summary.requests.passed} passed, ${summary.requests.failed} failed`];
  for (const r of summary.results.filter((x) => !x.passed)) {
    const reason = r.error ? `${r.error.code}: ${r.error.message}` : r.assertions.some((a) => !a.passed) ? `tests failed: ${r.assertions.filter((a) => !a.passed).map((a) => `${a.name} (${a.message ?? ''})`).join('; ')}` : `HTTP ${r.status} ${r.statusText ?? ''}`;
    lines.push(`  ✗ ${r.name} [${r.method} ${r.url}]: ${reason.slice(0, 300)}`);
  }
  return lines.join('\n');
}

describe('the official Vipps Postman collections run on the embedded sandbox, unchanged, through the runner', () => {
  let t: TestBackend;
  let client: InProcessClient;
  const summaries = new Map<string, { summary: RunSummary; imported: ImportResult }>();

  beforeAll(async () => {
    t = await testBackend({ sandbox: { inMemory: true } });
    client = createInProcessClient(t.backend, 'test');
  }, 60_000);
  afterAll(async () => {
    await t?.dispose();
  });

  for (const pair of PAIRS) {
    it.skipIf(pair.c.missing || pair.e.missing)(`imports ${pair.collection} with its environment and runs it with the Sandbox profile`, async () => {
      const imported = ok(await client.importInto({ source: { kind: 'file', path: pair.c.path }, target: { kind: 'new' } }));
      const env = ok(await client.importInto({ source: { kind: 'file', path: pair.e.path }, target: { kind: 'existing', collectionId: imported.collectionId } }));
      // Keys are the profile's: none of them is written into the collection.
      expect(env.variables.filter((v) => ['client_id', 'client_secret', 'Ocp-Apim-Subscription-Key', 'base_url', 'merchantSerialNumber'].includes(v.key)).every((v) => v.destination === 'profile')).toBe(true);
      const { runId } = ok(await client.startRun({ collectionId: imported.collectionId, recordHistory: false }));
      const summary = await t.backend.runner.finished(runId);
      summaries.set(pair.collection, { summary, imported });
      console.info(report(imported.collectionName, summary));
      expect(summary.outcome).toBe('completed');
      expect(summary.results).toHaveLength(imported.requestCount);
      const token = summary.results.find((r) => /access token/i.test(r.name))!;
      expect(token, 'the token request ran').toBeDefined();
      expect(token.passed, JSON.stringify(token)).toBe(true);
      expect(token.setVariables).toContain('access_token');
      expect(summary.results.filter((r) => !r.passed).map((r) => r.name)).toEqual(pair.failing);
    }, 120_000);
  }

  for (const [label, flow] of Object.entries(QUICK_START_PICKS)) {
    const pair = PAIRS.find((p) => p.collection === flow.file)!;
    it.skipIf(pair.c.missing || pair.e.missing)(`${label} with a run order of Vipps' quick start (the file unchanged): every request passes, userinfo for a real sub`, async () => {
      const { imported } = summaries.get(pair.collection)!;
      const tree = ok(await client.getCollectionTree({ collectionId: imported.collectionId })).items;
      const pathOf = (name: string, nodes: TreeNode[] = tree): string | undefined => {
        for (const node of nodes) {
          if (node.kind === 'request' && node.name === name) return node.path;
          const inner = node.kind === 'folder' ? pathOf(name, node.children) : undefined;
          if (inner) return inner;
        }
        return undefined;
      };
      const order = flow.picks.map((name) => pathOf(name)!);
      const { runId } = ok(await client.startRun({ collectionId: imported.collectionId, order, recordHistory: false }));
      const summary = await t.backend.runner.finished(runId);
      console.info(report(`${imported.collectionName} (quick-start order)`, summary));
      expect(summary.results.map((r) => r.name)).toEqual(flow.picks);
      expect(summary.results.filter((r) => !r.passed).map((r) => r.name)).toEqual([]);
      expect(summary.results.find((r) => r.name === 'Get Userinfo')?.url).toMatch(REAL_SUB);
    }, 120_000);
  }

  it.skipIf(PAIRS[0]!.c.missing)('ePayment: the pre-request script makes the reference, and later requests use it', () => {
    const { summary } = summaries.get(PAIRS[0]!.collection)!;
    const create = summary.results.find((r) => r.name === 'Create payment - Card')!;
    expect(create.passed, JSON.stringify(create)).toBe(true);
    expect(create.setVariables).toEqual(expect.arrayContaining(['idempotency_key', 'reference']));
    const get = summary.results.find((r) => r.name === 'Get payment')!;
    expect(get.status, JSON.stringify(get)).toBe(200);
    expect(get.url).toMatch(/\/epayment\/v1\/payments\/123456\d{13}$/);
  });

  it.skipIf(PAIRS[1]!.c.missing)('eCom: the orderId the initiate script made reaches the details request, which passes', () => {
    const { summary } = summaries.get(PAIRS[1]!.collection)!;
    const initiate = summary.results.find((r) => r.name === 'Initiate Payment')!;
    expect(initiate.passed, JSON.stringify(initiate)).toBe(true);
    expect(initiate.setVariables).toEqual(expect.arrayContaining(['orderId', 'vippsLandingPageURL', 'payment_token']));
    const details = summary.results.find((r) => r.name === 'Get Payment Details')!;
    expect(details.status, JSON.stringify(details)).toBe(200);
    expect(details.url).toMatch(/\/ecomm\/v2\/payments\/123456\d{13}\/details$/);
    expect(details.url).toContain(summary.results.find((r) => r.name === 'Cancel Payment')!.url.split('/').at(-2)!);
  });

  it.skipIf(PAIRS[2]!.c.missing)('Recurring: a draft agreement passes, its test script saves the agreementId, and Get Agreement uses it', () => {
    const { summary } = summaries.get(PAIRS[2]!.collection)!;
    const draft = summary.results.find((r) => r.name === 'Draft Agreement - Legacy pricing')!;
    expect(draft.passed, JSON.stringify(draft)).toBe(true);
    expect(draft.status).toBe(201);
    expect(draft.setVariables).toContain('agreementId');
    const get = summary.results.find((r) => r.name === 'Get Agreement')!;
    expect(get.status, JSON.stringify(get)).toBe(200);
    expect(get.url).toMatch(/\/recurring\/v3\/agreements\/agr_\w+$/);
  });
});
