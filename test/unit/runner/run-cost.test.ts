import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { profileVariables } from '../../../electron/backend/engine/profile-variables';
import { openProfilesDocument } from '../../../electron/backend/profiles/profile-document';
import { ProfileService } from '../../../electron/backend/profiles/profile-service';
import { RunScopes } from '../../../electron/backend/runner/run-scopes';
import { addResult, emptySummary } from '../../../electron/backend/runner/run-summary';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { NoticeBoard } from '../../../electron/backend/store/notices';
import { MemoryKeychain } from '../../../electron/backend/vault/memory-keychain';
import { SecretVault } from '../../../electron/backend/vault/secret-vault';
import type { RunRequestResult } from '../../../shared/model/run';

// The per-request shortcuts of a long run (issue 17): each must give what the slow way gave.

function result(passed: boolean, assertions: Array<{ passed: boolean; skipped?: boolean }>): RunRequestResult {
  return { iteration: 0, index: 0, path: 'r', name: 'r', method: 'GET', url: 'http://x/', timeMs: 1, size: 0, assertions: assertions.map((a, i) => ({ name: `a${i}`, passed: a.passed, skipped: a.skipped ?? false })), setVariables: [], skipped: false, passed };
}

describe('a run counted as it goes', () => {
  it('counts requests and assertions as a recount of every result would, skipped assertions left out', () => {
    const results = [result(true, [{ passed: true }, { passed: false, skipped: true }]), result(false, [{ passed: false }, { passed: true }]), result(true, [])];
    let counts = emptySummary({ runId: 'r', collectionId: 'c', path: '', name: 'n', profileId: 'p', iterations: 1, startedAt: new Date(0).toISOString() });
    const before = counts.requests;
    for (const r of results) counts = { ...counts, ...addResult(counts, r) };
    expect(counts.requests).toEqual({ total: 3, passed: 2, failed: 1 });
    expect(counts.assertions).toEqual({ total: 3, passed: 2, failed: 1 });
    // A summary handed out earlier keeps the counts it had.
    expect(before).toEqual({ total: 0, passed: 0, failed: 0 });
  });
});

describe('one request’s view of the run’s scopes', () => {
  it('tells a set to the request that made it alone, and the value reaches the next request', () => {
    const scopes = new RunScopes({}, new Map());
    const heard: string[][] = [[], [], []];
    const first = scopes.forRequest({ shared: 'file' }, {}, (key) => heard[0]!.push(key));
    first.run.set('orderId', 'o-1');
    first.collection.set('shared', 'changed');
    first.globals.set('g', '1');
    const second = scopes.forRequest({ shared: 'file' }, {}, (key) => heard[1]!.push(key));
    expect(second.resolve('orderId')).toBe('o-1');
    expect(second.collection.get('shared')).toBe('changed');
    expect(second.fill('{{g}}')).toBe('1');
    second.run.set('orderId', 'o-2');
    second.globals.set('g', '2');
    const third = scopes.forRequest({}, {}, (key) => heard[2]!.push(key));
    // The first request's listener hears nothing of the second's sets (a wrapper stacked on the shared scope would).
    expect(heard).toEqual([['orderId', 'shared', 'g'], ['orderId', 'g'], []]);
    expect(third.engineScopes().run).toEqual({ orderId: 'o-2' });
    expect(third.engineScopes().globals).toEqual({ g: '2' });
    // The shared scopes stay plain: nothing was written onto them.
    expect(Object.hasOwn(scopes.run, 'set')).toBe(false);
    expect(Object.hasOwn(scopes.globals, 'set')).toBe(false);
  });

  it('never tracks the environment, whose baseUrl and msn stay read-only', () => {
    const scopes = new RunScopes({}, new Map());
    const heard: string[] = [];
    const request = scopes.forRequest({}, { baseUrl: 'http://a', msn: '1' }, (key) => heard.push(key));
    request.environment.set('baseUrl', 'http://evil');
    request.environment.set('own', 'x');
    expect(request.resolve('baseUrl')).toBe('http://a');
    expect(heard).toEqual([]);
  });
});

describe('a profile’s variables, built once', () => {
  let dataDir: string | undefined;
  afterEach(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('follows an edited profile and a moved sandbox port, and cannot be changed by a caller', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-profile-variables-'));
    let sandboxUrl = 'http://127.0.0.1:1000';
    const profiles = new ProfileService({
      store: openProfilesDocument({ factory: confStoreFactory, dir: dataDir, notices: new NoticeBoard(), sandboxMsn: '123456' }),
      vault: new SecretVault({ keychain: new MemoryKeychain() }),
      sandboxBaseUrl: () => sandboxUrl,
    });
    const created = await profiles.create({ name: 'Shop', environment: 'test', msn: '654321', variables: { shopId: 'one' } });
    const first = profileVariables(profiles, profiles.get(created.id));
    expect(first).toEqual(profiles.variablesOf(profiles.get(created.id)));
    expect(profileVariables(profiles, profiles.get(created.id))).toBe(first);
    expect(() => ((first as Record<string, string>).shopId = 'changed')).toThrow();

    await profiles.update(created.id, { variables: { shopId: 'two' }, msn: '777777' });
    expect(profileVariables(profiles, profiles.get(created.id))).toMatchObject({ shopId: 'two', msn: '777777', merchantSerialNumber: '777777' });

    const sandbox = profiles.get('sandbox');
    expect(profileVariables(profiles, sandbox)).toMatchObject({ baseUrl: sandboxUrl, base_url: sandboxUrl });
    sandboxUrl = 'http://127.0.0.1:2000';
    expect(profileVariables(profiles, sandbox)).toMatchObject({ baseUrl: 'http://127.0.0.1:2000', base_url: 'http://127.0.0.1:2000' });
  });
});
