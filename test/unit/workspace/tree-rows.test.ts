import { describe, expect, it } from 'vitest';
import type { CollectionSummary, CollectionTree } from '../../../shared/model/collection';
import { canDrop, dropTarget, flattenTree, folderTrails, rowKey } from '../../../renderer/src/workspace/collections/tree-rows';

const summary: CollectionSummary = { id: 'c1', name: 'Payments', location: '/x', builtIn: false, readOnly: false, requestCount: 3 };
const tree: CollectionTree = {
  ...summary,
  problems: [],
  items: [
    { kind: 'folder', path: 'orders', name: 'Orders', children: [{ kind: 'request', path: 'orders/get.yaml', name: 'Get', method: 'GET', url: '' }] },
    { kind: 'request', path: 'token.yaml', name: 'Token', method: 'POST', url: '' },
  ],
};

describe('sidebar tree rows', () => {
  it('lists every folder, nested ones after their parent, with the names down to it', () => {
    const nested = [
      { kind: 'folder' as const, path: 'a', name: 'A', children: [{ kind: 'folder' as const, path: 'a/b', name: 'B', children: [] }] },
      ...tree.items,
    ];
    expect(folderTrails(nested)).toEqual([
      { path: 'a', names: ['A'] },
      { path: 'a/b', names: ['A', 'B'] },
      { path: 'orders', names: ['Orders'] },
    ]);
  });

  it('lists only rows whose ancestors are open, with their depth and position', () => {
    const closed = flattenTree([summary], new Map([['c1', tree]]), new Set([rowKey('c1', '')]));
    expect(closed.map((r) => r.name)).toEqual(['Payments', 'Orders', 'Token']);
    const open = flattenTree([summary], new Map([['c1', tree]]), new Set([rowKey('c1', ''), rowKey('c1', 'orders')]));
    expect(open.map((r) => [r.name, r.depth, r.index, r.siblings])).toEqual([
      ['Payments', 0, 0, 1],
      ['Orders', 1, 0, 2],
      ['Get', 2, 0, 1],
      ['Token', 1, 1, 2],
    ]);
  });

  it('flattens 5,000 requests in 100 folders into 5,101 rows', () => {
    const big: CollectionTree = {
      ...summary,
      problems: [],
      items: Array.from({ length: 100 }, (_, f) => ({
        kind: 'folder' as const,
        path: `f${f}`,
        name: `Folder ${f}`,
        children: Array.from({ length: 50 }, (_, r) => ({ kind: 'request' as const, path: `f${f}/r${r}.yaml`, name: `R ${r}`, method: 'GET' as const, url: '' })),
      })),
    };
    const expanded = new Set([rowKey('c1', ''), ...big.items.map((i) => rowKey('c1', i.path))]);
    expect(flattenTree([summary], new Map([['c1', big]]), expanded)).toHaveLength(5101);
  });

  it('drops before, after or into a folder, and never a folder into itself', () => {
    const rows = flattenTree([summary], new Map([['c1', tree]]), new Set([rowKey('c1', ''), rowKey('c1', 'orders')]));
    const [, orders, get, token] = rows;
    expect(dropTarget(token!, 'before')).toEqual({ collectionId: 'c1', parentPath: '', index: 1 });
    expect(dropTarget(orders!, 'into')).toEqual({ collectionId: 'c1', parentPath: 'orders', index: undefined });
    expect(canDrop(orders!, dropTarget(get!, 'after'))).toBe(false);
    expect(canDrop(token!, dropTarget(orders!, 'into'))).toBe(true);
  });
});
