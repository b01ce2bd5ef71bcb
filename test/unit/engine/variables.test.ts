import { afterEach, describe, expect, test } from 'vitest';
import { dynamicValue, fillTemplate, scanVariables } from '../../../shared/variables';
import { activeCustomProfile, expectError, expectOk, json, startServer, testBackend, type TestBackend, type TestServer } from './harness';

describe('{{variable}} templates', () => {
  test('a run value wins over the collection, the collection over the profile, the profile over dynamic values', () => {
    const scopes = {
      run: { orderId: 'from-run' },
      collection: { orderId: 'from-collection', imageId: 'img-collection' },
      profile: { orderId: 'from-profile', imageId: 'img-profile', msn: '123456', $guid: 'profile-guid' },
    };
    const filled = fillTemplate('{{orderId}} {{imageId}} {{msn}} {{$guid}}', scopes);
    expect(filled.text).toBe('from-run img-collection 123456 profile-guid');
    expect(filled.unresolved).toEqual([]);
  });

  test('lists each unknown name once and leaves it in place', () => {
    const filled = fillTemplate('{{a}}/{{ b }}/{{a}}', { profile: { b: 'B' } });
    expect(filled.text).toBe('{{a}}/B/{{a}}');
    expect(filled.unresolved).toEqual(['a']);
  });

  test('does not fill a value that itself looks like a variable a second time', () => {
    expect(fillTemplate('{{x}}', { run: { x: '{{y}}' }, profile: { y: 'no' } }).text).toBe('{{y}}');
  });

  test('dynamic values have their documented shapes and a fresh $guid per occurrence', () => {
    const now = new Date('2026-03-01T12:00:00.000Z');
    expect(dynamicValue('$timestamp', now)).toBe('1772366400');
    expect(dynamicValue('$isoTimestamp', now)).toBe('2026-03-01T12:00:00.000Z');
    const n = Number(dynamicValue('$randomInt'));
    expect(Number.isInteger(n) && n >= 0 && n <= 1000).toBe(true);
    const [a, b] = fillTemplate('{{$guid}} {{$guid}}', {}).text.split(' ');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  test('scanning reports positions and whether a name is dynamic, for the editor to highlight', () => {
    expect(scanVariables('x {{baseUrl}}/{{$guid}}')).toEqual([
      { name: 'baseUrl', start: 2, end: 13, dynamic: false },
      { name: '$guid', start: 14, end: 23, dynamic: true },
    ]);
  });
});

describe('variables in a send', () => {
  let t: TestBackend;
  let server: TestServer;
  afterEach(async () => {
    await t?.dispose();
    await server?.close();
  });

  test('fills URL, headers and body from the run, the collection and the profile', async () => {
    server = await startServer((_req, res) => json(res, 200, { ok: true }));
    t = await testBackend();
    await activeCustomProfile(t, server.url, undefined, { variables: { shop: 'profile-shop', orderId: 'profile-order' } });
    const result = await t.ok<{ status: number }>('sendRequest', {
      request: {
        method: 'POST',
        url: '{{baseUrl}}/things/{{orderId}}?shop={{shop}}',
        headers: [{ name: 'X-Msn', value: '{{msn}}' }, { name: 'X-Label', value: '{{label}}' }],
        body: '{"order":"{{orderId}}","label":"{{label}}"}',
        options: { auth: 'none' },
      },
      variables: { run: { orderId: 'run-order' }, collection: { orderId: 'collection-order', label: 'collection-label' } },
    });
    expect(result.status).toBe(200);
    const seen = server.requests[0]!;
    expect(seen.url).toBe('/things/run-order?shop=profile-shop');
    expect(seen.headers['x-msn']).toBe('654321');
    expect(seen.headers['x-label']).toBe('collection-label');
    expect(seen.body).toBe('{"order":"run-order","label":"collection-label"}');
  });

  test('an unresolved variable stops the send with UNRESOLVED_VARIABLE naming it, and nothing is sent', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    t = await testBackend();
    await activeCustomProfile(t, server.url);
    const error = expectError(await t.call('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/orders/{{orderId}}' } }), 'UNRESOLVED_VARIABLE');
    expect(error.message).toContain('{{orderId}}');
    expect(server.requests).toHaveLength(0);
  });

  test('keys are never variables: {{client_secret}} stays unresolved', async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    t = await testBackend();
    await activeCustomProfile(t, server.url);
    expectError(await t.call('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/?s={{client_secret}}' } }), 'UNRESOLVED_VARIABLE');
    const preview = expectOk(await t.call<{ unresolved: string[] }>('previewRequest', { request: { method: 'GET', url: '{{baseUrl}}/?s={{client_secret}}' } }));
    expect(preview.unresolved).toEqual(['client_secret']);
  });
});
