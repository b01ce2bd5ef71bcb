// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ResponseViewer } from '../../../renderer/src/components/response/ResponseViewer';
import { statusMeaning } from '../../../renderer/src/components/response/status-meaning';
import { fakeApi, giveScrollContainersHeight, jsonResult, renderWithApi, sendResult } from './helpers';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveScrollContainersHeight();
});
afterAll(() => restoreLayout());
afterEach(cleanup);

function treeItems() {
  return within(screen.getByRole('tree')).queryAllByRole('treeitem');
}

function row(text: string) {
  const found = treeItems().find((item) => item.textContent?.includes(text));
  if (!found) throw new Error(`no row with ${text}; rows: ${treeItems().map((i) => i.textContent).join(' | ')}`);
  return found;
}

describe('ResponseViewer: status and explanations', () => {
  it.each([
    [200, 'The request worked.'],
    [201, 'something new was stored'],
    [400, 'the server rejected the request: see the fields below'],
    [401, 'the keys or the access token were not accepted: check the keys in the profile; the token may have expired'],
    [409, 'Conflict'],
    [429, 'Too many requests'],
    [503, 'try again later'],
  ])('says what %i means in words', (status, words) => {
    renderWithApi(<ResponseViewer result={sendResult({ status, statusText: '' })} error={null} idPrefix="t" />);
    const line = screen.getByTestId('response-status');
    expect(line.textContent).toContain(String(status));
    expect(line.textContent!.toLowerCase()).toContain(words.toLowerCase());
  });

  it('falls back to the class of an unlisted status', () => {
    expect(statusMeaning(418).tone).toBe('error');
    expect(statusMeaning(299).meaning).toBe('The request worked.');
  });

  it('lists the invalidParams of an Order Management 400 against their fields', () => {
    const body = {
      type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
      title: 'One or more validation errors occurred.',
      detail: 'BadRequest',
      instance: '00-abc-def-00',
      invalidParams: [
        { name: 'orderLines[0].totalTaxAmount', reason: 'totalAmount must equal totalAmountExcludingTax plus totalTaxAmount.' },
        { name: 'bottomLine.currency', reason: 'currency must be NOK, DKK or EUR.' },
      ],
    };
    renderWithApi(<ResponseViewer result={jsonResult(body, { status: 400, statusText: 'Bad Request' })} error={null} idPrefix="t" />);
    const banner = screen.getByTestId('response-explanation');
    expect(banner.textContent).toContain('One or more validation errors occurred.');
    const items = within(banner).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-path'))).toEqual(['orderLines[0].totalTaxAmount', 'bottomLine.currency']);
    expect(items[0]!.textContent).toContain('must equal totalAmountExcludingTax plus totalTaxAmount');
  });

  it('maps Recurring extraDetails {field, text} to fields too', () => {
    const body = { title: 'Bad Request', status: 400, extraDetails: [{ field: 'pricing.amount', text: 'must be greater than 0' }] };
    renderWithApi(<ResponseViewer result={jsonResult(body, { status: 400 })} error={null} idPrefix="t" />);
    const item = within(screen.getByTestId('response-explanation')).getByRole('listitem');
    expect(item.getAttribute('data-path')).toBe('pricing.amount');
    expect(item.textContent).toContain('must be greater than 0');
  });

  it("shows the page's own explanation and keeps the fields from the body under it", () => {
    const explain = () => ({ tone: 'error' as const, title: 'Receipts are write-once', text: 'Start a new order to send another receipt.' });
    const body = { title: 'Conflict', detail: 'A receipt exists', invalidParams: [{ name: 'orderId', reason: 'already has a receipt' }] };
    renderWithApi(<ResponseViewer result={jsonResult(body, { status: 409 })} error={null} explain={explain} idPrefix="t" />);
    const banner = screen.getByTestId('response-explanation');
    expect(banner.textContent).toContain('Receipts are write-once');
    expect(banner.textContent).toContain('already has a receipt');
  });

  it('shows the message of an error that produced no answer', () => {
    renderWithApi(<ResponseViewer result={null} error={{ code: 'TIMEOUT', message: 'No answer within 30 s. Try again or raise the timeout.' }} idPrefix="t" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('No answer in time');
    expect(alert.textContent).toContain('No answer within 30 s');
  });

  it('shows the timing breakdown and a human size', () => {
    const sent = { method: 'GET' as const, url: 'https://127.0.0.1/x', headers: [], body: '', unresolved: [], toProfileHost: true };
    renderWithApi(<ResponseViewer result={sendResult({ sent, size: 2048, timings: { dns: 1, connect: 2, tls: 30, firstByte: 100, total: 150 } })} error={null} idPrefix="t" />);
    expect(screen.getByText('TLS handshake')).toBeTruthy();
    expect(screen.getByText('2.0 KiB')).toBeTruthy();
    expect(screen.getAllByText('150 ms').length).toBeGreaterThan(0);
  });

  it('leaves the TLS handshake out of the timing for a plain-http request', () => {
    renderWithApi(<ResponseViewer result={sendResult({ timings: { dns: 1, connect: 2, tls: 0, firstByte: 10, total: 20 } })} error={null} idPrefix="t" />);
    expect(screen.getByText('Connect')).toBeTruthy();
    expect(screen.queryByText('TLS handshake')).toBeNull();
  });
});

describe('ResponseViewer: JSON tree', () => {
  const body = { a: { b: [42, 'x'] }, orderLines: [{ name: 'Socks', id: '1' }], deep: { deeper: { needle: true } } };

  it('opens the top level at first, and expands and collapses nodes with the keyboard', async () => {
    renderWithApi(<ResponseViewer result={jsonResult(body)} error={null} idPrefix="t" />);
    const tree = await screen.findByRole('tree');
    // The top level opens by itself; the keyboard closes and reopens it.
    await waitFor(() => expect(row('"orderLines"')).toBeTruthy());
    expect(row('root').getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    await waitFor(() => expect(treeItems().length).toBe(1));
    expect(row('root').getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    await waitFor(() => expect(row('"orderLines"')).toBeTruthy());
    expect(row('root').getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(tree.getAttribute('aria-activedescendant')).toBe(row('"a"').id);
    fireEvent.keyDown(tree, { key: 'Enter' });
    await waitFor(() => expect(row('"b"')).toBeTruthy());
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    await waitFor(() => expect(treeItems().some((item) => item.textContent?.includes('"b"'))).toBe(false));
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(tree.getAttribute('aria-activedescendant')).toBe(row('root').id);
    fireEvent.keyDown(tree, { key: ' ' });
    await waitFor(() => expect(treeItems().length).toBe(1));
  });

  it('finds a nested key, opening its ancestors and selecting it', async () => {
    renderWithApi(<ResponseViewer result={jsonResult(body)} error={null} idPrefix="t" />);
    const tree = await screen.findByRole('tree');
    fireEvent.change(screen.getByLabelText('Find in body'), { target: { value: 'needle' } });
    fireEvent.keyDown(screen.getByLabelText('Find in body'), { key: 'Enter' });
    await waitFor(() => expect(tree.getAttribute('aria-activedescendant')).toBe(row('"needle"').id));
    expect(row('"deeper"').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('1 of 1')).toBeTruthy();
    expect(row('"needle"').querySelector('mark')?.textContent).toBe('needle');
  });

  it('steps through several matches with Enter and Shift+Enter', async () => {
    renderWithApi(<ResponseViewer result={jsonResult({ list: [{ sku: 'A' }, { sku: 'B' }, { other: { sku: 'C' } }] })} error={null} idPrefix="t" />);
    const tree = await screen.findByRole('tree');
    const box = screen.getByLabelText('Find in body');
    fireEvent.change(box, { target: { value: 'sku' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(screen.getByText('1 of 3')).toBeTruthy());
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(screen.getByText('2 of 3')).toBeTruthy());
    await waitFor(() => expect(tree.getAttribute('aria-activedescendant')).toBe(row('"B"').id));
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    await waitFor(() => expect(screen.getByText('3 of 3')).toBeTruthy());
    await waitFor(() => expect(tree.getAttribute('aria-activedescendant')).toBe(row('"C"').id));
  });

  it('copies the JSONPath of the selected node', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    renderWithApi(<ResponseViewer result={jsonResult(body)} error={null} idPrefix="t" />);
    const tree = await screen.findByRole('tree');
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    await waitFor(() => row('"a"'));
    fireEvent.click(row('"a"'));
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    await waitFor(() => row('"b"'));
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    await waitFor(() => row('42'));
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    fireEvent.click(screen.getByRole('button', { name: /Copy the path/ }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('$.a.b[0]'));
    fireEvent.click(screen.getByRole('button', { name: /Copy the value/ }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('42'));
  });

  it('shows a body that is not JSON as text', async () => {
    renderWithApi(<ResponseViewer result={sendResult({ headers: [{ name: 'Content-Type', value: 'text/plain' }], body: { kind: 'inline', text: 'plain words', encoding: 'utf8' } })} error={null} idPrefix="t" />);
    expect(await screen.findByText('plain words')).toBeTruthy();
    expect(screen.queryByRole('tree')).toBeNull();
  });
});

describe('ResponseViewer: large bodies kept in a file', () => {
  it('reads the body page by page at successive offsets until the backend says done', async () => {
    const text = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `item ${i}` })) });
    const pageSize = 10_000;
    const offsets: number[] = [];
    const api = fakeApi({
      readResponseBody: async (input: { responseId: string; offset: number; length: number }) => {
        offsets.push(input.offset);
        expect(input.responseId).toBe('big-1');
        const end = Math.min(input.offset + pageSize, text.length);
        return { ok: true, value: { text: text.slice(input.offset, end), offset: input.offset, nextOffset: end, totalSize: text.length, done: end >= text.length } };
      },
    });
    const result = sendResult({ body: { kind: 'file', responseId: 'big-1', size: text.length }, size: text.length });
    renderWithApi(<ResponseViewer result={result} error={null} idPrefix="t" />, api);
    const tree = await screen.findByRole('tree');
    const expected = Array.from({ length: Math.ceil(text.length / pageSize) }, (_, i) => i * pageSize);
    expect(offsets).toEqual(expected);
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    await waitFor(() => row('"items"'));
    expect(row('"items"').textContent).toContain('[2,000 items]');
  });

  it('offers Stop while the body loads, and stops reading when pressed', async () => {
    let release: () => void = () => {};
    const reads: number[] = [];
    const api = fakeApi({
      readResponseBody: async (input: { offset: number }) => {
        reads.push(input.offset);
        await new Promise<void>((resolve) => (release = resolve));
        return { ok: true, value: { text: '[1,', offset: input.offset, nextOffset: input.offset + 3, totalSize: 9, done: false } };
      },
    });
    renderWithApi(<ResponseViewer result={sendResult({ body: { kind: 'file', responseId: 'slow', size: 9 }, size: 9 })} error={null} idPrefix="t" />, api);
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await act(async () => release());
    expect(screen.getByText(/Stopped after/)).toBeTruthy();
    expect(reads).toEqual([0]);
  });
});

describe('ResponseViewer: reading aids', () => {
  it('opens every level with Expand all', async () => {
    const body = { a: { b: { c: { needle: 1 } } }, list: [{ x: [1, 2] }] };
    renderWithApi(<ResponseViewer result={jsonResult(body)} error={null} idPrefix="t" />);
    await screen.findByRole('tree');
    await waitFor(() => row('"a"'));
    expect(treeItems().some((item) => item.textContent?.includes('"needle"'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    await waitFor(() => row('"needle"'));
    expect(row('"x"').getAttribute('aria-expanded')).toBe('true');
  });

  it('pretty-prints JSON in the Raw tab, and shows it as received on request', async () => {
    renderWithApi(<ResponseViewer result={jsonResult({ orderId: 'o-1', lines: [1, 2] })} error={null} idPrefix="t" />);
    fireEvent.click(screen.getByRole('tab', { name: 'Raw' }));
    const raw = screen.getByLabelText('Response body as received');
    expect(raw.textContent).toBe('{\n  "orderId": "o-1",\n  "lines": [\n    1,\n    2\n  ]\n}');
    fireEvent.click(screen.getByLabelText('Pretty-print'));
    expect(screen.getByLabelText('Response body as received').textContent).toBe('{"orderId":"o-1","lines":[1,2]}');
  });

  it('shows the first lines of a large body from its first small page, before the rest arrives', async () => {
    const text = JSON.stringify({ first: 'visible early', items: Array.from({ length: 20_000 }, (_, i) => ({ id: i })) });
    let calls = 0;
    let release: () => void = () => {};
    const lengths: number[] = [];
    const api = fakeApi({
      readResponseBody: async (input: { offset: number; length: number }) => {
        calls += 1;
        lengths.push(input.length);
        if (calls > 1) await new Promise<void>((resolve) => (release = resolve));
        const end = Math.min(input.offset + input.length, text.length);
        return { ok: true, value: { text: text.slice(input.offset, end), offset: input.offset, nextOffset: end, totalSize: text.length, done: end >= text.length } };
      },
    });
    renderWithApi(<ResponseViewer result={sendResult({ body: { kind: 'file', responseId: 'big', size: text.length }, size: text.length })} error={null} idPrefix="t" />, api);
    const preview = await screen.findByTestId('body-preview');
    expect(preview.textContent).toContain('"first": "visible early"');
    expect(lengths[0]).toBeLessThan(lengths[1] ?? Infinity);
    await act(async () => release());
    await screen.findByRole('tree');
  });

  it('offers to save the body to a file', () => {
    renderWithApi(<ResponseViewer result={jsonResult({ a: 1 })} error={null} idPrefix="t" />);
    expect(screen.getByRole('button', { name: 'Save body to a file' })).toBeTruthy();
  });
});
