import { describe, expect, it } from 'vitest';
import { newRequest } from '../../../shared/model/request';
import { editUrl, fullUrl } from '../../../renderer/src/workspace/request/url-params';
import { toWireRequest } from '../../../renderer/src/workspace/request/wire';
import { fromStored, isDirty, retargetTabs, toStored, baselineOf, type WorkspaceTab } from '../../../renderer/src/workspace/tabs/tab-model';

describe('URL field and Params rows', () => {
  it('turns a typed query into rows and shows them back as typed, variables included', () => {
    const edited = editUrl('{{baseUrl}}/v1/orders?status=open&msn={{msn}}', []);
    expect(edited.url).toBe('{{baseUrl}}/v1/orders');
    expect(edited.params).toEqual([
      { key: 'status', value: 'open', enabled: true },
      { key: 'msn', value: '{{msn}}', enabled: true },
    ]);
    expect(fullUrl(edited.url, edited.params)).toBe('{{baseUrl}}/v1/orders?status=open&msn={{msn}}');
  });

  it('keeps switched-off rows when the URL is edited, and leaves them out of the URL', () => {
    const rows = [
      { key: 'a', value: '1', enabled: true },
      { key: 'debug', value: 'yes', enabled: false },
    ];
    expect(fullUrl('https://x/y', rows)).toBe('https://x/y?a=1');
    const edited = editUrl('https://x/y?a=2', rows);
    expect(edited.params).toEqual([
      { key: 'a', value: '2', enabled: true },
      { key: 'debug', value: 'yes', enabled: false },
    ]);
  });
});

describe('request as sent from the editor', () => {
  it('encodes the query, adds the JSON content type and uses the environment’s Vipps auth when inheriting', () => {
    const wire = toWireRequest(newRequest({ name: 'r', method: 'POST', url: '{{baseUrl}}/p', params: [{ key: 'q', value: 'a b', enabled: true }], body: { mode: 'json', text: '{"a":1}' } }));
    expect(wire.ok).toBe(true);
    if (!wire.ok) return;
    expect(wire.request.url).toBe('{{baseUrl}}/p?q=a%20b');
    expect(wire.request.headers).toContainEqual({ name: 'Content-Type', value: 'application/json', enabled: true });
    expect(wire.request.options?.auth).toBe('profile');
  });

  it('takes the collection’s bearer auth for a request that inherits', () => {
    const wire = toWireRequest(newRequest({ name: 'r', url: 'https://x' }), [{ type: 'bearer', token: '{{token}}' }]);
    expect(wire.ok && wire.request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer {{token}}', enabled: true });
    expect(wire.ok && wire.request.options?.auth).toBe('none');
  });

  it('says why a file body cannot be sent from the editor instead of sending it empty', () => {
    const wire = toWireRequest(newRequest({ name: 'r', method: 'POST', url: 'https://x', body: { mode: 'binary', base64: 'AAAA' } }));
    expect(wire).toMatchObject({ ok: false, reason: expect.stringMatching(/file bodies/) });
  });
});

describe('open tabs', () => {
  const saved = newRequest({ name: 'Saved', url: 'https://x/a' });
  const tab = (over: Partial<WorkspaceTab>): WorkspaceTab => ({ id: 't1', origin: { kind: 'item', collectionId: 'c', path: 'a.yaml' }, request: saved, baseline: baselineOf(saved), title: 'Saved', ...over });

  it('marks a tab unsaved once its request differs from the saved one', () => {
    expect(isDirty(tab({}))).toBe(false);
    expect(isDirty(tab({ request: { ...saved, method: 'POST' } }))).toBe(true);
  });

  it('stores unsaved edits in full and saved requests only by reference', () => {
    const stored = toStored([tab({}), tab({ id: 't2', request: { ...saved, url: 'https://x/b' } }), tab({ id: 't3', origin: { kind: 'new' } })], 't2', { stackedSplit: 0.4, sideSplit: 0.6 });
    expect(stored.tabs[0]).not.toHaveProperty('draft');
    expect(stored.tabs[1]?.draft?.url).toBe('https://x/b');
    expect(stored.tabs[2]?.draft?.name).toBe('Saved');
    expect(stored.activeTabId).toBe('t2');
    const restored = fromStored(stored);
    expect(restored[0]?.request).toBeNull();
    expect(restored[1]?.request?.url).toBe('https://x/b');
  });

  it('follows a renamed folder with the tabs inside it', () => {
    const moved = retargetTabs([tab({ origin: { kind: 'item', collectionId: 'c', path: 'old/a.yaml' } })], 'c', 'old', 'new');
    expect(moved[0]?.origin).toEqual({ kind: 'item', collectionId: 'c', path: 'new/a.yaml' });
  });
});
