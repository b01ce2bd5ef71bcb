import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import type { ExplorerApi } from '../../../shared/contract';
import type { SendResult } from '../../../shared/contract/requests';
import { ExplorerProvider } from '../../../renderer/src/api/ExplorerContext';

export function sendResult(overrides: Partial<SendResult> = {}): SendResult {
  return {
    requestId: 'r1',
    sent: { method: 'GET', url: 'http://127.0.0.1/x', headers: [], body: '', unresolved: [], toProfileHost: true },
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    body: { kind: 'inline', text: '{}', encoding: 'utf8' },
    size: 2,
    timings: { dns: 1, connect: 2, tls: 3, firstByte: 10, total: 20 },
    redirects: [],
    retriedWithNewToken: false,
    ...overrides,
  };
}

export function jsonResult(value: unknown, overrides: Partial<SendResult> = {}): SendResult {
  const text = JSON.stringify(value);
  return sendResult({ body: { kind: 'inline', text, encoding: 'utf8' }, size: text.length, ...overrides });
}

/** A fake backend: only the methods given exist; any other call fails loudly. */
export function fakeApi(methods: Record<string, (input: never) => Promise<unknown>> = {}): ExplorerApi {
  return new Proxy(methods, {
    get: (target, key: string) => target[key] ?? (async () => ({ ok: false, error: { code: 'INTERNAL', message: `not faked: ${key}` } })),
  }) as unknown as ExplorerApi;
}

export function renderWithApi(ui: ReactNode, api: ExplorerApi = fakeApi()) {
  return render(<ExplorerProvider api={api}>{ui}</ExplorerProvider>);
}

/**
 * happy-dom does no layout, so every element is 0 px tall and a virtualised list would render
 * nothing. Give scroll containers a height, as a browser would.
 */
export function giveScrollContainersHeight(height = 440, width = 600): () => void {
  const proto = HTMLElement.prototype;
  const previousHeight = Object.getOwnPropertyDescriptor(proto, 'clientHeight');
  const previousWidth = Object.getOwnPropertyDescriptor(proto, 'clientWidth');
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  return () => {
    if (previousHeight) Object.defineProperty(proto, 'clientHeight', previousHeight);
    else delete (proto as { clientHeight?: number }).clientHeight;
    if (previousWidth) Object.defineProperty(proto, 'clientWidth', previousWidth);
    else delete (proto as { clientWidth?: number }).clientWidth;
  };
}
