import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/backend';
import type { CollectionSummary } from '../../../shared/model/collection';
import { newRequest } from '../../../shared/model/request';
import type { RunEvent } from '../../../shared/model/run';
import { activeCustomProfile, findSecrets, json, startServer, testBackend, type TestBackend, type TestServer } from '../engine/harness';
import { addFolder, addRequest, makeCollection } from '../collections/helpers';

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const COLLECTION_SECRET = 'coll-secret-4f9a2b7c1d';
const ENV_SECRET = 'env-secret-8e3d6a0b5f';

describe('Send of a saved request (sendSavedRequest)', () => {
  let t: TestBackend;
  let client: InProcessClient;
  let server: TestServer;
  let collection: CollectionSummary;
  let folder: string;
  let runEvents: RunEvent[];

  beforeEach(async () => {
    server = await startServer((req, res, body) => json(res, 200, { path: req.url, auth: req.headers.authorization ?? null, body, padding: req.url?.includes('big') ? 'x'.repeat(8_000) : '' }));
    // Answers over 4 KB go to a file the editor reads in pages.
    t = await testBackend({ requests: { spoolThresholdBytes: 4_096 } });
    client = createInProcessClient(t.backend, 'test');
    runEvents = [];
    client.subscribe('run', (event) => runEvents.push(event));
    await activeCustomProfile(t, server.url, undefined, { secretVariables: [{ name: 'envKey', value: ENV_SECRET }] });
    collection = await makeCollection(t, 'Saved');
    const settings = ok(await client.getContainerSettings({ collectionId: collection.id, path: '' }));
    ok(
      await client.saveContainerSettings({
        collectionId: collection.id,
        path: '',
        settings: {
          ...settings,
          auth: { type: 'bearer', token: '{{apiToken}}' },
          variables: [
            { key: 'base', value: server.url, enabled: true, secret: false },
            { key: 'apiToken', value: COLLECTION_SECRET, enabled: true, secret: true },
          ],
          scripts: { preRequest: 'pm.variables.set("fromCollectionScript", "pre-ran")', test: '' },
        },
      }),
    );
    folder = await addFolder(t, collection.id, '', 'Orders');
    const folderSettings = ok(await client.getContainerSettings({ collectionId: collection.id, path: folder }));
    ok(await client.saveContainerSettings({ collectionId: collection.id, path: folder, settings: { ...folderSettings, variables: [{ key: 'area', value: 'orders', enabled: true, secret: false }] } }));
  });
  afterEach(async () => {
    await t.dispose();
    await server.close();
  });

  it('resolves like a run (folder and collection variables with secrets, inherited auth, the chain’s scripts) with the unsaved edit, and hands back only redacted values', async () => {
    const itemPath = await addRequest(t, collection.id, folder, { name: 'Read', url: '{{base}}/saved-version' });
    // The tab's unsaved edit: another URL, a body using the environment secret, and a test.
    const edited = newRequest({
      name: 'Read',
      method: 'POST',
      url: '{{base}}/{{area}}/{{fromCollectionScript}}',
      body: { mode: 'json', text: '{"key":"{{envKey}}"}' },
      scripts: { preRequest: '', test: 'pm.test("answers 200", () => pm.response.to.have.status(200)); console.log("token is " + pm.variables.get("apiToken"));' },
    });
    const answer = ok(await client.sendSavedRequest({ collectionId: collection.id, path: itemPath, request: edited }));
    expect(server.requests.map((r) => r.url)).toEqual(['/orders/pre-ran']);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${COLLECTION_SECRET}`);
    expect(server.requests[0]!.body).toBe(`{"key":"${ENV_SECRET}"}`);
    expect(answer.result).toMatchObject({ status: 200 });
    expect(answer.assertions).toEqual([{ name: 'answers 200', passed: true, skipped: false }]);
    expect(answer.error).toBeUndefined();
    // The server echoed both secrets back; the window gets neither, nor does the history.
    const shown = JSON.stringify(answer);
    expect(shown).not.toContain(COLLECTION_SECRET);
    expect(shown).not.toContain(ENV_SECRET);
    expect(answer.result!.historyId).toBeDefined();
    const entry = ok(await client.getHistoryEntry({ id: answer.result!.historyId! }));
    expect(JSON.stringify(entry)).not.toContain(COLLECTION_SECRET);
    expect(JSON.stringify(entry)).not.toContain(ENV_SECRET);
    expect(findSecrets([t.dataDir], { COLLECTION_SECRET, ENV_SECRET })).toEqual([]);
    // A single Send is no run: the runner view hears nothing of it.
    expect(runEvents).toEqual([]);
  });

  it('reports a failed test and a transport failure as values, with the scripts’ console redacted', async () => {
    const itemPath = await addRequest(t, collection.id, folder, { name: 'Failing test', url: '{{base}}/x' });
    const failing = newRequest({ name: 'Failing test', url: '{{base}}/x', scripts: { preRequest: 'console.log("secret " + pm.collectionVariables.get("apiToken"))', test: 'pm.test("is 418", () => pm.response.to.have.status(418));' } });
    const answer = ok(await client.sendSavedRequest({ collectionId: collection.id, path: itemPath, request: failing }));
    expect(answer.assertions).toMatchObject([{ name: 'is 418', passed: false }]);
    expect(JSON.stringify(answer.console)).not.toContain(COLLECTION_SECRET);
    const unreachable = newRequest({ name: 'Failing test', url: 'http://127.0.0.1:1/nothing' });
    const failed = ok(await client.sendSavedRequest({ collectionId: collection.id, path: itemPath, request: unreachable }));
    expect(failed.result).toBeUndefined();
    expect(failed.error?.code).toBe('NETWORK');
  });

  it('redacts the secrets from a large answer the editor reads in pages', async () => {
    const itemPath = await addRequest(t, collection.id, folder, { name: 'Big', url: '{{base}}/big?k={{envKey}}' });
    const answer = ok(await client.sendSavedRequest({ collectionId: collection.id, path: itemPath, request: newRequest({ name: 'Big', url: '{{base}}/big?k={{envKey}}' }) }));
    const body = answer.result!.body;
    if (body.kind !== 'file') throw new Error('expected the answer to be kept on disk');
    const page = ok(await client.readResponseBody({ responseId: body.responseId, offset: 0, length: body.size }));
    expect(page.text).toContain('«redacted:apiToken»');
    expect(page.text).not.toContain(COLLECTION_SECRET);
    expect(page.text).not.toContain(ENV_SECRET);
  });

  it('refuses a path that names a folder, and keeps the folder’s settings for a request no longer on disk', async () => {
    const folderAnswer = await client.sendSavedRequest({ collectionId: collection.id, path: folder, request: newRequest({ name: 'x', url: '{{base}}/x' }) });
    expect(folderAnswer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const gone = ok(await client.sendSavedRequest({ collectionId: collection.id, path: `${folder}/deleted-meanwhile.yaml`, request: newRequest({ name: 'Gone', url: '{{base}}/{{area}}' }) }));
    expect(gone.result?.status).toBe(200);
    expect(server.requests.at(-1)!.url).toBe('/orders');
  });
});
