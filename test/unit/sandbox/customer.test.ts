import { afterEach, describe, expect, it } from 'vitest';
import { MAGIC_REFUSALS, TEST_PHONE_NUMBERS, customerActFor, nationalNumber } from '../../../electron/sandbox/customer-rules';
import { freshId, startHarness, type Harness } from './helpers';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const auto = () => startHarness({ config: { customer: 'auto' } });

function paymentBody(reference: string, value: number, phone: string | null, extra: Record<string, unknown> = {}) {
  return {
    amount: { currency: 'NOK', value },
    paymentMethod: { type: 'WALLET' },
    ...(phone ? { customer: { phoneNumber: phone } } : {}),
    reference,
    returnUrl: 'https://example.com/return',
    userFlow: phone ? 'WEB_REDIRECT' : 'QR',
    paymentDescription: 'Customer test',
    ...extra,
  };
}

async function pay(harness: Harness, value: number, phone: string | null = '4791234567', extra: Record<string, unknown> = {}) {
  const reference = freshId('cust');
  const res = await harness.call('POST', '/epayment/v1/payments', { body: paymentBody(reference, value, phone, extra), headers: { 'Idempotency-Key': freshId('k') } });
  expect(res.status).toBe(201);
  return reference;
}

async function look(harness: Harness, reference: string) {
  const got = await harness.call('GET', `/epayment/v1/payments/${reference}`);
  const events = await harness.call('GET', `/epayment/v1/payments/${reference}/events`);
  return { state: got.json.state as string, sub: got.json.profile?.sub as string | undefined, events: (events.json as Array<{ name: string }>).map((e) => e.name) };
}

async function capture(harness: Harness, reference: string, value: number) {
  return harness.call('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: { currency: 'NOK', value } }, headers: { 'Idempotency-Key': freshId('cap') } });
}

describe('the rules: Vipps magic amounts first, then the sandbox test numbers, else approve', () => {
  it('reads +47, 0047 and 47 in front of a number as the same national number', () => {
    expect(nationalNumber('+47 990 00 001')).toBe('99000001');
    expect(nationalNumber('004799000001')).toBe('99000001');
    expect(nationalNumber('4799000001')).toBe('99000001');
    expect(nationalNumber('99000001')).toBe('99000001');
    expect(nationalNumber(null)).toBeNull();
    expect(nationalNumber('')).toBeNull();
  });

  it('lets a magic amount win over a test phone number', () => {
    expect(customerActFor({ amount: 151, phoneNumber: '99000003' })).toMatchObject({ act: 'refuse' });
    expect(customerActFor({ amount: 201, phoneNumber: '99000003' })).toMatchObject({ act: 'ignore' });
    expect(customerActFor({ amount: 152, phoneNumber: null })).toMatchObject({ act: 'approve', afterMs: 0, failCapture: false });
  });
});

describe('simulated customer on ePayment (the default)', () => {
  it('approves an ordinary payment at once: CREATED then AUTHORIZED, and capture works with no approve step', async () => {
    h = await auto();
    const ref = await pay(h, 49_900);
    expect(await look(h, ref)).toMatchObject({ state: 'AUTHORIZED', events: ['CREATED', 'AUTHORIZED'] });
    expect((await capture(h, ref, 49_900)).status).toBe(200);
  });

  it('consents to a profile when the payment asks for one: the payment carries a sub and userinfo answers for it', async () => {
    h = await auto();
    const ref = await pay(h, 1000, '4791234567', { profile: { scope: 'name phoneNumber' } });
    const { sub } = await look(h, ref);
    expect(sub).toMatch(/^[\w-]{20,}$/);
    const info = await h.call('GET', `/vipps-userinfo-api/userinfo/${sub}`);
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ sub, name: expect.any(String), phone_number: expect.any(String) });
  });

  for (const [amount, reason] of Object.entries(MAGIC_REFUSALS)) {
    it(`aborts a payment of the magic amount ${amount} (${reason}) as the test environment does`, async () => {
      h = await auto();
      const ref = await pay(h, Number(amount));
      expect(await look(h, ref)).toMatchObject({ state: 'ABORTED', events: ['CREATED', 'ABORTED'] });
    });
  }

  it('leaves a payment of 201 (unknown result) alone, so it expires when its time runs out', async () => {
    h = await auto();
    const ref = await pay(h, 201);
    expect(await look(h, ref)).toMatchObject({ state: 'CREATED', events: ['CREATED'] });
    h.sandbox.advanceClock(h.sandbox.config.paymentExpirySeconds * 1000);
    expect(await look(h, ref)).toMatchObject({ state: 'EXPIRED', events: ['CREATED', 'EXPIRED'] });
  });

  it('refuses the refund amounts 123 and 124 with their reasons, and refunds others', async () => {
    h = await auto();
    const ref = await pay(h, 5000);
    expect((await capture(h, ref, 5000)).status).toBe(200);
    for (const [value, why] of [[123, /cannot be refunded/], [124, /refund period/]] as const) {
      const r = await h.call('POST', `/epayment/v1/payments/${ref}/refund`, { body: { modificationAmount: { currency: 'NOK', value } }, headers: { 'Idempotency-Key': freshId('ref') } });
      expect(r.status).toBe(400);
      expect(r.json.detail).toMatch(why);
    }
    const ok = await h.call('POST', `/epayment/v1/payments/${ref}/refund`, { body: { modificationAmount: { currency: 'NOK', value: 125 } }, headers: { 'Idempotency-Key': freshId('ref') } });
    expect(ok.status).toBe(200);
  });

  it('test number 99000001 declines in the app: ABORTED', async () => {
    h = await auto();
    const ref = await pay(h, 1000, '4799000001');
    expect(await look(h, ref)).toMatchObject({ state: 'ABORTED', events: ['CREATED', 'ABORTED'] });
  });

  it('test number 99000002 never answers: the payment expires by the sandbox clock', async () => {
    h = await auto();
    const ref = await pay(h, 1000, '4799000002');
    h.sandbox.advanceClock(60_000);
    expect((await look(h, ref)).state).toBe('CREATED');
    h.sandbox.advanceClock(h.sandbox.config.paymentExpirySeconds * 1000);
    expect(await look(h, ref)).toMatchObject({ state: 'EXPIRED', events: ['CREATED', 'EXPIRED'] });
  });

  it('test number 99000003 approves after 30 seconds of sandbox time, not before', async () => {
    h = await auto();
    const ref = await pay(h, 1000, '4799000003');
    h.sandbox.advanceClock(29_000);
    expect((await look(h, ref)).state).toBe('CREATED');
    const moved = h.sandbox.advanceClock(1000);
    expect(moved.happened.join('\n')).toContain(`approves payment ${ref}`);
    expect(await look(h, ref)).toMatchObject({ state: 'AUTHORIZED', events: ['CREATED', 'AUTHORIZED'] });
  });

  it('test number 99000004 approves, and every capture is refused', async () => {
    h = await auto();
    const ref = await pay(h, 1000, '4799000004');
    expect((await look(h, ref)).state).toBe('AUTHORIZED');
    const r = await capture(h, ref, 1000);
    expect(r.status).toBe(400);
    expect(r.json.title).toMatch(/capture was refused/);
  });

  it('knows exactly the four documented test numbers', () => {
    expect(Object.keys(TEST_PHONE_NUMBERS).sort()).toEqual(['99000001', '99000002', '99000003', '99000004']);
  });

  it('answers force approve after the customer approved as if that call approved it (flows written for the test environment keep working)', async () => {
    h = await auto();
    const ref = await pay(h, 1000);
    const r = await h.call('POST', `/epayment/v1/test/payments/${ref}/approve`);
    expect(r.status).toBe(200);
    expect((await look(h, ref)).events).toEqual(['CREATED', 'AUTHORIZED']);
  });
});

