import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../shared/variables';
import { parseJsonStrict } from '../../../shared/json';
import {
  allTemplates,
  approveTemplateFor,
  checkStepBody,
  newOrderIds,
  PAYMENT_APIS,
  REQUEST_STEP_IDS,
  requestKeyFor,
  runVariables,
  SAMPLE_ORDER_TOTAL,
  templateFor,
  type RequestTemplate,
} from '../../../shared/quickstart';
import { receiptTotals, validateReceipt } from '../../../shared/vipps';
import { runAllSteps } from '../../../renderer/src/quickstart/run-all';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ids = newOrderIds(new Date('2025-03-01T10:20:30Z'), new Uint8Array(24).map((_, i) => i * 7));
const tinyPng = readFileSync(path.join(import.meta.dirname, 'fixtures', 'tiny-200.png')).toString('base64');

function variablesFor(paymentApi: (typeof PAYMENT_APIS)[number]) {
  return { ...runVariables({ order: { ...ids, agreementId: 'agr-123' }, paymentApi }), msn: '123456', baseUrl: 'http://127.0.0.1:9' };
}

function filled(template: RequestTemplate, vars: Record<string, string>) {
  return {
    url: fillTemplate(template.url, { run: vars }),
    body: fillTemplate(template.body, { run: { ...vars, imageSrc: tinyPng } }),
  };
}

describe('quick-start templates', () => {
  it('are strict JSON without a single trailing comma', () => {
    for (const template of allTemplates()) {
      if (template.body === '') continue;
      const parsed = parseJsonStrict(template.body);
      expect(parsed.ok, `${template.key}: ${parsed.ok ? '' : parsed.error.message}`).toBe(true);
      expect(template.body).not.toMatch(/,\s*[}\]]/);
    }
  });

  it('never carry a key, a token or the quick start’s YOUBearer typo', () => {
    for (const template of allTemplates()) {
      const text = JSON.stringify(template);
      expect(text).not.toMatch(/YOUBearer|Bearer|client_secret|client_id|Ocp-Apim-Subscription-Key|0f14ebcab0ec4b29ae0cb90d91b4a84a/i);
    }
  });

  it('pass the shared Vipps rules once their variables are filled, for every payment API', () => {
    for (const paymentApi of PAYMENT_APIS) {
      for (const step of REQUEST_STEP_IDS) {
        const key = requestKeyFor(step, paymentApi);
        for (const withImage of [false, true]) {
          const template = templateFor(step, { paymentApi, withImage });
          const vars = variablesFor(paymentApi);
          const { body } = filled(template, vars);
          expect(body.unresolved, key).toEqual([]);
          const issues = checkStepBody(key, template.body, { variables: vars, imageBase64: tinyPng, uploadedImageId: ids.imageId });
          expect(issues, `${key} (image ${withImage})`).toEqual([]);
        }
      }
    }
  });

  it('use the same orderId and paymentType in every Order Management step (the published step 8 did not)', () => {
    for (const paymentApi of PAYMENT_APIS) {
      const vars = variablesFor(paymentApi);
      const urls = (['category', 'receipt', 'readback'] as const).map((step) => filled(templateFor(step, { paymentApi, withImage: false }), vars).url.text);
      const expectedType = paymentApi === 'recurring' ? 'recurring' : 'ecom';
      for (const url of urls) expect(url).toMatch(new RegExp(`/order-management/v2/${expectedType}/(categories/|receipts/)?${ids.orderId}$`));
    }
  });

  it('send the profile’s MSN as the Merchant-Serial-Number header and, for eCom, in the body', () => {
    for (const template of allTemplates()) {
      expect(template.headers).toContainEqual({ name: 'Merchant-Serial-Number', value: '{{msn}}' });
    }
    const ecom = JSON.parse(templateFor('payment', { paymentApi: 'ecom', withImage: false }).body);
    expect(ecom.merchantInfo.merchantSerialNumber).toBe('{{msn}}');
  });

  it('put an Idempotency-Key on ePayment create and Recurring writes, and no body or Content-Type on GET', () => {
    const header = (t: RequestTemplate, name: string) => t.headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
    expect(header(templateFor('payment', { paymentApi: 'epayment', withImage: false }), 'Idempotency-Key')?.value).toBe('{{idempotencyKey}}');
    expect(header(templateFor('payment', { paymentApi: 'recurring', withImage: false }), 'Idempotency-Key')).toBeDefined();
    expect(header(approveTemplateFor('recurring'), 'Idempotency-Key')).toBeDefined();
    expect(header(templateFor('payment', { paymentApi: 'ecom', withImage: false }), 'Idempotency-Key')).toBeUndefined();
    const get = templateFor('readback', { paymentApi: 'epayment', withImage: false });
    expect(get.method).toBe('GET');
    expect(get.body).toBe('');
    expect(header(get, 'Content-Type')).toBeUndefined();
    const token = templateFor('token', { paymentApi: 'epayment', withImage: false });
    expect(token.url).toBe('{{baseUrl}}/accesstoken/get');
    expect(token.body).toBe('');
  });

  it('has a sample receipt whose lines add up and whose total equals the payment amount', () => {
    const receipt = JSON.parse(templateFor('receipt', { paymentApi: 'epayment', withImage: false }).body);
    expect(validateReceipt(receipt).ok).toBe(true);
    for (const line of receipt.orderLines) {
      expect(line.totalAmount).toBe(line.totalAmountExcludingTax + line.totalTaxAmount);
      expect(line.taxRate).toBe(2500);
      expect(line.taxPercentage).toBeUndefined();
    }
    expect(receiptTotals(receipt).totalAmount).toBe(SAMPLE_ORDER_TOTAL);
    const payment = JSON.parse(templateFor('payment', { paymentApi: 'epayment', withImage: false }).body);
    expect(payment.amount.value).toBe(SAMPLE_ORDER_TOTAL);
  });

  it('sends the sample receipt inside the ePayment payment for the order-lines variant, and only there, and leaves its receipt step out of run all', () => {
    const withLines = JSON.parse(templateFor('payment', { paymentApi: 'epayment-receipt', withImage: false }).body);
    expect(withLines.receipt).toEqual(JSON.parse(templateFor('receipt', { paymentApi: 'epayment', withImage: false }).body));
    expect(withLines.receipt.bottomLine.receiptNumber).toBe('{{orderId}}');
    const { receipt: _lines, ...rest } = withLines;
    expect(rest).toEqual(JSON.parse(templateFor('payment', { paymentApi: 'epayment', withImage: false }).body));
    for (const api of PAYMENT_APIS.filter((a) => a !== 'epayment-receipt')) {
      expect(JSON.parse(templateFor('payment', { paymentApi: api, withImage: false }).body).receipt, api).toBeUndefined();
    }
    expect(runAllSteps(false, 'epayment-receipt')).toEqual(['token', 'payment', 'category', 'readback']);
    expect(runAllSteps(true, 'epayment')).toEqual(['token', 'payment', 'image', 'category', 'receipt', 'readback']);
  });

  it('names the image in the category only when asked to', () => {
    expect(JSON.parse(templateFor('category', { paymentApi: 'epayment', withImage: true }).body).imageId).toBe('{{imageId}}');
    expect(JSON.parse(templateFor('category', { paymentApi: 'epayment', withImage: false }).body)).not.toHaveProperty('imageId');
  });
});
