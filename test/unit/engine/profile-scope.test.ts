import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { USERINFO_PLACEHOLDER } from '../../../shared/url-userinfo';
import { activeCustomProfile, expectError, json, startServer, testBackend, tokenAnswer, type TestBackend, type TestServer } from './harness';

const TOKEN = 'eyJ-profile-scope-token-0123456789abcdef';

describe('everything profile-specific stays on the profile’s host', () => {
  let t: TestBackend;
  let profileHost: TestServer;
  let foreign: TestServer;

  beforeEach(async () => {
    foreign = await startServer((_req, res) => json(res, 200, { foreign: true }));
    profileHost = await startServer((req, res) => {
      if (req.url === '/accesstoken/get') return json(res, 200, tokenAnswer(TOKEN, Math.floor(Date.now() / 1000)));
      if (req.url === '/to-foreign') return res.writeHead(307, { location: `${foreign.url}/landed` }).end();
      if (req.url === '/to-foreign-with-userinfo') return res.writeHead(302, { location: `http://mallory:stolen-pw@127.0.0.1:${foreign.port}/landed` }).end();
      json(res, 200, { ok: true });
    });
    t = await testBackend();
    await activeCustomProfile(t, profileHost.url, undefined, { system: { name: 'acme-shop', version: '9.9', pluginName: 'acme-plugin', pluginVersion: '1.2' } });
  });
  afterEach(async () => {
    await t.dispose();
    await profileHost.close();
    await foreign.close();
  });

  test('a redirect to another host drops Merchant-Serial-Number and every Vipps-System-* header, as well as keys and token', async () => {
    await t.ok('sendRequest', { request: { method: 'POST', url: '{{baseUrl}}/to-foreign', body: '{"a":1}' } });
    const first = profileHost.requests.find((r) => r.url === '/to-foreign')!;
    expect(first.headers['merchant-serial-number']).toBe('654321');
    expect(first.headers['vipps-system-name']).toBe('acme-shop');
    expect(foreign.requests).toHaveLength(1);
    const landed = foreign.requests[0]!.headers;
    expect(Object.keys(landed).filter((name) => /^(merchant-serial-number|vipps-system-|authorization|ocp-apim|client_)/.test(name))).toEqual([]);
    expect(JSON.stringify(landed)).not.toContain('acme');
  });

  test('a redirect whose Location carries user:password@ is followed without sending them', async () => {
    const result = await t.ok<{ redirects: Array<{ to: string }> }>('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/to-foreign-with-userinfo' } });
    expect(foreign.requests[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain('stolen-pw');
  });
});

describe('URLs that carry user:password@', () => {
  let t: TestBackend;
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer((_req, res) => json(res, 200, { ok: true }));
    t = await testBackend();
  });
  afterEach(async () => {
    await t.dispose();
    await server.close();
  });

  test('a custom profile base URL with userinfo is refused with a clear error and nothing is stored', async () => {
    const base = `http://alice:hunter2-password@127.0.0.1:${server.port}`;
    const error = expectError(await t.call('createProfile', { name: 'With password', environment: 'custom', customBaseUrl: base, msn: '123456' }), 'INVALID_INPUT');
    expect(error.message).toMatch(/user name or password/);
    expect(error.message).not.toContain('hunter2');
    expect(fs.readFileSync(path.join(t.dataDir, 'profiles.json'), 'utf8')).not.toContain('hunter2');
    const made = await t.ok<{ id: string }>('createProfile', { name: 'Plain', environment: 'custom', customBaseUrl: `http://127.0.0.1:${server.port}`, msn: '123456' });
    expectError(await t.call('updateProfile', { id: made.id, changes: { customBaseUrl: base } }), 'INVALID_INPUT');
  });

  test('a request URL with userinfo is refused, never sent as hidden Basic auth, and the history shows it redacted', async () => {
    const error = expectError(await t.call('sendRequest', { request: { method: 'GET', url: `http://bob:s3cret-pass@127.0.0.1:${server.port}/x` } }), 'INVALID_INPUT');
    expect(error.message).not.toContain('s3cret-pass');
    expect(server.requests).toHaveLength(0);
    const preview = await t.ok<{ url: string }>('previewRequest', { request: { method: 'GET', url: `http://bob:s3cret-pass@127.0.0.1:${server.port}/x` } });
    expect(preview.url).toBe(`http://${USERINFO_PLACEHOLDER}@127.0.0.1:${server.port}/x`);
    const files = fs.readdirSync(t.dataDir).map((name) => path.join(t.dataDir, name)).filter((file) => fs.statSync(file).isFile());
    for (const file of files) expect(fs.readFileSync(file, 'utf8')).not.toContain('s3cret-pass');
  });

  test('a profile saved by an older version with userinfo in its base URL is cleaned on start, with a notice', async () => {
    const dataDir = t.dataDir;
    await t.backend.dispose();
    const file = path.join(dataDir, 'profiles.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const now = new Date().toISOString();
    doc.data.profiles.push({ id: 'old', name: 'Old', environment: 'custom', customBaseUrl: 'https://carol:0ld-passw0rd@example.test/base', msn: '123456', system: doc.data.profiles[0].system, variables: {}, createdAt: now, updatedAt: now });
    fs.writeFileSync(file, JSON.stringify(doc));
    t = await testBackend({ dataDir });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('0ld-passw0rd');
    const listed = await t.ok<{ profiles: Array<{ id: string; baseUrl: string }> }>('listProfiles', {});
    expect(listed.profiles.find((p) => p.id === 'old')!.baseUrl).toBe('https://example.test/base');
    const status = await t.ok<{ notices: Array<{ message: string }> }>('getStatus', {});
    expect(status.notices.map((n) => n.message).join('\n')).toMatch(/"Old" carried a user name and password/);
  });
});
