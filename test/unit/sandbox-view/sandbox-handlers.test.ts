import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxFaults, SandboxLogEntry, SandboxOverview, SandboxState } from '../../../shared/contract/sandbox';
import { DEMO_SALES_UNIT } from '../../../electron/sandbox/index';
import { expectError, testBackend, type TestBackend } from '../engine/harness';
import { pngImage, runQuickStart } from '../engine/quickstart-run';

type Sent = { status: number };
type LogAnswer = { entries: SandboxLogEntry[]; requestsSeen: number; capacity: number };

describe('sandbox panel methods against the embedded sandbox', () => {
  let t: TestBackend;
  let orderId: string;
  let imageId: string;

  beforeAll(async () => {
    t = await testBackend({ sandbox: { inMemory: true } });
    const results = await runQuickStart(t);
    const order = JSON.parse((results.readback as unknown as { body: { text: string } }).body.text) as { category: { imageId: string } };
    imageId = order.category.imageId;
    orderId = (await t.ok<{ order: { orderId: string } }>('getQuickStart', {})).order.orderId;
  });
  afterAll(async () => t?.dispose());

  it('gives an overview with the base URL, the demo keys, the token lifetime and what it holds', async () => {
    const overview = await t.ok<SandboxOverview>('getSandboxOverview', {});
    expect(overview.running).toBe(true);
    expect(overview.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(overview.demoKeys).toEqual({
      name: DEMO_SALES_UNIT.name,
      msn: DEMO_SALES_UNIT.msn,
      clientId: DEMO_SALES_UNIT.clientId,
      clientSecret: DEMO_SALES_UNIT.clientSecret,
      subscriptionKey: DEMO_SALES_UNIT.subscriptionKey,
    });
    expect(overview.settings?.tokenLifetimeSeconds).toBe(3600);
    expect(overview.faults).toMatchObject({ latencyMs: 0, errorRate: 0, failTokenEndpoint: false, active: false });
    expect(overview.counts).toMatchObject({ images: 1, orders: 1, categories: 1, receipts: 1, payments: 1 });
    expect(overview.counts.requestsSeen).toBeGreaterThanOrEqual(6);
  });

  it('shows the quick start’s order with its category, image and receipt lines and totals, and never image bytes', async () => {
    const state = await t.ok<SandboxState>('getSandboxState', {});
    const order = state.orders.find((o) => o.orderId === orderId);
    expect(order).toMatchObject({ msn: '123456', paymentType: 'ecom', category: { category: 'GENERAL', imageId, orderDetailsUrl: `https://example.com/shop/orders/${orderId}` } });
    // The built-in quick start's sample receipt: socks, gift wrapping and home delivery.
    expect(order?.receipt?.lines).toEqual([
      expect.objectContaining({ id: 'socks-grey-42', name: 'Wool socks', totalAmount: 29800, isReturn: false, isShipping: false }),
      expect.objectContaining({ id: 'gift-wrap', totalAmount: 5000, isShipping: false }),
      expect.objectContaining({ id: 'shipping-home', totalAmount: 9900, isShipping: true }),
    ]);
    expect(order?.receipt).toMatchObject({ currency: 'NOK', receiptNumber: orderId, totals: { totalAmount: 44700, totalTaxAmount: 8940 } });
    expect(state.images).toEqual([expect.objectContaining({ imageId, mime: 'image/png', width: 40, height: 200, size: pngImage().length })]);
    expect(JSON.stringify(state.images)).not.toMatch(/bytes|base64|iVBOR/);
    // The simulated customer (on by default) approved the quick start's payment.
    expect(state.payments).toEqual([expect.objectContaining({ api: 'epayment', id: orderId, state: 'AUTHORIZED', amount: 44700, currency: 'NOK' })]);
  });

  it('hands out a stored image as base64 for a thumbnail, and NOT_FOUND for an unknown id', async () => {
    const image = await t.ok<{ mime: string; base64: string }>('getSandboxImage', { imageId });
    expect(image.mime).toBe('image/png');
    expect(Buffer.from(image.base64, 'base64').equals(pngImage())).toBe(true);
    expectError(await t.call('getSandboxImage', { imageId: 'no-such-image' }), 'NOT_FOUND');
  });

  it('lists the requests newest first with method, path and status, and no key or token value', async () => {
    const { accessToken } = await t.ok<{ accessToken: string }>('revealToken', {});
    const log = await t.ok<LogAnswer>('getSandboxLog', { limit: 50 });
    const apiCalls = log.entries.filter((e) => e.api !== null);
    expect(apiCalls.slice(0, 6).map((e) => `${e.method} ${e.path} ${e.status}`).reverse()).toEqual([
      'POST /accesstoken/get 200',
      'POST /epayment/v1/payments 201',
      'POST /order-management/v1/images 200',
      `PUT /order-management/v2/ecom/categories/${orderId} 200`,
      `POST /order-management/v2/ecom/receipts/${orderId} 201`,
      `GET /order-management/v2/ecom/${orderId} 200`,
    ]);
    const seqs = log.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(log.capacity).toBe(500);
    const text = JSON.stringify(log);
    for (const secret of [DEMO_SALES_UNIT.clientId, DEMO_SALES_UNIT.clientSecret, DEMO_SALES_UNIT.subscriptionKey, accessToken]) expect(text).not.toContain(secret);
  });

  it('makes the next API call fail with the chosen status while an error share of 100 % is set, and stops when it is cleared', async () => {
    const faults = await t.ok<SandboxFaults>('setSandboxFaults', { errorRate: 1, errorStatus: 503 });
    expect(faults).toMatchObject({ errorRate: 1, errorStatus: 503, active: true });
    const read = () => t.ok<Sent>('sendRequest', { request: { method: 'GET', url: `{{baseUrl}}/order-management/v2/ecom/${orderId}` }, label: 'fault check' });
    try {
      expect((await read()).status).toBe(503);
      const [latest] = (await t.ok<LogAnswer>('getSandboxLog', { limit: 1 })).entries;
      expect(latest).toMatchObject({ status: 503, fault: 'error' });
      expect((await t.ok<SandboxOverview>('getSandboxOverview', {})).faults?.active).toBe(true);
    } finally {
      await t.ok('setSandboxFaults', { errorRate: 0, errorStatus: 500 });
    }
    expect((await read()).status).toBe(200);
  });

  it('makes the token endpoint fail with the error status while that switch is on', async () => {
    await t.ok('setSandboxFaults', { failTokenEndpoint: true, errorStatus: 502 });
    try {
      const token = await t.ok<Sent>('sendRequest', { request: { method: 'POST', url: '{{baseUrl}}/accesstoken/get' }, label: 'token fault' });
      expect(token.status).toBe(502);
    } finally {
      await t.ok('setSandboxFaults', { failTokenEndpoint: false, errorStatus: 500 });
    }
  });

  it('refuses fault values outside the sandbox’s limits with INVALID_INPUT', async () => {
    expectError(await t.call('setSandboxFaults', { errorStatus: 404 }), 'INVALID_INPUT');
    expectError(await t.call('setSandboxFaults', { errorRate: 1.5 }), 'INVALID_INPUT');
    expectError(await t.call('setSandboxFaults', { latencyMs: -1 }), 'INVALID_INPUT');
  });

  it('moves the test clock through the panel methods: advance reports what fell due, freeze holds time, a bad duration is refused', async () => {
    const before = await t.ok<{ nowMs: number; frozen: boolean }>('getSandboxClock', {});
    const frozen = await t.ok<{ clock: { nowMs: number; frozen: boolean } }>('moveSandboxClock', { action: 'freeze' });
    expect(frozen.clock.frozen).toBe(true);
    const moved = await t.ok<{ clock: { nowMs: number }; happened: string[] }>('moveSandboxClock', { action: 'advance', by: '10m' });
    expect(moved.clock.nowMs).toBe(frozen.clock.nowMs + 600_000);
    expect(moved.clock.nowMs).toBeGreaterThanOrEqual(before.nowMs + 600_000);
    await t.ok('moveSandboxClock', { action: 'resume' });
    expect(expectError(await t.call('moveSandboxClock', { action: 'advance', by: 'soon' }), 'INVALID_INPUT').message).toMatch(/not a duration/);
  });

  it('triggers an event in the demo sales unit, and refuses one it cannot make', async () => {
    const made = await t.ok<{ reference: string; events: string[] }>('triggerSandboxEvent', { event: 'epayments.payment.cancelled.v1' });
    expect(made.events).toEqual(['epayments.payment.created.v1', 'epayments.payment.authorized.v1', 'epayments.payment.cancelled.v1']);
    const state = await t.ok<SandboxState>('getSandboxState', {});
    expect(state.payments.find((p) => p.id === made.reference)).toMatchObject({ state: 'AUTHORIZED', msn: DEMO_SALES_UNIT.msn });
    expect(expectError(await t.call('triggerSandboxEvent', { event: 'epayments.payment.paid.v1' }), 'INVALID_INPUT').message).toMatch(/can trigger/);
  });

  it('shows a Recurring agreement with its initial charge, and never the customer’s phone number', async () => {
    const chargeId = `vx-charge-${Date.now()}`;
    const created = await t.ok<Sent>('sendRequest', {
      request: {
        method: 'POST',
        url: '{{baseUrl}}/recurring/v3/agreements',
        headers: [{ name: 'Idempotency-Key', value: `key-${chargeId}` }, { name: 'Content-Type', value: 'application/json' }],
        body: JSON.stringify({
          pricing: { type: 'LEGACY', amount: 2500, currency: 'NOK' },
          interval: { unit: 'MONTH', count: 1 },
          merchantRedirectUrl: 'https://example.com/redirect',
          merchantAgreementUrl: 'https://example.com/agreement',
          productName: 'Digital news',
          phoneNumber: '4791234567',
          initialCharge: { amount: 2500, description: 'First month', transactionType: 'DIRECT_CAPTURE', orderId: chargeId },
        }),
      },
      label: 'agreement',
    });
    expect(created.status).toBe(201);
    const state = await t.ok<SandboxState>('getSandboxState', {});
    expect(state.agreements).toEqual([
      // The simulated customer accepted it at once, and the initial charge was taken.
      expect.objectContaining({ productName: 'Digital news', status: 'ACTIVE', pricingType: 'LEGACY', amount: 2500, currency: 'NOK', interval: { unit: 'MONTH', count: 1 }, initialChargeId: chargeId }),
    ]);
    expect(state.charges).toEqual([expect.objectContaining({ id: chargeId, agreementId: state.agreements[0]!.id, type: 'INITIAL', amount: 2500, description: 'First month' })]);
    expect(JSON.stringify(state)).not.toContain('4791234567');
  });

  it('empties orders, images, payments and the request log on reset, and keeps the faults', async () => {
    await t.ok('setSandboxFaults', { latencyMs: 5 });
    await t.ok('resetSandbox', {});
    const state = await t.ok<SandboxState>('getSandboxState', {});
    expect(state).toEqual({ page: { offset: 0, limit: 100 }, totals: { orders: 0, images: 0, payments: 0, agreements: 0, charges: 0 }, orders: [], images: [], payments: [], agreements: [], charges: [] });
    expect((await t.ok<LogAnswer>('getSandboxLog', {})).entries).toEqual([]);
    const overview = await t.ok<SandboxOverview>('getSandboxOverview', {});
    expect(overview.counts).toMatchObject({ images: 0, orders: 0, payments: 0 });
    expect(overview.faults).toMatchObject({ latencyMs: 5, active: true });
    await t.ok('setSandboxFaults', { latencyMs: 0 });
  });
});

describe('sandbox panel methods when the backend runs without a sandbox', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await testBackend({ sandbox: false });
  });
  afterAll(async () => t?.dispose());

  it('reports the sandbox as not running in the overview', async () => {
    const overview = await t.ok<SandboxOverview>('getSandboxOverview', {});
    expect(overview).toMatchObject({ running: false, baseUrl: null, demoKeys: null, faults: null });
  });

  it.each([
    ['getSandboxState', {}],
    ['getSandboxLog', {}],
    ['resetSandbox', {}],
    ['setSandboxFaults', { latencyMs: 10 }],
    ['getSandboxImage', { imageId: 'any' }],
  ])('answers %s with NOT_FOUND saying the sandbox is off', async (method, input) => {
    const error = expectError(await t.call(method, input), 'NOT_FOUND');
    expect(error.message).toMatch(/sandbox is not running/);
    expect(error.message).toContain('npm run sandbox -- --port 8787');
  });
});
