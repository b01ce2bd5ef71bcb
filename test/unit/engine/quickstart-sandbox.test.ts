import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { recordedTempDir } from '../../../electron/backend/engine/response-bodies';
import { filesUnder, findSecrets, randomKeys, testBackend, type TestBackend } from './harness';
import { runQuickStart } from './quickstart-run';

describe('the whole quick start against the embedded sandbox (in-memory keychain)', () => {
  let t: TestBackend;
  afterEach(async () => t?.dispose());

  test('runs every step with keys of an extra sales unit, and no key or token lands in a file or the log', async () => {
    const keys = randomKeys();
    const msn = String(100000 + Math.floor(Math.random() * 899999));
    t = await testBackend({
      sandbox: { config: { salesUnits: [{ name: 'Random unit', clientId: keys.client_id, clientSecret: keys.client_secret, subscriptionKey: keys.subscription_key, msn }] } },
    });
    const profile = await t.ok<{ id: string; baseUrl: string }>('createProfile', { name: 'My sandbox unit', environment: 'sandbox', msn });
    expect(profile.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await t.ok('setActiveProfile', { id: profile.id });
    for (const [field, value] of Object.entries(keys)) await t.ok('setProfileSecret', { id: profile.id, field, value });

    await runQuickStart(t);
    const { accessToken } = await t.ok<{ accessToken: string }>('revealToken', {});
    expect(accessToken.length).toBeGreaterThan(20);
    const history = await t.ok<{ total: number }>('listHistory', {});
    expect(history.total).toBe(6);

    await t.backend.dispose();
    // The scan only means something if the files it reads exist.
    expect(filesUnder(t.dataDir).map((file) => path.basename(file))).toEqual(expect.arrayContaining(['history.json', 'profiles.json', 'sandbox-state.jsonl']));
    const leaks = findSecrets([t.dataDir, ...[recordedTempDir(t.dataDir)].filter((dir) => dir !== undefined)], { client_secret: keys.client_secret, subscription_key: keys.subscription_key, access_token: accessToken }, { log: t.logLines.join('\n') });
    expect(leaks).toEqual([]);
  });
});
