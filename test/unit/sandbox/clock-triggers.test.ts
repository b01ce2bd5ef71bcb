import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDuration } from '../../../electron/sandbox/clock';
import { DEMO_SALES_UNIT } from '../../../electron/sandbox';
import { freshId, startHarness, type Harness } from './helpers';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function receiver(): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/forwarded?from=sandbox`, got, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Written from the published description of the signature, not from the sandbox's code:
 * base64 SHA-256 of the raw body; HMAC-SHA256 keyed with the secret's UTF-8 bytes over
 * "POST\n<path and query>\n<x-ms-date>;<host>;<content hash>".
 */
function verifies(r: Received, secret: string): boolean {
  const hash = createHash('sha256').update(Buffer.from(r.body, 'utf8')).digest('base64');
  if (r.headers['x-ms-content-sha256'] !== hash) return false;
  const signed = ['POST', r.path, `${String(r.headers['x-ms-date'])};${String(r.headers.host)};${hash}`].join('\n');
  const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(signed).digest('base64');
  return r.headers.authorization === `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`;
}

const keys = { client_id: DEMO_SALES_UNIT.clientId, client_secret: DEMO_SALES_UNIT.clientSecret, 'content-type': 'application/json' };

let h: Harness | null = null;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await h?.close();
  h = null;
  for (const close of closers.splice(0)) await close();
});

describe('durations', () => {
  it('reads 90s, 15m, 2h, 1d, 1h30m and plain milliseconds, and nothing else', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('250')).toBe(250);
    for (const bad of ['', 'soon', '1x', '1h 30', '-5m', 'h1']) expect(parseDuration(bad)).toBeNull();
  });
});

describe('the test clock', () => {
  it('one advance expires a waiting payment and takes a due charge, each event stamped with the time it fell due', async () => {
    // A week-long token, so reading the results after the jump needs no new one.
    h = await startHarness({ config: { customer: 'auto', tokenLifetimeSeconds: 7 * 86_400 } });
    const start = h.sandbox.clock().nowMs;
    const reference = freshId('exp');
    await h.call('POST', '/epayment/v1/payments', { body: { amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, customer: { phoneNumber: '4799000002' }, reference, userFlow: 'WEB_REDIRECT', returnUrl: 'https://example.com/r' }, headers: { 'Idempotency-Key': freshId('k') } });
    const agreement = await h.call('POST', '/recurring/v3/agreements', { body: { pricing: { amount: 2500, currency: 'NOK' }, interval: { unit: 'MONTH', count: 1 }, merchantRedirectUrl: 'https://example.com/r', merchantAgreementUrl: 'https://example.com/a', phoneNumber: '4791234567', productName: 'News' }, headers: { 'Idempotency-Key': freshId('a') } });
    const agreementId = (agreement.json as { agreementId: string }).agreementId;
    const due = new Date(start + 2 * 86_400_000).toISOString().slice(0, 10);
    const charge = await h.call('POST', `/recurring/v3/agreements/${agreementId}/charges`, { body: { amount: 2500, description: 'Month 1', due, retryDays: 2, transactionType: 'DIRECT_CAPTURE' }, headers: { 'Idempotency-Key': freshId('c') } });
    expect(charge.status).toBe(201);
    const chargeId = (charge.json as { chargeId: string }).chargeId;

    const moved = h.sandbox.advanceClock(3 * 86_400_000);
    expect(moved.clock.nowMs).toBe(start + 3 * 86_400_000);
    expect(moved.happened[0]).toMatch(new RegExp(`^${new Date(start + h.sandbox.config.paymentExpirySeconds * 1000).toISOString()} payment ${reference} expired`));
    expect(moved.happened[1]).toMatch(new RegExp(`^${due}T00:00:00.000Z charge ${chargeId} charged`));

    const events = (await h.call('GET', `/epayment/v1/payments/${reference}/events`)).json as Array<{ name: string; timestamp: string }>;
    expect(events.map((e) => e.name)).toEqual(['CREATED', 'EXPIRED']);
    expect(events[1]?.timestamp).toBe(new Date(start + h.sandbox.config.paymentExpirySeconds * 1000).toISOString());
    const got = (await h.call('GET', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}`)).json;
    expect(got).toMatchObject({ status: 'CHARGED', summary: { captured: 2500 } });
    expect(got.history.map((e: { event: string }) => e.event)).toEqual(['CREATE', 'CAPTURE']);
  });

  it('a token expires when the clock passes its lifetime', async () => {
    h = await startHarness();
    expect((await h.call('GET', '/recurring/v3/agreements')).status).toBe(200);
    h.sandbox.advanceClock(h.sandbox.config.tokenLifetimeSeconds * 1000 + 1000);
    expect((await h.call('GET', '/recurring/v3/agreements')).status).toBe(401);
  });

  it('freezes, stays frozen while real time passes, advances while frozen, and resumes from there', async () => {
    h = await startHarness();
    const frozen = h.sandbox.freezeClock();
    h.clock.now += 60_000;
    expect(h.sandbox.clock().nowMs).toBe(frozen.nowMs);
    expect(h.sandbox.advanceClock(1000).clock.nowMs).toBe(frozen.nowMs + 1000);
    const resumed = h.sandbox.resumeClock();
    expect(resumed.frozen).toBe(false);
    h.clock.now += 500;
    expect(h.sandbox.clock().nowMs).toBe(frozen.nowMs + 1500);
  });

  it('through the control API: needs the sandbox keys, reads, advances and refuses a bad duration', async () => {
    h = await startHarness();
    expect((await fetch(h.url('/__sandbox/clock'))).status).toBe(401);
    expect((await fetch(h.url('/__sandbox/clock'), { headers: { client_id: DEMO_SALES_UNIT.clientId, client_secret: 'wrong' } })).status).toBe(401);
    const before = (await (await fetch(h.url('/__sandbox/clock'), { headers: keys })).json()) as { nowMs: number };
    const after = await fetch(h.url('/__sandbox/clock'), { method: 'POST', headers: keys, body: JSON.stringify({ advance: '2h' }) });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { clock: { nowMs: number } }).clock.nowMs).toBe(before.nowMs + 7_200_000);
    const bad = await fetch(h.url('/__sandbox/clock'), { method: 'POST', headers: keys, body: JSON.stringify({ advance: 'later' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/duration/);
    const back = await fetch(h.url('/__sandbox/clock'), { method: 'POST', headers: keys, body: JSON.stringify({ advance: -5 }) });
    expect(back.status).toBe(400);
  });
});

