import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { DEMO_SALES_UNIT, freshId, startHarness, type Harness, type LooseJson } from './helpers';

function initiate(orderId: string, msn = DEMO_SALES_UNIT.msn) {
  return {
    customerInfo: { mobileNumber: '91234567' },
    merchantInfo: { merchantSerialNumber: msn, callbackPrefix: 'https://example.com/cb', fallBack: 'https://example.com/done' },
    transaction: { amount: 49900, orderId, transactionText: 'One pair of socks.' },
  };
}

function expectEcomErrors(json: LooseJson): void {
  expect(Array.isArray(json)).toBe(true);
  for (const entry of json) {
    expect(Object.keys(entry).sort()).toEqual(['contextId', 'errorCode', 'errorGroup', 'errorMessage']);
  }
}

describe('eCom v2', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('initiates a payment: 200 with orderId and url, logged as INITIATE', async () => {
    const orderId = freshId('ec');
    const r = await h.call('POST', '/ecomm/v2/payments', { body: initiate(orderId) });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ orderId, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) });
    const details = await h.call('GET', `/ecomm/v2/payments/${orderId}/details`);
    expect(details.status).toBe(200);
    expect(details.json.orderId).toBe(orderId);
    expect(details.json.transactionSummary).toEqual({ capturedAmount: 0, refundedAmount: 0, remainingAmountToCapture: 0, remainingAmountToRefund: 0 });
    expect(details.json.transactionLogHistory.map((e: { operation: string }) => e.operation)).toEqual(['INITIATE']);
  });

  it('accepts the path with a trailing slash and any case, as the quick start and plugins send it', async () => {
    const r = await h.call('POST', '/Ecomm/v2/payments/', { body: initiate(freshId('ec')) });
    expect(r.status).toBe(200);
  });

  it('moves INITIATE to RESERVE through the integration-test approve, newest log entry first', async () => {
    const orderId = freshId('ec');
    await h.call('POST', '/ecomm/v2/payments', { body: initiate(orderId) });
    const approve = await h.call('POST', `/ecomm/v2/integration-test/payments/${orderId}/approve`, { body: { customerPhoneNumber: '91234567' }, headers: { 'X-Request-Id': 'req-1' } });
    expect(approve.status).toBe(200);
    const details = await h.call('GET', `/ecomm/v2/payments/${orderId}/details`);
    expect(details.json.transactionLogHistory.map((e: { operation: string }) => e.operation)).toEqual(['RESERVE', 'INITIATE']);
    expect(details.json.transactionLogHistory[0]).toMatchObject({ amount: 49900, operationSuccess: true, requestId: 'req-1' });
    expect(details.json.transactionSummary.remainingAmountToCapture).toBe(49900);
    const again = await h.call('POST', `/ecomm/v2/integration-test/payments/${orderId}/approve`);
    expect(again.status).toBe(400);
    expectEcomErrors(again.json);
  });

  it('answers 400 with error code 34 for a reused orderId', async () => {
    const orderId = freshId('ec');
    await h.call('POST', '/ecomm/v2/payments', { body: initiate(orderId) });
    const r = await h.call('POST', '/ecomm/v2/payments', { body: initiate(orderId) });
    expect(r.status).toBe(400);
    expectEcomErrors(r.json);
    expect(r.json[0]).toMatchObject({ errorGroup: 'Merchant', errorCode: '34' });
  });

  it('answers 404 with error code 35 for an unknown order', async () => {
    const r = await h.call('GET', `/ecomm/v2/payments/${freshId('ec')}/details`);
    expect(r.status).toBe(404);
    expect(r.contentType).toBe('application/json;charset=UTF-8');
    expect(r.json[0]).toMatchObject({ errorCode: '35' });
  });

  it('answers 400 InvalidRequest entries naming each bad field', async () => {
    const body = initiate('bad.order.id');
    body.merchantInfo.callbackPrefix = 'http://example.com/cb';
    (body.transaction as { amount: number }).amount = 50;
    const r = await h.call('POST', '/ecomm/v2/payments', { body });
    expect(r.status).toBe(400);
    expectEcomErrors(r.json);
    expect(r.json.map((e: { errorCode: string }) => e.errorCode).sort()).toEqual(['transaction.amount', 'transaction.orderId']);
    const cb = await h.call('POST', '/ecomm/v2/payments', { body: { ...initiate(freshId('ec')), merchantInfo: { ...initiate('x').merchantInfo, callbackPrefix: 'http://x.no' } } });
    expect(cb.json[0]).toMatchObject({ errorGroup: 'InvalidRequest', errorCode: 'merchantInfo.callbackPrefix' });
  });

  it('answers 403 when the body names another MSN than the keys', async () => {
    const r = await h.call('POST', '/ecomm/v2/payments', { body: initiate(freshId('ec'), '999999') });
    expect(r.status).toBe(403);
    expect(r.json[0].errorGroup).toBe('Merchant');
  });

  it('answers malformed JSON with 400 naming the trailing comma', async () => {
    const r = await h.call('POST', '/ecomm/v2/payments', { rawBody: '{"transaction": {"amount": 100,}}' });
    expect(r.status).toBe(400);
    expect(r.json[0].errorMessage).toMatch(/^Trailing comma after the last property at line 1, column 31/);
  });
});

describe('eCom malformed JSON status', () => {
  it('answers 500 for malformed JSON when configured like the FAQ describes', async () => {
    const h = await startHarness({ config: { ecomMalformedJsonStatus: 500 } });
    try {
      const r = await h.call('POST', '/ecomm/v2/payments', { rawBody: '{,}' });
      expect(r.status).toBe(500);
    } finally {
      await h.close();
    }
  });
});
