import { afterEach, describe, expect, test } from 'vitest';
import type { OrderIdCheck } from '../../../shared/contract/orders';
import { tempFolder, testBackend, type TestBackend } from '../engine/harness';

/** A real backend with its embedded sandbox (kept in memory): sends go through the engine to it. */
describe('known payments', () => {
  const opened: TestBackend[] = [];
  afterEach(async () => {
    for (const b of opened.splice(0)) await b.dispose().catch(() => {});
  });

  const open = async (dataDir: string, withSandbox: boolean) => {
    const b = await testBackend({ dataDir, sandbox: withSandbox ? { inMemory: true } : false });
    opened.push(b);
    return b;
  };
  const createPayment = (b: TestBackend, reference: string, value = 1000) =>
    b.ok<{ status: number }>('sendRequest', {
      request: {
        method: 'POST',
        url: '{{baseUrl}}/epayment/v1/payments',
        headers: [{ name: 'Content-Type', value: 'application/json', enabled: true }, { name: 'Idempotency-Key', value: `key-${reference}`, enabled: true }],
        body: JSON.stringify({ amount: { currency: 'NOK', value }, paymentMethod: { type: 'WALLET' }, reference, userFlow: 'QR' }),
      },
    });
  const check = (b: TestBackend, orderId: string) => b.ok<OrderIdCheck>('checkOrderId', { orderId });

  test('a payment this session made is known from the session, the history and the sandbox', async () => {
    const b = await open(tempFolder('vx-known-'), true);
    const created = await createPayment(b, 'known-ref-0001');
    expect(created.status).toBe(201);
    expect((await check(b, 'known-ref-0001')).matches).toEqual(['session', 'history', 'sandbox']);
  });

  test('an id no payment has matches nothing, and the known ids are offered newest first', async () => {
    const b = await open(tempFolder('vx-known-'), true);
    await createPayment(b, 'known-ref-0001');
    await createPayment(b, 'known-ref-0002');
    const answer = await check(b, 'known-ref-000l');
    expect(answer.matches).toEqual([]);
    expect(answer.recent.slice(0, 2)).toEqual(['known-ref-0002', 'known-ref-0001']);
  });

  test('a refused create makes no payment, so its reference stays unknown', async () => {
    const b = await open(tempFolder('vx-known-'), true);
    // A negative amount is refused by the sandbox with 400.
    const refused = await createPayment(b, 'refused-ref-0001', -5);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await check(b, 'refused-ref-0001')).matches).toEqual([]);
  });

  test('after a restart without the sandbox, the history still knows the payment', async () => {
    const dataDir = tempFolder('vx-known-');
    const first = await open(dataDir, true);
    await createPayment(first, 'history-ref-0001');
    await first.backend.dispose();
    opened.splice(opened.indexOf(first), 1);
    const second = await open(dataDir, false);
    expect((await check(second, 'history-ref-0001')).matches).toEqual(['history']);
  });
});
