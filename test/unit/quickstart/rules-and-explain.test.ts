import { describe, expect, it } from 'vitest';
import { checkStepBody, explainResponse, fieldIssuesOf, formatAmount, buildOrderPreview, toCurl, shellQuote, SAMPLE_RECEIPT } from '../../../shared/quickstart';

const vars = { orderId: 'vx-20250301-102030-abcd', imageId: 'vx-img-1', paymentType: 'ecom', msn: '123456', idempotencyKey: 'k' };

describe('pre-send rules', () => {
  it('name the trailing commas of the published receipt body', () => {
    const published = '{\n"orderLines": [\n{\n"name": "Socks",\n"id": "socks_123456789",\n"totalAmount": 1000,\n"totalAmountExcludingTax": 800,\n"totalTaxAmount": 200,\n"taxRate": 2500,\n},\n],\n"bottomLine": {\n"currency": "NOK",\n}\n}';
    const issues = checkStepBody('receipt', published, { variables: vars });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.reason).toMatch(/Trailing comma .* line 9/);
    expect(issues[0]!.reason).toMatch(/3 trailing commas/);
  });

  it('catch a receipt line whose amounts do not add up', () => {
    const body = structuredClone(SAMPLE_RECEIPT);
    body.orderLines[0]!.totalTaxAmount = 5000;
    expect(checkStepBody('receipt', body, { variables: vars })).toContainEqual(expect.objectContaining({ name: 'orderLines[0].totalTaxAmount' }));
  });

  it('refuse a category without https, with an unknown category, or with an image that was not uploaded', () => {
    const issues = checkStepBody('category', { category: 'Receipt', orderDetailsUrl: 'http://example.com', imageId: '{{imageId}}' }, { variables: vars, uploadedImageId: null });
    const names = issues.map((i) => i.name);
    expect(names).toContain('category');
    expect(names).toContain('orderDetailsUrl');
    expect(names).toContain('imageId');
    expect(checkStepBody('category', { category: 'TICKET', orderDetailsUrl: 'https://example.com/t/1', imageId: '{{imageId}}' }, { variables: vars, uploadedImageId: 'vx-img-1' })).toEqual([]);
  });

  it('insist on the profile’s MSN in an eCom body', () => {
    const body = {
      customerInfo: { mobileNumber: '91234567' },
      merchantInfo: { merchantSerialNumber: '654321', callbackPrefix: 'https://example.com/cb', fallBack: 'https://example.com/f' },
      transaction: { amount: 1000, orderId: '{{orderId}}', transactionText: 'x' },
    };
    expect(checkStepBody('payment.ecom', body, { variables: vars })).toContainEqual(expect.objectContaining({ name: 'merchantInfo.merchantSerialNumber' }));
  });

  it('refuse an ePayment reference with an underscore, which OM would allow', () => {
    const body = { amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, reference: 'payment_12345', userFlow: 'QR' };
    expect(checkStepBody('payment.epayment', body, { variables: vars })).toContainEqual(expect.objectContaining({ name: 'reference' }));
  });

  it('ask for an image before the upload can be checked, then check its height', () => {
    const body = { imageId: '{{imageId}}', src: '{{imageSrc}}', type: 'base64' };
    expect(checkStepBody('image', body, { variables: vars, imageBase64: null })[0]!.reason).toMatch(/Pick an image/);
    const header = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 200, 0, 0, 0, 100, 8, 2, 0, 0, 0]);
    const low = Buffer.from(header).toString('base64');
    expect(checkStepBody('image', body, { variables: vars, imageBase64: low })).toEqual([{ name: 'src', reason: expect.stringMatching(/100 px high; it must be at least 167/) }]);
  });
});

