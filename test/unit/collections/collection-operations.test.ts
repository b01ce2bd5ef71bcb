import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionSummary, CollectionTree } from '../../../shared/model/collection';
import type { SearchHit } from '../../../shared/contract/collections';
import type { ApiRequest } from '../../../shared/model/request';
import { tempFolder, type TestBackend } from '../engine/harness';
import { addFolder, addRequest, collectionBackend, makeCollection, tree } from './helpers';

const names = (t: CollectionTree) => t.items.map((node) => node.name);

describe('collection operations through the contract', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await collectionBackend();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('creates requests at a position and reorders them, remembering the order in collection.yaml', async () => {
    const c = await makeCollection(t);
    await addRequest(t, c.id, '', { name: 'B' });
    await addRequest(t, c.id, '', { name: 'C' });
    await t.ok('createItem', { collectionId: c.id, parentPath: '', index: 0, item: { kind: 'request', source: { kind: 'request', request: { name: 'A', method: 'GET', url: '' } } } });
    expect(names(await tree(t, c.id))).toEqual(['A', 'B', 'C']);
    await t.ok('moveItem', { collectionId: c.id, path: 'c.yaml', toCollectionId: c.id, toParentPath: '', index: 0 });
    expect(names(await tree(t, c.id))).toEqual(['C', 'A', 'B']);
    expect(fs.readFileSync(path.join(c.location, 'collection.yaml'), 'utf8')).toContain('order:\n  - c.yaml\n  - a.yaml\n  - b.yaml\n');
  });

  it('renames a request and a folder: the name inside and the file or folder name follow', async () => {
    const c = await makeCollection(t);
    const folder = await addFolder(t, c.id, '', 'Orders');
    const request = await addRequest(t, c.id, folder, { name: 'Get order' });
    const renamedRequest = await t.ok<{ path: string }>('renameItem', { collectionId: c.id, path: request, name: 'Read order back' });
    expect(renamedRequest.path).toBe('orders/read-order-back.yaml');
    const renamedFolder = await t.ok<{ path: string }>('renameItem', { collectionId: c.id, path: folder, name: 'Order management' });
    expect(renamedFolder.path).toBe('order-management');
    const listed = await tree(t, c.id);
    expect(listed.items).toMatchObject([{ kind: 'folder', name: 'Order management', path: 'order-management', children: [{ name: 'Read order back', path: 'order-management/read-order-back.yaml' }] }]);
    expect(fs.existsSync(path.join(c.location, 'orders'))).toBe(false);
  });

  it('duplicates a request next to the original and a folder with everything in it', async () => {
    const c = await makeCollection(t);
    const folder = await addFolder(t, c.id, '', 'Receipts');
    await addRequest(t, c.id, folder, { name: 'Send receipt', method: 'POST' });
    const first = await addRequest(t, c.id, '', { name: 'Token', method: 'POST' });
    await addRequest(t, c.id, '', { name: 'Last' });
    const copy = await t.ok<{ path: string }>('duplicateItem', { collectionId: c.id, path: first });
    const folderCopy = await t.ok<{ path: string }>('duplicateItem', { collectionId: c.id, path: folder });
    const listed = await tree(t, c.id);
    expect(names(listed)).toEqual(['Receipts', 'Receipts copy', 'Token', 'Token copy', 'Last']);
    expect(copy.path).toBe('token-copy.yaml');
    expect(listed.items[1]).toMatchObject({ path: folderCopy.path, children: [{ name: 'Send receipt' }] });
  });

  it('moves a request between folders and into another collection', async () => {
    const a = await makeCollection(t, 'A');
    const b = await makeCollection(t, 'B');
    const folder = await addFolder(t, a.id, '', 'Inner');
    const request = await addRequest(t, a.id, '', { name: 'Moving', method: 'PUT', url: 'http://127.0.0.1:1/x' });
    const inFolder = await t.ok<{ path: string }>('moveItem', { collectionId: a.id, path: request, toCollectionId: a.id, toParentPath: folder });
    expect(inFolder.path).toBe('inner/moving.yaml');
    const across = await t.ok<{ path: string }>('moveItem', { collectionId: a.id, path: inFolder.path, toCollectionId: b.id, toParentPath: '' });
    expect(across.path).toBe('moving.yaml');
    expect((await tree(t, a.id)).items).toMatchObject([{ name: 'Inner', children: [] }]);
    expect(names(await tree(t, b.id))).toEqual(['Moving']);
    const moved = await t.ok<{ request: ApiRequest }>('getRequest', { collectionId: b.id, path: across.path });
    expect(moved.request).toMatchObject({ method: 'PUT', url: 'http://127.0.0.1:1/x' });
  });

  it('refuses to move a folder into itself', async () => {
    const c = await makeCollection(t);
    const folder = await addFolder(t, c.id, '', 'Outer');
    const inner = await addFolder(t, c.id, folder, 'Inner');
    const result = await t.call('moveItem', { collectionId: c.id, path: folder, toCollectionId: c.id, toParentPath: inner });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('deletes a folder and brings it back in its place with undo', async () => {
    const c = await makeCollection(t);
    await addRequest(t, c.id, '', { name: 'First' });
    const folder = await addFolder(t, c.id, '', 'Middle');
    await addRequest(t, c.id, folder, { name: 'Inside' });
    await addRequest(t, c.id, '', { name: 'Last' });
    const { undoToken } = await t.ok<{ undoToken: string }>('deleteItem', { collectionId: c.id, path: folder });
    expect(names(await tree(t, c.id))).toEqual(['First', 'Last']);
    expect(fs.existsSync(path.join(c.location, folder))).toBe(false);
    await t.ok('undoDelete', { undoToken });
    const listed = await tree(t, c.id);
    expect(names(listed)).toEqual(['First', 'Middle', 'Last']);
    expect(listed.items[1]).toMatchObject({ children: [{ name: 'Inside' }] });
    expect(await t.call('undoDelete', { undoToken })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('searches names, URLs, bodies, headers and descriptions across collections', async () => {
    const a = await makeCollection(t, 'Shop');
    const b = await makeCollection(t, 'Office');
    await addRequest(t, a.id, '', { name: 'Create payment', method: 'POST', url: '{{baseUrl}}/epayment/v1/payments', body: { mode: 'json', text: '{"paymentDescription":"Argyle socks"}' } });
    await addRequest(t, b.id, '', { name: 'Categories', url: '{{baseUrl}}/order-management/v2/ecom/categories', description: 'Sets the **ARGYLE** category', headers: [{ key: 'X-Trace', value: 'abc', enabled: true }] });
    const found = await t.ok<{ hits: SearchHit[]; truncated: boolean }>('searchCollections', { query: 'argyle' });
    expect(found.hits.map((h) => [h.collectionName, h.name, h.field]).sort()).toEqual([
      ['Office', 'Categories', 'description'],
      ['Shop', 'Create payment', 'body'],
    ]);
    expect(found.hits.find((h) => h.field === 'body')!.excerpt).toContain('Argyle socks');
    const byUrl = await t.ok<{ hits: SearchHit[] }>('searchCollections', { query: 'EPAYMENT/v1', collectionId: a.id });
    expect(byUrl.hits).toMatchObject([{ field: 'url', path: 'create-payment.yaml' }]);
    const byHeader = await t.ok<{ hits: SearchHit[] }>('searchCollections', { query: 'x-trace' });
    expect(byHeader.hits).toMatchObject([{ field: 'headers' }]);
    const limited = await t.ok<{ hits: SearchHit[]; truncated: boolean }>('searchCollections', { query: 'e', limit: 1 });
    expect(limited).toMatchObject({ truncated: true, hits: [expect.anything()] });
  });

  it('opens any folder as a collection, remembers it across restarts, and closes it without touching its files', async () => {
    const repo = tempFolder('vx-repo-');
    fs.mkdirSync(path.join(repo, 'api'));
    fs.writeFileSync(path.join(repo, 'api', 'collection.yaml'), 'format: 1\nname: Team API\n');
    fs.writeFileSync(path.join(repo, 'api', 'ping.yaml'), 'name: Ping\nmethod: GET\nurl: http://127.0.0.1:1/ping\n');
    const opened = await t.ok<CollectionSummary>('openCollectionFolder', { directory: path.join(repo, 'api') });
    expect(opened).toMatchObject({ name: 'Team API', location: path.join(repo, 'api'), requestCount: 1, builtIn: false });
    await t.backend.dispose();
    const { testBackend } = await import('../engine/harness');
    const again = await testBackend({ dataDir: t.dataDir });
    t = again;
    const listed = await t.ok<{ collections: CollectionSummary[] }>('listCollections', {});
    expect(listed.collections.map((c) => c.id)).toContain(opened.id);
    expect(await t.ok('closeCollection', { collectionId: opened.id })).toEqual({ closed: true });
    expect(fs.readFileSync(path.join(repo, 'api', 'ping.yaml'), 'utf8')).toContain('name: Ping');
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('saves a request from the history without its credentials or automatic headers', async () => {
    const c = await makeCollection(t);
    // The history entry is what the engine recorded for a send that failed to connect.
    await t.call('sendRequest', { request: { method: 'POST', url: 'http://127.0.0.1:9/epayment/v1/payments', headers: [{ name: 'X-Request-Note', value: 'kept' }], body: '{"a":1}', options: { timeoutMs: 500 } } });
    const history = await t.ok<{ entries: Array<{ id: string }> }>('listHistory', {});
    const created = await t.ok<{ path: string }>('createItem', { collectionId: c.id, parentPath: '', item: { kind: 'request', name: 'From history', source: { kind: 'history', historyId: history.entries[0]!.id } } });
    const { request } = await t.ok<{ request: ApiRequest }>('getRequest', { collectionId: c.id, path: created.path });
    expect(request).toMatchObject({ name: 'From history', method: 'POST', url: 'http://127.0.0.1:9/epayment/v1/payments', body: { mode: 'json', text: '{"a":1}' } });
    expect(request.headers.map((h) => h.key)).toEqual(['X-Request-Note']);
  });
});
