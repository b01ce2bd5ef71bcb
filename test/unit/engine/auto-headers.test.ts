import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { activeCustomProfile, expectOk, json, startServer, tokenAnswer, testBackend, type SalesUnitKeys, type TestBackend, type TestServer } from './harness';

const TOKEN = 'eyJ-token-for-header-tests-0123456789';

describe('automatic headers', () => {
  let t: TestBackend;
  let server: TestServer;
  let keys: SalesUnitKeys;

  beforeEach(async () => {
    server = await startServer((req, res) => {
      if (req.url?.toLowerCase().startsWith('/accesstoken/get')) return json(res, 200, tokenAnswer(TOKEN, Math.floor(Date.now() / 1000)));
      json(res, 200, { ok: true });
    });
    t = await testBackend();
    ({ keys } = await activeCustomProfile(t, server.url));
  });
  afterEach(async () => {
    await t.dispose();
    await server.close();
  });

  const send = (method: string, path: string, extra: Record<string, unknown> = {}) =>
    t.ok<{ sent: { headers: Array<{ name: string; value: string; auto: boolean; secret: boolean }> } }>('sendRequest', { request: { method, url: `{{baseUrl}}${path}`, ...extra } });
  const apiRequests = () => server.requests.filter((r) => !r.url.toLowerCase().startsWith('/accesstoken'));

  test('an API call carries Bearer token, subscription key, MSN and the four Vipps-System headers', async () => {
    await send('GET', '/order-management/v2/ecom/order-1');
    const headers = apiRequests()[0]!.headers;
    expect(headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(headers['ocp-apim-subscription-key']).toBe(keys.subscription_key);
    expect(headers['merchant-serial-number']).toBe('654321');
    expect(headers['vipps-system-name']).toBe('vipps-explorer');
    expect(headers['vipps-system-plugin-name']).toBe('vipps-explorer');
    expect(headers['vipps-system-version']).toMatch(/^\d+\.\d+\.\d+/);
    expect(headers['vipps-system-plugin-version']).toBe(headers['vipps-system-version']);
    expect(headers.client_secret).toBeUndefined();
  });

  test('the token call carries client_id, client_secret and the subscription key instead, with an empty body', async () => {
    await send('POST', '/accesstoken/get');
    const tokenCall = server.requests.find((r) => r.url === '/accesstoken/get')!;
    expect(tokenCall.headers.client_id).toBe(keys.client_id);
    expect(tokenCall.headers.client_secret).toBe(keys.client_secret);
    expect(tokenCall.headers['ocp-apim-subscription-key']).toBe(keys.subscription_key);
    expect(tokenCall.headers['merchant-serial-number']).toBe('654321');
    expect(tokenCall.headers.authorization).toBeUndefined();
    expect(tokenCall.headers['content-type']).toBeUndefined();
    expect(tokenCall.body).toBe('');
  });

  test('every header that reaches the server is listed in what the result says was sent', async () => {
    const result = await send('POST', '/epayment/v1/payments', { body: '{}' });
    const listed = new Set(result.sent.headers.map((h) => h.name.toLowerCase()));
    const received = Object.keys(apiRequests()[0]!.headers).filter((name) => !['host', 'connection', 'content-length'].includes(name));
    expect(received.filter((name) => !listed.has(name))).toEqual([]);
  });

  test('a header the user sets replaces the automatic one, and the preview marks which are automatic', async () => {
    const result = await send('GET', '/order-management/v2/ecom/order-1', {
      headers: [
        { name: 'merchant-serial-number', value: '999999' },
        { name: 'Authorization', value: 'Bearer user-chosen' },
        { name: 'X-Disabled', value: 'no', enabled: false },
      ],
    });
    const headers = apiRequests()[0]!.headers;
    expect(headers['merchant-serial-number']).toBe('999999');
    expect(headers.authorization).toBe('Bearer user-chosen');
    expect(headers['x-disabled']).toBeUndefined();
    // The user's own Authorization means no token is needed at all.
    expect(server.requests.some((r) => r.url === '/accesstoken/get')).toBe(false);
    const shown = result.sent.headers;
    expect(shown.filter((h) => h.name.toLowerCase() === 'merchant-serial-number')).toEqual([{ name: 'merchant-serial-number', value: '999999', auto: false, secret: false }]);
    expect(shown.find((h) => h.name === 'Ocp-Apim-Subscription-Key')).toMatchObject({ auto: true, secret: true, value: `••••••••${keys.subscription_key.slice(-4)}` });
  });

  test('the preview shows auto headers with keys masked and fetches nothing', async () => {
    const preview = await t.ok<{ headers: Array<{ name: string; value: string; auto: boolean; secret: boolean }> }>('previewRequest', {
      request: { method: 'POST', url: '{{baseUrl}}/accesstoken/get' },
    });
    expect(preview.headers.find((h) => h.name === 'client_secret')).toEqual({ name: 'client_secret', value: `••••••••${keys.client_secret.slice(-4)}`, auto: true, secret: true });
    expect(JSON.stringify(preview)).not.toContain(keys.client_secret);
    expect(server.requests).toHaveLength(0);
  });

  test('auth "none" sends no key or token to the profile host', async () => {
    await send('GET', '/order-management/v2/ecom/order-1', { options: { auth: 'none' } });
    const headers = apiRequests()[0]!.headers;
    expect(headers.authorization).toBeUndefined();
    expect(headers['ocp-apim-subscription-key']).toBeUndefined();
    expect(server.requests.some((r) => r.url === '/accesstoken/get')).toBe(false);
  });

  describe('Idempotency-Key', () => {
    const required: Array<[string, string]> = [
      ['POST', '/epayment/v1/payments'],
      ['POST', '/epayment/v1/payments/ref-12345678/capture'],
      ['POST', '/epayment/v1/payments/ref-12345678/cancel'],
      ['POST', '/epayment/v1/payments/ref-12345678/refund'],
      ['POST', '/recurring/v3/agreements'],
      ['PATCH', '/recurring/v3/agreements/agr_1'],
      ['DELETE', '/recurring/v3/agreements/agr_1/charges/chr_1'],
    ];
    const notRequired: Array<[string, string]> = [
      ['GET', '/epayment/v1/payments/ref-12345678'],
      ['POST', '/epayment/v1/test/payments/ref-12345678/approve'],
      ['POST', '/ecomm/v2/payments'],
      ['PUT', '/order-management/v2/ecom/categories/order-1'],
      ['POST', '/order-management/v2/ecom/receipts/order-1'],
      ['GET', '/recurring/v3/agreements/agr_1'],
    ];

    test.each(required)('is generated for %s %s, within both APIs’ limits', async (method, path) => {
      await send(method, path, { body: method === 'DELETE' ? '' : '{}' });
      const key = apiRequests()[0]!.headers['idempotency-key'];
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect((key as string).length).toBeLessThanOrEqual(40);
      expect(key).not.toMatch(/[#?/\\]/);
    });

    test.each(notRequired)('is not added to %s %s', async (method, path) => {
      await send(method, path, { body: method === 'GET' ? '' : '{}' });
      expect(apiRequests()[0]!.headers['idempotency-key']).toBeUndefined();
    });

    test('a key the user gives is kept as it is', async () => {
      await send('POST', '/epayment/v1/payments', { body: '{}', headers: [{ name: 'Idempotency-Key', value: 'my-own-key' }] });
      expect(apiRequests()[0]!.headers['idempotency-key']).toBe('my-own-key');
    });
  });

  test('a JSON body gets Content-Type application/json unless the user chose another', async () => {
    await send('POST', '/order-management/v1/images', { body: '{"a":1}' });
    await send('POST', '/order-management/v1/images', { body: 'a=1', headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] });
    const [first, second] = apiRequests();
    expect(first!.headers['content-type']).toBe('application/json');
    expect(second!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  test('the answer the renderer gets never contains the token or a key', async () => {
    const result = expectOk(await t.call('sendRequest', { request: { method: 'POST', url: '{{baseUrl}}/accesstoken/get' } }));
    const text = JSON.stringify(result);
    expect(text).not.toContain(TOKEN);
    for (const value of Object.values(keys)) expect(text).not.toContain(value);
    expect(text).toContain('«redacted:access_token»');
  });
});
