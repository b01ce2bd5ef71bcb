import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { DEMO_SALES_UNIT, SECOND_UNIT, startHarness, validReceipt, freshId, type Harness } from './helpers';

const U = DEMO_SALES_UNIT;

function tokenHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const all: Record<string, string | undefined> = {
    client_id: U.clientId,
    client_secret: U.clientSecret,
    'Ocp-Apim-Subscription-Key': U.subscriptionKey,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

describe('POST /accesstoken/get', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { salesUnits: [SECOND_UNIT] } });
  });
  afterAll(() => h.close());

  const post = (headers: Record<string, string>) => fetch(h.url('/accesstoken/get'), { method: 'POST', headers, body: '' });

  it('returns all seven fields, every value a string, with a one-hour lifetime', async () => {
    const res = await post(tokenHeaders({ 'Merchant-Serial-Number': U.msn }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'expires_on', 'ext_expires_in', 'not_before', 'resource', 'token_type']);
    for (const value of Object.values(body)) expect(typeof value).toBe('string');
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe('3600');
    const nowSeconds = Math.floor(h.clock.now / 1000);
    expect(body.not_before).toBe(String(nowSeconds));
    expect(body.expires_on).toBe(String(nowSeconds + 3600));
    expect(String(body.access_token).split('.')).toHaveLength(3);
  });

  it('answers 401 in the gateway shape when the subscription key is missing or unknown', async () => {
    for (const key of [undefined, 'not-a-key']) {
      const res = await post(tokenHeaders({ 'Ocp-Apim-Subscription-Key': key }));
      expect(res.status).toBe(401);
      const body = (await res.json()) as { statusCode: number; message: string };
      expect(body.statusCode).toBe(401);
      expect(body.message).toMatch(/subscription key/i);
    }
  });

  it('answers 401 in the Azure AD shape for an unknown client_id or a wrong secret', async () => {
    const badId = await post(tokenHeaders({ client_id: 'nobody' }));
    expect(badId.status).toBe(401);
    const idBody = (await badId.json()) as Record<string, unknown>;
    expect(idBody).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    expect(String(idBody.error_description)).toMatch(/^AADSTS700016: /);
    expect(Object.keys(idBody).sort()).toEqual(['correlation_id', 'error', 'error_codes', 'error_description', 'error_uri', 'timestamp', 'trace_id']);
    expect(String(idBody.timestamp)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);

    const badSecret = await post(tokenHeaders({ client_secret: 'wrong' }));
    expect(badSecret.status).toBe(401);
    expect(await badSecret.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });

  it('refuses client credentials of one unit with the subscription key of another', async () => {
    const res = await post(tokenHeaders({ 'Ocp-Apim-Subscription-Key': SECOND_UNIT.subscriptionKey }));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized_client' });
  });

  it('refuses an MSN that is not the sales unit’s own', async () => {
    const res = await post(tokenHeaders({ 'Merchant-Serial-Number': '999999' }));
    expect(res.status).toBe(401);
  });

  it('accepts the path written /accessToken/get as in the quick start', async () => {
    const res = await fetch(h.url('/accessToken/get'), { method: 'POST', headers: tokenHeaders() });
    expect(res.status).toBe(200);
  });
});

describe('token configuration', () => {
  it('answers bad client credentials with 400 when configured so, and uses the configured lifetime', async () => {
    const h = await startHarness({ config: { badClientCredentialsStatus: 400, tokenLifetimeSeconds: 60 } });
    try {
      const bad = await fetch(h.url('/accesstoken/get'), { method: 'POST', headers: tokenHeaders({ client_secret: 'nope' }) });
      expect(bad.status).toBe(400);
      const good = await fetch(h.url('/accesstoken/get'), { method: 'POST', headers: tokenHeaders() });
      expect(((await good.json()) as { expires_in: string }).expires_in).toBe('60');
    } finally {
      await h.close();
    }
  });
});

