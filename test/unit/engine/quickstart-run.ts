import { deflateSync, crc32 } from 'node:zlib';
import { expect } from 'vitest';
import type { Result } from '../../../shared/errors';

/** A valid grey PNG, tall enough for Order Management's 167 px minimum. */
export function pngImage(width = 40, height = 200): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed) >>> 0);
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

interface Caller {
  call<T = unknown>(method: string, input: unknown): Promise<Result<T>>;
}

type Sent = { status: number; body: { kind: string; text?: string } };

/**
 * The corrected quick start of vipps-apis.md §7.1, one run: token, ePayment payment, image,
 * category, receipt, read back. Every request goes through sendRequest as the app sends it.
 */
export async function runQuickStart(backend: Caller): Promise<Record<string, Sent>> {
  const runId = `run-${Date.now()}`;
  const suffix = Math.random().toString(36).slice(2, 10);
  const run = { orderId: `vx-order-${suffix}`, imageId: `vx-img-${suffix}`, imageSrc: pngImage().toString('base64') };
  const steps: Array<[string, Record<string, unknown>]> = [
    ['token', { method: 'POST', url: '{{baseUrl}}/accesstoken/get' }],
    [
      'payment',
      {
        method: 'POST',
        url: '{{baseUrl}}/epayment/v1/payments',
        body: JSON.stringify({ amount: { currency: 'NOK', value: 44700 }, paymentMethod: { type: 'WALLET' }, customer: { phoneNumber: '4791234567' }, reference: '{{orderId}}', userFlow: 'PUSH_MESSAGE', paymentDescription: 'Wool socks' }),
      },
    ],
    ['image', { method: 'POST', url: '{{baseUrl}}/order-management/v1/images', body: JSON.stringify({ imageId: '{{imageId}}', src: '{{imageSrc}}', type: 'base64' }) }],
    ['category', { method: 'PUT', url: '{{baseUrl}}/order-management/v2/ecom/categories/{{orderId}}', body: JSON.stringify({ category: 'GENERAL', orderDetailsUrl: 'https://example.com/orders/{{orderId}}', imageId: '{{imageId}}' }) }],
    [
      'receipt',
      {
        method: 'POST',
        url: '{{baseUrl}}/order-management/v2/ecom/receipts/{{orderId}}',
        body: JSON.stringify({
          orderLines: [{ name: 'Wool socks', id: 'socks-1', totalAmount: 44700, totalAmountExcludingTax: 35760, totalTaxAmount: 8940, taxRate: 2500 }],
          bottomLine: { currency: 'NOK', receiptNumber: '{{orderId}}' },
        }),
      },
    ],
    ['readback', { method: 'GET', url: '{{baseUrl}}/order-management/v2/ecom/{{orderId}}' }],
  ];
  const results: Record<string, Sent> = {};
  for (const [name, request] of steps) {
    const result = await backend.call<Sent>('sendRequest', { request, variables: { run }, runId, label: name });
    if (!result.ok) throw new Error(`quick-start step ${name} failed: ${result.error.code} ${result.error.message}`);
    results[name] = result.value;
  }
  expect(Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.status]))).toEqual({ token: 200, payment: 201, image: 200, category: 200, receipt: 201, readback: 200 });
  const order = JSON.parse(results.readback!.body.text ?? '{}') as { category?: { imageId?: string }; receipt?: { orderLines?: unknown[] } };
  expect(order.category?.imageId).toBe(run.imageId);
  expect(order.receipt?.orderLines).toHaveLength(1);
  return results;
}
