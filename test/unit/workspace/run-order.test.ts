import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../shared/model/collection';
import { defaultOrder, isCustom, mergeOrder, moveEntry, orderForRun } from '../../../renderer/src/workspace/runner/run-order';

const request = (name: string, path: string): TreeNode => ({ kind: 'request', name, path, method: 'POST', url: '' });
const tree: TreeNode[] = [
  request('Token', 'token.yaml'),
  { kind: 'folder', name: 'Payments', path: 'payments', children: [request('Create', 'payments/create.yaml'), { kind: 'folder', name: 'Later', path: 'payments/later', children: [request('Capture', 'payments/later/capture.yaml')] }] },
  request('Refund', 'refund.yaml'),
];

describe('the Runner’s run order', () => {
  it('lists every request under the chosen place, in collection order, with the folders above it', () => {
    expect(defaultOrder(tree, '').map((e) => [e.path, e.where])).toEqual([
      ['token.yaml', ''],
      ['payments/create.yaml', 'Payments'],
      ['payments/later/capture.yaml', 'Payments / Later'],
      ['refund.yaml', ''],
    ]);
    expect(defaultOrder(tree, 'payments').map((e) => e.name)).toEqual(['Create', 'Capture']);
    expect(defaultOrder(tree, 'refund.yaml').map((e) => e.name)).toEqual(['Refund']);
    expect(defaultOrder(tree, '').every((e) => e.included)).toBe(true);
  });

  it('moves an entry by one place either way, and not past either end', () => {
    const order = defaultOrder(tree, '');
    expect(moveEntry(order, 0, 1).map((e) => e.name)).toEqual(['Create', 'Token', 'Capture', 'Refund']);
    expect(moveEntry(order, 3, -2).map((e) => e.name)).toEqual(['Token', 'Refund', 'Create', 'Capture']);
    expect(moveEntry(order, 0, -1)).toBe(order);
    expect(moveEntry(order, 3, 1)).toBe(order);
  });

  it('sends no order while it is the collection’s own, and the included paths in order once changed', () => {
    const defaults = defaultOrder(tree, '');
    expect(orderForRun(defaults, defaults)).toBeUndefined();
    expect(isCustom(defaults, defaults)).toBe(false);
    const moved = moveEntry(defaults, 3, -3);
    expect(orderForRun(moved, defaults)).toEqual(['refund.yaml', 'token.yaml', 'payments/create.yaml', 'payments/later/capture.yaml']);
    const leftOut = defaults.map((e) => (e.name === 'Create' ? { ...e, included: false } : e));
    expect(isCustom(leftOut, defaults)).toBe(true);
    expect(orderForRun(leftOut, defaults)).toEqual(['token.yaml', 'payments/later/capture.yaml', 'refund.yaml']);
  });

  it('keeps the user’s order and choices over a fresh tree, drops what is gone and adds what is new at the end', () => {
    const defaults = defaultOrder(tree, '');
    const mine = moveEntry(defaults, 3, -3).map((e) => (e.name === 'Token' ? { ...e, included: false } : e));
    const freshTree: TreeNode[] = [request('Token (renamed)', 'token.yaml'), request('New one', 'new.yaml'), request('Refund', 'refund.yaml')];
    const merged = mergeOrder(mine, defaultOrder(freshTree, ''));
    expect(merged.map((e) => [e.name, e.included])).toEqual([
      ['Refund', true],
      ['Token (renamed)', false],
      ['New one', true],
    ]);
  });
});
