import { afterEach, describe, expect, test } from 'vitest';
import { parseTokenResponse } from '../../../electron/backend/engine/token-manager';
import { activeCustomProfile, expectError, expectOk, json, startServer, testBackend, tokenAnswer, type TestBackend, type TestServer } from './harness';

describe('reading the token API’s answer', () => {
  test('parses expires_in and expires_on, which arrive as strings', () => {
    const fetchedAt = 1_700_000_000_000;
    const token = parseTokenResponse(tokenAnswer('abc', fetchedAt / 1000, 3600), fetchedAt)!;
    expect(token.expiresAt).toBe(fetchedAt + 3_600_000);
    expect(token.lifetimeSeconds).toBe(3600);
    // One hour of life: renewed five minutes before the end.
    expect(token.renewAt).toBe(fetchedAt + 3_300_000);
  });

  test('renews at half the lifetime when tokens live less than ten minutes', () => {
    const token = parseTokenResponse(tokenAnswer('abc', 1000, 120), 1_000_000)!;
    expect(token.renewAt).toBe(1_000_000 + 60_000);
  });

  test('a server clock ahead of ours never makes a token outlive its expires_in', () => {
    const skewed = { ...tokenAnswer('abc', 0, 3600), expires_on: String(1_000 + 86_400) };
    expect(parseTokenResponse(skewed, 1_000_000)!.expiresAt).toBe(1_000_000 + 3_600_000);
  });

  test('an answer without access_token is not a token', () => {
    expect(parseTokenResponse({ expires_in: '3600' }, 0)).toBeUndefined();
  });
});

describe('the token manager in a send', () => {
  let t: TestBackend;
  let server: TestServer;
  let clock = 1_800_000_000_000;
  let issued = 0;
  /** How many of the next API calls answer 401 (Infinity: all of them). */
  let rejectNext = 0;

  async function setup(lifetimeSeconds = 3600) {
    issued = 0;
    rejectNext = 0;
    server = await startServer((req, res) => {
      if (req.url === '/accesstoken/get') {
        issued += 1;
        return json(res, 200, tokenAnswer(`token-number-${issued}-abcdefgh`, Math.floor(clock / 1000), lifetimeSeconds));
      }
      if (rejectNext > 0) {
        rejectNext -= 1;
        return json(res, 401, { message: 'token expired' });
      }
      json(res, 200, { ok: true });
    });
    t = await testBackend({ requests: { now: () => clock } });
    await activeCustomProfile(t, server.url);
  }
  afterEach(async () => {
    await t.dispose();
    await server.close();
  });

  const get = () => t.call<{ status: number; retriedWithNewToken: boolean }>('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/epayment/v1/payments/ref-12345678' } });
  const tokensSeenByApi = () => server.requests.filter((r) => r.url !== '/accesstoken/get').map((r) => r.headers.authorization);

  test('fetches one token and reuses it for later requests', async () => {
    await setup();
    await get();
    await get();
    clock += 30 * 60_000;
    await get();
    expect(issued).toBe(1);
    expect(tokensSeenByApi()).toEqual(Array(3).fill('Bearer token-number-1-abcdefgh'));
  });

  test('requests sent together wait for one shared token fetch', async () => {
    await setup();
    await Promise.all([get(), get(), get()]);
    expect(issued).toBe(1);
  });

  test('renews the token shortly before it expires (injected clock)', async () => {
    await setup();
    await get();
    clock += 54 * 60_000;
    await get();
    expect(issued).toBe(1);
    clock += 2 * 60_000; // 56 minutes: inside the last five minutes of a one-hour token
    await get();
    expect(issued).toBe(2);
    expect(tokensSeenByApi().at(-1)).toBe('Bearer token-number-2-abcdefgh');
  });

  test('after a 401 it fetches a new token and retries once, not twice', async () => {
    await setup();
    await get();
    rejectNext = Infinity;
    const before = server.requests.length;
    const value = expectOk(await get());
    expect(value.status).toBe(401);
    expect(value.retriedWithNewToken).toBe(true);
    // One renewal and one retry, not a loop: two API calls, two tokens in all.
    expect(server.requests.slice(before).filter((r) => r.url !== '/accesstoken/get')).toHaveLength(2);
    expect(issued).toBe(2);
    expect(tokensSeenByApi().slice(-2)).toEqual(['Bearer token-number-1-abcdefgh', 'Bearer token-number-2-abcdefgh']);
  });

  test('a retry that succeeds with the new token reports the success', async () => {
    await setup();
    await get();
    rejectNext = 1;
    const value = expectOk(await get());
    expect(value.status).toBe(200);
    expect(value.retriedWithNewToken).toBe(true);
    expect(issued).toBe(2);
  });

  test('a 401 to a request with the user’s own Authorization is not retried', async () => {
    await setup();
    rejectNext = Infinity;
    const value = expectOk(
      await t.call<{ status: number; retriedWithNewToken: boolean }>('sendRequest', {
        request: { method: 'GET', url: '{{baseUrl}}/epayment/v1/payments/ref-12345678', headers: [{ name: 'Authorization', value: 'Bearer mine' }] },
      }),
    );
    expect(value.retriedWithNewToken).toBe(false);
    expect(issued).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  test('getTokenInfo shows the expiry, and revealToken gives the token only when asked', async () => {
    await setup();
    expect(await t.ok('getTokenInfo', {})).toMatchObject({ state: 'none' });
    expectError(await t.call('revealToken', {}), 'NOT_FOUND');
    await t.ok('fetchToken', {});
    const info = await t.ok<{ state: string; expiresAt: string; lifetimeSeconds: number }>('getTokenInfo', {});
    expect(info).toMatchObject({ state: 'valid', lifetimeSeconds: 3600, expiresAt: new Date(clock + 3_600_000).toISOString() });
    expect(await t.ok('revealToken', {})).toMatchObject({ accessToken: 'token-number-1-abcdefgh' });
    clock += 2 * 3_600_000;
    expect(await t.ok('getTokenInfo', {})).toMatchObject({ state: 'expired' });
  });

  test('new keys throw away the token fetched with the old ones', async () => {
    await setup();
    const profileId = (await t.ok<{ activeProfileId: string }>('listProfiles', {})).activeProfileId;
    await get();
    await t.ok('setProfileSecret', { id: profileId, field: 'client_secret', value: 'a-brand-new-client-secret' });
    await get();
    expect(issued).toBe(2);
  });

  test('bad keys end in an error value that says to check the keys, with the server’s reason', async () => {
    server = await startServer((_req, res) => json(res, 401, { error: 'unauthorized_client', error_description: 'AADSTS700016: Application not found' }));
    t = await testBackend();
    await activeCustomProfile(t, server.url);
    const error = expectError(await get(), 'AUTH_FAILED');
    expect(error.message).toContain('401');
    expect(error.message).toContain('AADSTS700016');
    expect(error.message).toMatch(/client_id, client_secret and subscription key/);
  });
});
