import { describe, expect, it } from 'vitest';
import { orderCallOf, paymentIdOf, unmatchedOrderIdWarning, withOrderId } from '../../../shared/vipps/order-ids';

describe('orderCallOf', () => {
  it('reads the orderId of a category, a receipt and a read-back', () => {
    expect(orderCallOf('PUT', 'https://apitest.vipps.no/order-management/v2/ecom/categories/order-123')).toEqual({ kind: 'category', paymentType: 'ecom', orderId: 'order-123' });
    expect(orderCallOf('POST', '{{baseUrl}}/order-management/v2/ECOM/receipts/acme-shop-1?x=1')).toEqual({ kind: 'receipt', paymentType: 'ECOM', orderId: 'acme-shop-1' });
    expect(orderCallOf('get', 'http://127.0.0.1:4000/order-management/v2/recurring/chr_1/')).toEqual({ kind: 'read', paymentType: 'recurring', orderId: 'chr_1' });
  });

  it('decodes a percent-encoded id, as the server will', () => {
    expect(orderCallOf('PUT', 'https://x/order-management/v2/ecom/categories/a%2Eb')?.orderId).toBe('a.b');
  });

  it('ignores other calls, wrong verbs and ids still holding a variable', () => {
    expect(orderCallOf('POST', 'https://x/order-management/v1/images')).toBeNull();
    expect(orderCallOf('GET', 'https://x/order-management/v2/ecom/categories/order-1')).toBeNull();
    expect(orderCallOf('PUT', 'https://x/order-management/v2/ecom/receipts/order-1')).toBeNull();
    expect(orderCallOf('GET', 'https://x/order-management/v2/ecom/receipts')).toBeNull();
    expect(orderCallOf('PUT', 'https://x/order-management/v2/ecom/categories/{{orderId}}')).toBeNull();
    expect(orderCallOf('POST', 'https://x/epayment/v1/payments')).toBeNull();
  });
});

describe('paymentIdOf', () => {
  it('takes the reference of an ePayment create and the orderId of an eCom initiate', () => {
    expect(paymentIdOf({ method: 'POST', url: '{{baseUrl}}/epayment/v1/payments', body: JSON.stringify({ reference: 'ref-12345678' }) })).toBe('ref-12345678');
    expect(paymentIdOf({ method: 'POST', url: 'https://x/ecomm/v2/payments', body: JSON.stringify({ transaction: { orderId: 'ecom-1' } }) })).toBe('ecom-1');
  });

  it('takes the chargeId a Recurring charge answer names', () => {
    expect(paymentIdOf({ method: 'POST', url: 'https://x/recurring/v3/agreements/agr_1/charges', responseBody: '{"chargeId":"chr_9"}' })).toBe('chr_9');
  });

  it('takes the id a payment path names', () => {
    expect(paymentIdOf({ method: 'GET', url: 'https://x/epayment/v1/payments/ref-12345678' })).toBe('ref-12345678');
    expect(paymentIdOf({ method: 'POST', url: 'https://x/epayment/v1/payments/ref-12345678/capture' })).toBe('ref-12345678');
    expect(paymentIdOf({ method: 'GET', url: 'https://x/ecomm/v2/payments/ecom-1/details' })).toBe('ecom-1');
  });

  it('gives nothing for other requests, broken bodies and unfilled variables', () => {
    expect(paymentIdOf({ method: 'POST', url: 'https://x/epayment/v1/payments', body: '{"reference": ' })).toBeNull();
    expect(paymentIdOf({ method: 'POST', url: 'https://x/epayment/v1/payments', body: '{"reference":"{{ref}}"}' })).toBeNull();
    expect(paymentIdOf({ method: 'PUT', url: 'https://x/order-management/v2/ecom/categories/o-1' })).toBeNull();
  });
});

describe('unmatchedOrderIdWarning', () => {
  it('says the data is attached to nothing and names the id', () => {
    const text = unmatchedOrderIdWarning({ kind: 'receipt', paymentType: 'ecom', orderId: 'typo-1' });
    expect(text).toContain('"typo-1"');
    expect(text).toContain('attaches it to nothing until a payment with that id exists');
  });
});

describe('withOrderId', () => {
  it('replaces the id of the URL as typed, a variable or a query kept around it', () => {
    expect(withOrderId('{{baseUrl}}/order-management/v2/ecom/receipts/{{orderId}}', 'ref-1')).toBe('{{baseUrl}}/order-management/v2/ecom/receipts/ref-1');
    expect(withOrderId('https://x/order-management/v2/ecom/categories/typo?a=1', 'ref-2')).toBe('https://x/order-management/v2/ecom/categories/ref-2?a=1');
    expect(withOrderId('https://x/order-management/v2/ecom/typo', 'ref-3')).toBe('https://x/order-management/v2/ecom/ref-3');
    expect(withOrderId('https://x/epayment/v1/payments', 'ref-4')).toBeNull();
  });
});
