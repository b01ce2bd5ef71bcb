import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { activeCustomProfile, json, startServer, testBackend, tokenAnswer, type SalesUnitKeys, type TestBackend, type TestServer } from './harness';

const TOKEN = 'eyJ-scope-test-token-0123456789abcdef';

describe('credentials go only to the active profile’s host', () => {
  let t: TestBackend;
  let profileHost: TestServer;
  let foreign: TestServer;
  let keys: SalesUnitKeys;

  beforeEach(async () => {
    foreign = await startServer((_req, res) => json(res, 200, { foreign: true }));
    profileHost = await startServer((req, res) => {
      if (req.url === '/accesstoken/get') return json(res, 200, tokenAnswer(TOKEN, Math.floor(Date.now() / 1000)));
      if (req.url === '/to-foreign') return res.writeHead(302, { location: `${foreign.url}/landed` }).end();
      if (req.url === '/to-foreign-307') return res.writeHead(307, { location: `${foreign.url}/landed` }).end();
      if (req.url === '/same-host') return res.writeHead(301, { location: '/final' }).end();
      if (req.url === '/see-other') return res.writeHead(303, { location: '/final' }).end();
      json(res, 200, { ok: true });
    });
    t = await testBackend();
    ({ keys } = await activeCustomProfile(t, profileHost.url));
  });
  afterEach(async () => {
    await t.dispose();
    await profileHost.close();
    await foreign.close();
  });

  const carriesCredentials = (headers: Record<string, unknown>) => {
    const text = JSON.stringify(headers);
    return Boolean(headers.authorization || headers['ocp-apim-subscription-key'] || headers.client_id || headers.client_secret) || text.includes(TOKEN) || Object.values(keys).some((k) => text.includes(k));
  };

  test('a request to another port on the same machine gets no token and no key', async () => {
    const result = await t.ok<{ sent: { toProfileHost: boolean } }>('sendRequest', { request: { method: 'GET', url: `${foreign.url}/anything` } });
    expect(result.sent.toProfileHost).toBe(false);
    expect(foreign.requests).toHaveLength(1);
    expect(carriesCredentials(foreign.requests[0]!.headers)).toBe(false);
    expect(foreign.requests[0]!.headers['merchant-serial-number']).toBeUndefined();
    // No token was even fetched for it.
    expect(profileHost.requests).toHaveLength(0);
  });

  test('a token-shaped path on another host is not treated as the token call', async () => {
    await t.ok('sendRequest', { request: { method: 'POST', url: `${foreign.url}/accesstoken/get` } });
    expect(carriesCredentials(foreign.requests[0]!.headers)).toBe(false);
  });

  test.each(['/to-foreign', '/to-foreign-307'])('a redirect (%s) to another host drops the token and keys', async (path) => {
    const result = await t.ok<{ status: number; redirects: Array<{ credentialsDropped: boolean; to: string }> }>('sendRequest', {
      request: { method: 'POST', url: `{{baseUrl}}${path}`, body: '{"a":1}' },
    });
    expect(result.status).toBe(200);
    const first = profileHost.requests.find((r) => r.url === path)!;
    expect(first.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(foreign.requests).toHaveLength(1);
    expect(carriesCredentials(foreign.requests[0]!.headers)).toBe(false);
    expect(result.redirects).toEqual([expect.objectContaining({ to: `${foreign.url}/landed`, credentialsDropped: true })]);
  });

  test('a redirect within the profile host keeps the credentials', async () => {
    const result = await t.ok<{ status: number; redirects: Array<{ credentialsDropped: boolean }> }>('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/same-host' } });
    expect(result.status).toBe(200);
    const final = profileHost.requests.find((r) => r.url === '/final')!;
    expect(final.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(final.headers['ocp-apim-subscription-key']).toBe(keys.subscription_key);
    expect(result.redirects[0]!.credentialsDropped).toBe(false);
  });

  test('a 303 continues as a GET without the body', async () => {
    await t.ok('sendRequest', { request: { method: 'POST', url: '{{baseUrl}}/see-other', body: '{"a":1}' } });
    const final = profileHost.requests.find((r) => r.url === '/final')!;
    expect(final.method).toBe('GET');
    expect(final.body).toBe('');
  });

  test('with redirects turned off the 3xx answer itself comes back', async () => {
    const result = await t.ok<{ status: number; redirects: unknown[] }>('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/to-foreign', options: { followRedirects: false } } });
    expect(result.status).toBe(302);
    expect(result.redirects).toEqual([]);
    expect(foreign.requests).toHaveLength(0);
  });
});
