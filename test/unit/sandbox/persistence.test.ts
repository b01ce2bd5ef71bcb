import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

  it('appends one line per change instead of rewriting the state, and leaves no temporary files', async () => {
    const h = await startHarness({ dataDir: dir });
    await h.call('POST', `/order-management/v2/ecom/receipts/${freshId()}`, { body: validReceipt() });
    await h.sandbox.flush();
    const before = (await readFile(join(dir, 'sandbox-state.jsonl'), 'utf8')).split('\n').filter(Boolean);
    for (let i = 0; i < 20; i++) await h.call('POST', `/order-management/v2/ecom/receipts/${freshId()}`, { body: validReceipt() });
    await h.close();
    expect(await readdir(dir)).toEqual(['sandbox-state.jsonl']);
    const after = (await readFile(join(dir, 'sandbox-state.jsonl'), 'utf8')).split('\n').filter(Boolean);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 20);
    expect(JSON.parse(after.at(-1) ?? '')).toMatchObject({ t: 'orders', v: { receipt: validReceipt() } });
  });

  it('keeps at most the configured number of records per sales unit, in memory and after a restart', async () => {
    const ids = Array.from({ length: 8 }, () => freshId());
    const first = await startHarness({ dataDir: dir, config: { retentionPerSalesUnit: 5 } });
    for (const id of ids) await first.call('POST', `/order-management/v2/ecom/receipts/${id}`, { body: validReceipt() });
    expect(first.sandbox.inspect().totals.receipts).toBe(5);
    expect((await first.call('GET', `/order-management/v2/ecom/${ids[0]}`)).status).toBe(404);
    expect((await first.call('GET', `/order-management/v2/ecom/${ids[7]}`)).status).toBe(200);
    await first.close();
    const second = await startHarness({ dataDir: dir, config: { retentionPerSalesUnit: 5 } });
    try {
      expect(second.sandbox.inspect().receipts.map((r) => r.orderId)).toEqual(ids.slice(3).reverse());
    } finally {
      await second.close();
    }
  });

  it('moves a state file from a newer version aside untouched, with a notice', async () => {
    const newer = `${JSON.stringify({ format: 'vipps-sandbox-state', version: 3, tokenSecret: 'x'.repeat(32) })}\n{"future":true}\n`;
    await writeFile(join(dir, 'sandbox-state.jsonl'), newer);
    const h = await startHarness({ dataDir: dir });
    try {
      expect(h.sandbox.inspect().notices[0]).toMatch(/newer version/);
      const aside = (await readdir(dir)).find((f) => f.startsWith('sandbox-state.jsonl.newer-v3-'));
      expect(aside).toBeDefined();
      expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe(newer);
    } finally {
      await h.close();
    }
  });

  it('makes a new token secret, with a clear notice, when the saved one has the wrong type', async () => {
    await writeFile(join(dir, 'sandbox-state.jsonl'), `${JSON.stringify({ format: 'vipps-sandbox-state', version: 2, tokenSecret: 12345 })}\n`);
    const h = await startHarness({ dataDir: dir });
    try {
      expect(h.sandbox.inspect().notices.join(' ')).toMatch(/token secret/);
      const r = await h.call('GET', `/order-management/v2/ecom/${freshId()}`);
      expect(r.status).toBe(404);
    } finally {
      await h.close();
    }
  });

  it('imports a version-1 state file and keeps the old file', async () => {
    const orderId = freshId();
    const v1 = { version: 1, tokenSecret: 'y'.repeat(40), images: [], orders: [{ msn: '123456', paymentType: 'ecom', orderId, category: null, categoryUpdatedAt: null, receipt: validReceipt(), receiptCreatedAt: null, receiptSource: 'order-management' }], epayments: [], ecomPayments: [], agreements: [], charges: [], idempotency: [] };
    await writeFile(join(dir, 'sandbox-state.json'), JSON.stringify(v1));
    const h = await startHarness({ dataDir: dir });
    try {
      expect((await h.call('GET', `/order-management/v2/ecom/${orderId}`)).json).toEqual({ receipt: validReceipt() });
      expect(h.sandbox.inspect().notices[0]).toMatch(/converted/);
      expect((await readdir(dir)).some((f) => f.startsWith('sandbox-state.json.imported-'))).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('moves a version-1 file from a newer version aside instead of rewriting it', async () => {
    await writeFile(join(dir, 'sandbox-state.json'), JSON.stringify({ version: 7, tokenSecret: 'z'.repeat(40) }));
    const h = await startHarness({ dataDir: dir });
    try {
      expect(h.sandbox.inspect().notices[0]).toMatch(/newer version/);
      expect((await readdir(dir)).some((f) => f.startsWith('sandbox-state.json.newer-v7-'))).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('gives the space back on reset, on disk as in memory, and serves the inspector in pages', async () => {
    const h = await startHarness({ dataDir: dir });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        ids.push(freshId());
        await h.call('POST', `/order-management/v2/ecom/receipts/${ids[i]}`, { body: validReceipt() });
      }
      const page = await fetch(`${h.sandbox.baseUrl}/__sandbox/state?offset=5&limit=10`).then((r) => r.json() as Promise<{ receipts: Array<{ orderId: string }>; totals: { receipts: number } }>);
      expect(page.totals.receipts).toBe(30);
      expect(page.receipts.map((r) => r.orderId)).toEqual(ids.slice(15, 25).reverse());
      expect((await fetch(`${h.sandbox.baseUrl}/__sandbox/state?limit=0`)).status).toBe(400);
      await h.sandbox.flush();
      const before = (await stat(join(dir, 'sandbox-state.jsonl'))).size;
      h.sandbox.reset();
      await h.sandbox.flush();
      const after = (await stat(join(dir, 'sandbox-state.jsonl'))).size;
      expect(h.sandbox.inspect().totals).toMatchObject({ receipts: 0, orders: 0 });
      expect(after).toBeLessThan(before / 10);
    } finally {
      await h.close();
    }
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
    await writeFile(join(dir, 'sandbox-state.jsonl'), `${JSON.stringify({ format: 'vipps-sandbox-state', version: 2, tokenSecret: 'x'.repeat(32) })}\n{ not json\n{"t":"orders","k":"a","v":{}}\n`);
    const h = await startHarness({ dataDir: dir });
    try {
      expect(h.sandbox.inspect().notices[0]).toMatch(/could not be read \(line 2/);
      expect((await readdir(dir)).some((f) => f.startsWith('sandbox-state.jsonl.corrupt-'))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
