import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpRequest, SendResult } from '../../../shared/contract/requests';
import { ContainerSettingsSchema } from '../../../shared/model/collection';
import { newRequest, type ApiRequest } from '../../../shared/model/request';
import { RunOptionsSchema, type RunOptionsInput } from '../../../shared/model/run';
import type { RequestEngine, SendInput } from '../../../electron/backend/engine/request-engine';
import { EventBus } from '../../../electron/backend/events/event-bus';
import { openProfilesDocument } from '../../../electron/backend/profiles/profile-document';
import { ProfileService } from '../../../electron/backend/profiles/profile-service';
import type { RunnerHooks } from '../../../electron/backend/runner/hooks';
import { Runner } from '../../../electron/backend/runner/runner';
import type { PlannedRequest, RunSource } from '../../../electron/backend/runner/run-source';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { NoticeBoard } from '../../../electron/backend/store/notices';
import { MemoryKeychain } from '../../../electron/backend/vault/memory-keychain';
import { SecretVault } from '../../../electron/backend/vault/secret-vault';

// A run validates a planned request's wire form once and reuses it while nothing could change it
// (issue 17). These tests pin when it is reused and when each send must get a form of its own.

function answer(request: HttpRequest): SendResult {
  return {
    requestId: 'q',
    sent: { method: request.method, url: request.url, headers: [], body: '', unresolved: [], toProfileHost: false },
    status: 200,
    statusText: 'OK',
    headers: [],
    body: { kind: 'inline', text: '{}', encoding: 'utf8' },
    size: 2,
    timings: { dns: 0, connect: 0, tls: 0, firstByte: 0, total: 1 },
    redirects: [],
    retriedWithNewToken: false,
  };
}

describe('a run’s wire forms', () => {
  let dataDir: string;
  let sent: SendInput[];
  let profiles: ProfileService;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-wire-forms-'));
    sent = [];
    profiles = new ProfileService({
      store: openProfilesDocument({ factory: confStoreFactory, dir: dataDir, notices: new NoticeBoard(), sandboxMsn: '123456' }),
      vault: new SecretVault({ keychain: new MemoryKeychain() }),
      sandboxBaseUrl: () => 'http://127.0.0.1:1',
    });
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  function runner(hooks?: RunnerHooks): Runner {
    const engine = {
      send: async (input: SendInput) => {
        sent.push(input);
        return answer(input.request);
      },
    } as unknown as RequestEngine;
    return new Runner({ engine, profiles, events: new EventBus(), hooks });
  }

  function source(request: ApiRequest): { source: RunSource; item: PlannedRequest } {
    const item: PlannedRequest = { path: 'r.yaml', request, chain: [{ path: '', settings: ContainerSettingsSchema.parse({ name: 'C', auth: { type: 'none' } }) }] };
    return { item, source: { collectionId: 'c', name: 'C', items: [item], secretValue: async () => undefined } };
  }

  async function run(r: Runner, request: ApiRequest, options: RunOptionsInput = {}) {
    const { source: s, item } = source(request);
    const before = structuredClone(item.request);
    const { done } = r.start(RunOptionsSchema.parse({ collectionId: 'c', recordHistory: false, ...options }), s);
    const summary = await done;
    // Whatever a send did, the planned request is as it was.
    expect(item.request).toEqual(before);
    return summary;
  }

  it('hands every send of an unchanged request the one form validated on the first', async () => {
    const summary = await run(runner(), newRequest({ name: 'Get', url: 'http://127.0.0.1:1/a/{{n}}', headers: [{ key: 'X-A', value: '1', enabled: true }] }), { iterations: 3 });
    expect(summary.requests).toMatchObject({ total: 3, passed: 3 });
    expect(sent).toHaveLength(3);
    expect(sent[1]!.request).toBe(sent[0]!.request);
    expect(sent[2]!.request).toBe(sent[0]!.request);
    expect(Object.isFrozen(sent[0]!.request)).toBe(true);
    expect(sent[0]!.request).toMatchObject({ method: 'GET', url: 'http://127.0.0.1:1/a/{{n}}', headers: [{ name: 'X-A', value: '1', enabled: true }], options: { timeoutMs: 30_000, auth: 'none' } });
  });

  it('gives a run’s own timeout to each send without changing the kept form', async () => {
    await run(runner(), newRequest({ name: 'Get', url: 'http://127.0.0.1:1/a' }), { iterations: 2, requestTimeoutMs: 1234 });
    expect(sent.map((s) => s.request.options.timeoutMs)).toEqual([1234, 1234]);
    expect(sent[1]!.request.headers).toBe(sent[0]!.request.headers);
  });

  it('builds Basic auth afresh each time: its header is encoded with this iteration’s variables', async () => {
    await run(runner(), newRequest({ name: 'Get', url: 'http://127.0.0.1:1/a', auth: { type: 'basic', username: '{{user}}', password: 'pw' } }), { iterations: 2, iterationData: [{ user: 'anna' }, { user: 'bert' }] });
    const authorization = sent.map((s) => s.request.headers.find((h) => h.name === 'Authorization')?.value);
    expect(authorization).toEqual([`Basic ${Buffer.from('anna:pw').toString('base64')}`, `Basic ${Buffer.from('bert:pw').toString('base64')}`]);
  });

  it('validates again what a pre-request script changed, for that send alone', async () => {
    let call = 0;
    const hooks: RunnerHooks = {
      beforeRequest: async (ctx) => {
        call += 1;
        ctx.request.url = `http://127.0.0.1:1/changed-${call}`;
      },
    };
    await run(runner(hooks), newRequest({ name: 'Get', url: 'http://127.0.0.1:1/a', scripts: { preRequest: 'pm.request.url = "x"', test: '' } }), { iterations: 2 });
    expect(sent.map((s) => s.request.url)).toEqual(['http://127.0.0.1:1/changed-1', 'http://127.0.0.1:1/changed-2']);
    expect(sent[1]!.request).not.toBe(sent[0]!.request);
  });

  it('still refuses a request whose wire form breaks the contract, before sending', async () => {
    const summary = await run(runner(), newRequest({ name: 'Get', url: 'http://127.0.0.1:1/a', headers: [{ key: 'Bad Name', value: 'x', enabled: true }] }), { iterations: 2 });
    expect(sent).toHaveLength(0);
    expect(summary.results.map((r) => r.error?.code)).toEqual(['INTERNAL', 'INTERNAL']);
  });
});
