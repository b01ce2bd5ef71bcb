import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/backend';
import type { CollectionSummary } from '../../../shared/model/collection';
import type { RunEvent, RunSummary } from '../../../shared/model/run';
import { json, startServer, tempFolder, testBackend, type TestBackend, type TestServer } from '../engine/harness';
import { addFolder, addRequest, makeCollection } from '../collections/helpers';

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('the runner', () => {
  let t: TestBackend;
  let client: InProcessClient;
  let server: TestServer;
  let holdRequests: Array<() => void>;
  let events: RunEvent[];
  let collection: CollectionSummary;

  beforeEach(async () => {
    holdRequests = [];
    server = await startServer((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/orders' && req.method === 'POST') return json(res, 201, { id: `o-${JSON.parse(body || '{}').n ?? 1}`, nested: { list: [{ code: 'first' }, { code: 'last' }] } }, { 'x-trace': 'tr-9' });
      if (url.pathname === '/fail') return json(res, 500, { error: 'boom' });
      if (url.pathname === '/own-token') return json(res, 200, { token_type: 'Bearer', access_token: 'tok-from-the-answer-42', expires_in: '3600' });
      if (url.pathname === '/hold') return void holdRequests.push(() => json(res, 200, {}));
      json(res, 200, { path: url.pathname, query: url.search });
    });
    t = await testBackend();
    client = createInProcessClient(t.backend, 'test');
    events = [];
    client.subscribe('run', (event) => events.push(event));
    collection = await makeCollection(t, 'Flow');
    const settings = ok(await client.getContainerSettings({ collectionId: collection.id, path: '' }));
    ok(await client.saveContainerSettings({ collectionId: collection.id, path: '', settings: { ...settings, auth: { type: 'none' }, variables: [{ key: 'base', value: server.url, enabled: true, secret: false }] } }));
  });
  afterEach(async () => {
    for (const release of holdRequests) release();
    await t.dispose();
    await server.close();
  });

  const run = async (options: Parameters<InProcessClient['startRun']>[0]): Promise<RunSummary> => {
    const { runId } = ok(await client.startRun(options));
    return t.backend.runner.finished(runId);
  };
  const seenPaths = () => server.requests.map((r) => r.url);

  it('runs a collection in order, hands extracted values on, and reports each step as typed events', async () => {
    await addRequest(t, collection.id, '', {
      name: 'Create order',
      method: 'POST',
      url: '{{base}}/orders',
      body: { mode: 'json', text: '{"n": 7}' },
      extractions: [
        { variable: 'orderId', from: 'json', path: '$.id', scope: 'run', enabled: true },
        { variable: 'lastCode', from: 'json', path: "$.nested.list[-1]['code']", scope: 'run', enabled: true },
        { variable: 'trace', from: 'header', path: 'X-Trace', scope: 'run', enabled: true },
      ],
    });
    await addRequest(t, collection.id, '', { name: 'Read order', url: '{{base}}/orders/{{orderId}}', params: [{ key: 'code', value: '{{lastCode}}', enabled: true }, { key: 'trace', value: '{{trace}}', enabled: true }, { key: 'off', value: 'x', enabled: false }] });
    const summary = await run({ collectionId: collection.id, recordHistory: false });
    expect(seenPaths()).toEqual(['/orders', '/orders/o-7?code=last&trace=tr-9']);
    expect(summary).toMatchObject({ outcome: 'completed', requests: { total: 2, passed: 2, failed: 0 }, name: 'Flow' });
    expect(summary.results[0]).toMatchObject({ name: 'Create order', status: 201, passed: true, setVariables: ['orderId', 'lastCode', 'trace'] });
    expect(summary.results[0]!.historyId).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['run-started', 'request-started', 'request-finished', 'request-started', 'request-finished', 'run-finished']);
    expect(events[0]).toMatchObject({ type: 'run-started', total: 2, iterations: 1 });
    expect(ok(await client.getRun({ runId: summary.runId }))).toEqual(summary);
    expect(ok(await client.listRuns({})).runs[0]).toMatchObject({ runId: summary.runId, outcome: 'completed' });
  });

  it('hands a token from an answer to later requests as it came, though the history redacts it', async () => {
    await addRequest(t, collection.id, '', { name: 'Own token', method: 'POST', url: '{{base}}/own-token', extractions: [{ variable: 'tok', from: 'json', path: '$.access_token', scope: 'run', enabled: true }] });
    await addRequest(t, collection.id, '', { name: 'Use it', url: '{{base}}/protected', auth: { type: 'bearer', token: '{{tok}}' } });
    const summary = await run({ collectionId: collection.id, recordHistory: true });
    expect(summary.requests).toMatchObject({ total: 2, passed: 2 });
    expect(server.requests[1]!.headers.authorization).toBe('Bearer tok-from-the-answer-42');
    const entry = ok(await client.getHistoryEntry({ id: summary.results[0]!.historyId! }));
    expect(entry.response?.body).not.toContain('tok-from-the-answer-42');
  });

  it('stops at the first failure when asked, and otherwise carries on and counts it', async () => {
    await addRequest(t, collection.id, '', { name: 'One', url: '{{base}}/one' });
    await addRequest(t, collection.id, '', { name: 'Broken', url: '{{base}}/fail' });
    await addRequest(t, collection.id, '', { name: 'Three', url: '{{base}}/three' });
    const stopped = await run({ collectionId: collection.id, stopOnFailure: true });
    expect(stopped).toMatchObject({ outcome: 'stopped-on-failure', requests: { total: 2, passed: 1, failed: 1 } });
    expect(stopped.results[1]).toMatchObject({ name: 'Broken', status: 500, passed: false });
    const carried = await run({ collectionId: collection.id, stopOnFailure: false });
    expect(carried).toMatchObject({ outcome: 'completed', requests: { total: 3, passed: 2, failed: 1 } });
  });

  it('runs several iterations with a data row each, and only the folder it was given', async () => {
    const folder = await addFolder(t, collection.id, '', 'Inner');
    await addRequest(t, collection.id, folder, { name: 'Per row', url: '{{base}}/row/{{sku}}' });
    await addRequest(t, collection.id, '', { name: 'Outside', url: '{{base}}/outside' });
    const summary = await run({ collectionId: collection.id, path: folder, iterations: 3, iterationData: [{ sku: 'a' }, { sku: 'b' }] });
    expect(seenPaths()).toEqual(['/row/a', '/row/b', '/row/a']);
    expect(summary.results.map((r) => r.iteration)).toEqual([0, 1, 2]);
  });

  it('waits the delay between requests', async () => {
    await addRequest(t, collection.id, '', { name: 'One', url: '{{base}}/one' });
    await addRequest(t, collection.id, '', { name: 'Two', url: '{{base}}/two' });
    const times: number[] = [];
    client.subscribe('run', (event) => {
      if (event.type === 'request-started') times.push(Date.now());
    });
    await run({ collectionId: collection.id, delayMs: 250 });
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(240);
  });

  it('cancels a run: the request in flight stops and nothing after it is sent', async () => {
    await addRequest(t, collection.id, '', { name: 'Held', url: '{{base}}/hold' });
    await addRequest(t, collection.id, '', { name: 'Never', url: '{{base}}/never' });
    const { runId } = ok(await client.startRun({ collectionId: collection.id }));
    await new Promise<void>((resolve) => {
      const wait = setInterval(() => {
        if (holdRequests.length > 0) {
          clearInterval(wait);
          resolve();
        }
      }, 10);
    });
    expect(ok(await client.cancelRun({ runId }))).toEqual({ cancelled: true });
    const summary = await t.backend.runner.finished(runId);
    expect(summary).toMatchObject({ outcome: 'cancelled', results: [{ name: 'Held', error: { code: 'CANCELLED' }, passed: false }] });
    expect(seenPaths()).toEqual(['/hold']);
    expect(ok(await client.cancelRun({ runId }))).toEqual({ cancelled: false });
  });

  it('fills variables by precedence: run-time values > folder > collection, and keeps secret values out of results', async () => {
    const settings = ok(await client.getContainerSettings({ collectionId: collection.id, path: '' }));
    ok(await client.saveContainerSettings({ collectionId: collection.id, path: '', settings: { ...settings, variables: [...settings.variables, { key: 'who', value: 'collection', enabled: true, secret: false }, { key: 'apiKey', value: 'k-secret-123456789', enabled: true, secret: true }] } }));
    const folder = await addFolder(t, collection.id, '', 'Inner');
    const folderSettings = ok(await client.getContainerSettings({ collectionId: collection.id, path: folder }));
    ok(await client.saveContainerSettings({ collectionId: collection.id, path: folder, settings: { ...folderSettings, variables: [{ key: 'who', value: 'folder', enabled: true, secret: false }] } }));
    await addRequest(t, collection.id, folder, { name: 'Who', url: '{{base}}/who/{{who}}', params: [{ key: 'key', value: '{{apiKey}}', enabled: true }] });
    const plain = await run({ collectionId: collection.id });
    const overridden = await run({ collectionId: collection.id, variables: { who: 'cli' } });
    expect(seenPaths()).toEqual(['/who/folder?key=k-secret-123456789', '/who/cli?key=k-secret-123456789']);
    expect(plain.results[0]!.url).not.toContain('k-secret');
    expect(overridden.results[0]!.url).toContain('«redacted:apiKey»');
  });

  it('keeps an extraction with scope "collection" in the collection file for later runs', async () => {
    await addRequest(t, collection.id, '', { name: 'Create', method: 'POST', url: '{{base}}/orders', extractions: [{ variable: 'savedOrder', from: 'json', path: '$.id', scope: 'collection', enabled: true }] });
    await run({ collectionId: collection.id });
    const text = fs.readFileSync(path.join(collection.location, 'collection.yaml'), 'utf8');
    expect(text).toContain('key: savedOrder\n    value: o-1');
  });

  it('runs a folder on disk that was never opened (the CLI’s run collection PATH)', async () => {
    const dir = tempFolder('vx-run-dir-');
    fs.writeFileSync(path.join(dir, 'collection.yaml'), `name: Loose\nauth:\n  type: none\nvariables:\n  - key: base\n    value: "${server.url}"\n`);
    fs.writeFileSync(path.join(dir, 'ping.yaml'), 'name: Ping\nmethod: GET\nurl: "{{base}}/ping"\n');
    const summary = await run({ directory: dir });
    expect(summary).toMatchObject({ name: 'Loose', outcome: 'completed', results: [{ name: 'Ping', status: 200 }] });
    expect(ok(await client.listCollections({})).collections.map((c) => c.location)).not.toContain(dir);
  });

  it('lets script hooks change the request, set variables, record assertions and log redacted lines', async () => {
    const settings = ok(await client.getContainerSettings({ collectionId: collection.id, path: '' }));
    ok(await client.saveContainerSettings({ collectionId: collection.id, path: '', settings: { ...settings, variables: [...settings.variables, { key: 'apiKey', value: 'k-secret-123456789', enabled: true, secret: true }] } }));
    await addRequest(t, collection.id, '', { name: 'Scripted', url: '{{base}}/scripted/{{fromScript}}', scripts: { preRequest: 'pm.variables.set("fromScript", "yes")', test: 'pm.test("is 200")' } });
    await addRequest(t, collection.id, '', { name: 'Skipped', url: '{{base}}/skipped', scripts: { preRequest: 'pm.execution.skipRequest()', test: '' } });
    t.backend.runner.setHooks({
      async beforeRequest(ctx) {
        if (ctx.request.name === 'Skipped') return ctx.skip();
        expect(ctx.scripts).toEqual([{ level: 'request', path: 'scripted.yaml', code: 'pm.variables.set("fromScript", "yes")' }]);
        ctx.variables.run.set('fromScript', 'yes');
        ctx.request.headers.push({ key: 'X-From-Script', value: '1', enabled: true });
        ctx.console('log', `key is ${ctx.variables.resolve('apiKey')}`);
      },
      async afterResponse(ctx) {
        ctx.addAssertion({ name: 'is 200', passed: ctx.response?.status === 200 });
        ctx.addAssertion({ name: 'has a body', passed: false, message: 'expected an id' });
      },
    });
    const summary = await run({ collectionId: collection.id });
    expect(seenPaths()).toEqual(['/scripted/yes']);
    expect(server.requests[0]!.headers['x-from-script']).toBe('1');
    expect(summary.results[0]).toMatchObject({ passed: false, setVariables: ['fromScript'], assertions: [{ name: 'is 200', passed: true }, { name: 'has a body', passed: false, message: 'expected an id' }] });
    expect(summary.results[1]).toMatchObject({ name: 'Skipped', skipped: true, passed: true });
    expect(summary.assertions).toEqual({ total: 2, passed: 1, failed: 1 });
    const consoleLines = events.filter((e) => e.type === 'console');
    expect(consoleLines).toMatchObject([{ level: 'log', message: 'key is «redacted:apiKey»' }]);
  });

  it('refuses to start with a clear error when there is nothing to run or no such profile', async () => {
    expect(await client.startRun({ collectionId: collection.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('nothing to run') } });
    await addRequest(t, collection.id, '', { name: 'One', url: '{{base}}/one' });
    expect(await client.startRun({ collectionId: collection.id, profileId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await client.startRun({})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
