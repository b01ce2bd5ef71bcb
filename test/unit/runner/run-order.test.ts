import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/backend';
import { pickItems } from '../../../electron/cli/commands/folder-picks';
import type { TreeNode } from '../../../shared/model/collection';
import { testBackend, type TestBackend } from '../engine/harness';

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

// The token call answers 200 on the sandbox with the Sandbox profile's keys (vippsAuth on import).
const get = (name: string) => ({
  name,
  request: { method: 'POST', url: `{{base_url}}/accesstoken/get?step=${encodeURIComponent(name)}`, header: ['client_id', 'client_secret', 'Ocp-Apim-Subscription-Key'].map((key) => ({ key, value: `{{${key}}}` })) },
});
const collection = {
  info: { name: 'Order', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [get('First'), { name: 'Folder', item: [get('Inner one'), get('Inner two')] }, get('Last')],
};

describe('a run order of its own: requests and folders in the order given, the collection unchanged', () => {
  let t: TestBackend;
  let client: InProcessClient;
  let collectionId: string;
  let tree: TreeNode[];
  beforeAll(async () => {
    t = await testBackend({ sandbox: { inMemory: true } });
    client = createInProcessClient(t.backend, 'test');
    collectionId = ok(await client.importInto({ source: { kind: 'text', text: JSON.stringify(collection) }, format: 'postman-collection', target: { kind: 'new' }, vippsAuth: true })).collectionId;
    tree = ok(await client.getCollectionTree({ collectionId })).items;
  }, 60_000);
  afterAll(async () => t?.dispose());

  const pathOf = (name: string): string => {
    const find = (nodes: TreeNode[]): string | undefined => {
      for (const node of nodes) {
        if (node.name === name) return node.path;
        const inner = node.kind === 'folder' ? find(node.children) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    return find(tree)!;
  };

  it('runs the given requests and folders in that order, a folder with what it holds', async () => {
    const { runId } = ok(await client.startRun({ collectionId, order: [pathOf('Last'), pathOf('Folder'), pathOf('First')] }));
    const summary = await t.backend.runner.finished(runId);
    expect(summary.results.map((r) => r.name)).toEqual(['Last', 'Inner one', 'Inner two', 'First']);
    expect(summary.results.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(summary.results.map((r) => r.status ?? r.error?.message)).toEqual([200, 200, 200, 200]);
    // The collection itself is as it was.
    const after = ok(await client.getCollectionTree({ collectionId })).items;
    expect(after).toEqual(tree);
  });

  it('leaves out what the order leaves out, and runs a request named twice twice', async () => {
    const { runId } = ok(await client.startRun({ collectionId, order: [pathOf('Inner two'), pathOf('Inner two')] }));
    const summary = await t.backend.runner.finished(runId);
    expect(summary.results.map((r) => r.name)).toEqual(['Inner two', 'Inner two']);
  });

  it('refuses an order naming what the collection does not hold, saying what to do', async () => {
    const answer = await client.startRun({ collectionId, order: [pathOf('First'), 'Gone.yaml'] });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('NOT_FOUND');
      expect(answer.error.message).toContain('"Gone.yaml" is not a request or folder of Order');
      expect(answer.error.message).toMatch(/reset its order/);
    }
  });

  it('refuses an order together with a folder to run', async () => {
    const answer = await client.startRun({ collectionId, path: pathOf('Folder'), order: [pathOf('First')] });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toBe('Give either a folder to run or a run order, not both.');
  });

  it('refuses an empty order (the whole collection is no order at all)', async () => {
    const answer = await client.startRun({ collectionId, order: [] });
    expect(answer.ok).toBe(false);
  });
});

describe('newman’s repeated --folder: names of folders or requests, run in the collection’s order', () => {
  const node = (kind: 'folder' | 'request', name: string, path: string, children: TreeNode[] = []): TreeNode =>
    (kind === 'folder' ? { kind, name, path, children } : { kind, name, path, method: 'GET' }) as unknown as TreeNode;
  const tree: TreeNode[] = [
    node('request', 'Token', 'token.yaml'),
    node('folder', 'Payments', 'payments', [node('request', 'Create', 'payments/create.yaml'), node('request', 'Capture', 'payments/capture.yaml')]),
    node('request', 'Capture', 'capture-again.yaml'),
    node('request', 'Refund', 'refund.yaml'),
  ];

  it('keeps the collection’s order, whatever order the names come in', () => {
    expect(pickItems(tree, ['Refund', 'Token'])).toEqual({ paths: ['token.yaml', 'refund.yaml'], missing: [] });
  });

  it('takes the first item of a name, as newman does, and a path picks exactly', () => {
    expect(pickItems(tree, ['Capture']).paths).toEqual(['payments/capture.yaml']);
    expect(pickItems(tree, ['capture-again.yaml']).paths).toEqual(['capture-again.yaml']);
  });

  it('runs a pick inside a picked folder once, with its folder', () => {
    expect(pickItems(tree, ['Create', 'Payments', 'Refund']).paths).toEqual(['payments', 'refund.yaml']);
  });

  it('names each name that matches nothing', () => {
    expect(pickItems(tree, ['Token', 'Cancel', 'Nope'])).toEqual({ paths: ['token.yaml'], missing: ['Cancel', 'Nope'] });
  });
});
