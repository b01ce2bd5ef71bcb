// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExplorerApi } from '../../../shared/contract';
import type { HistoryEntry, HistorySummary } from '../../../shared/contract/history';
import type { ExplorerError } from '../../../shared/errors';
import { ExplorerProvider } from '../../../renderer/src/api/ExplorerContext';
import { HistoryView } from '../../../renderer/src/history/HistoryView';
import { giveScrollContainersHeight } from '../components/helpers';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveScrollContainersHeight(600, 500);
});
afterAll(() => restoreLayout());
afterEach(cleanup);

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const BASE = 'http://127.0.0.1:5123';

function entry(n: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: `e${n}`,
    time: new Date(Date.UTC(2025, 2, 1, 10, n)).toISOString(),
    profileId: 'sandbox',
    profileName: 'Sandbox',
    request: { method: 'GET', url: `${BASE}/order-management/v2/ecom/order-${n}`, headers: [], body: '', bodyTruncated: false },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body: `{"orderId":"order-${n}"}`,
      bodyTruncated: false,
      size: 21,
    },
    timings: { dns: 0, connect: 1, tls: 0, firstByte: 10, total: 12 },
    ...overrides,
  };
}

const tokenCall = entry(1, {
  label: 'Get an access token',
  request: {
    method: 'POST',
    url: `${BASE}/accesstoken/get`,
    headers: [
      { name: 'client_id', value: '«redacted:client_id»' },
      { name: 'client_secret', value: '«redacted:client_secret»' },
      { name: 'Ocp-Apim-Subscription-Key', value: '«redacted:subscription_key»' },
      { name: 'Merchant-Serial-Number', value: '123456' },
    ],
    body: '',
    bodyTruncated: false,
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    body: '{"token_type":"Bearer","access_token":"«redacted:access_token»"}',
    bodyTruncated: false,
    size: 900,
  },
});
const receiptConflict = entry(2, {
  label: 'Add a receipt',
  request: { method: 'POST', url: `${BASE}/order-management/v2/ecom/receipts/order-2`, headers: [], body: '{"orderLines":[]}', bodyTruncated: false },
  response: { status: 409, statusText: 'Conflict', headers: [], body: '', bodyTruncated: false, size: 0 },
});
const cancelled = entry(3, { response: undefined, timings: undefined, error: { code: 'CANCELLED', message: 'The request was cancelled.' } });

function summarise(e: HistoryEntry): HistorySummary {
  return {
    id: e.id,
    time: e.time,
    method: e.request.method,
    url: e.request.url,
    ...(e.label ? { label: e.label } : {}),
    ...(e.response ? { status: e.response.status, size: e.response.size } : {}),
    ...(e.error ? { errorCode: e.error.code } : {}),
    ...(e.timings ? { totalMs: e.timings.total } : {}),
    profileName: e.profileName,
  };
}

type ListInput = { text?: string; method?: string; status?: number | string; offset?: number; limit?: number };

/** The history in memory, filtered the way the backend filters it; oldest first, like the store. */
function fakeHistory(initial: HistoryEntry[], options: { listError?: ExplorerError } = {}) {
  let stored = [...initial];
  const calls = {
    listHistory: vi.fn(async (input: ListInput) => {
      if (options.listError) return { ok: false as const, error: options.listError };
      const text = input.text?.toLowerCase();
      const matching = stored
        .filter((e) => !input.method || e.request.method === input.method)
        .filter((e) => {
          if (input.status === undefined) return true;
          if (input.status === 'error') return !e.response;
          if (typeof input.status === 'number') return e.response?.status === input.status;
          return e.response !== undefined && String(e.response.status)[0] === input.status[0];
        })
        .filter((e) => !text || `${e.label ?? ''} ${e.request.url} ${e.request.body} ${e.response?.body ?? ''}`.toLowerCase().includes(text))
        .reverse();
      const offset = input.offset ?? 0;
      return ok({ entries: matching.slice(offset, offset + (input.limit ?? 100)).map(summarise), total: matching.length });
    }),
    getHistoryEntry: vi.fn(async ({ id }: { id: string }) => {
      const found = stored.find((e) => e.id === id);
      return found ? ok(found) : { ok: false as const, error: { code: 'NOT_FOUND' as const, message: 'That history entry no longer exists.' } };
    }),
    deleteHistoryEntry: vi.fn(async ({ id }: { id: string }) => {
      const before = stored.length;
      stored = stored.filter((e) => e.id !== id);
      return ok({ deleted: stored.length < before });
    }),
    clearHistory: vi.fn(async () => {
      const removed = stored.length;
      stored = [];
      return ok({ removed });
    }),
  };
  const api = new Proxy(calls as Record<string, unknown>, {
    get: (target, key: string) => target[key] ?? (async () => ({ ok: false, error: { code: 'INTERNAL', message: `not faked: ${key}` } })),
  }) as unknown as ExplorerApi;
  return { api, calls, add: (e: HistoryEntry) => stored.push(e) };
}

