import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { recordedTempDir } from '../../../electron/backend/engine/response-bodies';
import { createBackend, type Backend } from '../../../electron/backend/index';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import type { Result } from '../../../shared/errors';
import { filesUnder, findSecrets, randomKeys } from '../../unit/engine/harness';
import { runQuickStart } from '../../unit/engine/quickstart-run';
import { requireKeyringSession, secretToolLookup } from './keyring-session';

describe('the whole quick start with keys in the real keychain', () => {
  let backend: Backend | undefined;
  let dataDir: string;
  beforeEach(() => {
    requireKeyringSession();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-qs-'));
  });
  afterEach(async () => {
    await backend?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('runs every step against the embedded sandbox; no key or token is written anywhere but the keychain', async () => {
    const keys = randomKeys();
    const msn = String(100000 + Math.floor(Math.random() * 899999));
    const logLines: string[] = [];
    backend = await createBackend({
      host: 'test',
      dataDir,
      storeFactory: confStoreFactory,
      log: (line) => logLines.push(line),
      sandbox: { config: { salesUnits: [{ name: 'Random unit', clientId: keys.client_id, clientSecret: keys.client_secret, subscriptionKey: keys.subscription_key, msn }] } },
    });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = (await backend!.call(method, input)) as Result<T>;
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value;
    };
    expect(await call('getKeychainStatus', {})).toMatchObject({ state: 'available' });
    const profile = await call<{ id: string }>('createProfile', { name: 'My sandbox unit', environment: 'sandbox', msn });
    await call('setActiveProfile', { id: profile.id });
    for (const [field, value] of Object.entries(keys)) await call('setProfileSecret', { id: profile.id, field, value });
    expect(secretToolLookup(`${profile.id}:client_secret`)).toBe(keys.client_secret);

    await runQuickStart({ call: (method, input) => backend!.call(method, input) as never });
    const { accessToken } = await call<{ accessToken: string }>('revealToken', {});
    expect((await call<{ total: number }>('listHistory', {})).total).toBe(6);

    await backend.dispose();
    backend = undefined;
    expect(filesUnder(dataDir).map((file) => path.basename(file))).toEqual(expect.arrayContaining(['history.json', 'profiles.json']));
    const leaks = findSecrets([dataDir, ...[recordedTempDir(dataDir)].filter((dir) => dir !== undefined)], { client_secret: keys.client_secret, subscription_key: keys.subscription_key, access_token: accessToken }, { log: logLines.join('\n') });
    expect(leaks).toEqual([]);
  });
});
