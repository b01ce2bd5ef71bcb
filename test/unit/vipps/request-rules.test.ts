import { describe, expect, it } from 'vitest';
import { SAMPLE_RECEIPT } from '../../../shared/quickstart/templates';
import { checkRequestRules, irreversibleActOf } from '../../../shared/vipps/request-rules';
import { validateCategory } from '../../../shared/vipps/category';
import { validateInitiatePayment } from '../../../shared/vipps/ecom';
import { validateCreatePayment } from '../../../shared/vipps/epayment';
import { validateImageUpload } from '../../../shared/vipps/image';
import { validateReceipt } from '../../../shared/vipps/receipt';
import { validateCreateCharge, validateDraftAgreement } from '../../../shared/vipps/recurring';


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

// Each operation's own validator, run on the same body: the check must pick that one and no other.
const own = (result: { ok: boolean; issues?: unknown[] }) => (result.ok ? [] : result.issues);

describe('checkRequestRules picks the rules by what the request calls', () => {
  const cases = [
    { method: 'POST', url: '{{baseUrl}}/epayment/v1/payments', operation: 'an ePayment create', rules: validateCreatePayment },
    { method: 'post', url: 'https://apitest.vipps.no/epayment/v1/payments/?x=1#f', operation: 'an ePayment create', rules: validateCreatePayment },
    { method: 'POST', url: 'https://apitest.vipps.no/ecomm/v2/payments', operation: 'an eCom initiate', rules: validateInitiatePayment },
    { method: 'POST', url: 'https://apitest.vipps.no/ecomm/v2/payments/', operation: 'an eCom initiate', rules: validateInitiatePayment },
    { method: 'POST', url: 'https://apitest.vipps.no/recurring/v3/agreements', operation: 'a Recurring agreement', rules: validateDraftAgreement },
    { method: 'POST', url: 'https://apitest.vipps.no/recurring/v3/agreements/', operation: 'a Recurring agreement', rules: validateDraftAgreement },
    { method: 'POST', url: 'https://apitest.vipps.no/recurring/v3/agreements/agr_1/charges', operation: 'a Recurring charge', rules: validateCreateCharge },
    { method: 'POST', url: 'https://apitest.vipps.no/recurring/v3/agreements/agr_1/charges/', operation: 'a Recurring charge', rules: validateCreateCharge },
    { method: 'POST', url: 'https://apitest.vipps.no/order-management/v1/images', operation: 'an Order Management image', rules: validateImageUpload },
    { method: 'POST', url: 'https://apitest.vipps.no/order-management/v1/images/', operation: 'an Order Management image', rules: validateImageUpload },
    { method: 'PUT', url: 'https://apitest.vipps.no/order-management/v2/ecom/categories/o-1', operation: 'an Order Management category', rules: validateCategory },
    { method: 'POST', url: 'https://apitest.vipps.no/order-management/v2/ecom/receipts/o-1', operation: 'an Order Management receipt', rules: validateReceipt },
  ];
  for (const c of cases) {
    it(`${c.method} ${c.url} is ${c.operation}`, () => {
      for (const body of ['{}', '{"reference": 1, "amount": "x"}']) {
        const check = checkRequestRules({ method: c.method, url: c.url, body });
        expect(check.operation).toBe(c.operation);
        expect(check.issues).toEqual(own(c.rules(JSON.parse(body))));
        expect(check.issues.length).toBeGreaterThan(0);
      }
    });
  }

  it('knows no rules for other methods or longer paths of the same resources', () => {
    for (const [method, url] of [
      ['GET', 'https://apitest.vipps.no/epayment/v1/payments'],
      ['PUT', 'https://apitest.vipps.no/ecomm/v2/payments'],
      ['POST', 'https://apitest.vipps.no/epayment/v1/payments/ref-1/capture'],
      ['POST', 'https://apitest.vipps.no/ecomm/v2/payments/o-1/capture'],
      ['POST', 'https://apitest.vipps.no/recurring/v3/agreements/agr_1'],
      ['GET', 'https://apitest.vipps.no/recurring/v3/agreements/agr_1/charges'],
      ['POST', 'https://apitest.vipps.no/recurring/v3/agreements/agr_1/charges/chr_1/refund'],
      ['POST', 'https://apitest.vipps.no/order-management/v1/images/logo'],
      ['GET', 'https://apitest.vipps.no/order-management/v1/images'],
      ['POST', 'https://apitest.vipps.no/v1/epayment/v1/paymentsX'],
    ] as const) {
      expect(checkRequestRules({ method, url, body: '{}' }), `${method} ${url}`).toEqual({ operation: null, issues: [] });
    }
  });

  it('asks for a body where the rules need one, and names JSON that does not parse', () => {
    const url = 'https://apitest.vipps.no/epayment/v1/payments';
    expect(checkRequestRules({ method: 'POST', url, body: '  \n ' })).toEqual({ operation: 'an ePayment create', issues: [{ name: 'body', reason: 'This request needs a JSON body.' }] });
    const broken = checkRequestRules({ method: 'POST', url, body: '{"a": }' });
    expect(broken.operation).toBe('an ePayment create');
    expect(broken.issues).toHaveLength(1);
    expect(broken.issues[0]!.name).toBe('body');
    expect(broken.issues[0]!.reason).toMatch(/^The body is not valid JSON: \S/);
  });

  it('keeps the order id and payment type issues before the body issues of a category', () => {
    const { issues } = checkRequestRules({ method: 'PUT', url: 'https://x/order-management/v2/ecom/categories/a b', body: '' });
    expect(issues.map((i) => i.name)).toEqual(['orderId', 'body']);
    expect(issues[1]!.reason).toBe('This request needs a JSON body.');
  });

  it('reads a read-back: no body wanted, and its order id checked', () => {
    const url = 'https://apitest.vipps.no/order-management/v2/ecom/o-1';
    expect(checkRequestRules({ method: 'GET', url, body: '' })).toEqual({ operation: 'an Order Management read-back', issues: [] });
    expect(checkRequestRules({ method: 'GET', url, body: '  ' })).toEqual({ operation: 'an Order Management read-back', issues: [] });
    expect(checkRequestRules({ method: 'GET', url, body: '{"x":1}' })).toEqual({ operation: 'an Order Management read-back', issues: [{ name: 'body', reason: 'A read-back takes no body; leave it empty.' }] });
    expect(checkRequestRules({ method: 'GET', url: 'https://apitest.vipps.no/order-management/v2/shop/o 1', body: '' }).issues.map((i) => i.name)).toEqual(['paymentType', 'orderId']);
  });

  it('reads the path of a URL that is not absolute yet', () => {
    expect(checkRequestRules({ method: 'POST', url: '/epayment/v1/payments?x=1', body: '{}' }).operation).toBe('an ePayment create');
    expect(checkRequestRules({ method: 'POST', url: '{{base_url}}/epayment/v1/payments#top', body: '{}' }).operation).toBe('an ePayment create');
  });
});

