import { describe, expect, it } from 'vitest';
import { SAMPLE_RECEIPT } from '../../../shared/quickstart/templates';
import { checkRequestRules, irreversibleActOf } from '../../../shared/vipps/request-rules';

const receiptUrl = 'https://api.vipps.no/order-management/v2/ecom/receipts/acme-order-1';
const goodReceipt = JSON.stringify({ ...SAMPLE_RECEIPT, bottomLine: { currency: 'NOK', receiptNumber: 'R-1' } });

describe('checkRequestRules', () => {
  it('passes a receipt that keeps every rule', () => {
    expect(checkRequestRules({ method: 'POST', url: receiptUrl, body: goodReceipt })).toEqual({ operation: 'an Order Management receipt', issues: [] });
  });

  it('names the line whose tax does not add up', () => {
    const bad = structuredClone(SAMPLE_RECEIPT);
    bad.orderLines[0]!.totalTaxAmount = 1;
    const { issues } = checkRequestRules({ method: 'POST', url: receiptUrl, body: JSON.stringify(bad) });
    expect(issues.map((i) => i.name)).toContain('orderLines[0].totalTaxAmount');
  });

  it('refuses trailing commas, a bad order id and an unknown payment type', () => {
    const { issues } = checkRequestRules({ method: 'PUT', url: 'https://x/order-management/v2/ecomm/categories/a b', body: '{"category": "GENERAL",}' });
    expect(issues.map((i) => i.name)).toEqual(['paymentType', 'orderId', 'body']);
  });

  it('checks an ePayment create and an image upload by their own rules', () => {
    expect(checkRequestRules({ method: 'POST', url: '{{baseUrl}}/epayment/v1/payments', body: '{"reference":"x"}' }).issues.length).toBeGreaterThan(0);
    expect(checkRequestRules({ method: 'POST', url: 'https://x/order-management/v1/images', body: '{"imageId":"logo-1","src":"data:image/png;base64,AAAA","type":"base64"}' }).issues.map((i) => i.name)).toEqual(['src']);
  });

  it('has no rules, and so no issues, for a request it does not know', () => {
    expect(checkRequestRules({ method: 'GET', url: 'https://example.com/anything', body: '' })).toEqual({ operation: null, issues: [] });
  });
});

describe('irreversibleActOf', () => {
  it('names the order of a receipt and the id of an image', () => {
    expect(irreversibleActOf({ method: 'POST', url: receiptUrl, body: goodReceipt })).toBe('A receipt for order "acme-order-1" can be sent once; it cannot be changed or removed afterwards.');
    expect(irreversibleActOf({ method: 'POST', url: 'https://x/order-management/v1/images', body: '{"imageId":"logo-1"}' })).toContain('image with id "logo-1" can be uploaded once; it can never be overwritten');
  });

  it('is null for a category, which can be sent again', () => {
    expect(irreversibleActOf({ method: 'PUT', url: 'https://x/order-management/v2/ecom/categories/o-1', body: '{}' })).toBeNull();
  });
});
