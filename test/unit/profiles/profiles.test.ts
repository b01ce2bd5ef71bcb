import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DEMO_SALES_UNIT } from '../../../electron/sandbox/index';
import { expectError, findSecrets, randomKeys, testBackend, type TestBackend } from '../engine/harness';

type View = {
  id: string;
  name: string;
  environment: string;
  baseUrl: string;
  msn: string;
  builtIn: boolean;
  active: boolean;
  system: Record<string, string>;
  secrets: Record<string, { set: boolean; last4?: string }>;
};

describe('profiles', () => {
  let t: TestBackend;
  afterEach(async () => t.dispose());

  test('a built-in Sandbox profile is there from the start, active, with the demo keys kept out of the file', async () => {
    t = await testBackend();
    const { profiles, activeProfileId } = await t.ok<{ profiles: View[]; activeProfileId: string }>('listProfiles', {});
    expect(activeProfileId).toBe('sandbox');
    expect(profiles).toEqual([expect.objectContaining({ id: 'sandbox', environment: 'sandbox', builtIn: true, active: true, msn: DEMO_SALES_UNIT.msn })]);
    expect(profiles[0]!.secrets.client_secret).toEqual({ set: true, last4: DEMO_SALES_UNIT.clientSecret.slice(-4) });
    expect(findSecrets([t.dataDir], { secret: DEMO_SALES_UNIT.clientSecret, key: DEMO_SALES_UNIT.subscriptionKey })).toEqual([]);
    expect(t.keychain.size).toBe(0);
    expectError(await t.call('deleteProfile', { id: 'sandbox' }), 'CONFLICT');
    expectError(await t.call('setProfileSecret', { id: 'sandbox', field: 'client_secret', value: 'another-secret-value' }), 'CONFLICT');
  });

  test('keys go to the keychain, one entry per profile and field; the store and the answers never hold them', async () => {
    t = await testBackend();
    const keys = randomKeys();
    const created = await t.ok<View>('createProfile', { name: 'My test unit', environment: 'test', msn: '212121', secrets: keys });
    expect(created.baseUrl).toBe('https://apitest.vipps.no');
    expect(created.secrets).toEqual({
      client_id: { set: true, last4: keys.client_id.slice(-4) },
      client_secret: { set: true, last4: keys.client_secret.slice(-4) },
      subscription_key: { set: true, last4: keys.subscription_key.slice(-4) },
    });
    expect(await t.keychain.getPassword('vipps-explorer', `${created.id}:client_secret`)).toBe(keys.client_secret);
    expect(await t.keychain.getPassword('vipps-explorer', `${created.id}:subscription_key`)).toBe(keys.subscription_key);
    const listed = await t.ok('listProfiles', {});
    expect(JSON.stringify(listed)).not.toContain(keys.client_secret);
    expect(findSecrets([t.dataDir], keys)).toEqual([]);
    const stored = JSON.parse(fs.readFileSync(path.join(t.dataDir, 'profiles.json'), 'utf8')) as { data: { profiles: Array<{ name: string }> } };
    expect(stored.data.profiles.map((p) => p.name)).toEqual(['Sandbox', 'My test unit']);
  });

  test('a key can be replaced or deleted, and the answer shows only whether it is set', async () => {
    t = await testBackend();
    const created = await t.ok<View>('createProfile', { name: 'Unit', environment: 'test', msn: '212121' });
    expect(created.secrets.client_secret).toEqual({ set: false });
    expect(await t.ok('setProfileSecret', { id: created.id, field: 'client_secret', value: 'first-secret-1111' })).toEqual({ field: 'client_secret', state: { set: true, last4: '1111' } });
    expect(await t.ok('setProfileSecret', { id: created.id, field: 'client_secret', value: 'second-secret-2222' })).toEqual({ field: 'client_secret', state: { set: true, last4: '2222' } });
    expect(await t.keychain.getPassword('vipps-explorer', `${created.id}:client_secret`)).toBe('second-secret-2222');
    expect(await t.ok('deleteProfileSecret', { id: created.id, field: 'client_secret' })).toEqual({ field: 'client_secret', state: { set: false } });
    expect(await t.keychain.getPassword('vipps-explorer', `${created.id}:client_secret`)).toBeNull();
    // A short key would be half given away by its last four characters.
    expect(await t.ok('setProfileSecret', { id: created.id, field: 'client_id', value: 'short' })).toEqual({ field: 'client_id', state: { set: true } });
  });

  test('deleting a profile deletes its keychain entries and falls back to the Sandbox profile', async () => {
    t = await testBackend();
    const created = await t.ok<View>('createProfile', { name: 'Doomed', environment: 'production', msn: '343434', secrets: randomKeys() });
    await t.ok('setActiveProfile', { id: created.id });
    expect(t.keychain.size).toBe(3);
    expect(await t.ok('deleteProfile', { id: created.id })).toEqual({ deleted: true, activeProfileId: 'sandbox' });
    expect(t.keychain.size).toBe(0);
    expectError(await t.call('setActiveProfile', { id: created.id }), 'NOT_FOUND');
  });

  test('the active profile drives getStatus and survives a restart', async () => {
    t = await testBackend();
    const created = await t.ok<View>('createProfile', { name: 'Staging', environment: 'custom', customBaseUrl: 'http://localhost:9999/', msn: '5555' });
    await t.ok('setActiveProfile', { id: created.id });
    const status = await t.ok<{ environment: unknown }>('getStatus', {});
    expect(status.environment).toEqual({ profileId: created.id, profileName: 'Staging', kind: 'custom', baseUrl: 'http://localhost:9999' });
    await t.backend.dispose();
    const again = await testBackend({ dataDir: t.dataDir, keychain: t.keychain });
    expect((await again.ok<{ activeProfileId: string }>('listProfiles', {})).activeProfileId).toBe(created.id);
    await again.backend.dispose();
  });

  test('Vipps-System-* values default to the app and are limited to 30 characters', async () => {
    t = await testBackend();
    const created = await t.ok<View>('createProfile', { name: 'Unit', environment: 'test', msn: '212121', system: { pluginName: 'my-shop-plugin' } });
    expect(created.system).toMatchObject({ name: 'vipps-explorer', pluginName: 'my-shop-plugin' });
    expect(created.system.version).toBe(created.system.pluginVersion);
    const error = expectError(await t.call('updateProfile', { id: created.id, changes: { system: { name: 'x'.repeat(31) } } }), 'INVALID_INPUT');
    expect(error.message).toContain('30 characters');
    expectError(await t.call('createProfile', { name: 'Bad', environment: 'test', msn: '12' }), 'INVALID_INPUT');
    expectError(await t.call('createProfile', { name: 'No URL', environment: 'custom', msn: '1234' }), 'INVALID_INPUT');
  });

  test('an update can move a profile to another environment', async () => {
    t = await testBackend();
    const created = await t.ok<View>('createProfile', { name: 'Unit', environment: 'test', msn: '212121' });
    const moved = await t.ok<View>('updateProfile', { id: created.id, changes: { environment: 'production', name: 'Unit (live)' } });
    expect(moved).toMatchObject({ environment: 'production', baseUrl: 'https://api.vipps.no', name: 'Unit (live)', msn: '212121' });
    expectError(await t.call('updateProfile', { id: 'sandbox', changes: { environment: 'test' } }), 'CONFLICT');
  });
});
