import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox';

/** Sends raw bytes and collects whatever comes back until the server closes or goes quiet. */
function exchange(port: number, payload: string, quietMs = 150): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let timer = setTimeout(() => socket.destroy(), quietMs);
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => socket.destroy(), quietMs);
    };
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      rearm();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.write(payload, 'latin1');
  });
}

const STATUS = /^HTTP\/1\.1 (\d{3})/gm;
// A stack frame, a source file, or an absolute path of this machine would betray internals.
const LEAK = /\bat [\w.<>]+ \(|\.ts:\d+|\/work\/|\/home\/|node_modules|Error: /;

const PATHS = [
  '/accesstoken/get', '/epayment/v1/payments', '/epayment/v1/payments/abcdefgh12/capture', '/ecomm/v2/payments/x/details',
  '/recurring/v3/agreements', '/recurring/v3/agreements/a/charges/c', '/order-management/v2/ecom/receipts/o1', '/order-management/v1/images',
  '/webhooks/v1/webhooks', '/vipps-userinfo-api/userinfo/s', '/__sandbox/state', '/__sandbox/faults', '/__sandbox/images/x', '/', '//a:99999/',
];

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const anyText = fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replace(/[\r\n]/g, ''));
const path = fc.oneof(
  fc.constantFrom(...PATHS),
  fc.tuple(fc.constantFrom(...PATHS), anyText).map(([p, extra]) => `${p}${encodeURI(extra).slice(0, 80)}`),
  fc.constantFrom('/%E0%A4%A', '/epayment/v1/payments/%ZZ', '/order-management/v2/%ff/%00', '/__sandbox/images/%E0%A4%A', '*', 'http://evil/x', '/..%2f..%2fetc/passwd'),
);
const header = fc.oneof(
  fc.tuple(token, anyText).map(([n, v]) => `${n}: ${v}`),
  fc.constantFrom('Content-Length: -1', 'Content-Length: 99999999999', 'Transfer-Encoding: chunked', 'Content-Type: text/plain', 'Authorization: Bearer a.b.c', 'Authorization: bearer', 'Ocp-Apim-Subscription-Key: 5d3a1c0e8b7f4e2a9c6d0b1f2e3a4c5d', 'Host: evil.example', 'Merchant-Serial-Number: 123456', 'Idempotency-Key: ' + 'k'.repeat(300)),
);
const request = fc.record({
  method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), token),
  path,
  headers: fc.array(header, { maxLength: 6 }),
  body: fc.oneof(fc.constant(''), fc.json({ maxDepth: 3 }), anyText),
  cut: fc.option(fc.nat(), { nil: undefined }),
});

describe('raw HTTP fuzzing of the sandbox', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    // Faults stay off: an injected 5xx would be indistinguishable from a real failure here.
    sandbox = await startSandbox({ config: { headersTimeoutMs: 2000, requestTimeoutMs: 3000 } });
  });
  afterAll(() => sandbox.close());

  it('answers every malformed, partial or hostile request without a 5xx or a leak, and keeps serving', async () => {
    const port = sandbox.port;
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path: p, headers, body, cut }) => {
        const hasLength = headers.some((h) => /^content-length:/i.test(h) || /^transfer-encoding:/i.test(h));
        const lines = [`${method} ${p} HTTP/1.1`, 'Host: 127.0.0.1', ...headers, ...(hasLength ? [] : [`Content-Length: ${Buffer.byteLength(body, 'latin1')}`])];
        let raw = `${lines.join('\r\n')}\r\n\r\n${body}`;
        if (cut !== undefined) raw = raw.slice(0, cut % (raw.length + 1));
        const answer = await exchange(port, raw);
        for (const match of answer.matchAll(STATUS)) expect(Number(match[1])).toBeLessThan(500);
        expect(answer).not.toMatch(LEAK);
      }),
      { numRuns: 250 },
    );
    const alive = await fetch(`${sandbox.baseUrl}/__sandbox`);
    expect(alive.status).toBe(200);
  }, 120_000);

  it('cuts off a client that sends a few header lines and then goes silent', async () => {
    const started = Date.now();
    const answer = await exchange(sandbox.port, 'GET /__sandbox HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n', 10_000);
    expect(Date.now() - started).toBeLessThan(9000);
    expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
  }, 20_000);

  it('answers an oversized body with 413 before closing', async () => {
    const big = 'x'.repeat(sandbox.config.maxBodyBytes + 1024);
    const r = await fetch(`${sandbox.baseUrl}/order-management/v2/ecom/receipts/o-413`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(r.status).toBe(413);
    expect(await r.text()).toMatch(/limit/);
  });
});

describe('error answers never echo more than a little of the input', () => {
  it('caps the unknown field names of a large body in a 400', async () => {
    const sandbox = await startSandbox();
    try {
      const tokenRes = await fetch(`${sandbox.baseUrl}/accesstoken/get`, { method: 'POST', headers: { client_id: sandbox.demoKeys!.clientId, client_secret: sandbox.demoKeys!.clientSecret, 'Ocp-Apim-Subscription-Key': sandbox.demoKeys!.subscriptionKey } });
      const token = ((await tokenRes.json()) as { access_token: string }).access_token;
      const headers = { Authorization: `Bearer ${token}`, 'Ocp-Apim-Subscription-Key': sandbox.demoKeys!.subscriptionKey, 'Content-Type': 'application/json' };
      const draft = { pricing: { amount: 2500, currency: 'NOK' }, interval: { unit: 'MONTH', count: 1 }, merchantRedirectUrl: 'https://example.com/r', merchantAgreementUrl: 'https://example.com/a', productName: 'News' };
      const created = await fetch(`${sandbox.baseUrl}/recurring/v3/agreements`, { method: 'POST', headers: { ...headers, 'Idempotency-Key': 'k0' }, body: JSON.stringify(draft) });
      const { agreementId } = (await created.json()) as { agreementId: string };
      const body = JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`unknown_field_with_a_long_name_${i}`, i])));
      const r = await fetch(`${sandbox.baseUrl}/recurring/v3/agreements/${agreementId}`, { method: 'PATCH', headers: { ...headers, 'Idempotency-Key': 'k1' }, body });
      const text = await r.text();
      expect(r.status).toBe(400);
      expect(text).toMatch(/Unknown field/);
      expect(text.length).toBeLessThan(40_000);
      expect(body.length).toBeGreaterThan(600_000);
    } finally {
      await sandbox.close();
    }
  });
});
