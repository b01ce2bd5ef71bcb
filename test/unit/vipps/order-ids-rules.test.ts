import { describe, expect, it } from 'vitest';
import { orderCallOf, paymentIdOf, unmatchedOrderIdWarning, withOrderId } from '../../../shared/vipps/order-ids';

const OM = 'https://x/order-management/v2';

describe('orderCallOf at its boundaries', () => {
  it('is null for a path that goes on past the orderId', () => {
    expect(orderCallOf('PUT', `${OM}/ecom/categories/order-1/extra`)).toBeNull();
    expect(orderCallOf('GET', `${OM}/ecom/order-1/extra`)).toBeNull();
  });

  it('keeps an id whose percent-encoding is broken as typed', () => {
    expect(orderCallOf('PUT', `${OM}/ecom/categories/a%ZZ`)).toEqual({ kind: 'category', paymentType: 'ecom', orderId: 'a%ZZ' });
  });

  it('is null for a verb OM does not take on an order path', () => {
    expect(orderCallOf('DELETE', `${OM}/ecom/order-1`)).toBeNull();
    expect(orderCallOf('POST', `${OM}/ecom/order-1`)).toBeNull();
  });

  it('is null for the bare categories list, but takes an order named "categories" when it is a category call', () => {
    expect(orderCallOf('GET', `${OM}/ecom/categories`)).toBeNull();
    expect(orderCallOf('GET', `${OM}/ecom/categories/`)).toBeNull();
    expect(orderCallOf('PUT', `${OM}/ecom/categories/categories`)).toEqual({ kind: 'category', paymentType: 'ecom', orderId: 'categories' });
    expect(orderCallOf('POST', `${OM}/ecom/receipts/receipts`)).toEqual({ kind: 'receipt', paymentType: 'ecom', orderId: 'receipts' });
  });

  it('is null while the payment type still holds a variable', () => {
    expect(orderCallOf('PUT', `${OM}/{{paymentType}}/categories/order-1`)).toBeNull();
    expect(orderCallOf('PUT', `${OM}/%7B%7Btype%7D%7D/categories/order-1`)).toBeNull();
  });

  it('decodes the payment type too', () => {
    expect(orderCallOf('GET', `${OM}/e%63om/order-1`)).toEqual({ kind: 'read', paymentType: 'ecom', orderId: 'order-1' });
  });
});

