import { describe, expect, it } from 'vitest';
import { EcomForceApproveSchema, validateInitiatePayment } from '../../../shared/vipps/ecom';
import { ForceApproveSchema, validateCreatePayment } from '../../../shared/vipps/epayment';

// ePayment createPayment (reference §5.1) and eCom initiate (§4.1).
const NOW = Date.parse('2030-01-15T10:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const receipt = { orderLines: [{ name: 'Socks', id: 's-1', totalAmount: 1000, totalAmountExcludingTax: 800, totalTaxAmount: 200, taxRate: 2500 }], bottomLine: { currency: 'NOK' } };
const payment = (over: Record<string, unknown> = {}) => ({
  amount: { currency: 'NOK', value: 1000 },
  paymentMethod: { type: 'WALLET' },
  reference: 'reference-1',
  userFlow: 'NATIVE_REDIRECT',
  ...over,
});

function issues(input: unknown) {
  const r = validateCreatePayment(input, { now: NOW });
  return r.ok ? [] : r.issues;
}
const names = (input: unknown) => issues(input).map((i) => i.name);
const reasons = (input: unknown) => issues(input).map((i) => i.reason);
const iso = (ms: number) => new Date(ms).toISOString();

describe('ePayment amount', () => {
  it('is at least 100 øre in NOK and 1 minor unit in DKK and EUR', () => {
    expect(names(payment({ amount: { currency: 'NOK', value: 100 } }))).toEqual([]);
    expect(issues(payment({ amount: { currency: 'NOK', value: 99 } }))).toEqual([{ name: 'amount.value', reason: 'The amount is too small: the least for NOK is 100 minor units.' }]);
    for (const currency of ['DKK', 'EUR']) {
      expect(names(payment({ amount: { currency, value: 1 } })), currency).toEqual([]);
      expect(reasons(payment({ amount: { currency, value: 0 } })), currency).toEqual([`The amount is too small: the least for ${currency} is 1 minor units.`]);
    }
    expect(names(payment({ amount: { currency: 'SEK', value: 1000 } }))).toEqual(['amount.currency']);
  });

  it('is whole minor units up to 65 000 000', () => {
    expect(names(payment({ amount: { currency: 'NOK', value: 65_000_000 } }))).toEqual([]);
    expect(reasons(payment({ amount: { currency: 'NOK', value: 65_000_001 } }))).toEqual(['value may be at most 65000000 (650 000.00).']);
    expect(reasons(payment({ amount: { currency: 'NOK', value: 499.5 } }))).toEqual(['value is a whole number of minor units: 499.00 NOK is written 49900.']);
    expect(reasons(payment({ amount: { currency: 'DKK', value: -1 } }))).toEqual(['value may not be negative.']);
  });
});

describe('ePayment reference and customer', () => {
  it('wants a reference of 8 to 50 letters, digits and "-"', () => {
    expect(names(payment({ reference: 'a'.repeat(8) }))).toEqual([]);
    expect(issues(payment({ reference: 'a'.repeat(7) }))).toEqual([{ name: 'reference', reason: 'reference must be 8 to 50 characters of letters, digits and "-".' }]);
  });

  it('wants exactly one way to reach the customer', () => {
    expect(names(payment({ customer: { phoneNumber: '4791234567' } }))).toEqual([]);
    expect(names(payment({ customer: { personalQr: '12345' } }))).toEqual([]);
    expect(names(payment({ customer: { customerToken: 't' } }))).toEqual([]);
    const two = issues(payment({ customer: { phoneNumber: '4791234567', customerToken: 't' } }));
    expect(two).toEqual([{ name: 'customer', reason: 'Give exactly one of phoneNumber, personalQr or customerToken.' }]);
    expect(names(payment({ customer: {} }))).toEqual(['customer']);
  });

  it('wants phoneNumber as an MSISDN of 10 to 15 digits and a personalQr of 5 to 255 characters', () => {
    expect(names(payment({ customer: { phoneNumber: '4'.repeat(15) } }))).toEqual([]);
    expect(reasons(payment({ customer: { phoneNumber: '91234567' } }))).toEqual(['phoneNumber is the MSISDN: country code and number, digits only, e.g. 4791234567.']);
    expect(names(payment({ customer: { phoneNumber: '4'.repeat(16) } }))).toEqual(['customer.phoneNumber']);
    expect(names(payment({ customer: { phoneNumber: '+4791234567' } }))).toEqual(['customer.phoneNumber']);
    expect(names(payment({ customer: { personalQr: '1234' } }))).toEqual(['customer.personalQr']);
    expect(names(payment({ customer: { personalQr: 'q'.repeat(255) } }))).toEqual([]);
    expect(names(payment({ customer: { personalQr: 'q'.repeat(256) } }))).toEqual(['customer.personalQr']);
  });
});

describe('ePayment user flows', () => {
  it('sends a push message only to a given customer', () => {
    expect(issues(payment({ userFlow: 'PUSH_MESSAGE' }))).toEqual([{ name: 'customer', reason: 'userFlow PUSH_MESSAGE needs a customer to send the push message to.' }]);
    expect(names(payment({ userFlow: 'PUSH_MESSAGE', customer: { phoneNumber: '4791234567' } }))).toEqual([]);
    expect(names(payment({ userFlow: 'QR' }))).toEqual([]);
    expect(names(payment({ userFlow: 'SMS' }))).toEqual(['userFlow']);
  });

  it('needs a returnUrl for WEB_REDIRECT, https or an app scheme, never plain http', () => {
    expect(issues(payment({ userFlow: 'WEB_REDIRECT' }))).toEqual([{ name: 'returnUrl', reason: 'userFlow WEB_REDIRECT needs a returnUrl to send the user back to.' }]);
    expect(names(payment({ userFlow: 'WEB_REDIRECT', returnUrl: 'https://example.com/back' }))).toEqual([]);
    expect(names(payment({ returnUrl: 'myapp://back' }))).toEqual([]);
    const refused = 'returnUrl must be an https:// URL or use an app scheme such as myapp://.';
    expect(reasons(payment({ returnUrl: 'http://example.com/back' }))).toEqual([refused]);
    expect(reasons(payment({ returnUrl: 'HTTP://example.com/back' }))).toEqual([refused]);
    expect(reasons(payment({ returnUrl: '/back' }))).toEqual([refused]);
    expect(reasons(payment({ userFlow: 'WEB_REDIRECT', returnUrl: '' }))).toEqual(['userFlow WEB_REDIRECT needs a returnUrl to send the user back to.', refused]);
  });

  it('takes CARD only with WEB_REDIRECT, and a receipt only with WALLET', () => {
    expect(issues(payment({ paymentMethod: { type: 'CARD' } }))).toEqual([{ name: 'paymentMethod.type', reason: 'CARD payments only work with userFlow WEB_REDIRECT.' }]);
    expect(names(payment({ paymentMethod: { type: 'CARD' }, userFlow: 'WEB_REDIRECT', returnUrl: 'https://e.com' }))).toEqual([]);
    expect(issues(payment({ paymentMethod: { type: 'CARD' }, userFlow: 'WEB_REDIRECT', returnUrl: 'https://e.com', receipt }))).toEqual([{ name: 'receipt', reason: 'A receipt can only be attached to WALLET payments.' }]);
    expect(names(payment({ receipt }))).toEqual([]);
  });
});

describe('ePayment expiresAt', () => {
  const expiring = (at: string, over: Record<string, unknown> = {}) => payment({ userFlow: 'QR', receipt, expiresAt: at, ...over });
  it('lies more than 10 minutes and less than 28 days ahead', () => {
    const window = 'expiresAt must be more than 10 minutes and less than 28 days ahead.';
    expect(names(expiring(iso(NOW + 10 * MINUTE + 1000)))).toEqual([]);
    expect(reasons(expiring(iso(NOW + 10 * MINUTE)))).toEqual([window]);
    expect(names(expiring(iso(NOW + 28 * DAY - 1000)))).toEqual([]);
    expect(reasons(expiring(iso(NOW + 28 * DAY)))).toEqual([window]);
    expect(reasons(expiring(iso(NOW - DAY)))).toEqual([window]);
  });

  it('goes with PUSH_MESSAGE or QR and a receipt only', () => {
    const at = iso(NOW + DAY);
    expect(names(expiring(at, { userFlow: 'PUSH_MESSAGE', customer: { phoneNumber: '4791234567' } }))).toEqual([]);
    expect(issues(expiring(at, { userFlow: 'NATIVE_REDIRECT' }))).toEqual([{ name: 'expiresAt', reason: 'expiresAt can only be used with userFlow PUSH_MESSAGE or QR.' }]);
    expect(issues(payment({ userFlow: 'QR', expiresAt: at }))).toEqual([{ name: 'receipt', reason: 'A payment with expiresAt must also carry a receipt.' }]);
    expect(names(payment({ expiresAt: null }))).toEqual([]);
  });

  it('is an RFC 3339 time with a zone', () => {
    for (const at of ['2030-01-16T10:00:00Z', '2030-01-16t10:00:00z', '2030-01-16T10:00:00.123Z', '2030-01-17T10:00:00+23:59', '2030-01-16T10:00:00-01:00', '2030-01-16T12:00:00+02:00']) {
      expect(names(expiring(at)), at).toEqual([]);
    }
    const format = 'expiresAt must be an RFC 3339 time, e.g. 2030-02-26T17:32:28Z.';
    for (const at of ['2030-01-16T10:00:00', '2030-01-16 10:00:00Z', '2030-01-16T10:00Z', '2030-01-16T10:00:00+24:00', '2030-01-16T10:00:00+01:60', '2030-01-16T10:00:00.Z', 'x2030-01-16T10:00:00Z', '2030-01-16T10:00:00Zx']) {
      expect(reasons(expiring(at)), at).toEqual([format]);
    }
  });
});

describe('ePayment other fields', () => {
  it('keeps metadata to 5 pairs, keys ≤ 100 and values ≤ 500 characters', () => {
    const five = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`k${n}`, 'v']));
    expect(names(payment({ metadata: five }))).toEqual([]);
    expect(issues(payment({ metadata: { ...five, k6: 'v' } }))).toEqual([{ name: 'metadata', reason: 'metadata may hold at most 5 key-value pairs.' }]);
    expect(names(payment({ metadata: { ['k'.repeat(100)]: 'v'.repeat(500) } }))).toEqual([]);
    expect(reasons(payment({ metadata: { ['k'.repeat(101)]: 'v' } }))).toEqual(['metadata keys may be at most 100 characters.']);
    expect(reasons(payment({ metadata: { k: 'v'.repeat(501) } }))).toEqual(['metadata values may be at most 500 characters.']);
    expect(names(payment({ metadata: null }))).toEqual([]);
  });

  it('keeps the QR size 100–2000 and the description 3–100 characters', () => {
    const qr = (size: number) => names(payment({ qrFormat: { format: 'IMAGE/PNG', size } }));
    expect(qr(100)).toEqual([]);
    expect(qr(2000)).toEqual([]);
    expect(qr(99)).toEqual(['qrFormat.size']);
    expect(qr(2001)).toEqual(['qrFormat.size']);
    expect(names(payment({ qrFormat: { format: 'IMAGE/GIF' } }))).toEqual(['qrFormat.format']);
    expect(names(payment({ paymentDescription: 'abc' }))).toEqual([]);
    expect(names(payment({ paymentDescription: 'ab' }))).toEqual(['paymentDescription']);
    expect(names(payment({ paymentDescription: 'd'.repeat(100) }))).toEqual([]);
    expect(names(payment({ paymentDescription: 'd'.repeat(101) }))).toEqual(['paymentDescription']);
  });

  it('checks an embedded receipt by the OM rules, under "receipt.", and keeps the checked one', () => {
    expect(names(payment({ receipt: { ...receipt, bottomLine: { currency: 'SEK' } } }))).toEqual(['receipt.bottomLine.currency']);
    const ok = validateCreatePayment(payment({ receipt: { ...receipt, extra: 1 } }), { now: NOW });
    expect(ok.ok && ok.value.receipt).toEqual(receipt);
  });

  it('reports the rules and the receipt together', () => {
    expect(names(payment({ userFlow: 'PUSH_MESSAGE', receipt: { orderLines: [] } }))).toEqual(['customer', 'receipt.orderLines', 'receipt.bottomLine']);
  });

  it('reads the clock when no time is given', () => {
    expect(validateCreatePayment(payment({ userFlow: 'QR', receipt, expiresAt: iso(Date.now() + DAY) })).ok).toBe(true);
  });

  it('force approve takes an optional customer and token', () => {
    expect(ForceApproveSchema.safeParse({}).success).toBe(true);
    expect(ForceApproveSchema.safeParse({ customer: { phoneNumber: '123' } }).success).toBe(false);
  });
});

