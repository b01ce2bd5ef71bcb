import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { DEMO_SALES_UNIT, freshId, startHarness, type Harness } from './helpers';

const idem = () => ({ 'Idempotency-Key': freshId('k') });

describe('ePayment lifecycle', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  async function authorised(value = 10_000): Promise<string> {
    const reference = freshId('ref');
    const body = { amount: { currency: 'NOK', value }, paymentMethod: { type: 'WALLET' }, reference, userFlow: 'WEB_REDIRECT', returnUrl: 'https://example.com/r', profile: { scope: 'name email' } };
    expect((await h.call('POST', '/epayment/v1/payments', { body, headers: idem() })).status).toBe(201);
    expect((await h.call('POST', `/epayment/v1/test/payments/${reference}/approve`)).status).toBe(200);
    return reference;
  }
  const modify = (reference: string, op: string, value?: number, key = freshId('k')) =>
    h.call('POST', `/epayment/v1/payments/${reference}/${op}`, { body: value === undefined ? undefined : { modificationAmount: { currency: 'NOK', value } }, headers: { 'Idempotency-Key': key } });

  it('captures in parts up to what was authorised, refunds up to what was captured, and the aggregate follows', async () => {
    const reference = await authorised(10_000);
    expect((await modify(reference, 'capture', 4000)).json.aggregate.capturedAmount.value).toBe(4000);
    expect((await modify(reference, 'capture', 7000)).status).toBe(400);
    const full = await modify(reference, 'capture', 6000);
    expect(full.json).toMatchObject({ state: 'AUTHORIZED', aggregate: { capturedAmount: { value: 10_000 }, authorizedAmount: { value: 10_000 } } });
    expect((await modify(reference, 'refund', 10_001)).status).toBe(400);
    expect((await modify(reference, 'refund', 2500)).json.aggregate.refundedAmount.value).toBe(2500);
    const got = await h.call('GET', `/epayment/v1/payments/${reference}`);
    expect(got.json.aggregate).toEqual({ authorizedAmount: { currency: 'NOK', value: 10_000 }, capturedAmount: { currency: 'NOK', value: 10_000 }, refundedAmount: { currency: 'NOK', value: 2500 }, cancelledAmount: { currency: 'NOK', value: 0 } });
  });

  it('cancels what is left after a partial capture, and a CREATED payment becomes TERMINATED', async () => {
    const reference = await authorised(10_000);
    await modify(reference, 'capture', 3000);
    const cancelled = await modify(reference, 'cancel');
    expect(cancelled.json.aggregate.cancelledAmount.value).toBe(7000);
    expect((await modify(reference, 'capture', 1)).status).toBe(400);
    const fresh = freshId('ref');
    await h.call('POST', '/epayment/v1/payments', { body: { amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, reference: fresh, userFlow: 'QR' }, headers: idem() });
    expect((await modify(fresh, 'cancel')).json.state).toBe('TERMINATED');
  });

  it('refuses a capture in another currency and replays a capture retried with the same key', async () => {
    const reference = await authorised(5000);
    const wrong = await h.call('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: { currency: 'EUR', value: 100 } }, headers: idem() });
    expect(wrong.status).toBe(400);
    const key = freshId('k');
    await modify(reference, 'capture', 1000, key);
    const again = await modify(reference, 'capture', 1000, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.aggregate.capturedAmount.value).toBe(1000);
  });

  it('lists the events in order with the keys that were sent', async () => {
    const reference = await authorised(5000);
    await modify(reference, 'capture', 5000, 'capture-key-1');
    const events = await h.call('GET', `/epayment/v1/payments/${reference}/events`);
    expect(events.json.map((e: { name: string }) => e.name)).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED']);
    expect(events.json[2]).toMatchObject({ reference, amount: { currency: 'NOK', value: 5000 }, idempotencyKey: 'capture-key-1', success: true });
  });

  it('expires a payment nobody approved in time', async () => {
    const reference = freshId('ref');
    await h.call('POST', '/epayment/v1/payments', { body: { amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, reference, userFlow: 'QR' }, headers: idem() });
    h.clock.now += 301_000;
    try {
      expect((await h.call('GET', `/epayment/v1/payments/${reference}`)).json.state).toBe('EXPIRED');
      expect((await h.call('POST', `/epayment/v1/test/payments/${reference}/approve`)).status).toBe(400);
    } finally {
      h.clock.now -= 301_000;
    }
  });

  it('serves Userinfo for the sub of a payment that asked for profile scopes, with those scopes only', async () => {
    const reference = await authorised();
    const sub = (await h.call('GET', `/epayment/v1/payments/${reference}`)).json.profile.sub as string;
    const info = await h.call('GET', `/vipps-userinfo-api/userinfo/${sub}`, { omitHeaders: ['Ocp-Apim-Subscription-Key'] });
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ sub, name: expect.any(String), email: expect.any(String) });
    expect(info.json).not.toHaveProperty('address');
    expect((await h.call('GET', '/vipps-userinfo-api/userinfo/unknown-sub')).status).toBe(404);
    expect((await h.call('GET', `/vipps-userinfo-api/userinfo/${sub}`, { auth: false })).status).toBe(401);
  });
});

