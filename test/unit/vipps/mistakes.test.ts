import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, DEMO_SALES_UNIT, type RunningSandbox } from '../../../electron/sandbox';
import { diagnoseMistake, type MistakeInput } from '../../../shared/vipps/mistakes';

const OTHER_UNIT = { name: 'Second shop', clientId: 'second-client-id-0001', clientSecret: 'second-secret-0001-abcdef', subscriptionKey: 'second-subscription-key-0001', msn: '654321' };

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ config: { salesUnits: [OTHER_UNIT] } });
});
afterAll(() => sandbox.close());

/** Sends for real to the sandbox and hands what went and came back to the diagnosis. */
async function send(method: string, path: string, headers: Record<string, string>, body = ''): Promise<MistakeInput> {
  const res = await fetch(`${sandbox.baseUrl}${path}`, { method, headers, ...(body ? { body } : {}) });
  return {
    method,
    url: `${sandbox.baseUrl}${path}`,
    headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
    requestBody: body,
    status: res.status,
    responseHeaders: [...res.headers.entries()].map(([name, value]) => ({ name, value })),
    responseBody: await res.text(),
  };
}

const keys = (unit: { clientId: string; clientSecret: string; subscriptionKey: string } = DEMO_SALES_UNIT) => ({ client_id: unit.clientId, client_secret: unit.clientSecret, 'Ocp-Apim-Subscription-Key': unit.subscriptionKey });

