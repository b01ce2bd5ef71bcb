import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../../shared/contract/history';
import { HistoryStore } from '../../../electron/backend/history/history-store';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { NoticeBoard } from '../../../electron/backend/store/notices';
import { tempFolder } from '../engine/harness';

let counter = 0;
function entry(overrides: { method?: string; url?: string; status?: number; body?: string; error?: boolean } = {}): HistoryEntry {
  counter += 1;
  return {
    id: `entry-${counter}`,
    time: new Date(1_800_000_000_000 + counter * 1000).toISOString(),
    profileId: 'p',
    profileName: 'Profile',
    request: { method: overrides.method ?? 'GET', url: overrides.url ?? `https://api.test/things/${counter}`, headers: [], body: '', bodyTruncated: false },
    ...(overrides.error
      ? { error: { code: 'TIMEOUT' as const, message: 'slow' } }
      : { response: { status: overrides.status ?? 200, statusText: 'OK', headers: [{ name: 'content-type', value: 'application/json' }], body: overrides.body ?? '{}', bodyTruncated: false, size: 2 } }),
  };
}

describe('history store', () => {
  const dirs: string[] = [];
  const open = (limits = {}, dir = tempFolder('vx-history-')) => {
    dirs.push(dir);
    return { store: new HistoryStore({ factory: confStoreFactory, dir, notices: new NoticeBoard(), limits }), dir };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('keeps at most maxEntries, dropping the oldest first', () => {
    const { store } = open({ maxEntries: 3 });
    const added = [entry(), entry(), entry(), entry(), entry()];
    for (const e of added) store.add(e);
    const ids = store.list({ offset: 0, limit: 10 }).entries.map((e) => e.id);
    expect(ids).toEqual([added[4]!.id, added[3]!.id, added[2]!.id]);
  });

  test('keeps the total size under maxBytes, dropping the oldest first', () => {
    const big = 'x'.repeat(4000);
    const { store } = open({ maxBytes: 10_000 });
    const added = [entry({ body: big }), entry({ body: big }), entry({ body: big })];
    for (const e of added) store.add(e);
    store.flush();
    const ids = store.list({ offset: 0, limit: 10 }).entries.map((e) => e.id);
    expect(ids).toEqual([added[2]!.id, added[1]!.id]);
    expect(fs.statSync(store.path).size).toBeLessThan(10_000 + 500);
  });

  test('searches by text, method and status, newest first', () => {
    const { store } = open();
    store.add(entry({ method: 'POST', url: 'https://api.test/epayment/v1/payments', status: 201 }));
    store.add(entry({ method: 'GET', url: 'https://api.test/order-management/v2/ecom/vx-1', status: 404, body: '{"title":"Not found"}' }));
    store.add(entry({ method: 'PUT', url: 'https://api.test/order-management/v2/ecom/categories/vx-1', status: 200 }));
    store.add(entry({ method: 'GET', url: 'https://api.test/slow', error: true }));
    const urls = (query: Parameters<HistoryStore['list']>[0]) => store.list(query).entries.map((e) => e.url.replace('https://api.test', ''));
    expect(urls({ text: 'ORDER-MANAGEMENT', offset: 0, limit: 10 })).toEqual(['/order-management/v2/ecom/categories/vx-1', '/order-management/v2/ecom/vx-1']);
    expect(urls({ method: 'post', offset: 0, limit: 10 })).toEqual(['/epayment/v1/payments']);
    expect(urls({ status: 404, offset: 0, limit: 10 })).toEqual(['/order-management/v2/ecom/vx-1']);
    expect(urls({ status: '2xx', offset: 0, limit: 10 })).toEqual(['/order-management/v2/ecom/categories/vx-1', '/epayment/v1/payments']);
    expect(urls({ status: 'error', offset: 0, limit: 10 })).toEqual(['/slow']);
    expect(urls({ text: 'not found', offset: 0, limit: 10 })).toEqual(['/order-management/v2/ecom/vx-1']);
    expect(store.list({ offset: 1, limit: 2 })).toMatchObject({ total: 4, entries: [{ url: 'https://api.test/order-management/v2/ecom/categories/vx-1' }, { url: 'https://api.test/order-management/v2/ecom/vx-1' }] });
  });

  test('is written to history.json and read back by the next run; clear empties it', () => {
    const { store, dir } = open();
    const first = entry();
    store.add(first);
    store.flush();
    expect(path.basename(store.path)).toBe('history.json');
    const { store: reopened } = open({}, dir);
    expect(reopened.get(first.id)).toEqual(first);
    expect(reopened.clear()).toBe(1);
    const { store: third } = open({}, dir);
    expect(third.list({ offset: 0, limit: 10 }).total).toBe(0);
  });
});
