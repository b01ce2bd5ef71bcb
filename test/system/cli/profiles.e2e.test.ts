import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { requireKeyringSession } from '../keychain/keyring-session';
import { backgroundSandbox, vippsExplorer, type BackgroundSandbox } from './run-command';

/**
 * `vipps-explorer profiles …` against the real OS keychain (a private gnome-keyring session, see
 * scripts/with-keyring.sh) and a `vipps-explorer sandbox` running in the background.
 */
describe('vipps-explorer profiles and sandbox (real keychain)', () => {
  let sandbox: BackgroundSandbox;
  let dataDir: string;
  beforeAll(async () => {
    requireKeyringSession();
    sandbox = await backgroundSandbox();
    dataDir = tempDir('vx-cli-profiles-');
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  const keysEnv = (secret: string) => ({ VIPPS_CLIENT_ID: sandbox.keys.clientId, VIPPS_CLIENT_SECRET: secret, VIPPS_SUBSCRIPTION_KEY: sandbox.keys.subscriptionKey });

  it('the sandbox command prints the lines scripts read', () => {
    expect(sandbox.output()).toMatch(/^base url: http:\/\/127\.0\.0\.1:\d+$/m);
    expect(sandbox.keys.msn).toMatch(/^\d{4,6}$/);
  });

  it('adds a profile with keys from VIPPS_* into the keychain, lists it without the keys, and tests it (exit 0)', async () => {
    const add = await vippsExplorer(['profiles', 'add', 'Local sandbox', '--env', 'custom', '--base-url', sandbox.baseUrl, '--msn', sandbox.keys.msn, '--data-dir', dataDir], keysEnv(sandbox.keys.clientSecret));
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('Its keys (from environment variables) are in the OS keychain.');

    const list = await vippsExplorer(['profiles', 'list', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Local sandbox {2}custom {2}http:\/\/127\.0\.0\.1:\d+ {2}MSN \d+ {2}client_id set, client_secret set, subscription_key set/);
    for (const key of [sandbox.keys.clientSecret, sandbox.keys.subscriptionKey, sandbox.keys.clientId]) expect(list.stdout).not.toContain(key);

    const test = await vippsExplorer(['profiles', 'test', 'local sandbox', '--data-dir', dataDir]);
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('Keys accepted: Local sandbox got an access token valid until');
  });

  it('runs the quick start with a keychain profile (keys from the keychain, not the environment)', async () => {
    const outcome = await vippsExplorer(['run', 'quickstart', '--profile', 'Local sandbox', '--data-dir', dataDir, '--reporter-json-export', `${dataDir}/report.json`]);
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    expect(outcome.stdout).toContain('ok POST Access token  200 OK');
    const report = JSON.parse(fs.readFileSync(`${dataDir}/report.json`, 'utf8'));
    expect(report.keySource).toBe('OS keychain');
    expect(report.environment).toBe('custom (profile "Local sandbox")');
  });

  it('a profile whose secret is refused fails its test with exit 1 and says what to check', async () => {
    const add = await vippsExplorer(['profiles', 'add', 'Wrong secret', '--env', 'custom', '--base-url', sandbox.baseUrl, '--msn', sandbox.keys.msn, '--data-dir', dataDir], keysEnv('not-the-secret'));
    expect(add.code).toBe(0);
    const test = await vippsExplorer(['profiles', 'test', 'Wrong secret', '--data-dir', dataDir]);
    expect(test.code).toBe(1);
    expect(test.stderr).toContain('failed: No access token for "Wrong secret"');
    expect(test.stderr).toContain('Check VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET and VIPPS_SUBSCRIPTION_KEY');
    expect(test.stderr).not.toContain('not-the-secret');
  });

  it('removes a profile and its keys; an unknown name exits 2 and lists the profiles', async () => {
    const remove = await vippsExplorer(['profiles', 'remove', 'Wrong secret', '--data-dir', dataDir]);
    expect(remove.code).toBe(0);
    const again = await vippsExplorer(['profiles', 'test', 'Wrong secret', '--data-dir', dataDir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('There is no profile called "Wrong secret".');
    expect(again.stderr).toContain('"Local sandbox"');
  });
});
