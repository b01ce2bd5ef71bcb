import { describe, expect, it } from 'vitest';
import { CATEGORY_TYPES, isAbsoluteUri, validateCategory } from '../../../shared/vipps/category';
import {
  checkEcomOrderId,
  checkEpaymentReference,
  checkImageId,
  checkOmOrderId,
  checkPaymentType,
  ECOM_ORDER_ID_PATTERN,
  EPAYMENT_REFERENCE_PATTERN,
  MSN_PATTERN,
  normalisePaymentType,
  OM_ORDER_ID_PATTERN,
  RECURRING_ORDER_ID_PATTERN,
} from '../../../shared/vipps/patterns';

// OM category (reference §3.4): six categories, an orderDetailsUrl that is a URI (scheme
// required), an optional imageId of 1–128 characters from [0-9A-Za-z-_.]. Identifier rules §3.2.

function issues(input: unknown) {
  const r = validateCategory(input);
  return r.ok ? [] : r.issues;
}
const category = (over: Record<string, unknown> = {}) => ({ category: 'RECEIPT', orderDetailsUrl: 'https://example.com/orders/1', ...over });

describe('orderDetailsUrl', () => {
  it('takes an absolute URL of any scheme: web, and app schemes with +, - and . in their name', () => {
    for (const url of ['https://example.com/orders/1', 'http://localhost:8080/o', 'myapp://orders/1', 'com.example.shop://orders/1', 'web+vipps://o', 'my-app2://o', 'mailto:orders@example.com']) {
      expect(isAbsoluteUri(url), url).toBe(true);
      expect(issues(category({ orderDetailsUrl: url })), url).toEqual([]);
    }
  });

  it('refuses a relative link, a bare host, a scheme that starts with a digit or a space, and a scheme with nothing after it', () => {
    for (const url of ['/orders/1', 'orders/1', 'example.com/orders/1', '1app://orders', ' https://example.com', '+app://x', 'my app://x', 'https://', 'http://exa mple.com']) {
      expect(isAbsoluteUri(url), url).toBe(false);
    }
    expect(issues(category({ orderDetailsUrl: 'example.com/orders/1' }))).toEqual([
      { name: 'orderDetailsUrl', reason: 'orderDetailsUrl must be a full URL with a scheme, such as https://example.com/orders/123.' },
    ]);
  });

  it('is required and may not be empty', () => {
    expect(issues({ category: 'RECEIPT' })).toEqual([{ name: 'orderDetailsUrl', reason: 'orderDetailsUrl is required: the link the app opens for this order.' }]);
    expect(issues(category({ orderDetailsUrl: '' }))[0]).toEqual({ name: 'orderDetailsUrl', reason: 'orderDetailsUrl may not be empty.' });
  });
});

describe('validateCategory', () => {
  it('knows exactly the six categories, in capitals', () => {
    expect([...CATEGORY_TYPES]).toEqual(['GENERAL', 'RECEIPT', 'ORDER_CONFIRMATION', 'DELIVERY', 'TICKET', 'BOOKING']);
    for (const type of CATEGORY_TYPES) expect(issues(category({ category: type })), type).toEqual([]);
    expect(issues(category({ category: 'receipt' }))).toEqual([
      { name: 'category', reason: 'category must be one of GENERAL, RECEIPT, ORDER_CONFIRMATION, DELIVERY, TICKET, BOOKING (capitals, as written).' },
    ]);
  });

  it('stores imageId as null when none is given, and keeps one that is', () => {
    expect(validateCategory(category())).toEqual({ ok: true, value: { category: 'RECEIPT', orderDetailsUrl: 'https://example.com/orders/1', imageId: null } });
    expect(validateCategory(category({ imageId: null }))).toMatchObject({ ok: true, value: { imageId: null } });
    expect(validateCategory(category({ imageId: 'logo-1' }))).toMatchObject({ ok: true, value: { imageId: 'logo-1' } });
  });

  it('keeps imageId to 1–128 characters of letters, digits, "-", "_" and "."', () => {
    expect(issues(category({ imageId: 'a'.repeat(128) }))).toEqual([]);
    expect(issues(category({ imageId: 'a'.repeat(129) }))).toEqual([{ name: 'imageId', reason: 'imageId may be at most 128 characters long.' }]);
    expect(issues(category({ imageId: '' }))[0]).toEqual({ name: 'imageId', reason: 'imageId may not be empty.' });
    expect(issues(category({ imageId: 'a/b' }))).toEqual([{ name: 'imageId', reason: 'imageId may only contain letters, digits, "-", "_" and ".".' }]);
    expect(issues(category({ imageId: 'Az09-_.' }))).toEqual([]);
  });
});