async function token(unit = DEMO_SALES_UNIT): Promise<string> {
  const res = await fetch(`${sandbox.baseUrl}/accesstoken/get`, { method: 'POST', headers: keys(unit) });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('each classic mistake, as the sandbox answers it, gets its fix', () => {
  it('a token URL from another API or an old guide', async () => {
    for (const path of ['/access-management-1.0/access/oauth2/token', '/accesstoken', '/oauth/token']) {
      const answer = await send('POST', path, keys());
      expect(answer.status).toBe(404);
      expect(diagnoseMistake(answer)).toMatchObject({ id: 'token-url', fix: expect.stringContaining('POST') });
      expect(diagnoseMistake(answer)?.fix).toContain('/accesstoken/get');
    }
  });

  it('keys in the JSON body instead of the headers', async () => {
    const answer = await send('POST', '/accesstoken/get', { 'content-type': 'application/json' }, JSON.stringify({ client_id: DEMO_SALES_UNIT.clientId, client_secret: DEMO_SALES_UNIT.clientSecret, 'Ocp-Apim-Subscription-Key': DEMO_SALES_UNIT.subscriptionKey }));
    expect(answer.status).toBe(401);
    expect(diagnoseMistake(answer)).toMatchObject({ id: 'keys-in-body', fix: expect.stringContaining('as request headers') });
  });

  it('a misspelt Bearer (the quick start’s "YOUBearer"), and one missing', async () => {
    const access = await token();
    for (const auth of [`YOUBearer ${access}`, access]) {
      const answer = await send('GET', '/recurring/v3/agreements', { Authorization: auth, 'Ocp-Apim-Subscription-Key': DEMO_SALES_UNIT.subscriptionKey, 'Merchant-Serial-Number': DEMO_SALES_UNIT.msn });
      expect(answer.status).toBe(401);
      expect(diagnoseMistake(answer)).toMatchObject({ id: 'bearer' });
      // The window sees the header redacted; the gateway's answer still gives it away.
      expect(diagnoseMistake({ ...answer, headers: answer.headers.map((h) => (h.name === 'Authorization' ? { ...h, value: '«redacted:authorization»' } : h)) })).toMatchObject({ id: 'bearer' });
    }
  });

  it('a subscription key, or an MSN, of another sales unit than the token', async () => {
    const access = await token();
    const key = await send('GET', '/recurring/v3/agreements', { Authorization: `Bearer ${access}`, 'Ocp-Apim-Subscription-Key': OTHER_UNIT.subscriptionKey, 'Merchant-Serial-Number': OTHER_UNIT.msn });
    expect(key.status).toBe(401);
    expect(diagnoseMistake(key)).toMatchObject({ id: 'other-sales-unit' });
    const msn = await send('GET', '/recurring/v3/agreements', { Authorization: `Bearer ${access}`, 'Ocp-Apim-Subscription-Key': DEMO_SALES_UNIT.subscriptionKey, 'Merchant-Serial-Number': OTHER_UNIT.msn });
    expect(msn.status).toBe(403);
    expect(diagnoseMistake(msn)).toMatchObject({ id: 'other-sales-unit', fix: expect.stringContaining('Merchant-Serial-Number') });
  });

  it('production keys on the test host and test keys on production (the gateway’s unknown-key answer, on the Vipps hosts)', async () => {
    const answer = await send('POST', '/accesstoken/get', { ...keys(), 'Ocp-Apim-Subscription-Key': 'a-production-subscription-key' });
    expect(answer.status).toBe(401);
    expect(diagnoseMistake({ ...answer, url: 'https://apitest.vipps.no/accesstoken/get' })?.fix).toContain('production keys? They work only on api.vipps.no');
    expect(diagnoseMistake({ ...answer, url: 'https://api.vipps.no/accesstoken/get' })?.fix).toContain('test keys? They work only on apitest.vipps.no');
    // On the sandbox itself it is just an unknown key: nothing to guess about environments.
    expect(diagnoseMistake(answer)).toBeNull();
  });

  it('a 429 names its Retry-After (the gateway’s own body; the sandbox has no rate limit to hit)', () => {
    const base = { method: 'POST', url: 'https://apitest.vipps.no/epayment/v1/payments/x/capture', headers: [], requestBody: '', status: 429, responseBody: '{"statusCode":429,"message":"Rate limit is exceeded. Try again in 12 seconds."}' };
    expect(diagnoseMistake({ ...base, responseHeaders: [{ name: 'Retry-After', value: '12' }] })?.fix).toMatch(/^Wait 12 seconds \(Retry-After\)/);
    expect(diagnoseMistake({ ...base, responseHeaders: [] })?.fix).toMatch(/^Wait 12 seconds/);
  });

  it('says nothing about an ordinary error or a success', async () => {
    const access = await token();
    const missing = await send('GET', '/epayment/v1/payments/no-such-reference', { Authorization: `Bearer ${access}`, 'Ocp-Apim-Subscription-Key': DEMO_SALES_UNIT.subscriptionKey, 'Merchant-Serial-Number': DEMO_SALES_UNIT.msn });
    expect(missing.status).toBe(404);
    expect(diagnoseMistake(missing)).toBeNull();
    const fine = await send('POST', '/accesstoken/get', keys());
    expect(fine.status).toBe(200);
    expect(diagnoseMistake(fine)).toBeNull();
  });
});

describe('the response panel', () => {
  it('shows the fix for a known mistake instead of restating the error', async () => {
    const { defaultExplanation } = await import('../../../renderer/src/components/response/explain-response');
    const answer = await send('POST', '/oauth/token', keys());
    const result = {
      requestId: 'r1',
      sent: { method: 'POST', url: answer.url, headers: answer.headers, body: '', unresolved: [], toProfileHost: true },
      status: answer.status,
      statusText: 'Not Found',
      headers: answer.responseHeaders,
      body: { kind: 'inline', text: answer.responseBody, encoding: 'utf8' },
      size: answer.responseBody.length,
      timings: { dns: 0, connect: 0, tls: 0, firstByte: 0, download: 0, total: 1 },
      redirects: [],
      retriedWithNewToken: false,
    } as unknown as Parameters<typeof defaultExplanation>[0];
    expect(defaultExplanation(result)).toMatchObject({ tone: 'error', title: 'Not the token endpoint', text: expect.stringContaining('/accesstoken/get') });
  });
});
