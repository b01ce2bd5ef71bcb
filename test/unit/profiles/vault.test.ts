import { afterEach, describe, expect, test } from 'vitest';
import { loadKeytar, type KeychainAdapter } from '../../../electron/backend/vault/keychain-adapter';
import { SecretVault } from '../../../electron/backend/vault/secret-vault';
import { expectError, findSecrets, randomKeys, testBackend, type TestBackend } from '../engine/harness';

/** A keychain that fails the way libsecret does in each situation. */
function failingKeychain(reason: string, readsAnswerNull = false): KeychainAdapter {
  return {
    getPassword: async () => {
      if (readsAnswerNull) return null;
      throw new Error(reason);
    },
    setPassword: async () => {
      throw new Error(reason);
    },
    deletePassword: async () => {
      throw new Error(reason);
    },
  };
}

describe('when the OS keychain cannot be used', () => {
  let t: TestBackend;
  afterEach(async () => t?.dispose());

  test('a missing keytar module is explained with what to install', async () => {
    const vault = new SecretVault({ loadKeychain: () => loadKeytar('keytar-that-is-not-installed') });
    const status = await vault.status();
    expect(status.state).toBe('unavailable');
    expect(status.message).toContain('keytar');
    expect(status.message).toContain('apt-get install libsecret-1-0 gnome-keyring');
    await expect(vault.set('p', 'client_secret', 'value-1234567')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  });

  test('no D-Bus session: no notice at start (the Sandbox needs no keys), then KEYCHAIN_UNAVAILABLE and a notice on save, no half-made profile and nothing on disk', async () => {
    t = await testBackend({ keychain: failingKeychain('Cannot autolaunch D-Bus without X11 $DISPLAY') });
    expect((await t.ok<{ notices: unknown[] }>('getStatus', {})).notices).toEqual([]);
    const keys = randomKeys();
    const error = expectError(await t.call('createProfile', { name: 'Unit', environment: 'test', msn: '1234', secrets: keys }), 'KEYCHAIN_UNAVAILABLE');
    const notices = (await t.ok<{ notices: Array<{ message: string; level: string }> }>('getStatus', {})).notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]!.level).toBe('warning');
    expect(notices[0]!.message).toMatch(/no D-Bus session bus/);
    expect(notices[0]!.message).toMatch(/Sandbox profile needs no keys/);
    expect(error.message).toContain('apt-get install');
    expect(error.message).toMatch(/memory for this run only/);
    const { profiles } = await t.ok<{ profiles: unknown[] }>('listProfiles', {});
    expect(profiles).toHaveLength(1);
    expect(findSecrets([t.dataDir], keys)).toEqual([]);
  });

  test('a locked keyring, which answers reads with nothing, is reported as locked with how to unlock it', async () => {
    t = await testBackend({ keychain: failingKeychain('Cannot create an item in a locked collection', true) });
    const status = await t.ok<{ state: string; message: string }>('getKeychainStatus', {});
    expect(status.state).toBe('unavailable');
    expect(status.message).toMatch(/locked/);
    expect(status.message).toMatch(/Unlock your login keyring/);
    const profile = await t.ok<{ id: string }>('createProfile', { name: 'Unit', environment: 'custom', customBaseUrl: 'http://127.0.0.1:9', msn: '1234' });
    await t.ok('setActiveProfile', { id: profile.id });
    // Sending needs the keys: the answer names the locked keychain, not "no key stored".
    expectError(await t.call('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/x' } }), 'KEYCHAIN_UNAVAILABLE');
  });

  test('a keychain that never answers times out with advice instead of hanging', async () => {
    const vault = new SecretVault({ keychain: { getPassword: () => new Promise(() => {}), setPassword: () => new Promise(() => {}), deletePassword: () => new Promise(() => {}) }, timeoutMs: 50 });
    const status = await vault.status();
    expect(status).toMatchObject({ state: 'unavailable' });
    expect(status.message).toMatch(/did not answer in time/);
  });

  test('the user may opt in to keep keys in memory for this run only; they never reach the disk', async () => {
    t = await testBackend({ keychain: failingKeychain('Could not connect: No such file or directory') });
    const status = await t.ok<{ state: string; message: string }>('useMemoryKeychain', {});
    expect(status.state).toBe('memory');
    expect(status.message).toMatch(/forgotten when Vipps Explorer quits/);
    const keys = randomKeys();
    const created = await t.ok<{ id: string; secrets: Record<string, { set: boolean }> }>('createProfile', { name: 'Unit', environment: 'test', msn: '1234', secrets: keys });
    expect(created.secrets.client_secret!.set).toBe(true);
    await t.backend.dispose();
    expect(findSecrets([t.dataDir], keys)).toEqual([]);
  });

  test('keeping keys in memory is refused while the keychain works', async () => {
    t = await testBackend();
    expectError(await t.call('useMemoryKeychain', {}), 'CONFLICT');
    expect(await t.ok('getKeychainStatus', { recheck: true })).toMatchObject({ state: 'available' });
  });
});
