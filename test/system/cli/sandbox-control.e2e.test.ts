import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundSandbox, vippsExplorer, type BackgroundSandbox } from './run-command';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An independent check of Vipps' published signature rule (UTF-8 secret, raw body, path and query). */
function verifies(r: Received, secret: string): boolean {
  const hash = createHash('sha256').update(Buffer.from(r.body, 'utf8')).digest('base64');
  const signed = `POST\n${r.path}\n${String(r.headers['x-ms-date'])};${String(r.headers.host)};${hash}`;
  const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(signed).digest('base64');
  return r.headers['x-ms-content-sha256'] === hash && r.headers.authorization === `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`;
}

describe('vipps-explorer sandbox --forward-to, trigger and clock', () => {
  const got: Received[] = [];
  let server: Server;
  let sandbox: BackgroundSandbox;
  let forwardUrl = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        got.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    forwardUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/vipps-webhooks?shop=1`;
    sandbox = await backgroundSandbox(['--forward-to', forwardUrl]);
  }, 90_000);
  afterAll(async () => {
    await sandbox?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('triggers epayments.payment.captured.v1 and the receiver gets created, authorized and captured, each signed with the printed forward secret', async () => {
    const secret = /^forward secret: (\S+)$/m.exec(sandbox.output())?.[1];
    expect(secret).toMatch(/^[\w-]{20,}$/);
    const outcome = await vippsExplorer(['sandbox', 'trigger', 'epayments.payment.captured.v1', '--url', sandbox.baseUrl]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const reference = /^reference: (\S+)$/m.exec(outcome.stdout)?.[1];
    await expect.poll(() => got.length, { timeout: 10_000 }).toBe(3);
    expect(got.map((r) => (JSON.parse(r.body) as { name: string }).name)).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED']);
    expect(got.every((r) => (JSON.parse(r.body) as { reference: string }).reference === reference)).toBe(true);
    expect(got.every((r) => r.path === '/vipps-webhooks?shop=1' && verifies(r, secret ?? ''))).toBe(true);
  }, 60_000);

  it('moves the clock: advance 2h says how far ahead it is; an unknown action exits 2 saying what to use', async () => {
    const moved = await vippsExplorer(['sandbox', 'clock', 'advance', '2h', '--url', sandbox.baseUrl]);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/^ahead by: 720\d s$/m);
    const bad = await vippsExplorer(['sandbox', 'clock', 'rewind', '--url', sandbox.baseUrl]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('use show, advance, freeze or resume');
  }, 60_000);

  it('exits 1 with what to do when no sandbox answers', async () => {
    const outcome = await vippsExplorer(['sandbox', 'clock', '--url', 'http://127.0.0.1:9']);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('Start it with `vipps-explorer sandbox`');
  }, 60_000);
});