describe('lenient where the real service is, strict on request', () => {
  it('reads a 19-digit reference and a phone number sent as JSON numbers digit for digit, and notes it in the log', async () => {
    const h = await startHarness();
    try {
      const reference = '1234561795858105641';
      const raw = `{"amount":{"value":1000,"currency":"NOK"},"paymentMethod":{"type":"WALLET"},"customer":{"phoneNumber":4791234567},"reference":${reference},"userFlow":"PUSH_MESSAGE"}`;
      const r = await h.call('POST', '/epayment/v1/payments', { rawBody: raw, headers: idem() });
      expect(r.status).toBe(201);
      expect(r.json.reference).toBe(reference);
      expect((await h.call('GET', `/epayment/v1/payments/${reference}`)).status).toBe(200);
      const entry = h.sandbox.requestLog().find((e) => e.method === 'POST' && e.status === 201);
      expect(entry?.notes.join(' ')).toMatch(/reference was sent as a JSON number; the spec asks for a string/);
      expect(entry?.notes.join(' ')).toMatch(/customer\.phoneNumber/);
    } finally {
      await h.close();
    }
  });

  it('reads interval.count sent as a string', async () => {
    const h = await startHarness();
    try {
      const body = { pricing: { amount: 2500, currency: 'NOK' }, interval: { unit: 'WEEK', count: '2' }, merchantRedirectUrl: 'https://example.com/r', merchantAgreementUrl: 'https://example.com/a', productName: 'News' };
      const r = await h.call('POST', '/recurring/v3/agreements', { body, headers: idem() });
      expect(r.status).toBe(201);
      expect((await h.call('GET', `/recurring/v3/agreements/${r.json.agreementId}`)).json.interval).toMatchObject({ unit: 'WEEK', count: 2 });
    } finally {
      await h.close();
    }
  });

  it('refuses both with strictTypes on', async () => {
    const h = await startHarness({ config: { strictTypes: true } });
    try {
      const raw = '{"amount":{"value":1000,"currency":"NOK"},"paymentMethod":{"type":"WALLET"},"reference":12345678901,"userFlow":"QR"}';
      expect((await h.call('POST', '/epayment/v1/payments', { rawBody: raw, headers: idem() })).status).toBe(400);
      const body = { pricing: { amount: 2500, currency: 'NOK' }, interval: { unit: 'WEEK', count: '2' }, merchantRedirectUrl: 'https://example.com/r', merchantAgreementUrl: 'https://example.com/a', productName: 'News' };
      expect((await h.call('POST', '/recurring/v3/agreements', { body, headers: idem() })).status).toBe(400);
    } finally {
      await h.close();
    }
  });
});

