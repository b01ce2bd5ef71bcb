import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../electron/security/csp';
import { rawRequest, startHostFixture, type HostFixture } from '../../helpers/web-host';

let fixture: HostFixture;
beforeEach(async () => {
  fixture = await startHostFixture();
});
afterEach(async () => {
  await fixture.close();
});

function rpc(method: string, headers: Record<string, string> = {}, input: unknown = {}) {
  return rawRequest(fixture.host.port, {
    method: 'POST',
    path: `/rpc/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ input }),
  });
}
const token = () => ({ 'x-explorer-token': fixture.host.token });

describe('browser host', () => {
  it('prints a URL on 127.0.0.1 with a launch token of at least 128 bits in the fragment', () => {
    const url = new URL(fixture.host.url);
    expect(url.hostname).toBe('127.0.0.1');
    const fragmentToken = /^#token=([A-Za-z0-9_-]+)$/.exec(url.hash)?.[1];
    expect(fragmentToken).toBe(fixture.host.token);
    expect(Buffer.from(fragmentToken!, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('answers an RPC call that carries the token', async () => {
    const res = await rpc('getAppInfo', token());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { host: 'browser', dataDir: fixture.dataDir } });
  });

  it('refuses an RPC call without the token with 403', async () => {
    expect((await rpc('getAppInfo')).status).toBe(403);
  });

  it('refuses an RPC call with a wrong token with 403', async () => {
    expect((await rpc('getAppInfo', { 'x-explorer-token': 'x'.repeat(43) })).status).toBe(403);
  });

  it('refuses a foreign Host header with 403 even with the token', async () => {
    expect((await rpc('getAppInfo', { ...token(), host: 'evil.example' })).status).toBe(403);
    expect((await rpc('getAppInfo', { ...token(), host: `127.0.0.1:${fixture.host.port + 1}` })).status).toBe(403);
  });

  it('accepts localhost with the right port as Host', async () => {
    expect((await rpc('getAppInfo', { ...token(), host: `localhost:${fixture.host.port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin with 403 even with the token', async () => {
    expect((await rpc('getAppInfo', { ...token(), origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses an unknown method without the token exactly like a known one', async () => {
    const unknown = await rpc('doesNotExist');
    const known = await rpc('getAppInfo');
    expect(unknown.status).toBe(403);
    expect(unknown.body).toBe(known.body);
  });

  it('answers an unknown method with the token as UNKNOWN_METHOD', async () => {
    const res = await rpc('doesNotExist', token());
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('returns INVALID_INPUT for input that breaks the schema', async () => {
    const res = await rpc('dismissNotice', token(), { id: 7 });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('accepts only POST for RPC', async () => {
    const res = await rawRequest(fixture.host.port, { path: '/rpc/getAppInfo', headers: token() });
    expect(res.status).toBe(405);
  });

  it('serves the renderer with the CSP and the right content types', async () => {
    const page = await rawRequest(fixture.host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const nonce = /<meta name="explorer-style-nonce" content="([A-Za-z0-9_-]{20,})"/.exec(page.body)?.[1];
    expect(nonce).toBeDefined();
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy(nonce));
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-(inline|eval)/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const again = await rawRequest(fixture.host.port, { path: '/' });
    expect(again.body).not.toContain(nonce!);
    const script = await rawRequest(fixture.host.port, { path: '/assets/app.js' });
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const css = await rawRequest(fixture.host.port, { path: '/assets/app.css' });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it.each(['/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/assets/../../package.json', '/assets/..%5c..%5cpackage.json'])(
    'answers the traversal path %s with 404',
    async (path) => {
      const res = await rawRequest(fixture.host.port, { path });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('vipps-explorer');
    },
  );

  it('refuses static files to a foreign Host too (DNS rebinding)', async () => {
    const res = await rawRequest(fixture.host.port, { path: '/', headers: { host: 'rebind.example' } });
    expect(res.status).toBe(403);
  });
});
