import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { freshId, startHarness, validReceipt, type Harness, type LooseJson } from './helpers';

function payment(reference: string, extra: Record<string, unknown> = {}) {
  return {
    amount: { currency: 'NOK', value: 49900 },
    paymentMethod: { type: 'WALLET' },
    reference,
    userFlow: 'WEB_REDIRECT',
    returnUrl: 'https://example.com/return',
    ...extra,
  };
}

function expectProblem(json: LooseJson, status: number): void {
  expect(json).toMatchObject({ type: `https://httpstatuses.io/${status}`, status, title: expect.any(String), traceId: expect.any(String) });
  expect(Array.isArray(json.extraDetails)).toBe(true);
}

describe('ePayment', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const create = (body: unknown, key = freshId('idem')) =>
    h.call('POST', '/epayment/v1/payments', { body, headers: { 'Idempotency-Key': key } });

  it('creates a payment: 201 with reference and redirectUrl, then GET shows it CREATED', async () => {
    const reference = freshId('ref');
    const r = await create(payment(reference));
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ reference, redirectUrl: expect.stringContaining('/__sandbox/landing') });
    const got = await h.call('GET', `/epayment/v1/payments/${reference}`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({
      reference,
      state: 'CREATED',
      amount: { currency: 'NOK', value: 49900 },
      paymentMethod: { type: 'WALLET' },
      aggregate: { authorizedAmount: { currency: 'NOK', value: 0 }, capturedAmount: { value: 0 } },
      pspReference: expect.any(String),
    });
  });

  it('gives no redirectUrl for PUSH_MESSAGE', async () => {
    const reference = freshId('ref');
    const r = await create(payment(reference, { userFlow: 'PUSH_MESSAGE', customer: { phoneNumber: '4791234567' } }));
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ reference });
  });

  it('moves CREATED to AUTHORIZED through force approve, and refuses a second approve', async () => {
    const reference = freshId('ref');
    await create(payment(reference));
    const approve = await h.call('POST', `/epayment/v1/test/payments/${reference}/approve`, { body: { customer: { phoneNumber: '4791234567' } } });
    expect(approve.status).toBe(200);
    const got = await h.call('GET', `/epayment/v1/payments/${reference}`);
    expect(got.json.state).toBe('AUTHORIZED');
    expect(got.json.aggregate.authorizedAmount).toEqual({ currency: 'NOK', value: 49900 });
    const again = await h.call('POST', `/epayment/v1/test/payments/${reference}/approve`);
    expect(again.status).toBe(400);
  });

  it('replays the first answer for the same Idempotency-Key and body', async () => {
    const key = freshId('idem');
    const body = payment(freshId('ref'));
    const first = await create(body, key);
    const second = await create(body, key);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 409 for the same Idempotency-Key with another body', async () => {
    const key = freshId('idem');
    await create(payment(freshId('ref')), key);
    const r = await create(payment(freshId('ref')), key);
    expect(r.status).toBe(409);
    expect(r.contentType).toBe('application/problem+json');
    expectProblem(r.json, 409);
  });

  it('answers 409 for a reused reference under a new key', async () => {
    const reference = freshId('ref');
    expect((await create(payment(reference))).status).toBe(201);
    const r = await create(payment(reference));
    expect(r.status).toBe(409);
    expect(r.json.detail).toContain(reference);
  });

  it('requires the Idempotency-Key header, at most 50 characters', async () => {
    const missing = await h.call('POST', '/epayment/v1/payments', { body: payment(freshId('ref')) });
    expect(missing.status).toBe(400);
    expect(missing.json.extraDetails[0].name).toBe('Idempotency-Key');
    const long = await create(payment(freshId('ref')), 'k'.repeat(51));
    expect(long.status).toBe(400);
  });

  it('requires an MSN of 4 to 6 digits', async () => {
    const r = await h.call('GET', '/epayment/v1/payments/reference-1', { headers: { 'Merchant-Serial-Number': '12' } });
    expect(r.status).toBe(400);
    expect(r.json.extraDetails[0].name).toBe('Merchant-Serial-Number');
  });

  it('rejects a reference outside ^[a-zA-Z0-9-]{8,50}$ and a too-small amount with 400 Problem', async () => {
    const r = await create(payment('short_1', { amount: { currency: 'NOK', value: 99 } }));
    expect(r.status).toBe(400);
    expectProblem(r.json, 400);
    expect(r.json.extraDetails.map((d: { name: string }) => d.name)).toEqual(['reference']);
    const small = await create(payment(freshId('ref'), { amount: { currency: 'NOK', value: 99 } }));
    expect(small.json.extraDetails.map((d: { name: string }) => d.name)).toEqual(['amount.value']);
  });

  it('requires a customer for PUSH_MESSAGE', async () => {
    const r = await create(payment(freshId('ref'), { userFlow: 'PUSH_MESSAGE' }));
    expect(r.status).toBe(400);
    expect(r.json.extraDetails[0].name).toBe('customer');
  });

  it('answers 404 Problem for an unknown reference', async () => {
    const r = await h.call('GET', `/epayment/v1/payments/${freshId('ref')}`);
    expect(r.status).toBe(404);
    expectProblem(r.json, 404);
  });

  it('stores a createPayment receipt in Order Management under ecom and the reference', async () => {
    const reference = freshId('ref');
    const r = await create(payment(reference, { receipt: validReceipt() }));
    expect(r.status).toBe(201);
    const order = await h.call('GET', `/order-management/v2/ecom/${reference}`);
    expect(order.status).toBe(200);
    expect(order.json).toEqual({ receipt: validReceipt() });
    const again = await h.call('POST', `/order-management/v2/ecom/receipts/${reference}`, { body: validReceipt() });
    expect(again.status).toBe(409);
  });

  it('validates an embedded receipt with the OM rules, naming receipt.* paths', async () => {
    const receipt = validReceipt();
    receipt.orderLines[0].totalAmount = 999;
    const r = await create(payment(freshId('ref'), { receipt }));
    expect(r.status).toBe(400);
    expect(r.json.extraDetails[0].name).toBe('receipt.orderLines[0].totalTaxAmount');
  });
});
