import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { freshId, imageBody, makeJpegHeader, makePng, startHarness, validReceipt, type Harness, type LooseJson } from './helpers';

const category = (imageId?: string) => ({ category: 'GENERAL', orderDetailsUrl: 'https://example.com/orders/1', ...(imageId ? { imageId } : {}) });

function expectErrorResponse(json: LooseJson): void {
  expect(Object.keys(json).sort()).toEqual(['detail', 'instance', 'invalidParams', 'title', 'type']);
  expect(json.instance).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
}

describe('Order Management', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  describe('POST /order-management/v1/images', () => {
    it('stores a PNG and answers 200 with its imageId', async () => {
      const id = freshId('img');
      const r = await h.call('POST', '/order-management/v1/images', { body: imageBody(id, makePng(200, 201)) });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ imageId: id });
    });

    it('accepts a JPEG', async () => {
      const r = await h.call('POST', '/order-management/v1/images', { body: imageBody(freshId('jpg'), makeJpegHeader(300, 300)) });
      expect(r.status).toBe(200);
    });

    it('refuses to overwrite an image with 409', async () => {
      const id = freshId('img');
      await h.call('POST', '/order-management/v1/images', { body: imageBody(id, makePng(200, 201)) });
      const again = await h.call('POST', '/order-management/v1/images', { body: imageBody(id, makePng(300, 300)) });
      expect(again.status).toBe(409);
      expectErrorResponse(again.json);
      expect(again.json.invalidParams[0].name).toBe('imageId');
    });

    it('rejects an image lower than 167 px with 400 naming src', async () => {
      const r = await h.call('POST', '/order-management/v1/images', { body: imageBody(freshId('img'), makePng(200, 100)) });
      expect(r.status).toBe(400);
      expect(r.contentType).toBe('application/problem+json');
      expectErrorResponse(r.json);
      expect(r.json.invalidParams).toEqual([{ name: 'src', reason: expect.stringMatching(/100 px/) }]);
    });

    it('rejects a GIF and an imageId with a space', async () => {
      const gif = await h.call('POST', '/order-management/v1/images', { body: { imageId: freshId('gif'), src: Buffer.from('GIF89a-data').toString('base64'), type: 'base64' } });
      expect(gif.status).toBe(400);
      const badId = await h.call('POST', '/order-management/v1/images', { body: imageBody('bad id', makePng(200, 200)) });
      expect(badId.status).toBe(400);
      expect(badId.json.invalidParams[0].name).toBe('imageId');
    });
  });

  describe('PUT /order-management/v2/{paymentType}/categories/{orderId}', () => {
    it('stores a category before any payment exists and answers 200 with a GUID string', async () => {
      const r = await h.call('PUT', `/order-management/v2/ecom/categories/${freshId()}`, { body: category() });
      expect(r.status).toBe(200);
      expect(r.json).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('overwrites the previous category completely', async () => {
      const orderId = freshId();
      const imageId = freshId('img');
      await h.call('POST', '/order-management/v1/images', { body: imageBody(imageId, makePng(200, 200)) });
      await h.call('PUT', `/order-management/v2/ecom/categories/${orderId}`, { body: category(imageId) });
      await h.call('PUT', `/order-management/v2/ecom/categories/${orderId}`, { body: { category: 'TICKET', orderDetailsUrl: 'https://example.com/t/2' } });
      const r = await h.call('GET', `/order-management/v2/ecom/${orderId}`);
      expect(r.json.category).toEqual({ category: 'TICKET', orderDetailsUrl: 'https://example.com/t/2', imageId: null });
    });

    it('answers 404 for an imageId that was never uploaded', async () => {
      const r = await h.call('PUT', `/order-management/v2/ecom/categories/${freshId()}`, { body: category('never-uploaded') });
      expect(r.status).toBe(404);
      expect(r.json.invalidParams[0].name).toBe('imageId');
    });

    it('rejects an unknown category value with 400', async () => {
      const r = await h.call('PUT', `/order-management/v2/ecom/categories/${freshId()}`, { body: { category: 'INVOICE', orderDetailsUrl: 'https://x.no' } });
      expect(r.status).toBe(400);
      expect(r.json.invalidParams[0].name).toBe('category');
    });
  });

  describe('POST /order-management/v2/{paymentType}/receipts/{orderId}', () => {
    it('stores a receipt and answers 201 with a GUID string', async () => {
      const r = await h.call('POST', `/order-management/v2/ecom/receipts/${freshId()}`, { body: validReceipt() });
      expect(r.status).toBe(201);
      expect(r.json).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('rejects a second receipt for the same order with 409', async () => {
      const path = `/order-management/v2/ecom/receipts/${freshId()}`;
      expect((await h.call('POST', path, { body: validReceipt() })).status).toBe(201);
      const again = await h.call('POST', path, { body: validReceipt() });
      expect(again.status).toBe(409);
      expectErrorResponse(again.json);
    });

    it('keeps ecom and recurring receipts for the same orderId apart', async () => {
      const orderId = freshId();
      expect((await h.call('POST', `/order-management/v2/ecom/receipts/${orderId}`, { body: validReceipt() })).status).toBe(201);
      expect((await h.call('POST', `/order-management/v2/recurring/receipts/${orderId}`, { body: validReceipt() })).status).toBe(201);
    });

    it('answers 400 with one invalidParams entry per failing rule', async () => {
      const receipt = validReceipt();
      receipt.orderLines[0].totalTaxAmount = 300;
      receipt.bottomLine.currency = 'SEK';
      const r = await h.call('POST', `/order-management/v2/ecom/receipts/${freshId()}`, { body: receipt });
      expect(r.status).toBe(400);
      expect(r.json.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['bottomLine.currency', 'orderLines[0].totalTaxAmount']);
    });

    it('answers 400 naming the trailing comma, with line and column, for malformed JSON', async () => {
      const raw = '{\n  "orderLines": [],\n  "bottomLine": {"currency": "NOK",}\n}';
      const r = await h.call('POST', `/order-management/v2/ecom/receipts/${freshId()}`, { rawBody: raw });
      expect(r.status).toBe(400);
      expect(r.json.detail).toBe('Trailing comma after the last property at line 3, column 35: remove it.');
    });
  });

  describe('GET /order-management/v2/{paymentType}/{orderId}', () => {
    it('returns category and receipt together', async () => {
      const orderId = freshId();
      await h.call('PUT', `/order-management/v2/ecom/categories/${orderId}`, { body: category() });
      await h.call('POST', `/order-management/v2/ecom/receipts/${orderId}`, { body: validReceipt() });
      const r = await h.call('GET', `/order-management/v2/ecom/${orderId}`);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ category: { ...category(), imageId: null }, receipt: validReceipt() });
    });

    it('leaves out the member that was never written instead of sending null', async () => {
      const orderId = freshId();
      await h.call('POST', `/order-management/v2/recurring/receipts/${orderId}`, { body: validReceipt() });
      const r = await h.call('GET', `/order-management/v2/recurring/${orderId}`);
      expect(r.json).not.toHaveProperty('category');
      expect(r.json.receipt).toEqual(validReceipt());
    });

    it('answers 404 in the ErrorResponse shape when nothing is stored', async () => {
      const r = await h.call('GET', `/order-management/v2/ecom/${freshId()}`);
      expect(r.status).toBe(404);
      expect(r.contentType).toBe('application/problem+json');
      expectErrorResponse(r.json);
    });

    it('reads paymentType without regard to case but keeps orderId case-sensitive', async () => {
      const orderId = freshId('CaseOrder');
      await h.call('POST', `/order-management/v2/eCom/receipts/${orderId}`, { body: validReceipt() });
      expect((await h.call('GET', `/order-management/v2/ECOM/${orderId}`)).status).toBe(200);
      expect((await h.call('GET', `/order-management/v2/ecom/${orderId.toLowerCase()}`)).status).toBe(404);
    });

    it('answers 400 for an unknown paymentType and for an orderId outside the pattern', async () => {
      const type = await h.call('GET', `/order-management/v2/epayment/${freshId()}`);
      expect(type.status).toBe(400);
      expect(type.json.invalidParams[0].name).toBe('paymentType');
      const id = await h.call('GET', '/order-management/v2/ecom/order%20one');
      expect(id.status).toBe(400);
      expect(id.json.invalidParams[0].name).toBe('orderId');
    });
  });
});