describe('eCom lifecycle', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const action = (text: string, amount?: number, extra: Record<string, unknown> = {}) => ({ merchantInfo: { merchantSerialNumber: DEMO_SALES_UNIT.msn }, transaction: { transactionText: text, ...(amount ? { amount } : {}) }, ...extra });
  async function reserved(): Promise<string> {
    const orderId = freshId('ec');
    await h.call('POST', '/ecomm/v2/payments', { body: { customerInfo: {}, merchantInfo: { merchantSerialNumber: DEMO_SALES_UNIT.msn, callbackPrefix: 'https://example.com/cb', fallBack: 'https://example.com/f' }, transaction: { amount: 10_000, orderId, transactionText: 'Socks' } } });
    await h.call('POST', `/ecomm/v2/integration-test/payments/${orderId}/approve`);
    return orderId;
  }

  it('captures partly, refunds, and the details show the summary and the log newest first', async () => {
    const orderId = await reserved();
    const capture = await h.call('POST', `/ecomm/v2/payments/${orderId}/capture`, { body: action('Part one', 4000), headers: { 'X-Request-Id': 'cap-1' } });
    expect(capture.json).toMatchObject({ orderId, transactionInfo: { amount: 4000, status: 'Captured' }, transactionSummary: { capturedAmount: 4000, remainingAmountToCapture: 6000 } });
    expect((await h.call('POST', `/ecomm/v2/payments/${orderId}/capture`, { body: action('Too much', 7000), headers: { 'X-Request-Id': 'cap-2' } })).status).toBe(400);
    const refund = await h.call('POST', `/ecomm/v2/payments/${orderId}/refund`, { body: action('Back', 1000), headers: { 'X-Request-Id': 'ref-1' } });
    expect(refund.json.transactionSummary).toMatchObject({ refundedAmount: 1000, remainingAmountToRefund: 3000 });
    const details = await h.call('GET', `/ecomm/v2/payments/${orderId}/details`);
    expect(details.json.transactionLogHistory.map((e: { operation: string }) => e.operation)).toEqual(['REFUND', 'CAPTURE', 'RESERVE', 'INITIATE']);
    expect(details.json.transactionLogHistory[0].requestId).toBe('ref-1');
    expect(details.json.transactionLogHistory[3]).not.toHaveProperty('requestId');
  });

  it('cancels a reserved payment, and after a partial capture only when asked to release the rest', async () => {
    const orderId = await reserved();
    await h.call('POST', `/ecomm/v2/payments/${orderId}/capture`, { body: action('Part', 1000), headers: { 'X-Request-Id': 'c1' } });
    expect((await h.call('PUT', `/ecomm/v2/payments/${orderId}/cancel`, { body: action('Stop') })).status).toBe(400);
    const cancel = await h.call('PUT', `/ecomm/v2/payments/${orderId}/cancel`, { body: action('Stop', undefined, { shouldReleaseRemainingFunds: true }) });
    expect(cancel.json.transactionInfo).toMatchObject({ status: 'Cancelled', amount: 9000 });
    expect((await h.call('POST', `/ecomm/v2/payments/${orderId}/capture`, { body: action('Late'), headers: { 'X-Request-Id': 'c2' } })).status).toBe(400);
  });
});

