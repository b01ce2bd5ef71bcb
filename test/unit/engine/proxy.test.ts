import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { expectError, json, startServer, testBackend, type TestBackend, type TestServer } from './harness';

describe('proxies from the environment', () => {
  let t: TestBackend;
  let proxy: TestServer;
  let local: TestServer;
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };

  beforeEach(async () => {
    proxy = await startServer((_req, res) => json(res, 200, { via: 'proxy' }));
    local = await startServer((_req, res) => json(res, 200, { via: 'direct' }));
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    t = await testBackend();
  });
  afterEach(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await t.dispose();
    await proxy.close();
    await local.close();
  });

  test('a real host goes through HTTP_PROXY', async () => {
    const result = await t.ok<{ body: { text: string } }>('sendRequest', { request: { method: 'GET', url: 'http://api.vipps-explorer.invalid/ping' } });
    expect(JSON.parse(result.body.text)).toEqual({ via: 'proxy' });
    expect(proxy.requests[0]!.url).toBe('http://api.vipps-explorer.invalid/ping');
  });

  test('loopback hosts (the embedded sandbox) are never proxied, even without NO_PROXY', async () => {
    const result = await t.ok<{ body: { text: string } }>('sendRequest', { request: { method: 'GET', url: `${local.url}/ping` } });
    expect(JSON.parse(result.body.text)).toEqual({ via: 'direct' });
    const viaLocalhost = await t.ok<{ body: { text: string } }>('sendRequest', { request: { method: 'GET', url: `http://localhost:${local.port}/ping` } });
    expect(JSON.parse(viaLocalhost.body.text)).toEqual({ via: 'direct' });
    expect(proxy.requests).toHaveLength(0);
  });

  test('a header that would break the request line is refused before sending', async () => {
    expectError(await t.call('sendRequest', { request: { method: 'GET', url: `${local.url}/`, headers: [{ name: 'Bad Name', value: 'x' }] } }), 'INVALID_INPUT');
    expectError(await t.call('sendRequest', { request: { method: 'GET', url: `${local.url}/`, headers: [{ name: 'X-Split', value: 'a\r\nInjected: yes' }] } }), 'INVALID_INPUT');
    expect(local.requests).toHaveLength(0);
  });
});