function renderView(api: ExplorerApi) {
  return render(
    <ExplorerProvider api={api}>
      <HistoryView />
    </ExplorerProvider>,
  );
}

const list = () => screen.getByRole('listbox', { name: /Sent requests/ });
const rows = () => within(list()).queryAllByRole('option');
const rowTexts = () => rows().map((row) => row.textContent ?? '');

async function openRow(text: string) {
  await waitFor(() => expect(rowTexts().some((t) => t.includes(text))).toBe(true));
  fireEvent.click(rows().find((row) => row.textContent?.includes(text))!);
  return screen.findByTestId('history-detail');
}

describe('history view', () => {
  it('lists the sends newest first with method, status, label or path, and "no answer" for a send that got none', async () => {
    renderView(fakeHistory([tokenCall, receiptConflict, cancelled]).api);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const [first, second, third] = rowTexts();
    expect(first).toMatch(/^GET/);
    expect(first).toContain('no answer');
    expect(first).toContain('No answer: cancelled');
    expect(first).toContain('/order-management/v2/ecom/order-3');
    expect(second).toMatch(/^POST409/);
    expect(second).toContain('Add a receipt');
    expect(third).toContain('Get an access token');
    expect(third).toContain('12 ms');
    const time = within(rows()[2]!).getByText((_, node) => node?.tagName === 'TIME');
    expect(time.getAttribute('title')).toMatch(/2025/);
    expect(screen.getByText('3 entries.')).toBeTruthy();
  });

  it('asks listHistory for the typed text once typing pauses, not for every key', async () => {
    const { api, calls } = fakeHistory([tokenCall, receiptConflict, cancelled]);
    renderView(api);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const search = screen.getByRole('searchbox', { name: 'Search' });
    for (const partial of ['r', 're', 'rec', 'receipt']) fireEvent.change(search, { target: { value: partial } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rowTexts()[0]).toContain('Add a receipt');
    const texts = calls.listHistory.mock.calls.map(([input]) => input.text);
    expect(texts).toContain('receipt');
    expect(texts).not.toContain('re');
    expect(screen.getByText('1 entry match.')).toBeTruthy();
  });

  it('filters by method, by status class and by one status code', async () => {
    const { api, calls } = fakeHistory([tokenCall, receiptConflict, cancelled]);
    renderView(api);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.change(screen.getByRole('combobox', { name: 'Method' }), { target: { value: 'POST' } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(calls.listHistory).toHaveBeenLastCalledWith(expect.objectContaining({ method: 'POST' }));

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: '4xx' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(calls.listHistory).toHaveBeenLastCalledWith(expect.objectContaining({ method: 'POST', status: '4xx' }));

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'code' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Status code' }), { target: { value: '200' } });
    await waitFor(() => expect(calls.listHistory).toHaveBeenLastCalledWith(expect.objectContaining({ status: 200 })));
    await waitFor(() => expect(rowTexts()).toEqual([expect.stringContaining('Get an access token')]));
  });

  it('shows the request and answer of a chosen entry, with keys as «redacted» placeholders and a hint that says why', async () => {
    renderView(fakeHistory([tokenCall, receiptConflict]).api);
    const detail = await openRow('Get an access token');
    await within(detail).findByRole('heading', { name: 'Get an access token' });
    expect(within(detail).getByText(/Keys and tokens are never stored; they show as/).textContent).toContain('«redacted»');
    expect(within(detail).getByTestId('history-request-url').textContent).toBe(`${BASE}/accesstoken/get`);
    const headers = within(detail).getByRole('table', { name: 'Request headers' });
    expect(within(headers).getByRole('rowheader', { name: 'client_secret' }).nextElementSibling?.textContent).toBe('«redacted:client_secret»');
    expect(headers.textContent).toContain('«redacted:subscription_key»');
    expect(headers.textContent).toContain('123456');
    expect(within(detail).getByTestId('response-status').textContent).toMatch(/^200 OK/);
    expect(within(detail).getByRole('button', { name: 'Copy the request URL' })).toBeTruthy();
    fireEvent.click(within(detail).getByRole('tab', { name: 'Raw' }));
    expect(within(detail).getByLabelText('Response body as received').textContent).toContain('«redacted:access_token»');
  });

  it('says in words why a send has no answer when the entry is opened', async () => {
    renderView(fakeHistory([cancelled]).api);
    const detail = await openRow('order-3');
    expect((await within(detail).findByTestId('response-error')).textContent).toContain('The request was cancelled.');
  });

  it('asks before clearing, keeps everything on "Keep it", then clears and says what fills the history', async () => {
    const { api, calls } = fakeHistory([tokenCall, receiptConflict, cancelled]);
    renderView(api);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Clear history…' }));
    const question = screen.getByRole('group', { name: /Remove all 3 entries from the history\? This cannot be undone\./ });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Keep it' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(calls.clearHistory).not.toHaveBeenCalled();
    expect(rows()).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Clear history…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear the history' }));
    const empty = await screen.findByTestId('history-empty');
    expect(calls.clearHistory).toHaveBeenCalledTimes(1);
    expect(empty.textContent).toContain('No requests yet');
    expect(empty.textContent).toMatch(/every Send in the quick start/);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((screen.getByRole('button', { name: 'Clear history…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('deletes the chosen entry and moves on to the next one down', async () => {
    const { api, calls } = fakeHistory([tokenCall, receiptConflict, cancelled]);
    renderView(api);
    const detail = await openRow('Add a receipt');
    await within(detail).findByRole('heading', { name: 'Add a receipt' });
    fireEvent.click(within(detail).getByRole('button', { name: 'Delete this entry' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(calls.deleteHistoryEntry).toHaveBeenCalledWith({ id: 'e2' });
    expect(rowTexts().some((t) => t.includes('Add a receipt'))).toBe(false);
    expect(await screen.findByRole('heading', { name: 'Get an access token' })).toBeTruthy();
    expect(rows().find((row) => row.getAttribute('aria-selected') === 'true')?.textContent).toContain('Get an access token');
    expect(screen.getByText('2 entries.')).toBeTruthy();
  });

  it('moves the selection with the arrow keys and opens each entry it lands on', async () => {
    renderView(fakeHistory([tokenCall, receiptConflict, cancelled]).api);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.keyDown(list(), { key: 'ArrowDown' });
    await waitFor(() => expect(list().getAttribute('aria-activedescendant')).toBe(rows()[0]!.id));
    fireEvent.keyDown(list(), { key: 'ArrowDown' });
    expect(await screen.findByRole('heading', { name: 'Add a receipt' })).toBeTruthy();
    fireEvent.keyDown(list(), { key: 'End' });
    expect(await screen.findByRole('heading', { name: 'Get an access token' })).toBeTruthy();
    expect(list().getAttribute('aria-activedescendant')).toBe(rows()[2]!.id);
  });

  it('loads the next page with "Load more" and picks up new sends with Refresh', async () => {
    const { api, calls, add } = fakeHistory(Array.from({ length: 130 }, (_, i) => entry(i + 10)));
    renderView(api);
    await screen.findByText('130 entries; showing the newest 100.');
    fireEvent.click(screen.getByRole('button', { name: 'Load 30 more' }));
    await screen.findByText('130 entries.');
    expect(calls.listHistory).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 100, limit: 100 }));
    expect(screen.queryByRole('button', { name: /Load .* more/ })).toBeNull();

    add(entry(500, { label: 'Sent just now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByText('131 entries.');
    expect(calls.listHistory).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 0, limit: 200 }));
    expect(rowTexts()[0]).toContain('Sent just now');
  });

  it('says when no entry matches the filters and clears them on request', async () => {
    renderView(fakeHistory([tokenCall]).api);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.change(screen.getByRole('combobox', { name: 'Method' }), { target: { value: 'DELETE' } });
    const empty = await screen.findByTestId('history-empty');
    expect(empty.textContent).toContain('Nothing matches these filters');
    fireEvent.click(within(empty).getByRole('button', { name: 'Clear the filters' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect((screen.getByRole('combobox', { name: 'Method' }) as HTMLSelectElement).value).toBe('');
  });

  it('says what went wrong when the history cannot be read, instead of claiming it is empty', async () => {
    const listError: ExplorerError = { code: 'STORE', message: 'The history file could not be read; it was moved aside and a new one started.' };
    renderView(fakeHistory([], { listError }).api);
    expect((await screen.findByRole('alert')).textContent).toContain('The history file could not be read');
    expect(screen.queryByTestId('history-empty')).toBeNull();
  });
});