describe('explain()', () => {
  it('sends a 401 back to the keys and the token', () => {
    const e = explainResponse('category', { status: 401, bodyText: '{"statusCode":401,"message":"Access denied due to invalid subscription key."}' });
    expect(e.tone).toBe('error');
    expect(e.title).toMatch(/keys and the token/);
    expect(e.text).toMatch(/Bearer/);
    expect(e.text).toMatch(/invalid subscription key/);
  });

  it('says receipts are write-once on a 409 for the receipt and points at a new order', () => {
    const e = explainResponse('receipt', { status: 409, bodyText: '{"title":"A receipt already exists","detail":"Order already has a receipt.","invalidParams":[]}' });
    expect(e.title).toBe('Order details are write-once');
    expect(e.text).toMatch(/new order/);
  });

  it('says the imageId is taken on a 409 for the image', () => {
    expect(explainResponse('image', { status: 409, bodyText: null }).text).toMatch(/new imageId/);
  });

  it('blames an unknown imageId on a 404 for the category', () => {
    const e = explainResponse('category', { status: 404, bodyText: '{"title":"The image was not found.","detail":"No image","invalidParams":[{"name":"imageId","reason":"No image with this id"}]}' });
    expect(e.title).toBe('Unknown imageId');
  });

  it('maps invalidParams of a 400 to field issues', () => {
    const e = explainResponse('receipt', {
      status: 400,
      bodyText: JSON.stringify({ title: 'bad', detail: 'x', invalidParams: [{ name: 'orderLines[0].totalTaxAmount', reason: 'does not add up' }, { name: 'bottomLine.currency', reason: 'NOK, DKK or EUR' }] }),
    });
    expect(e.title).toMatch(/2 fields to fix/);
    expect(e.fieldIssues).toEqual([
      { name: 'orderLines[0].totalTaxAmount', reason: 'does not add up' },
      { name: 'bottomLine.currency', reason: 'NOK, DKK or EUR' },
    ]);
  });

  it('reads field issues from ePayment, Recurring and eCom error bodies too', () => {
    expect(fieldIssuesOf({ extraDetails: [{ name: 'reference', reason: 'too short' }] })).toEqual([{ name: 'reference', reason: 'too short' }]);
    expect(fieldIssuesOf({ extraDetails: [{ field: 'due', text: 'too soon' }] })).toEqual([{ name: 'due', reason: 'too soon' }]);
    expect(fieldIssuesOf([{ errorGroup: 'InvalidRequest', errorCode: 'transaction.orderId', errorMessage: 'bad' }])).toEqual([{ name: 'transaction.orderId', reason: 'bad' }]);
  });

  it('confirms a passed step in the step’s own terms', () => {
    expect(explainResponse('token', { status: 200, bodyText: '{"expires_in":"3600","access_token":"x"}' }).text).toMatch(/60 minutes/);
    expect(explainResponse('payment.epayment', { status: 201, bodyText: '{"reference":"vx-1-2345678"}' }).text).toMatch(/vx-1-2345678/);
  });
});

describe('order preview', () => {
  it('draws the category, the lines and a total computed from the lines', () => {
    const preview = buildOrderPreview({ category: { category: 'RECEIPT', orderDetailsUrl: 'https://example.com/r', imageId: 'img' }, receipt: SAMPLE_RECEIPT });
    expect(preview.category).toMatchObject({ type: 'RECEIPT', label: 'Receipt', imageId: 'img' });
    expect(preview.receipt?.lines.map((l) => l.name)).toEqual(['Wool socks', 'Gift wrapping', 'Home delivery']);
    expect(preview.receipt?.total).toBe('447,00\u00a0kr');
    expect(preview.receipt?.lines[0]?.quantity).toBe('2 pcs');
  });

  it('formats minor units with thousands and currency', () => {
    expect(formatAmount(123456789, 'NOK')).toBe('1\u00a0234\u00a0567,89\u00a0kr');
    expect(formatAmount(1999, 'EUR')).toBe('€19,99');
    expect(formatAmount(-500, 'DKK')).toBe('−5,00\u00a0kr');
  });
});

describe('copy as curl', () => {
  it('writes secrets as shell variables and quotes everything else', () => {
    const { text, variables } = toCurl({
      method: 'POST',
      url: 'https://apitest.vipps.no/order-management/v2/ecom/receipts/o-1',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Authorization', value: 'Bearer ••••abcd', secret: true },
        { name: 'Ocp-Apim-Subscription-Key', value: '••••1234', secret: true },
        { name: 'X-Note', value: "it's" },
        { name: 'Accept-Encoding', value: 'gzip, deflate, br' },
      ],
      body: '{"name":"O\'Brien\'s socks"}',
    });
    expect(variables).toEqual(['VIPPS_ACCESS_TOKEN', 'VIPPS_SUBSCRIPTION_KEY']);
    expect(text).toContain(`-H "Authorization: Bearer $VIPPS_ACCESS_TOKEN"`);
    expect(text).toContain(`-H "Ocp-Apim-Subscription-Key: $VIPPS_SUBSCRIPTION_KEY"`);
    expect(text).toContain(`-H 'X-Note: it'\\''s'`);
    expect(text).toContain(`--data-raw '{"name":"O'\\''Brien'\\''s socks"}'`);
    expect(text).not.toContain('••••');
    expect(text).not.toContain('Accept-Encoding');
  });

  it('writes the access token into the command only when asked, and the keys never', () => {
    const request = {
      method: 'GET',
      url: 'https://x/order-management/v2/ecom/o-1',
      headers: [
        { name: 'Authorization', value: 'Bearer ••••abcd', secret: true },
        { name: 'Ocp-Apim-Subscription-Key', value: '••••1234', secret: true },
      ],
      body: '',
    };
    const withToken = toCurl(request, { literal: { VIPPS_ACCESS_TOKEN: "eyJ.a'b" } });
    expect(withToken.text).toContain(`-H 'Authorization: Bearer eyJ.a'\\''b'`);
    expect(withToken.variables).toEqual(['VIPPS_SUBSCRIPTION_KEY']);
    expect(withToken.text).toContain('$VIPPS_SUBSCRIPTION_KEY');
    expect(toCurl(request).text).toContain('$VIPPS_ACCESS_TOKEN');
  });

  it('sends an explicitly empty body on the token POST and none on GET', () => {
    expect(toCurl({ method: 'POST', url: 'https://x/accesstoken/get', headers: [], body: '' }).text).toMatch(/--data ''$/);
    expect(toCurl({ method: 'GET', url: 'https://x/y', headers: [], body: '' }).text).toBe(`curl 'https://x/y'`);
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});