describe('identifier patterns', () => {
  it('OM order ids: letters, digits, "-", "_" and ".", nothing else, at any length', () => {
    expect(OM_ORDER_ID_PATTERN.test('Az09-_.')).toBe(true);
    expect(OM_ORDER_ID_PATTERN.test('a'.repeat(500))).toBe(true);
    for (const bad of ['', 'a b', 'a/b', 'a,b', 'æ', 'a\nb', 'a+b']) expect(OM_ORDER_ID_PATTERN.test(bad), JSON.stringify(bad)).toBe(false);
    expect(checkOmOrderId('order-1_a.b')).toBeNull();
    expect(checkOmOrderId('order 1')).toEqual({ name: 'orderId', reason: 'The order id may only contain letters A–Z and a–z, digits, "-", "_" and ".".' });
  });

  it('ePayment references: 8 to 50 of letters, digits and "-"', () => {
    expect(EPAYMENT_REFERENCE_PATTERN.test('a'.repeat(8))).toBe(true);
    expect(EPAYMENT_REFERENCE_PATTERN.test('a'.repeat(7))).toBe(false);
    expect(EPAYMENT_REFERENCE_PATTERN.test('A-z-0-9-'.repeat(6) + 'ab')).toBe(true);
    expect(EPAYMENT_REFERENCE_PATTERN.test('a'.repeat(51))).toBe(false);
    expect(EPAYMENT_REFERENCE_PATTERN.test('abcd_efgh')).toBe(false);
    expect(EPAYMENT_REFERENCE_PATTERN.test('abcdefgh\n')).toBe(false);
    expect(checkEpaymentReference('reference-1')).toBeNull();
    expect(checkEpaymentReference('short', 'receipt.reference')).toEqual({ name: 'receipt.reference', reason: 'The reference must be 8 to 50 characters of letters, digits and "-" (no "_" or ".").' });
    expect(checkEpaymentReference('x.y.z.w.v')?.name).toBe('reference');
  });

  it('eCom and Recurring order ids: 1 to 50 of letters, digits and "-"', () => {
    for (const pattern of [ECOM_ORDER_ID_PATTERN, RECURRING_ORDER_ID_PATTERN]) {
      expect(pattern.test('a')).toBe(true);
      expect(pattern.test('Z9-'.repeat(16) + 'ab')).toBe(true);
      expect(pattern.test('a'.repeat(51))).toBe(false);
      expect(pattern.test('')).toBe(false);
      expect(pattern.test('a.b')).toBe(false);
      expect(pattern.test('a_b')).toBe(false);
    }
    expect(checkEcomOrderId('order-1')).toBeNull();
    expect(checkEcomOrderId('order_1')).toEqual({ name: 'orderId', reason: 'The eCom order id must be 1 to 50 characters of letters, digits and "-".' });
    expect(checkEcomOrderId('', 'transaction.orderId')?.name).toBe('transaction.orderId');
  });

  it('MSN: 4 to 6 digits', () => {
    expect(MSN_PATTERN.test('1234')).toBe(true);
    expect(MSN_PATTERN.test('123456')).toBe(true);
    expect(MSN_PATTERN.test('123')).toBe(false);
    expect(MSN_PATTERN.test('1234567')).toBe(false);
    expect(MSN_PATTERN.test('12a4')).toBe(false);
  });

  it('image ids: 1 to 128 characters, with their own reason for length and for characters', () => {
    expect(checkImageId('a'.repeat(128))).toBeNull();
    expect(checkImageId('a')).toBeNull();
    expect(checkImageId('a'.repeat(129))).toEqual({ name: 'imageId', reason: 'The image id must be 1 to 128 characters long.' });
    expect(checkImageId('')).toEqual({ name: 'imageId', reason: 'The image id must be 1 to 128 characters long.' });
    expect(checkImageId('a b', 'category.imageId')).toEqual({ name: 'category.imageId', reason: 'The image id may only contain letters, digits, "-", "_" and ".".' });
  });

  it('payment types: ecom or recurring in any case, nothing else (there is no epayment)', () => {
    expect(normalisePaymentType('ECOM')).toBe('ecom');
    expect(normalisePaymentType('eCom')).toBe('ecom');
    expect(normalisePaymentType('Recurring')).toBe('recurring');
    expect(normalisePaymentType('epayment')).toBeNull();
    expect(normalisePaymentType('')).toBeNull();
    expect(checkPaymentType('RECURRING')).toBeNull();
    expect(checkPaymentType('epayment')).toEqual({
      name: 'paymentType',
      reason: '"epayment" is not a payment type: use ecom (eCom and ePayment payments) or recurring (Recurring charges).',
    });
  });
});