describe('events on demand', () => {
  it('triggers epayments.payment.captured.v1: its payment is made, and created, authorized and captured arrive signed at a local receiver', async () => {
    const rx = await receiver();
    closers.push(rx.close);
    h = await startHarness({ schedule: (run) => run() });
    const events = ['epayments.payment.created.v1', 'epayments.payment.authorized.v1', 'epayments.payment.captured.v1'];
    const reg = await h.call('POST', '/webhooks/v1/webhooks', { body: { url: rx.url, events } });
    const { secret } = reg.json as { secret: string };
    const res = await fetch(h.url('/__sandbox/trigger'), { method: 'POST', headers: keys, body: JSON.stringify({ event: 'epayments.payment.captured.v1' }) });
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    await h.sandbox.webhooksIdle();
    expect(rx.got.map((r) => (JSON.parse(r.body) as { name: string }).name)).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED']);
    for (const r of rx.got) expect(verifies(r, secret)).toBe(true);
    expect((JSON.parse(rx.got[2]?.body ?? '{}') as { reference: string }).reference).toBe(reference);
    expect((await h.call('GET', `/epayment/v1/payments/${reference}`)).json.aggregate.capturedAmount.value).toBeGreaterThan(0);
  });

  it('refuses an event it cannot make, listing those it can', async () => {
    h = await startHarness();
    const res = await fetch(h.url('/__sandbox/trigger'), { method: 'POST', headers: keys, body: JSON.stringify({ event: 'epayments.payment.paid.v1' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('epayments.payment.refunded.v1');
  });
});

describe('--forward-to', () => {
  it('delivers every event of every sales unit to the forward URL, signed with the forward secret, beside held deliveries elsewhere', async () => {
    const rx = await receiver();
    closers.push(rx.close);
    h = await startHarness({ schedule: (run) => run(), forwardTo: rx.url, config: { customer: 'auto' } });
    expect(h.sandbox.forwardSecret).toMatch(/^[\w-]{20,}$/);
    await h.call('POST', '/webhooks/v1/webhooks', { body: { url: 'https://shop.example.com/hooks', events: ['epayments.payment.created.v1'] } });
    const reference = freshId('fwd');
    await h.call('POST', '/epayment/v1/payments', { body: { amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, reference, userFlow: 'QR' }, headers: { 'Idempotency-Key': freshId('k') } });
    await h.sandbox.webhooksIdle();
    expect(rx.got.map((r) => (JSON.parse(r.body) as { name: string }).name)).toEqual(['CREATED', 'AUTHORIZED']);
    for (const r of rx.got) expect(verifies(r, h.sandbox.forwardSecret ?? '')).toBe(true);
    expect(h.sandbox.webhookDeliveries().filter((d) => d.reference === reference).map((d) => d.outcome).sort()).toEqual(['delivered', 'delivered', 'held']);
  });

  it('refuses a forward URL that is not on this machine', async () => {
    await expect(startHarness({ forwardTo: 'https://example.com/hooks' })).rejects.toThrow(/only to this machine/);
  });
});