describe('Order Management configuration', () => {
  it('answers 400 for an unknown imageId when configured so', async () => {
    const h = await startHarness({ config: { unknownImageIdStatus: 400 } });
    try {
      const r = await h.call('PUT', `/order-management/v2/ecom/categories/${freshId()}`, { body: category('missing') });
      expect(r.status).toBe(400);
    } finally {
      await h.close();
    }
  });

  it('accepts a low image when the height check is switched off', async () => {
    const h = await startHarness({ config: { checkImageHeight: false } });
    try {
      const r = await h.call('POST', '/order-management/v1/images', { body: imageBody('low', makePng(50, 50)) });
      expect(r.status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('rejects an image over the configured size limit, and accepts it with the size check off', async () => {
    const on = await startHarness({ config: { maxImageBytes: 1000 } });
    const off = await startHarness({ config: { maxImageBytes: 1000, checkImageSize: false } });
    try {
      const big = Buffer.concat([makePng(10, 200), Buffer.alloc(2000)]);
      expect((await on.call('POST', '/order-management/v1/images', { body: imageBody('big', big) })).status).toBe(400);
      expect((await off.call('POST', '/order-management/v1/images', { body: imageBody('big', big) })).status).toBe(200);
    } finally {
      await on.close();
      await off.close();
    }
  });
});