describe('irreversibleActOf, each case', () => {
  const images = 'https://api.vipps.no/order-management/v1/images';
  it('names an image without an id, or with a body that is no JSON, without one', () => {
    const plain = 'An image can be uploaded once; it can never be overwritten or removed, and a mistake needs a new image id.';
    expect(irreversibleActOf({ method: 'POST', url: images, body: '' })).toBe(plain);
    expect(irreversibleActOf({ method: 'post', url: `${images}/?a=1`, body: '{"imageId": 5}' })).toBe(plain);
    expect(irreversibleActOf({ method: 'POST', url: images, body: '["logo-1"]' })).toBe(plain);
    expect(irreversibleActOf({ method: 'POST', url: images, body: 'null' })).toBe(plain);
    expect(irreversibleActOf({ method: 'POST', url: images, body: '{"imageId": "logo-2"}' })).toBe('An image with id "logo-2" can be uploaded once; it can never be overwritten or removed, and a mistake needs a new image id.');
  });

  it('is null for a read of images, another image path, or a read-back', () => {
    expect(irreversibleActOf({ method: 'GET', url: images, body: '' })).toBeNull();
    expect(irreversibleActOf({ method: 'POST', url: `${images}/logo-1`, body: '{"imageId":"logo-1"}' })).toBeNull();
    expect(irreversibleActOf({ method: 'GET', url: 'https://api.vipps.no/order-management/v2/ecom/o-1', body: '' })).toBeNull();
  });
});
