import fs from 'node:fs';
import path from 'node:path';
import type { CollectionSummary, CollectionTree } from '../../../shared/model/collection';
import { newRequest, type ApiRequest } from '../../../shared/model/request';
import { testBackend, type TestBackend } from '../engine/harness';

export async function collectionBackend(): Promise<TestBackend> {
  return testBackend();
}

export async function makeCollection(t: TestBackend, name = 'Payments'): Promise<CollectionSummary> {
  return t.ok<CollectionSummary>('createCollection', { name });
}

export async function addRequest(t: TestBackend, collectionId: string, parentPath: string, request: Partial<ApiRequest> & { name: string }): Promise<string> {
  const { path: itemPath } = await t.ok<{ path: string }>('createItem', { collectionId, parentPath, item: { kind: 'request', source: { kind: 'request', request: newRequest(request) } } });
  return itemPath;
}

export async function addFolder(t: TestBackend, collectionId: string, parentPath: string, name: string): Promise<string> {
  const { path: itemPath } = await t.ok<{ path: string }>('createItem', { collectionId, parentPath, item: { kind: 'folder', name } });
  return itemPath;
}

export function tree(t: TestBackend, collectionId: string): Promise<CollectionTree> {
  return t.ok<CollectionTree>('getCollectionTree', { collectionId });
}

/** Every file under a folder with its bytes, keyed by relative path. */
export function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), fs.readFileSync(full));
    }
  };
  walk(root);
  return files;
}

/** The paths whose bytes differ (or that appeared or went away) between two snapshots. */
export function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => !before.get(name)?.equals(after.get(name) ?? Buffer.alloc(0)) || !after.has(name)).sort();
}

/** Lines removed and added between two texts of the same length in lines or not (a plain LCS diff). */
export function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i -= 1) for (let j = y.length - 1; j >= 0; j -= 1) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i += 1;
      j += 1;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(x[i++]!);
    else added.push(y[j++]!);
  }
  removed.push(...x.slice(i));
  added.push(...y.slice(j));
  return { removed, added };
}

/** Resolves when the backend has noticed a change made outside it to a collection's files. */
export function externalChange(t: TestBackend, collectionId: string, withinMs = 2_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no outside change seen within ${withinMs} ms`));
    }, withinMs);
    const stop = t.backend.events.subscribe((message) => {
      if (message.event === 'collections' && message.payload.collectionId === collectionId && message.payload.reason === 'external') {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}