describe('customer: manual', () => {
  it('does nothing until force approve: the payment stays CREATED, then force approve authorises it', async () => {
    h = await startHarness({ config: { customer: 'manual' } });
    const ref = await pay(h, 1000);
    expect(await look(h, ref)).toMatchObject({ state: 'CREATED', events: ['CREATED'] });
    expect((await capture(h, ref, 1000)).status).toBe(400);
    expect((await h.call('POST', `/epayment/v1/test/payments/${ref}/approve`)).status).toBe(200);
    expect((await look(h, ref)).state).toBe('AUTHORIZED');
    // A second approve is the mistake it always was: nothing was approved by a simulated customer.
    expect((await h.call('POST', `/epayment/v1/test/payments/${ref}/approve`)).status).toBe(400);
  });

  it('leaves agreements PENDING until force accept', async () => {
    h = await startHarness({ config: { customer: 'manual' } });
    const id = await draft(h, '4791234567');
    expect((await h.call('GET', `/recurring/v3/agreements/${id}`)).json.status).toBe('PENDING');
  });
});

async function draft(harness: Harness, phone: string, extra: Record<string, unknown> = {}) {
  const res = await harness.call('POST', '/recurring/v3/agreements', {
    body: { pricing: { amount: 2500, currency: 'NOK' }, interval: { unit: 'MONTH', count: 1 }, merchantRedirectUrl: 'https://example.com/r', merchantAgreementUrl: 'https://example.com/a', phoneNumber: phone, productName: 'News', ...extra },
    headers: { 'Idempotency-Key': freshId('agr') },
  });
  expect(res.status).toBe(201);
  return (res.json as { agreementId: string }).agreementId;
}

describe('simulated customer on eCom and Recurring', () => {
  it('eCom: reserves at once and shares the profile of a profile-flow payment', async () => {
    h = await auto();
    const orderId = freshId('ecom');
    const res = await h.call('POST', '/ecomm/v2/payments', {
      body: { merchantInfo: { merchantSerialNumber: '123456', callbackPrefix: 'https://example.com/cb', fallBack: 'https://example.com/fb' }, customerInfo: { mobileNumber: '91234567' }, transaction: { orderId, amount: 2000, transactionText: 'Socks', scope: 'name' } },
    });
    expect(res.status).toBe(200);
    const details = await h.call('GET', `/ecomm/v2/payments/${orderId}/details`);
    expect(details.json.transactionLogHistory.map((e: { operation: string }) => e.operation)).toEqual(['RESERVE', 'INITIATE']);
    expect((await h.call('GET', `/vipps-userinfo-api/userinfo/${details.json.sub}`)).status).toBe(200);
  });

  it('Recurring: accepts an agreement and takes its direct-capture initial charge; 99000001 rejects (STOPPED)', async () => {
    h = await auto();
    const chargeId = freshId('chr');
    const id = await draft(h, '4791234567', { initialCharge: { amount: 2500, description: 'First', transactionType: 'DIRECT_CAPTURE', orderId: chargeId } });
    expect((await h.call('GET', `/recurring/v3/agreements/${id}`)).json.status).toBe('ACTIVE');
    expect((await h.call('GET', `/recurring/v3/agreements/${id}/charges/${chargeId}`)).json).toMatchObject({ status: 'CHARGED', summary: { captured: 2500 } });
    const rejected = await draft(h, '99000001');
    expect((await h.call('GET', `/recurring/v3/agreements/${rejected}`)).json.status).toBe('STOPPED');
  });
});
