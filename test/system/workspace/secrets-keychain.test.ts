import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/index';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { filesUnder, json, startServer, type TestServer } from '../../unit/engine/harness';
import { requireKeyringSession, secretToolLookup } from '../keychain/keyring-session';

function ok<T>(result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('secret environment variables in the real OS keychain (Secret Service)', () => {
  let backend: Backend | undefined;
  let server: TestServer | undefined;
  let dir: string;
  beforeEach(() => {
    requireKeyringSession();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-secret-vars-'));
  });
  afterEach(async () => {
    await backend?.dispose();
    await server?.close();
    backend = undefined;
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the value is in the keychain only: not in the profile file, the history file or an export, and it goes with the profile', async () => {
    server = await startServer((req, res) => json(res, 200, { echoed: req.url, header: req.headers['x-partner'] }));
    backend = await createBackend({ host: 'test', dataDir: dir, storeFactory: confStoreFactory, sandbox: false });
    const value = `sys-var-${randomBytes(12).toString('hex')}`;
    const created = ok<{ id: string; secretVariables: Record<string, { set: boolean }> }>(
      await backend.call('createProfile', { name: 'Keychain env', environment: 'custom', customBaseUrl: server.url, msn: '12345', secretVariables: [{ name: 'partnerKey', value }] }),
    );
    expect(created.secretVariables).toEqual({ partnerKey: { set: true, last4: value.slice(-4) } });
    expect(secretToolLookup(`profile-variable:${created.id}:partnerKey`)).toBe(value);
    ok(await backend.call('setActiveProfile', { id: created.id }));

    const sent = ok<{ historyId: string }>(await backend.call('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/echo?k={{partnerKey}}', headers: [{ name: 'X-Partner', value: '{{partnerKey}}' }], options: { auth: 'none' } } }));
    expect(server.requests[0]!.url).toBe(`/echo?k=${value}`);
    expect(JSON.stringify(sent)).not.toContain(value);
    const exported = ok<{ text: string }>(await backend.call('exportPostmanEnvironment', { profileId: created.id }));
    expect(exported.text).toContain('"partnerKey"');
    expect(exported.text).not.toContain(value);

    const written = filesUnder(dir);
    expect(written.some((file) => path.basename(file).startsWith('profiles'))).toBe(true);
    expect(written.some((file) => path.basename(file).startsWith('history'))).toBe(true);
    expect(written.filter((file) => fs.readFileSync(file).toString('latin1').includes(value))).toEqual([]);

    ok(await backend.call('deleteProfile', { id: created.id }));
    expect(secretToolLookup(`profile-variable:${created.id}:partnerKey`)).toBeNull();
  });
});
