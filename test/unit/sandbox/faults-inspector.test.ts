import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { DEMO_SALES_UNIT, SECOND_UNIT, freshId, imageBody, makePng, startHarness, validReceipt, type Harness, type LooseJson } from './helpers';

const U = DEMO_SALES_UNIT;

describe('fault injection', () => {
  let h: Harness;
  let roll = 0.99;
  beforeAll(async () => {
    h = await startHarness({ random: () => roll, config: { salesUnits: [SECOND_UNIT] } });
  });
  afterAll(() => h.close());

  it('answers 5xx in the API’s own error shape for the chosen share of calls', async () => {
    await h.token();
    h.sandbox.setFaults({ errorRate: 0.5, errorStatus: 503 });
    try {
      roll = 0.4;
      const failed = await h.call('GET', `/order-management/v2/ecom/${freshId()}`);
      expect(failed.status).toBe(503);
      expect(failed.json).toMatchObject({ title: 'Injected server error.', invalidParams: [] });
      roll = 0.6;
      expect((await h.call('GET', `/order-management/v2/ecom/${freshId()}`)).status).toBe(404);
    } finally {
      h.sandbox.setFaults({ errorRate: 0, errorStatus: 500 });
    }
  });

  it('does not run the operation when an error is injected', async () => {
    const orderId = freshId();
    h.sandbox.setFaults({ errorRate: 1 });
    roll = 0;
    try {
      expect((await h.call('POST', `/order-management/v2/ecom/receipts/${orderId}`, { body: validReceipt() })).status).toBe(500);
    } finally {
      h.sandbox.setFaults({ errorRate: 0 });
    }
    expect((await h.call('POST', `/order-management/v2/ecom/receipts/${orderId}`, { body: validReceipt() })).status).toBe(201);
  });

  it('adds the configured latency', async () => {
    h.sandbox.setFaults({ latencyMs: 150 });
    try {
      const started = performance.now();
      await h.call('GET', `/order-management/v2/ecom/${freshId()}`);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      h.sandbox.setFaults({ latencyMs: 0 });
    }
    const log = h.sandbox.requestLog(3);
    expect(log.some((e) => e.fault === 'latency')).toBe(true);
  });

  it('makes the token endpoint fail while the switch is on, keeping issued tokens valid', async () => {
    h.sandbox.setFaults({ failTokenEndpoint: true });
    try {
      const res = await fetch(h.url('/accesstoken/get'), { method: 'POST', headers: { client_id: U.clientId, client_secret: U.clientSecret, 'Ocp-Apim-Subscription-Key': U.subscriptionKey } });
      expect(res.status).toBe(500);
      expect((await h.call('GET', `/order-management/v2/ecom/${freshId()}`)).status).toBe(404);
    } finally {
      h.sandbox.setFaults({ failTokenEndpoint: false });
    }
  });

  it('applies per-sales-unit faults to that unit only', async () => {
    h.sandbox.setFaults({ perSalesUnit: { [SECOND_UNIT.msn]: { errorRate: 1 } } });
    roll = 0.5;
    try {
      expect((await h.call('GET', `/order-management/v2/ecom/${freshId()}`, { unit: SECOND_UNIT, auth: false })).status).toBe(500);
      expect((await h.call('GET', `/order-management/v2/ecom/${freshId()}`)).status).toBe(404);
    } finally {
      h.sandbox.setFaults({ perSalesUnit: { [SECOND_UNIT.msn]: { errorRate: 0 } } });
    }
  });

  it('changes faults over HTTP with PUT /__sandbox/faults and rejects bad values', async () => {
    const put = (body: unknown) => fetch(h.url('/__sandbox/faults'), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await put({ latencyMs: 5 });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { latencyMs: number }).latencyMs).toBe(5);
    expect((await put({ errorRate: 2 })).status).toBe(400);
    await put({ latencyMs: 0 });
  });
});

describe('inspector', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('lists images without bytes, categories, receipts and payments in GET /__sandbox/state', async () => {
    const imageId = freshId('img');
    const orderId = freshId();
    await h.call('POST', '/order-management/v1/images', { body: imageBody(imageId, makePng(200, 201)) });
    await h.call('PUT', `/order-management/v2/ecom/categories/${orderId}`, { body: { category: 'RECEIPT', orderDetailsUrl: 'https://x.no/1', imageId } });
    await h.call('POST', `/order-management/v2/ecom/receipts/${orderId}`, { body: validReceipt() });
    await h.call('POST', '/epayment/v1/payments', { headers: { 'Idempotency-Key': freshId('k') }, body: { amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, reference: freshId('ref'), userFlow: 'QR' } });
    const res = await fetch(h.url('/__sandbox/state'));
    const state = (await res.json()) as LooseJson;
    expect(state.images).toEqual([expect.objectContaining({ imageId, format: 'png', width: 200, height: 201, size: makePng(200, 201).length })]);
    expect(state.images[0].bytes).toBeUndefined();
    expect(state.categories).toEqual([expect.objectContaining({ orderId, category: 'RECEIPT', imageId })]);
    expect(state.receipts[0]).toMatchObject({ orderId, source: 'order-management', totals: { totalAmount: 1000, totalTaxAmount: 200 } });
    expect(state.payments).toEqual([expect.objectContaining({ api: 'epayment', state: 'CREATED' })]);
    expect(h.sandbox.inspect().images).toHaveLength(1);
  });

  it('serves an uploaded image’s bytes with its content type', async () => {
    const imageId = freshId('thumb');
    const png = makePng(200, 200);
    await h.call('POST', '/order-management/v1/images', { body: imageBody(imageId, png) });
    const res = await fetch(h.url(`/__sandbox/images/${imageId}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect(h.sandbox.image(imageId)?.contentType).toBe('image/png');
    expect((await fetch(h.url('/__sandbox/images/none'))).status).toBe(404);
  });

  it('logs method, path, status and duration but never header values', async () => {
    await h.call('GET', `/order-management/v2/ecom/${freshId()}`);
    const res = await fetch(h.url('/__sandbox/log?limit=50'));
    const { entries } = (await res.json()) as { entries: Array<Record<string, unknown>> };
    const last = entries.at(-1);
    expect(last).toMatchObject({ method: 'GET', status: 404, api: 'om', durationMs: expect.any(Number), time: expect.any(String) });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(U.subscriptionKey);
    expect(text).not.toContain(U.clientSecret);
    expect(text).not.toContain(await h.token());
  });

  it('keeps the request log bounded', async () => {
    const small = await startHarness({ config: { requestLogSize: 3 } });
    try {
      for (let i = 0; i < 5; i++) await fetch(small.url(`/nowhere/${i}`));
      const log = small.sandbox.requestLog();
      expect(log.map((e) => e.path)).toEqual(['/nowhere/2', '/nowhere/3', '/nowhere/4']);
    } finally {
      await small.close();
    }
  });

  it('clears all data with POST /__sandbox/reset', async () => {
    const orderId = freshId();
    await h.call('POST', `/order-management/v2/ecom/receipts/${orderId}`, { body: validReceipt() });
    const res = await fetch(h.url('/__sandbox/reset'), { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(h.sandbox.inspect().receipts).toEqual([]);
    expect((await h.call('GET', `/order-management/v2/ecom/${orderId}`)).status).toBe(404);
  });

  it('refuses control writes without a JSON content type and requests for a foreign Host', async () => {
    expect((await fetch(h.url('/__sandbox/reset'), { method: 'POST', body: 'x' })).status).toBe(415);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(h.url('/__sandbox/state'), { headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