describe('Recurring lifecycle', () => {
  let h: Harness;
  beforeAll(async () => {
    // A week-long token, so the clock can move to a charge's due date.
    h = await startHarness({ config: { tokenLifetimeSeconds: 7 * 86_400 } });
  });
  afterAll(() => h.close());

  const draft = { pricing: { amount: 2500, currency: 'NOK' }, interval: { unit: 'MONTH', count: 1 }, merchantRedirectUrl: 'https://example.com/r', merchantAgreementUrl: 'https://example.com/a', productName: 'News' };
  async function active(): Promise<string> {
    const id = (await h.call('POST', '/recurring/v3/agreements', { body: draft, headers: idem() })).json.agreementId as string;
    await h.call('PATCH', `/recurring/v3/agreements/${id}/accept`, { body: { phoneNumber: '4791234567' }, headers: idem() });
    return id;
  }

  it('lists agreements with a status filter, updates one and stops it', async () => {
    const id = await active();
    const listed = await h.call('GET', '/recurring/v3/agreements?status=ACTIVE');
    expect(listed.json.some((a: { id: string }) => a.id === id)).toBe(true);
    expect((await h.call('PATCH', `/recurring/v3/agreements/${id}`, { body: { productName: 'Newer', pricing: { amount: 3000 } }, headers: idem() })).status).toBe(204);
    const got = (await h.call('GET', `/recurring/v3/agreements/${id}`)).json;
    expect(got).toMatchObject({ productName: 'Newer', pricing: { amount: 3000 } });
    expect(got).not.toHaveProperty('productDescription');
    expect(got).not.toHaveProperty('externalId');
    expect((await h.call('PATCH', `/recurring/v3/agreements/${id}`, { body: { status: 'STOPPED' }, headers: idem() })).status).toBe(204);
    expect((await h.call('GET', '/recurring/v3/agreements?status=ACTIVE')).json.some((a: { id: string }) => a.id === id)).toBe(false);
    expect((await h.call('PATCH', `/recurring/v3/agreements/${id}`, { body: { productName: 'Late' }, headers: idem() })).status).toBe(400);
  });

  it('captures, refunds and cancels charges, lists them, and keeps each Idempotency-Key in the history', async () => {
    const id = await active();
    const chargeBody = { amount: 2000, transactionType: 'RESERVE_CAPTURE', description: 'Feb', due: '2030-01-17', retryDays: 0 };
    const chargeId = (await h.call('POST', `/recurring/v3/agreements/${id}/charges`, { body: chargeBody, headers: { 'Idempotency-Key': 'create-1' } })).json.chargeId as string;
    const base = `/recurring/v3/agreements/${id}/charges/${chargeId}`;
    expect((await h.call('POST', `${base}/capture`, { body: { amount: 500, description: 'x' }, headers: idem() })).status).toBe(400);
    const now = h.clock.now;
    h.clock.now = Date.parse('2030-01-17T06:00:00Z');
    try {
      expect((await h.call('GET', base)).json.status).toBe('RESERVED');
    } finally {
      h.clock.now = now;
    }
    expect((await h.call('POST', `${base}/capture`, { body: { amount: 1500, description: 'Part' }, headers: { 'Idempotency-Key': 'cap-1' } })).status).toBe(204);
    expect((await h.call('POST', `${base}/refund`, { body: { amount: 2000, description: 'Too much' }, headers: idem() })).status).toBe(400);
    expect((await h.call('POST', `${base}/refund`, { body: { amount: 500, description: 'Some' }, headers: idem() })).status).toBe(204);
    expect((await h.call('DELETE', base, { headers: idem() })).status).toBe(204);
    const got = (await h.call('GET', base)).json;
    expect(got.summary).toEqual({ captured: 1500, refunded: 500, cancelled: 500 });
    expect(got.history[0]).toMatchObject({ event: 'CREATE', idempotencyKey: 'create-1' });
    expect(got.history.find((e: { event: string }) => e.event === 'CAPTURE')).toMatchObject({ idempotencyKey: 'cap-1' });
    const list = await h.call('GET', `/recurring/v3/agreements/${id}/charges`);
    expect(list.json.map((c: { id: string }) => c.id)).toEqual([chargeId]);
  });
});

describe('Order Management takes JSON only', () => {
  it('refuses a text/plain body with 415 before reading it', async () => {
    const h = await startHarness();
    try {
      const r = await h.call('POST', `/order-management/v2/ecom/receipts/${freshId()}`, { rawBody: '{"orderLines":[],"bottomLine":{"currency":"NOK"}}', headers: { 'Content-Type': 'text/plain' } });
      expect(r.status).toBe(415);
      expect(r.json.invalidParams).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
