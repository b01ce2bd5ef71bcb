import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { activeCustomProfile, expectError, findSecrets, json, randomKey, startServer, tempFolder, testBackend, type TestBackend, type TestServer } from '../engine/harness';

type View = { id: string; variables: Record<string, string>; secretVariables: Record<string, { set: boolean; last4?: string }> };
const account = (profileId: string, name: string) => `profile-variable:${profileId}:${name}`;

describe('secret environment variables', () => {
  let t: TestBackend;
  let server: TestServer | undefined;
  afterEach(async () => {
    await t.dispose();
    await server?.close();
    server = undefined;
  });

  test('a secret variable goes to the keychain; the profile file, the answers and the views hold only its name', async () => {
    t = await testBackend();
    const value = randomKey('partner-key');
    const created = await t.ok<View>('createProfile', { name: 'Unit', environment: 'test', msn: '212121', variables: { shop: 'plain' }, secretVariables: [{ name: 'partnerKey', value }] });
    expect(created.secretVariables).toEqual({ partnerKey: { set: true, last4: value.slice(-4) } });
    expect(created.variables).toEqual({ shop: 'plain' });
    expect(await t.keychain.getPassword('vipps-explorer', account(created.id, 'partnerKey'))).toBe(value);
    const stored = JSON.parse(fs.readFileSync(path.join(t.dataDir, 'profiles.json'), 'utf8')) as { data: { profiles: Array<{ secretVariables?: string[] }> } };
    expect(stored.data.profiles[1]!.secretVariables).toEqual(['partnerKey']);
    expect(JSON.stringify(await t.ok('listProfiles', {}))).not.toContain(value);
    expect(findSecrets([t.dataDir], { value })).toEqual([]);
  });

  test('set and delete one secret at a time; a plain variable of that name becomes secret', async () => {
    t = await testBackend();
    const created = await t.ok<View>('createProfile', { name: 'Unit', environment: 'test', msn: '212121', variables: { token: 'was-plain' } });
    expect(await t.ok('setProfileVariableSecret', { id: created.id, name: 'token', value: 'a-long-secret-9876' })).toEqual({ name: 'token', state: { set: true, last4: '9876' } });
    const { profiles } = await t.ok<{ profiles: View[] }>('listProfiles', {});
    const view = profiles.find((p) => p.id === created.id)!;
    expect(view.variables).toEqual({});
    expect(view.secretVariables).toEqual({ token: { set: true, last4: '9876' } });
    expect(await t.ok('deleteProfileVariableSecret', { id: created.id, name: 'token' })).toEqual({ name: 'token', state: { set: false } });
    expect(await t.keychain.getPassword('vipps-explorer', account(created.id, 'token'))).toBeNull();
    expectError(await t.call('setProfileVariableSecret', { id: created.id, name: 'bad name', value: 'x' }), 'INVALID_INPUT');
  });

  test('renaming keeps the value, and a secret that is dropped, made plain or whose profile is deleted leaves no keychain entry', async () => {
    t = await testBackend();
    const created = await t.ok<View>('createProfile', {
      name: 'Unit',
      environment: 'test',
      msn: '212121',
      secretVariables: [
        { name: 'first', value: 'first-secret-value-1' },
        { name: 'second', value: 'second-secret-value-2' },
        { name: 'third', value: 'third-secret-value-3' },
      ],
    });
    const renamed = await t.ok<View>('updateProfile', { id: created.id, changes: { secretVariables: [{ name: 'renamed', previousName: 'first' }, { name: 'second' }, { name: 'third' }] } });
    expect(Object.keys(renamed.secretVariables)).toEqual(['renamed', 'second', 'third']);
    expect(await t.keychain.getPassword('vipps-explorer', account(created.id, 'renamed'))).toBe('first-secret-value-1');
    expect(await t.keychain.getPassword('vipps-explorer', account(created.id, 'first'))).toBeNull();
    // Made plain: the plain value wins, the keychain entry goes.
    const plain = await t.ok<View>('updateProfile', { id: created.id, changes: { variables: { second: 'now-plain' } } });
    expect(plain.variables).toEqual({ second: 'now-plain' });
    expect(Object.keys(plain.secretVariables)).toEqual(['renamed', 'third']);
    expect(await t.keychain.getPassword('vipps-explorer', account(created.id, 'second'))).toBeNull();
    expectError(await t.call('updateProfile', { id: created.id, changes: { variables: { third: 'x' }, secretVariables: [{ name: 'third' }] } }), 'INVALID_INPUT');
    expectError(await t.call('updateProfile', { id: created.id, changes: { secretVariables: [{ name: 'other', previousName: 'missing' }] } }), 'INVALID_INPUT');
    await t.ok('deleteProfile', { id: created.id });
    expect(t.keychain.size).toBe(0);
  });

  test('a profile file written before secret variables existed still loads, with none', async () => {
    const dataDir = tempFolder('vx-data-');
    const time = new Date().toISOString();
    const old = { id: 'old-unit', name: 'Old', environment: 'test', msn: '212121', system: { name: 'a', version: 'b', pluginName: 'c', pluginVersion: 'd' }, variables: { shop: 'kept' }, createdAt: time, updatedAt: time };
    fs.writeFileSync(path.join(dataDir, 'profiles.json'), JSON.stringify({ schemaVersion: 1, data: { profiles: [old], activeProfileId: 'old-unit' } }));
    t = await testBackend({ dataDir });
    const { profiles } = await t.ok<{ profiles: View[] }>('listProfiles', {});
    expect(profiles.find((p) => p.id === 'old-unit')).toMatchObject({ variables: { shop: 'kept' }, secretVariables: {} });
  });

  test('a send fills {{name}} from the keychain; the answer, the preview, the history and a Postman export never show the value', async () => {
    server = await startServer((req, res, body) => json(res, 200, { echoed: req.url, header: req.headers['x-partner'], body }));
    t = await testBackend();
    const value = randomKey('partner-key');
    const { id } = await activeCustomProfile(t, server.url, undefined, { secretVariables: [{ name: 'partnerKey', value }] });
    const request = { method: 'POST', url: '{{baseUrl}}/echo?k={{partnerKey}}', headers: [{ name: 'X-Partner', value: '{{partnerKey}}' }], body: '{"k":"{{partnerKey}}"}', options: { auth: 'none' } };
    const preview = await t.ok<{ url: string; headers: Array<{ name: string; value: string; secret: boolean }>; unresolved: string[] }>('previewRequest', { request });
    expect(preview.unresolved).toEqual([]);
    // The preview fills the mask (as a URL carries it), never the value.
    expect(preview.url).toContain(`k=${encodeURIComponent('••••••••')}${value.slice(-4)}`);
    expect(JSON.stringify(preview)).not.toContain(value);
    expect(preview.headers.find((h) => h.name === 'X-Partner')).toMatchObject({ secret: true });
    const sent = await t.ok<{ historyId: string; body: { text: string }; sent: { url: string; body: string } }>('sendRequest', { request });
    expect(server.requests[0]!.url).toBe(`/echo?k=${value}`);
    expect(server.requests[0]!.headers['x-partner']).toBe(value);
    expect(JSON.stringify(sent)).not.toContain(value);
    expect(sent.sent.url).toContain('«redacted:partnerKey»');
    const entry = await t.ok('getHistoryEntry', { id: sent.historyId });
    expect(JSON.stringify(entry)).not.toContain(value);
    const exported = await t.ok<{ text: string }>('exportPostmanEnvironment', { profileId: id });
    const row = (JSON.parse(exported.text) as { values: Array<{ key: string; value: string; type?: string }> }).values.find((v) => v.key === 'partnerKey');
    expect(row).toMatchObject({ value: '' });
    expect(exported.text).not.toContain(value);
    expect(findSecrets([t.dataDir], { value })).toEqual([]);
  });
});
