import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { activeCustomProfile, expectError, expectOk, startServer, testBackend, type TestBackend, type TestServer } from './harness';

describe('timeout and cancel', () => {
  let t: TestBackend;
  let server: TestServer;
  const stalled: ServerResponse[] = [];

  beforeEach(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first part…');
      }
      // Otherwise never answer: the request hangs until the client gives up.
      stalled.push(res);
    });
    t = await testBackend();
    await activeCustomProfile(t, server.url);
  });
  afterEach(async () => {
    await t.dispose();
    await server.close();
    stalled.length = 0;
  });

  test('a server that does not answer ends in TIMEOUT after the request’s timeout', async () => {
    const started = Date.now();
    const error = expectError(await t.call('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/hang', options: { timeoutMs: 300, auth: 'none' } } }), 'TIMEOUT');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(5_000);
    expect(error.message).toContain('0.3 s');
  });

  test('a body that stops arriving ends in TIMEOUT too', async () => {
    expectError(await t.call('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/slow-body', options: { timeoutMs: 300, auth: 'none' } } }), 'TIMEOUT');
  });

  test('cancelRequest stops a running request with CANCELLED, and the history says so', async () => {
    const pending = t.call('sendRequest', { requestId: 'req-to-cancel', request: { method: 'GET', url: '{{baseUrl}}/hang', options: { auth: 'none' } } });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await t.ok('cancelRequest', { requestId: 'req-to-cancel' })).toEqual({ cancelled: true });
    expectError(await pending, 'CANCELLED');
    expect(await t.ok('cancelRequest', { requestId: 'req-to-cancel' })).toEqual({ cancelled: false });
    const history = await t.ok<{ entries: Array<{ errorCode?: string }> }>('listHistory', {});
    expect(history.entries[0]!.errorCode).toBe('CANCELLED');
  });

  test('the caller going away (window closed) cancels the request', async () => {
    const controller = new AbortController();
    const pending = t.backend.call('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/hang', options: { auth: 'none' } } }, { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expectError(await pending, 'CANCELLED');
  });

  test('a refused connection is a NETWORK error that names the host', async () => {
    const closed = await startServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const error = expectError(await t.call('sendRequest', { request: { method: 'GET', url: `${url}/x` } }), 'NETWORK');
    expect(error.message).toContain(new URL(url).host);
    expect(error.message).toMatch(/refused/);
  });

  test('timings are reported, and a kept-alive socket reports no dns, connect or tls time', async () => {
    const fast = await startServer((_req, res) => res.end('ok'));
    try {
      const first = expectOk(await t.call<{ timings: Record<string, number> }>('sendRequest', { request: { method: 'GET', url: `${fast.url}/a` } }));
      const second = expectOk(await t.call<{ timings: Record<string, number> }>('sendRequest', { request: { method: 'GET', url: `${fast.url}/b` } }));
      expect(first.timings.total).toBeGreaterThan(0);
      expect(first.timings.connect).toBeGreaterThan(0);
      expect(second.timings).toMatchObject({ dns: 0, connect: 0, tls: 0 });
      expect(second.timings.total).toBeGreaterThan(0);
    } finally {
      await fast.close();
    }
  });
});
