import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { freshId, imageBody, makePng, startHarness, validReceipt } from './helpers';

describe('persistence with dataDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vipps-sandbox-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps images, categories, receipts, payments and tokens across a restart', async () => {
    const orderId = freshId();
    const imageId = freshId('img');
    const reference = freshId('ref');
    const first = await startHarness({ dataDir: dir });
    const token = await first.token();
    await first.call('POST', '/order-management/v1/images', { body: imageBody(imageId, makePng(200, 201)) });
    await first.call('PUT', `/order-management/v2/ecom/categories/${orderId}`, { body: { category: 'GENERAL', orderDetailsUrl: 'https://x.no/1', imageId } });
    await first.call('POST', `/order-management/v2/ecom/receipts/${orderId}`, { body: validReceipt() });
    await first.call('POST', '/epayment/v1/payments', { headers: { 'Idempotency-Key': 'persist-key' }, body: { amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, reference, userFlow: 'QR' } });
    await first.close();

    const second = await startHarness({ dataDir: dir });
    try {
      const headers = { Authorization: `Bearer ${token}` };
      const order = await second.call('GET', `/order-management/v2/ecom/${orderId}`, { headers });
      expect(order.status).toBe(200);
      expect(order.json).toEqual({ category: { category: 'GENERAL', orderDetailsUrl: 'https://x.no/1', imageId }, receipt: validReceipt() });
      expect((await second.call('POST', `/order-management/v2/ecom/receipts/${orderId}`, { body: validReceipt(), headers })).status).toBe(409);
      expect((await second.call('GET', `/epayment/v1/payments/${reference}`, { headers })).json.state).toBe('CREATED');
      expect(second.sandbox.image(imageId)?.bytes.length).toBe(makePng(200, 201).length);
      const replay = await second.call('POST', '/epayment/v1/payments', { headers: { ...headers, 'Idempotency-Key': 'persist-key' }, body: { amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, reference, userFlow: 'QR' } });
      expect(replay.status).toBe(201);
    } finally {
      await second.close();
    }
  });

  it('writes one complete JSON file and leaves no temporary files behind', async () => {
    const h = await startHarness({ dataDir: dir });
    for (let i = 0; i < 20; i++) await h.call('POST', `/order-management/v2/ecom/receipts/${freshId()}`, { body: validReceipt() });
    await h.close();
    const files = await readdir(dir);
    expect(files).toEqual(['sandbox-state.json']);
    const saved = JSON.parse(await readFile(join(dir, 'sandbox-state.json'), 'utf8')) as { orders: unknown[] };
    expect(saved.orders).toHaveLength(20);
  });

  it('persists a reset', async () => {
    const orderId = freshId();
    const first = await startHarness({ dataDir: dir });
    await first.call('POST', `/order-management/v2/ecom/receipts/${orderId}`, { body: validReceipt() });
    first.sandbox.reset();
    await first.close();
    const second = await startHarness({ dataDir: dir });
    try {
      expect((await second.call('GET', `/order-management/v2/ecom/${orderId}`)).status).toBe(404);
    } finally {
      await second.close();
    }
  });

  it('moves an unreadable state file aside and starts empty with a notice', async () => {
    await writeFile(join(dir, 'sandbox-state.json'), '{ not json');
    const h = await startHarness({ dataDir: dir });
    try {
      expect(h.sandbox.inspect().notices[0]).toMatch(/could not be read/);
      expect((await readdir(dir)).some((f) => f.startsWith('sandbox-state.json.corrupt-'))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