describe('paymentIdOf at its boundaries', () => {
  it('refuses a reference that is missing, not a string, empty or blank', () => {
    const create = (body: string) => paymentIdOf({ method: 'POST', url: 'https://x/epayment/v1/payments', body });
    expect(create('{}')).toBeNull();
    expect(create('{"reference":42}')).toBeNull();
    expect(create('{"reference":""}')).toBeNull();
    expect(create('{"reference":"   "}')).toBeNull();
    expect(create('["ref-1"]')).toBeNull();
    expect(create('"ref-1"')).toBeNull();
    expect(create('{"reference":" ref-1 "}')).toBe(' ref-1 ');
    expect(paymentIdOf({ method: 'POST', url: 'https://x/epayment/v1/payments' })).toBeNull();
  });

  it('only reads the body of a POST create, not of a list', () => {
    expect(paymentIdOf({ method: 'GET', url: 'https://x/epayment/v1/payments', body: '{"reference":"ref-1"}' })).toBeNull();
    expect(paymentIdOf({ method: 'GET', url: 'https://x/ecomm/v2/payments', body: '{"transaction":{"orderId":"ecom-1"}}' })).toBeNull();
    expect(paymentIdOf({ method: 'GET', url: 'https://x/recurring/v3/agreements/agr_1/charges', responseBody: '{"chargeId":"chr_9"}' })).toBeNull();
    expect(paymentIdOf({ method: 'post', url: 'https://x/epayment/v1/payments/', body: '{"reference":"ref-1"}' })).toBe('ref-1');
  });

  it('refuses an eCom initiate without a transaction object or an orderId', () => {
    const initiate = (body?: string) => paymentIdOf({ method: 'POST', url: 'https://x/ecomm/v2/payments', body });
    expect(initiate('{}')).toBeNull();
    expect(initiate('{"transaction":"ecom-1"}')).toBeNull();
    expect(initiate('{"transaction":["ecom-1"]}')).toBeNull();
    expect(initiate('{"transaction":null}')).toBeNull();
    expect(initiate('{"transaction":{}}')).toBeNull();
    expect(initiate('{"transaction":{"orderId":""}}')).toBeNull();
    expect(initiate()).toBeNull();
  });

  it('refuses a Recurring charge answer without a usable chargeId', () => {
    const charge = (responseBody?: string) => paymentIdOf({ method: 'POST', url: 'https://x/recurring/v3/agreements/agr_1/charges', responseBody });
    expect(charge()).toBeNull();
    expect(charge('{}')).toBeNull();
    expect(charge('{"chargeId":"  "}')).toBeNull();
    expect(charge('{"chargeId":"{{id}}"}')).toBeNull();
    expect(charge('null')).toBeNull();
  });

  it('takes the id of a capture or cancel path, whose body names none', () => {
    expect(paymentIdOf({ method: 'POST', url: 'https://x/ecomm/v2/payments/ecom-1/capture' })).toBe('ecom-1');
    expect(paymentIdOf({ method: 'PUT', url: 'https://x/ecomm/v2/payments/ecom-1/cancel/' })).toBe('ecom-1');
    expect(paymentIdOf({ method: 'POST', url: 'https://x/recurring/v3/agreements/agr_1/charges/chr_1/capture' })).toBe('chr_1');
    expect(paymentIdOf({ method: 'DELETE', url: 'https://x/recurring/v3/agreements/agr_1/charges/chr_1' })).toBe('chr_1');
    expect(paymentIdOf({ method: 'POST', url: 'https://x/recurring/v3/agreements/agr_1/charges/chr_1/refund/' })).toBe('chr_1');
    expect(paymentIdOf({ method: 'GET', url: 'https://x/recurring/v3/charges/chr_2' })).toBe('chr_2');
    expect(paymentIdOf({ method: 'GET', url: 'https://x/recurring/v3/charges/chr_2?x=1' })).toBe('chr_2');
  });

  it('is null for paths that go on past the payment, or whose last word is not a plain action', () => {
    expect(paymentIdOf({ method: 'POST', url: 'https://x/epayment/v1/payments/ref-1/capture/extra' })).toBeNull();
    expect(paymentIdOf({ method: 'GET', url: 'https://x/ecomm/v2/payments/ecom-1/details/extra' })).toBeNull();
    expect(paymentIdOf({ method: 'GET', url: 'https://x/ecomm/v2/payments/ecom-1' })).toBeNull();
    expect(paymentIdOf({ method: 'POST', url: 'https://x/recurring/v3/agreements/agr_1/charges/chr_1/cancel/extra' })).toBeNull();
    expect(paymentIdOf({ method: 'POST', url: 'https://x/recurring/v3/agreements/agr_1/charges/chr_1/123' })).toBeNull();
    expect(paymentIdOf({ method: 'GET', url: 'https://x/recurring/v3/agreements/agr_1' })).toBeNull();
  });

  it('is null while the id in the path still holds a variable', () => {
    expect(paymentIdOf({ method: 'GET', url: '{{baseUrl}}/epayment/v1/payments/{{reference}}' })).toBeNull();
    expect(paymentIdOf({ method: 'GET', url: 'https://x/recurring/v3/agreements/agr_1/charges/%7B%7Bid%7D%7D' })).toBeNull();
  });
});

describe('unmatchedOrderIdWarning for each kind of call', () => {
  const tail = 'which matches no payment this session, the history or the sandbox knows:';
  const check = "Check the id (for ePayment it is the payment's reference).";

  it('says a category is attached to nothing', () => {
    expect(unmatchedOrderIdWarning({ kind: 'category', paymentType: 'ecom', orderId: 'o-1' })).toBe(
      `This category is sent for order "o-1", ${tail} the API accepts it and attaches it to nothing until a payment with that id exists. ${check}`,
    );
  });

  it('says a receipt is attached to nothing', () => {
    expect(unmatchedOrderIdWarning({ kind: 'receipt', paymentType: 'ecom', orderId: 'o-2' })).toBe(
      `This receipt is sent for order "o-2", ${tail} the API accepts it and attaches it to nothing until a payment with that id exists. ${check}`,
    );
  });

  it('says a read-back answers 404', () => {
    expect(unmatchedOrderIdWarning({ kind: 'read', paymentType: 'ecom', orderId: 'o-3' })).toBe(
      `This read-back asks for order "o-3", ${tail} the API answers 404 until a payment with that id exists. ${check}`,
    );
  });
});

describe('withOrderId at its boundaries', () => {
  it('is null when the path goes on past the orderId', () => {
    expect(withOrderId(`${OM}/ecom/categories/typo/extra`, 'ref-1')).toBeNull();
  });

  it('keeps a trailing slash and a fragment, and encodes the new id', () => {
    expect(withOrderId(`${OM}/ecom/receipts/typo/#top`, 'a b/c')).toBe(`${OM}/ecom/receipts/a%20b%2Fc/#top`);
  });
});
