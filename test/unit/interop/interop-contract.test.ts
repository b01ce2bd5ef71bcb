import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Collection } from 'postman-collection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/backend';
import { DEMO_SALES_UNIT } from '../../../electron/sandbox/index';
import { fromHttpRequest } from '../../../shared/model/convert';
import { allTemplates } from '../../../shared/quickstart/templates';
import { filesUnder, findSecrets, tempFolder, testBackend, type TestBackend } from '../engine/harness';
import { fixturesDir } from './reference';

/** Real backends, a sandbox and a script process: seconds each on a busy machine. */
const SLOW = { timeout: 60_000 };

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const shopCollection = path.join(fixturesDir, 'shop-v2.0.postman_collection.json');
const shopEnvironment = path.join(fixturesDir, 'shop.postman_environment.json');

describe('import and export through the contract', () => {
  let t: TestBackend;
  let client: InProcessClient;
  beforeAll(async () => {
    t = await testBackend({ sandbox: { inMemory: true } });
    client = createInProcessClient(t.backend, 'test');
  }, 60_000);
  afterAll(async () => t?.dispose());

  it('imports a Postman file into a new collection on disk, and export → import → export gives the same bytes', SLOW, async () => {
    const imported = ok(await client.importInto({ source: { kind: 'file', path: shopCollection }, target: { kind: 'new' } }));
    expect(imported).toMatchObject({ format: 'postman-collection', created: true, requestCount: 5, folderCount: 1 });
    expect(imported.items.find((i) => i.name === 'Signed upload')!.notes[0]).toMatch(/awsv4 auth is not supported/);
    const tree = ok(await client.getCollectionTree({ collectionId: imported.collectionId }));
    expect(tree.requestCount).toBe(5);
    expect(tree.problems).toEqual([]);

    const first = ok(await client.exportPostman({ collectionId: imported.collectionId }));
    expect(first.fileName).toBe('Shop-v2.0.postman_collection.json');
    expect(() => new Collection(JSON.parse(first.text))).not.toThrow();
    const again = ok(await client.importInto({ source: { kind: 'text', text: first.text, fileName: first.fileName }, target: { kind: 'new', name: 'Round trip' } }));
    const second = ok(await client.exportPostman({ collectionId: again.collectionId }));
    expect(second.text.replace('"name": "Round trip"', '"name": "Shop (v2.0)"')).toBe(first.text);

    const folder = ok(await client.exportPostman({ collectionId: imported.collectionId, path: tree.items.find((n) => n.kind === 'folder')!.path }));
    expect(JSON.parse(folder.text).item.map((i: { name: string }) => i.name)).toEqual(['Create order', 'Upload receipt']);
  });

  it('puts an environment’s keys in the keychain only with consent, and says where every value went', SLOW, async () => {
    const target = ok(await client.importInto({ source: { kind: 'file', path: shopCollection }, target: { kind: 'new', name: 'With keys' } }));
    const refused = ok(await client.importInto({ source: { kind: 'file', path: shopEnvironment }, target: { kind: 'existing', collectionId: target.collectionId } }));
    const where = (result: typeof refused) => Object.fromEntries(result.variables.map((v) => [v.key, v.destination]));
    expect(where(refused)).toEqual({ base_url: 'profile', client_id: 'profile', client_secret: 'profile', 'Ocp-Apim-Subscription-Key': 'profile', amount: 'collection-file' });

    const other = ok(await client.importInto({ source: { kind: 'text', text: JSON.stringify({ name: 'Shop keys', values: [{ key: 'shop_api_key', value: 'sk-live-0123456789abcdef', enabled: true }, { key: 'region', value: 'eu', enabled: true }] }) }, target: { kind: 'existing', collectionId: target.collectionId }, storeKeys: false }));
    expect(where(other)).toEqual({ shop_api_key: 'left-out', region: 'collection-file' });
    const keysBefore = t.keychain.size;
    const kept = ok(await client.importInto({ source: { kind: 'text', text: JSON.stringify({ name: 'Shop keys', values: [{ key: 'shop_api_key', value: 'sk-live-0123456789abcdef', enabled: true }] }) }, target: { kind: 'existing', collectionId: target.collectionId }, storeKeys: true }));
    expect(where(kept)).toEqual({ shop_api_key: 'keychain' });

    const settings = ok(await client.getContainerSettings({ collectionId: target.collectionId, path: '' }));
    expect(settings.variables.find((v) => v.key === 'shop_api_key')).toMatchObject({ secret: true, value: '' });
    expect(settings.variables.find((v) => v.key === 'region')).toMatchObject({ secret: false, value: 'eu' });
    expect(t.keychain.size).toBe(keysBefore + 1);
    const collectionDir = ok(await client.listCollections({})).collections.find((c) => c.id === target.collectionId)!.location;
    expect(filesUnder(collectionDir).length).toBeGreaterThan(3);
    expect(findSecrets([collectionDir], { key: 'sk-live-0123456789abcdef' })).toEqual([]);
    const exported = ok(await client.exportPostman({ collectionId: target.collectionId }));
    expect(exported.text).not.toContain('sk-live-0123456789abcdef');
  });

  it('previews pasted curl with its defects, and imports the fixed requests into a collection', SLOW, async () => {
    const text = `curl -X PUT https://apitest.vipps.no/order-management/v2/ecom/categories/PAYMENT-ORDER-ID \\\n -H "Authorization: YOUBearer YOUR-ACCESS-TOKEN" \\\n -d '{"category": "GENERAL",}'`;
    const preview = ok(await client.previewImport({ source: { kind: 'text', text } }));
    expect(preview.format).toBe('curl');
    // -d without a Content-Type: curl sends it as a form, so that comes first; its fix makes the body JSON, whose trailing comma shows next.
    expect(preview.items[0]!.defects.map((d) => d.kind).sort()).toEqual(['bearer-scheme', 'fixed-host', 'json-as-form', 'placeholder', 'placeholder']);
    let request = preview.items[0]!.request!;
    for (const kind of ['json-as-form', 'trailing-comma', 'bearer-scheme', 'fixed-host'] as const) {
      const next = ok(await client.previewImport({ source: { kind: 'requests', requests: [request] } }));
      const defect = next.items[0]!.defects.find((d) => d.kind === kind);
      expect(defect, `${kind} in ${JSON.stringify(next.items[0]!.defects.map((d) => d.kind))}`).toBeDefined();
      request = defect!.fix.request;
    }
    const collection = ok(await client.createCollection({ name: 'Pasted' }));
    const result = ok(await client.importInto({ source: { kind: 'requests', requests: [request] }, target: { kind: 'existing', collectionId: collection.id } }));
    expect(result.requestCount).toBe(1);
    const saved = ok(await client.getRequest({ collectionId: collection.id, path: ok(await client.getCollectionTree({ collectionId: collection.id })).items[0]!.path }));
    expect(saved.request.url).toBe('{{base_url}}/order-management/v2/ecom/categories/PAYMENT-ORDER-ID');
    expect(JSON.parse((saved.request.body as { text: string }).text)).toEqual({ category: 'GENERAL' });
    const curl = ok(await client.exportCurl({ request: saved.request }));
    expect(curl.text).toContain('curl -X PUT');
  });

  it('refuses what it cannot read with a clear error, and the backend carries on', SLOW, async () => {
    const bad = await client.previewImport({ source: { kind: 'text', text: '{"not": "a collection"}' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(!bad.ok && bad.error.message).toMatch(/not something we can import/);
    const missing = await client.importInto({ source: { kind: 'file', path: path.join(tempFolder(), 'nope.json') }, target: { kind: 'new' } });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    expect(ok(await client.listCollections({})).collections.length).toBeGreaterThan(0);
  });

  it('writes code snippets with keys as environment lookups, and the Node snippet of a quick-start request runs against the sandbox', SLOW, async () => {
    const templates = allTemplates();
    const template = templates.find((x) => x.key === 'token')!;
    const token = fromHttpRequest({ ...template, headers: template.headers.map((h) => ({ ...h, enabled: true })) }, 'Access token');
    const snippet = ok(await client.getSnippet({ target: 'node-fetch', ref: { request: token } }));
    expect(snippet.environment).toEqual(expect.arrayContaining(['VIPPS_CLIENT_ID', 'VIPPS_CLIENT_SECRET', 'VIPPS_SUBSCRIPTION_KEY']));
    expect(snippet.code).not.toContain(DEMO_SALES_UNIT.clientSecret);
    expect(snippet.code).toContain('process.env.VIPPS_CLIENT_SECRET');

    const dir = tempFolder('vx-snippet-');
    const file = path.join(dir, 'token.mjs');
    fs.writeFileSync(file, snippet.code);
    const env = { PATH: process.env.PATH ?? '', VIPPS_CLIENT_ID: DEMO_SALES_UNIT.clientId, VIPPS_CLIENT_SECRET: DEMO_SALES_UNIT.clientSecret, VIPPS_SUBSCRIPTION_KEY: DEMO_SALES_UNIT.subscriptionKey };
    // Asynchronously: the sandbox answering the snippet runs in this very process.
    const ran = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [file], { env, timeout: 20_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/access_token/);

    for (const target of ['curl', 'node-axios', 'python-requests', 'csharp-httpclient', 'java-httpclient', 'php-curl', 'go-native'] as const) {
      const other = ok(await client.getSnippet({ target, ref: { request: token } }));
      expect(other.code).not.toContain(DEMO_SALES_UNIT.clientSecret);
      expect(other.code).toContain('VIPPS_CLIENT_SECRET');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a Vipps-style collection kept in the repo runs on the sandbox, scripts and all', () => {
  it('passes every request and test, and the values the scripts set flow on', SLOW, async () => {
    const t = await testBackend({ sandbox: { inMemory: true } });
    try {
      const client = createInProcessClient(t.backend, 'test');
      const imported = ok(await client.importInto({ source: { kind: 'file', path: path.join(fixturesDir, 'sandbox-flow.postman_collection.json') }, target: { kind: 'new' } }));
      const { runId } = ok(await client.startRun({ collectionId: imported.collectionId, recordHistory: false }));
      const summary = await t.backend.runner.finished(runId);
      expect(summary.results.map((r) => [r.name, r.status, r.passed, r.error?.message ?? ''])).toEqual([
        ['Get Access Token', 200, true, ''],
        ['Initiate Payment', 200, true, ''],
        ['Get Payment Details', 200, true, ''],
      ]);
      expect(summary.assertions).toEqual({ total: 4, passed: 4, failed: 0 });
      expect(summary.results[1]!.setVariables).toContain('orderId');
    } finally {
      await t.dispose();
    }
  });
});
