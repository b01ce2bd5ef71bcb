import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createInProcessClient, type InProcessClient } from '../../../electron/backend';
import { testBackend, type TestBackend } from '../engine/harness';

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const SIZE = 300;

/** A Postman collection of `size` requests at the top and a folder of three. */
function bigCollection(size: number): string {
  const request = (n: number) => ({ name: `Request ${n}`, request: { method: 'GET', url: { raw: `https://example.com/items/${n}`, host: ['example', 'com'], path: ['items', String(n)] } } });
  return JSON.stringify({
    info: { name: 'Big', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [...Array.from({ length: size }, (_, i) => request(i + 1)), { name: 'Folder', item: [request(1001), request(1002), request(1003)] }],
  });
}

describe('an import writes many requests as one batch', () => {
  let t: TestBackend;
  let client: InProcessClient;
  beforeAll(async () => {
    t = await testBackend();
    client = createInProcessClient(t.backend, 'test');
  });
  afterAll(async () => t?.dispose());

  it('lists every request in order in each folder file', async () => {
    const imported = ok(await client.importInto({ source: { kind: 'text', text: bigCollection(SIZE) }, target: { kind: 'new' } }));
    const { collections } = ok(await client.listCollections({}));
    const root = collections.find((c) => c.id === imported.collectionId)!.location!;
    const top = parse(fs.readFileSync(path.join(root, 'collection.yaml'), 'utf8')) as { order: string[] };
    expect(top.order).toHaveLength(SIZE + 1);
    expect(top.order[0]).toMatch(/^request-1\b/);
    expect(top.order[SIZE - 1]).toMatch(new RegExp(`^request-${SIZE}\\b`));
    const folderName = top.order[SIZE]!;
    const folder = parse(fs.readFileSync(path.join(root, folderName, 'folder.yaml'), 'utf8')) as { order: string[] };
    expect(folder.order.map((name) => name.replace(/\.ya?ml$/, ''))).toEqual(['request-1001', 'request-1002', 'request-1003']);

    // What is on disk is what a fresh read sees.
    const tree = ok(await client.getCollectionTree({ collectionId: imported.collectionId }));
    expect(tree.requestCount).toBe(SIZE + 3);
    expect(tree.problems).toEqual([]);
  });

  it('keeps single edits outside a batch written at once', async () => {
    const created = ok(await client.createCollection({ name: 'Small' }));
    const before = ok(await client.listCollections({})).collections.find((c) => c.id === created.id)!.location!;
    ok(await client.createItem({ collectionId: created.id, parentPath: '', item: { kind: 'request', source: { kind: 'request', request: { name: 'One', method: 'GET', url: 'https://example.com/1', params: [], headers: [], body: { mode: 'none' }, auth: { type: 'inherit' } } } } }));
    const top = parse(fs.readFileSync(path.join(before, 'collection.yaml'), 'utf8')) as { order: string[] };
    expect(top.order).toHaveLength(1);
  });
});