describe('eCom initiate payment', () => {
  const ecom = (merchant: Record<string, unknown> = {}, transaction: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) => ({
    customerInfo: customer,
    merchantInfo: { merchantSerialNumber: '123456', callbackPrefix: 'https://example.com/cb', fallBack: 'https://example.com/back', ...merchant },
    transaction: { amount: 100, orderId: 'order-1', transactionText: 'Socks', ...transaction },
  });
  const ecomIssues = (input: unknown) => {
    const r = validateInitiatePayment(input);
    return r.ok ? [] : r.issues;
  };
  const ecomNames = (input: unknown) => ecomIssues(input).map((i) => i.name);

  it('takes amounts from 100 øre, whole only', () => {
    expect(ecomIssues(ecom())).toEqual([]);
    expect(ecomIssues(ecom({}, { amount: 99 }))).toEqual([{ name: 'transaction.amount', reason: 'amount must be at least 100 øre (1 NOK).' }]);
    expect(ecomIssues(ecom({}, { amount: 100.5 }))[0]?.reason).toBe('amount is a whole number of øre: 499.00 NOK is written 49900.');
  });

  it('wants mobileNumber as 8 digits of text and merchantSerialNumber as 5 or 6 digits of text', () => {
    expect(ecomNames(ecom({}, {}, { mobileNumber: '91234567' }))).toEqual([]);
    expect(ecomIssues(ecom({}, {}, { mobileNumber: '+4791234567' }))).toEqual([{ name: 'customerInfo.mobileNumber', reason: 'mobileNumber must be 8 digits, without +47, 0047 or spaces.' }]);
    expect(ecomIssues(ecom({}, {}, { mobileNumber: 91234567 }))[0]?.reason).toBe('mobileNumber is text of 8 digits, without +47 or spaces.');
    expect(ecomNames(ecom({ merchantSerialNumber: '12345' }))).toEqual([]);
    expect(ecomIssues(ecom({ merchantSerialNumber: '1234' }))).toEqual([{ name: 'merchantInfo.merchantSerialNumber', reason: 'merchantSerialNumber must be 5 or 6 digits.' }]);
    expect(ecomNames(ecom({ merchantSerialNumber: '1234567' }))).toEqual(['merchantInfo.merchantSerialNumber']);
    expect(ecomIssues(ecom({ merchantSerialNumber: 123456 }))[0]?.reason).toBe('merchantSerialNumber is text ("123456"), not a number.');
  });

  it('wants an https callbackPrefix, and a fallBack (capital B) that is https or an app scheme', () => {
    expect(ecomIssues(ecom({ callbackPrefix: 'http://example.com/cb' }))).toEqual([{ name: 'merchantInfo.callbackPrefix', reason: 'callbackPrefix must be an https:// URL.' }]);
    expect(ecomNames(ecom({ callbackPrefix: 'HTTPS://example.com/cb' }))).toEqual([]);
    expect(ecomNames(ecom({ callbackPrefix: 'https://' }))).toEqual(['merchantInfo.callbackPrefix']);
    expect(ecomNames(ecom({ fallBack: 'myapp://back' }))).toEqual([]);
    const fallBack = 'fallBack must be an https:// URL or an app scheme such as myapp://.';
    expect(ecomIssues(ecom({ fallBack: 'http://example.com/back' }))).toEqual([{ name: 'merchantInfo.fallBack', reason: fallBack }]);
    expect(ecomIssues(ecom({ fallBack: '/back' }))).toEqual([{ name: 'merchantInfo.fallBack', reason: fallBack }]);
    const lower = ecom();
    const { fallBack: _dropped, ...rest } = lower.merchantInfo;
    expect(ecomIssues({ ...lower, merchantInfo: { ...rest, fallback: 'https://example.com/back' } })[0]?.reason).toBe('fallBack is required (note the capital B): where the user returns after paying.');
  });

  it('keeps URLs and authToken to 255 characters, transactionText to 100, and orderId to 1–50', () => {
    const long = `https://example.com/${'a'.repeat(255 - 20)}`;
    expect(long).toHaveLength(255);
    expect(ecomNames(ecom({ callbackPrefix: long, fallBack: long, authToken: 't'.repeat(255), consentRemovalPrefix: long, shippingDetailsPrefix: long }))).toEqual([]);
    expect(ecomIssues(ecom({ callbackPrefix: `${long}a` }))[0]).toEqual({ name: 'merchantInfo.callbackPrefix', reason: 'URLs may be at most 255 characters long.' });
    expect(ecomNames(ecom({ fallBack: `${long}a` }))).toEqual(['merchantInfo.fallBack']);
    expect(ecomNames(ecom({ authToken: 't'.repeat(256) }))).toEqual(['merchantInfo.authToken']);
    expect(ecomNames(ecom({ shippingDetailsPrefix: `${long}a` }))).toEqual(['merchantInfo.shippingDetailsPrefix']);
    expect(ecomNames(ecom({}, { transactionText: 't'.repeat(100) }))).toEqual([]);
    expect(ecomIssues(ecom({}, { transactionText: 't'.repeat(101) }))).toEqual([{ name: 'transaction.transactionText', reason: 'transactionText may be at most 100 characters long.' }]);
    expect(ecomIssues(ecom({}, { orderId: 'order_1' }))).toEqual([{ name: 'transaction.orderId', reason: 'orderId must be 1 to 50 characters of letters, digits and "-".' }]);
  });

  it('needs a consentRemovalPrefix for express payments only', () => {
    expect(ecomIssues(ecom({ paymentType: 'eComm Express Payment' }))).toEqual([{ name: 'merchantInfo.consentRemovalPrefix', reason: 'Express payments need a consentRemovalPrefix.' }]);
    expect(ecomNames(ecom({ paymentType: 'eComm Express Payment', consentRemovalPrefix: 'https://example.com/consent' }))).toEqual([]);
    expect(ecomNames(ecom({ paymentType: 'eComm Regular Payment' }))).toEqual([]);
    expect(ecomNames(ecom({ paymentType: 'Express' }))).toEqual(['merchantInfo.paymentType']);
  });

  it('force approve wants an 8-digit phone number when one is given', () => {
    expect(EcomForceApproveSchema.safeParse({ customerPhoneNumber: '91234567' }).success).toBe(true);
    const bad = EcomForceApproveSchema.safeParse({ customerPhoneNumber: '4791234567' });
    expect(bad.success ? '' : bad.error.issues[0]?.message).toBe('customerPhoneNumber must be 8 digits.');
  });
});
