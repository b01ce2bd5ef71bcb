import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/index';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { filesUnder } from '../../unit/engine/harness';
import { requireKeyringSession, saveKeyInChild, secretToolLookup } from './keyring-session';

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-keychain-'));
  dirs.push(dir);
  return dir;
}
const secret = () => `sys-secret-${randomBytes(12).toString('hex')}`;

function fileContaining(dir: string, value: string): string[] {
  return filesUnder(dir).filter((file) => fs.readFileSync(file).toString('latin1').includes(value));
}

describe('keys in the real OS keychain (Secret Service)', () => {
  let backend: Backend | undefined;
  beforeEach(() => requireKeyringSession());
  afterEach(async () => {
    await backend?.dispose();
    backend = undefined;
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('keys saved through the backend are readable with secret-tool, and gone once the profile is deleted', async () => {
    const dir = dataDir();
    backend = await createBackend({ host: 'test', dataDir: dir, storeFactory: confStoreFactory, sandbox: false });
    expect(await backend.call('getKeychainStatus', {})).toMatchObject({ ok: true, value: { state: 'available' } });
    const keys = { client_id: secret(), client_secret: secret(), subscription_key: secret() };
    const created = await backend.call('createProfile', { name: 'Keychain unit', environment: 'test', msn: '12345', secrets: keys });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;

    for (const [field, value] of Object.entries(keys)) expect(secretToolLookup(`${id}:${field}`)).toBe(value);
    const replaced = secret();
    expect(await backend.call('setProfileSecret', { id, field: 'client_secret', value: replaced })).toMatchObject({ ok: true });
    expect(secretToolLookup(`${id}:client_secret`)).toBe(replaced);
    expect(fileContaining(dir, replaced)).toEqual([]);

    expect(await backend.call('deleteProfile', { id })).toMatchObject({ ok: true, value: { deleted: true } });
    for (const field of Object.keys(keys)) expect(secretToolLookup(`${id}:${field}`)).toBeNull();
  });

  test('a locked keyring yields KEYCHAIN_UNAVAILABLE saying to unlock it, and nothing on disk', () => {
    const dir = dataDir();
    const value = secret();
    const lockThenRun = [
      'set -e',
      'eval "$(printf %s "$VIPPS_EXPLORER_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets)"',
      `gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets --method org.freedesktop.Secret.Service.Lock "['/org/freedesktop/secrets/collection/login']" >/dev/null`,
      '"$@"',
    ].join('\n');
    const home = dataDir();
    const outcome = saveKeyInChild({ dataDir: dir, secret: value, env: { ...process.env, HOME: home }, wrapIn: lockThenRun });
    expect(outcome.status.state).toBe('unavailable');
    expect(outcome.create.error?.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(outcome.create.error?.message).toMatch(/locked/);
    expect(outcome.create.error?.message).toMatch(/Unlock your login keyring/);
    expect(outcome.notices.some((n) => n.level === 'warning' && /locked/.test(n.message))).toBe(true);
    expect(fileContaining(dir, value)).toEqual([]);
  });

  test.each([
    ['no session bus address at all', undefined],
    ['a bus address that leads nowhere', 'unix:path=/nonexistent/vipps-explorer-bus'],
  ])('a missing Secret Service (%s) yields KEYCHAIN_UNAVAILABLE naming D-Bus and what to install', (_case, address) => {
    const dir = dataDir();
    const value = secret();
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    if (address) env.DBUS_SESSION_BUS_ADDRESS = address;
    const outcome = saveKeyInChild({ dataDir: dir, secret: value, env });
    expect(outcome.status.state).toBe('unavailable');
    expect(outcome.create.error?.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(outcome.create.error?.message).toMatch(/no D-Bus session bus/);
    expect(outcome.create.error?.message).toContain('apt-get install');
    expect(outcome.notices).toHaveLength(1);
    expect(fileContaining(dir, value)).toEqual([]);
  });

  test('a session with no login keyring yields KEYCHAIN_UNAVAILABLE saying to create or unlock one', () => {
    const dir = dataDir();
    const value = secret();
    const outcome = saveKeyInChild({ dataDir: dir, secret: value, env: { ...process.env, HOME: dataDir() }, wrapIn: '"$@"' });
    expect(outcome.create.error?.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(outcome.create.error?.message).toMatch(/login keyring/);
    expect(fileContaining(dir, value)).toEqual([]);
  });
});
