import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { freshId, startHarness, type Harness, type LooseJson } from './helpers';

const draft = (extra: Record<string, unknown> = {}) => ({
  pricing: { type: 'LEGACY', amount: 2500, currency: 'NOK' },
  interval: { unit: 'MONTH', count: 1 },
  merchantRedirectUrl: 'https://example.com/redirect',
  merchantAgreementUrl: 'https://example.com/agreement',
  productName: 'Digital news',
  ...extra,
});

const charge = (extra: Record<string, unknown> = {}) => ({
  amount: 2500,
  transactionType: 'DIRECT_CAPTURE',
  description: 'January',
  due: '2030-01-20',
  retryDays: 5,
  ...extra,
});

function expectErrorV3(json: LooseJson, status: number): void {
  expect(json).toMatchObject({ type: expect.stringContaining('vipps-recurring-api-problems#'), title: expect.any(String), status, detail: expect.any(String), instance: expect.stringMatching(/^\/recurring\//), contextId: expect.any(String) });
  expect(Array.isArray(json.extraDetails)).toBe(true);
}

describe('Recurring v3', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const write = (method: string, path: string, body: unknown, key = freshId('k')) => h.call(method, path, { body, headers: { 'Idempotency-Key': key } });

  async function activeAgreement(extra: Record<string, unknown> = {}): Promise<string> {
    const created = await write('POST', '/recurring/v3/agreements', draft(extra));
    const id = created.json.agreementId as string;
    await write('PATCH', `/recurring/v3/agreements/${id}/accept`, { phoneNumber: '4791234567' });
    return id;
  }

  it('creates a PENDING agreement and reads it back', async () => {
    const r = await write('POST', '/recurring/v3/agreements', draft());
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ agreementId: expect.stringMatching(/^agr_/), uuid: expect.any(String), vippsConfirmationUrl: expect.any(String), chargeId: null });
    const got = await h.call('GET', `/recurring/v3/agreements/${r.json.agreementId}`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: r.json.agreementId, status: 'PENDING', pricing: { type: 'LEGACY', amount: 2500, currency: 'NOK' }, productName: 'Digital news', countryCode: 'NO' });
  });

  it('activates an agreement through force accept and settles its initial charge', async () => {
    const orderId = freshId('init');
    const r = await write('POST', '/recurring/v3/agreements', draft({ initialCharge: { amount: 100, description: 'Start', transactionType: 'DIRECT_CAPTURE', orderId } }));
    expect(r.json.chargeId).toBe(orderId);
    const accept = await write('PATCH', `/recurring/v3/agreements/${r.json.agreementId}/accept`, { phoneNumber: '4791234567' });
    expect(accept.status).toBe(204);
    expect((await h.call('GET', `/recurring/v3/agreements/${r.json.agreementId}`)).json.status).toBe('ACTIVE');
    const initial = await h.call('GET', `/recurring/v3/charges/${orderId}`);
    expect(initial.json).toMatchObject({ id: orderId, type: 'INITIAL', status: 'CHARGED' });
  });

  it('creates a charge whose chargeId is the given orderId, and reads it back', async () => {
    const agreementId = await activeAgreement();
    const orderId = freshId('chg');
    const r = await write('POST', `/recurring/v3/agreements/${agreementId}/charges`, charge({ orderId }));
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ chargeId: orderId });
    const got = await h.call('GET', `/recurring/v3/agreements/${agreementId}/charges/${orderId}`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: orderId, agreementId, amount: 2500, status: 'PENDING', type: 'RECURRING', transactionType: 'DIRECT_CAPTURE', summary: { captured: 0, refunded: 0, cancelled: 0 } });
    expect(got.json.history[0]).toMatchObject({ event: 'CREATE', amount: 2500, success: true });
  });

  it('refuses a charge due today in the test environment (at least one day ahead)', async () => {
    const agreementId = await activeAgreement();
    const r = await write('POST', `/recurring/v3/agreements/${agreementId}/charges`, charge({ due: '2030-01-15' }));
    expect(r.status).toBe(400);
    expectErrorV3(r.json, 400);
    expect(r.json.type).toMatch(/#charge-due-too-soon$/);
  });

  it('refuses a charge on a PENDING agreement', async () => {
    const created = await write('POST', '/recurring/v3/agreements', draft());
    const r = await write('POST', `/recurring/v3/agreements/${created.json.agreementId}/charges`, charge());
    expect(r.status).toBe(400);
  });

  it('replays the same Idempotency-Key and answers 409 for another body under it', async () => {
    const key = freshId('k');
    const first = await write('POST', '/recurring/v3/agreements', draft(), key);
    const replay = await write('POST', '/recurring/v3/agreements', draft(), key);
    expect(replay.json).toEqual(first.json);
    const other = await write('POST', '/recurring/v3/agreements', draft({ productName: 'Other' }), key);
    expect(other.status).toBe(409);
    expectErrorV3(other.json, 409);
  });

  it('requires an Idempotency-Key of 1–40 characters without # ? / \\', async () => {
    const missing = await h.call('POST', '/recurring/v3/agreements', { body: draft() });
    expect(missing.status).toBe(400);
    expect(missing.json.extraDetails[0]).toEqual({ field: 'Idempotency-Key', text: expect.any(String) });
    expect((await write('POST', '/recurring/v3/agreements', draft(), 'a/b')).status).toBe(400);
    expect((await write('POST', '/recurring/v3/agreements', draft(), 'k'.repeat(41))).status).toBe(400);
  });

  it('answers 400 ErrorV3 with field/text details for an invalid agreement', async () => {
    const r = await write('POST', '/recurring/v3/agreements', draft({ productName: 'x'.repeat(46), interval: { unit: 'FORTNIGHT', count: 1 } }));
    expect(r.status).toBe(400);
    expect(r.contentType).toBe('application/json;charset=UTF-8');
    expectErrorV3(r.json, 400);
    expect(r.json.extraDetails.map((d: { field: string }) => d.field).sort()).toEqual(['interval.unit', 'productName']);
  });

  it('answers 404 ErrorV3 for an unknown agreement', async () => {
    const r = await h.call('GET', '/recurring/v3/agreements/agr_missing');
    expect(r.status).toBe(404);
    expectErrorV3(r.json, 404);
  });
});
