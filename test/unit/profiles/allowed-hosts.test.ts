import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { expectError, tempFolder, testBackend, type TestBackend } from '../engine/harness';

type View = { id: string; allowedHosts: { keys: Record<string, string[]>; variables: Record<string, string[]> } };

describe('allowed hosts in the profile document', () => {
  let t: TestBackend;
  afterEach(async () => t.dispose());

  test('are saved in their normal form, each once, and come back in the view', async () => {
    t = await testBackend();
    const created = await t.ok<View>('createProfile', {
      name: 'Unit',
      environment: 'test',
      msn: '212121',
      secretVariables: [{ name: 'partnerKey', value: 'partner-key-value-1' }],
      allowedHosts: { keys: { client_secret: ['https://Auth.Example/x', 'auth.example', '*.Hooks.example'] }, variables: { partnerKey: ['localhost:8080'] } },
    });
    expect(created.allowedHosts).toEqual({ keys: { client_secret: ['auth.example', '*.hooks.example'] }, variables: { partnerKey: ['localhost:8080'] } });
    const stored = JSON.parse(fs.readFileSync(path.join(t.dataDir, 'profiles.json'), 'utf8')) as { data: { profiles: Array<{ allowedHosts: unknown }> } };
    expect(stored.data.profiles[1]!.allowedHosts).toEqual(created.allowedHosts);
  });

  test('follow a renamed secret variable, and go with a deleted or dropped one', async () => {
    t = await testBackend();
    const created = await t.ok<View>('createProfile', {
      name: 'Unit',
      environment: 'test',
      msn: '212121',
      secretVariables: [
        { name: 'first', value: 'first-secret-value-1' },
        { name: 'second', value: 'second-secret-value-2' },
      ],
      allowedHosts: { keys: {}, variables: { first: ['one.example'], second: ['two.example'] } },
    });
    const renamed = await t.ok<View>('updateProfile', { id: created.id, changes: { secretVariables: [{ name: 'renamed', previousName: 'first' }, { name: 'second' }] } });
    expect(renamed.allowedHosts.variables).toEqual({ renamed: ['one.example'], second: ['two.example'] });
    await t.ok('deleteProfileVariableSecret', { id: created.id, name: 'second' });
    const dropped = await t.ok<View>('updateProfile', { id: created.id, changes: { secretVariables: [] } });
    expect(dropped.allowedHosts.variables).toEqual({});
  });

  test('a profiles file written before allowed hosts existed loads with none', async () => {
    const dataDir = tempFolder('vx-old-profiles-');
    const time = new Date().toISOString();
    const old = { id: 'old-1', name: 'Old', environment: 'test', msn: '212121', system: { name: 'a', version: 'b', pluginName: 'c', pluginVersion: 'd' }, variables: {}, createdAt: time, updatedAt: time };
    fs.writeFileSync(path.join(dataDir, 'profiles.json'), JSON.stringify({ schemaVersion: 1, data: { profiles: [old], activeProfileId: 'old-1' } }));
    t = await testBackend({ dataDir });
    const { profiles } = await t.ok<{ profiles: View[] }>('listProfiles', {});
    expect(profiles.find((p) => p.id === 'old-1')!.allowedHosts).toEqual({ keys: {}, variables: {} });
  });

  test('something that is not a host is refused with what to type', async () => {
    t = await testBackend();
    const error = expectError(await t.call('createProfile', { name: 'Unit', environment: 'test', msn: '212121', allowedHosts: { keys: { client_id: ['not a host'] }, variables: {} } }), 'INVALID_INPUT');
    expect(error.message).toContain('"not a host" is not a host client_id could be allowed to go to');
  });
});
