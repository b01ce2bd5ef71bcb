import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { freshId, startHarness, type Harness } from './helpers';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on this machine; `fail` answers 500 to that many requests first. */
async function receiver(fail = 0): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  let failures = fail;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = failures-- > 0 ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks?shop=1`, got, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Verifies a delivery the way the Vipps docs tell a merchant to, written here independently of the sandbox. */
function verify(r: Received, secret: string): boolean {
  const hash = createHash('sha256').update(r.body).digest('base64');
  if (hash !== r.headers['x-ms-content-sha256']) return false;
  const toSign = `POST\n${r.path}\n${String(r.headers['x-ms-date'])};${String(r.headers.host)};${hash}`;
  const expected = createHmac('sha256', secret).update(toSign).digest('base64');
  return r.headers.authorization === `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${expected}`;
}

describe('webhooks', () => {
  let h: Harness;
  beforeAll(async () => {
    // Retries run at once: the backoff is the scheduler's business, and no test sleeps through it.
    h = await startHarness({ schedule: (run) => run(), config: { webhookRetryDelaysMs: [1000, 5000, 30_000] } });
  });
  afterAll(() => h.close());

  const events = ['epayments.payment.created.v1', 'epayments.payment.authorized.v1', 'epayments.payment.captured.v1'];

  it('delivers signed events for create, authorise and capture to a local receiver, and each signature verifies', async () => {
    const rx = await receiver();
    try {
      const reg = await h.call('POST', '/webhooks/v1/webhooks', { body: { url: rx.url, events } });
      expect(reg.status).toBe(201);
      const { id, secret } = reg.json as { id: string; secret: string };
      expect((await h.call('GET', '/webhooks/v1/webhooks')).json.webhooks).toContainEqual({ id, url: rx.url, events });
      const reference = freshId('ref');
      await h.call('POST', '/epayment/v1/payments', { body: { amount: { currency: 'NOK', value: 2000 }, paymentMethod: { type: 'WALLET' }, reference, userFlow: 'QR' }, headers: { 'Idempotency-Key': freshId('k') } });
      await h.call('POST', `/epayment/v1/test/payments/${reference}/approve`);
      await h.call('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: { currency: 'NOK', value: 2000 } }, headers: { 'Idempotency-Key': 'cap-key' } });
      await h.sandbox.webhooksIdle();
      expect(rx.got.map((r) => JSON.parse(r.body).name)).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED']);
      for (const r of rx.got) expect(verify(r, secret)).toBe(true);
      expect(verify({ ...rx.got[0]!, body: rx.got[0]!.body.replace('2000', '2001') }, secret)).toBe(false);
      expect(JSON.parse(rx.got[2]!.body)).toMatchObject({ msn: '123456', reference, name: 'CAPTURED', amount: { currency: 'NOK', value: 2000 }, idempotencyKey: 'cap-key', success: true });
      expect(h.sandbox.webhookDeliveries(3).every((d) => d.outcome === 'delivered')).toBe(true);
      expect((await h.call('DELETE', `/webhooks/v1/webhooks/${id}`)).status).toBe(204);
    } finally {
      await rx.close();
    }
  });

  it('retries a failed delivery after the configured delays, and gives up after the last one', async () => {
    const flaky = await receiver(2);
    const dead = await receiver(100);
    try {
      const a = (await h.call('POST', '/webhooks/v1/webhooks', { body: { url: flaky.url, events } })).json.id as string;
      const b = (await h.call('POST', '/webhooks/v1/webhooks', { body: { url: dead.url, events } })).json.id as string;
      await h.call('POST', '/epayment/v1/payments', { body: { amount: { currency: 'NOK', value: 2000 }, paymentMethod: { type: 'WALLET' }, reference: freshId('ref'), userFlow: 'QR' }, headers: { 'Idempotency-Key': freshId('k') } });
      await h.sandbox.webhooksIdle();
      const deliveries = h.sandbox.webhookDeliveries(2);
      const flakyDelivery = deliveries.find((d) => d.webhookId === a);
      const deadDelivery = deliveries.find((d) => d.webhookId === b);
      expect(flakyDelivery).toMatchObject({ outcome: 'delivered' });
      expect(flakyDelivery?.attempts.map((t) => t.status)).toEqual([500, 500, 200]);
      expect(deadDelivery).toMatchObject({ outcome: 'failed' });
      expect(deadDelivery?.attempts).toHaveLength(4);
      expect(dead.got).toHaveLength(4);
      await h.call('DELETE', `/webhooks/v1/webhooks/${a}`);
      await h.call('DELETE', `/webhooks/v1/webhooks/${b}`);
    } finally {
      await flaky.close();
      await dead.close();
    }
  });

  it('refuses a webhook URL the Webhooks API would refuse (plain http elsewhere, a user name, not a URL), saying why', async () => {
    for (const url of ['http://10.0.0.1/hooks', 'http://user:pw@127.0.0.1/x', 'not a url', 'ftp://127.0.0.1/x']) {
      const r = await h.call('POST', '/webhooks/v1/webhooks', { body: { url, events } });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.json.extraDetails)).toMatch(/url/);
    }
    const r = await h.call('POST', '/webhooks/v1/webhooks', { body: { url: 'http://10.0.0.1/hooks', events } });
    expect(r.json.extraDetails[0].reason).toMatch(/https:\/\//);
  });

  it('registers an https URL elsewhere as the real API does (201), and holds its deliveries on this machine, saying why', async () => {
    const reg = await h.call('POST', '/webhooks/v1/webhooks', { body: { url: 'https://shop.example.com/vipps/hooks', events: ['epayments.payment.created.v1'] } });
    expect(reg.status).toBe(201);
    const reference = freshId('held');
    await h.call('POST', '/epayment/v1/payments', { body: { amount: { currency: 'NOK', value: 2000 }, paymentMethod: { type: 'WALLET' }, reference, userFlow: 'QR' }, headers: { 'Idempotency-Key': freshId('k') } });
    await h.sandbox.webhooksIdle();
    const held = h.sandbox.webhookDeliveries().find((d) => d.reference === reference);
    expect(held).toMatchObject({ url: 'https://shop.example.com/vipps/hooks', event: 'epayments.payment.created.v1', outcome: 'held', attempts: [] });
    expect(held?.heldReason).toMatch(/not on this machine/);
    await h.call('DELETE', `/webhooks/v1/webhooks/${(reg.json as { id: string }).id}`);
  });

  it('refuses an event name it does not know', async () => {
    const r = await h.call('POST', '/webhooks/v1/webhooks', { body: { url: 'http://127.0.0.1:9/x', events: ['epayments.payment.paid.v1'] } });
    expect(r.status).toBe(400);
  });
});