describe('API authentication', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { salesUnits: [SECOND_UNIT] } });
  });
  afterAll(() => h.close());

  const orderPath = () => `/order-management/v2/ecom/${freshId()}`;

  it('answers 401 without an Authorization header', async () => {
    const r = await h.call('GET', orderPath(), { auth: false });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ statusCode: 401 });
  });

  it('answers 401 when the word Bearer is missing or misspelled (YOUBearer)', async () => {
    const token = await h.token();
    for (const value of [token, `YOUBearer ${token}`]) {
      const r = await h.call('GET', orderPath(), { headers: { Authorization: value } });
      expect(r.status).toBe(401);
      expect(r.json.message).toMatch(/Bearer/);
    }
  });

  it('answers 401 for a missing or unknown subscription key on an API call', async () => {
    expect((await h.call('GET', orderPath(), { omitHeaders: ['Ocp-Apim-Subscription-Key'] })).status).toBe(401);
    expect((await h.call('GET', orderPath(), { headers: { 'Ocp-Apim-Subscription-Key': 'unknown' } })).status).toBe(401);
  });

  it('answers 401 for a token with a forged signature', async () => {
    const token = await h.token();
    const [head, payload] = token.split('.');
    const r = await h.call('GET', orderPath(), { headers: { Authorization: `Bearer ${head}.${payload}.forged` } });
    expect(r.status).toBe(401);
    expect(r.json.message).toMatch(/signature/);
  });

  it('answers 401 for a token issued to another sales unit', async () => {
    const foreign = await h.token(SECOND_UNIT);
    const r = await h.call('GET', orderPath(), { headers: { Authorization: `Bearer ${foreign}` } });
    expect(r.status).toBe(401);
    expect(r.json.message).toMatch(/another sales unit/);
  });

  it('accepts lower-case "bearer" by default', async () => {
    const token = await h.token();
    const r = await h.call('GET', orderPath(), { headers: { Authorization: `bearer ${token}` } });
    expect(r.status).toBe(404);
  });

  it('answers 400 naming Merchant-Serial-Number when OM gets none, and 403 for a foreign MSN', async () => {
    const missing = await h.call('GET', orderPath(), { omitHeaders: ['Merchant-Serial-Number'] });
    expect(missing.status).toBe(400);
    expect(missing.json.invalidParams).toEqual([expect.objectContaining({ name: 'Merchant-Serial-Number' })]);
    const foreign = await h.call('GET', orderPath(), { headers: { 'Merchant-Serial-Number': SECOND_UNIT.msn } });
    expect(foreign.status).toBe(403);
  });

  it('allows Vipps-System-* headers up to 100 characters on OM but only 30 on ePayment', async () => {
    const long = 'x'.repeat(31);
    const om = await h.call('POST', `/order-management/v2/ecom/receipts/${freshId()}`, { body: validReceipt(), headers: { 'Vipps-System-Name': long } });
    expect(om.status).toBe(201);
    const tooLong = await h.call('GET', orderPath(), { headers: { 'Vipps-System-Plugin-Name': 'y'.repeat(101) } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.invalidParams[0].name).toBe('Vipps-System-Plugin-Name');
    const ep = await h.call('GET', '/epayment/v1/payments/reference-123', { headers: { 'Vipps-System-Name': long } });
    expect(ep.status).toBe(400);
    expect(ep.json.extraDetails[0].name).toBe('Vipps-System-Name');
  });
});

describe('token expiry and strict Bearer', () => {
  it('accepts a token until its expiry and answers 401 once the clock passes it', async () => {
    const h = await startHarness();
    try {
      const path = `/order-management/v2/ecom/${freshId()}`;
      await h.token();
      h.clock.now += 3599_000;
      expect((await h.call('GET', path)).status).toBe(404);
      h.clock.now += 1_000;
      const expired = await h.call('GET', path);
      expect(expired.status).toBe(401);
      expect(expired.json.message).toMatch(/expired/);
    } finally {
      await h.close();
    }
  });

  it('rejects lower-case "bearer" when strictBearerCase is on', async () => {
    const h = await startHarness({ config: { strictBearerCase: true } });
    try {
      const token = await h.token();
      const r = await h.call('GET', `/order-management/v2/ecom/${freshId()}`, { headers: { Authorization: `bearer ${token}` } });
      expect(r.status).toBe(401);
      expect(r.json.message).toMatch(/capital B/);
    } finally {
      await h.close();
    }
  });
});
