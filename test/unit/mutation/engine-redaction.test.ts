import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asKnownSecrets, EngineRedaction } from '../../../electron/backend/engine/engine-redaction';
import { TokenManager } from '../../../electron/backend/engine/token-manager';
import { openProfilesDocument } from '../../../electron/backend/profiles/profile-document';
import { ProfileService } from '../../../electron/backend/profiles/profile-service';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { NoticeBoard } from '../../../electron/backend/store/notices';
import { MemoryKeychain } from '../../../electron/backend/vault/memory-keychain';
import { SecretVault } from '../../../electron/backend/vault/secret-vault';
import type { ResolvedRequest, SendResult } from '../../../shared/contract/requests';

// What leaves the engine for the window: a real profile store and vault (the in-memory
// keychain), a real token cache. Every secret kind has its own value so a leak names itself.
const KEYS = { client_id: 'cid-0123456789', client_secret: 'csecret-0123456789', subscription_key: 'subkey-0123456789' };
const SECRET_VARIABLE = 'webhook-secret-0123';
const TOKEN = 'eyJ-token-0123456789';

let dataDir: string;
let profiles: ProfileService;
let tokens: TokenManager;
let redaction: EngineRedaction;
let shopId: string;
let plainId: string;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-engine-redaction-'));
  const vault = new SecretVault({ keychain: new MemoryKeychain() });
  profiles = new ProfileService({
    store: openProfilesDocument({ factory: confStoreFactory, dir: dataDir, notices: new NoticeBoard(), sandboxMsn: '123456' }),
    vault,
    sandboxBaseUrl: () => undefined,
  });
  const shop = await profiles.create({ name: 'Shop', environment: 'test', msn: '654321', secretVariables: [{ name: 'webhookSecret', value: SECRET_VARIABLE }] }, KEYS);
  const plain = await profiles.create({ name: 'Plain', environment: 'test', msn: '111111' }, { client_id: 'other-client-id-9' });
  shopId = shop.id;
  plainId = plain.id;
  tokens = new TokenManager({ fetch: () => Promise.reject(new Error('no token server in this test')) });
  tokens.adopt(shopId, { value: TOKEN, fetchedAt: 0, expiresAt: Number.MAX_SAFE_INTEGER, renewAt: Number.MAX_SAFE_INTEGER, lifetimeSeconds: 3600 });
  redaction = new EngineRedaction(profiles, tokens);
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const everything = `${KEYS.client_id} ${KEYS.client_secret} ${KEYS.subscription_key} ${SECRET_VARIABLE} ${TOKEN}`;

function sent(over: Partial<ResolvedRequest> = {}): ResolvedRequest {
  return { method: 'POST', url: `https://x.test/cb?key=${KEYS.subscription_key}`, headers: [], body: `{"s":"${KEYS.client_secret}"}`, unresolved: [], toProfileHost: true, ...over };
}

function result(over: Partial<SendResult> = {}): SendResult {
  return {
    requestId: 'r-1',
    sent: sent(),
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'X-Echo', value: TOKEN }],
    body: { kind: 'inline', encoding: 'utf8', text: `{"echo":"${SECRET_VARIABLE}","token":"${TOKEN}"}` },
    size: 10,
    timings: { dns: 0, connect: 0, tls: 0, firstByte: 0, download: 0, total: 0 },
    redirects: [{ status: 302, from: `https://x.test/a?k=${KEYS.client_id}`, to: `https://x.test/b?t=${TOKEN}`, credentialsDropped: false }],
    retriedWithNewToken: false,
    ...over,
  } as SendResult;
}

describe('asKnownSecrets', () => {
  it('labels each value by its name', () => {
    expect(asKnownSecrets({ a: 'x', b: 'y' })).toEqual([
      { label: 'a', value: 'x' },
      { label: 'b', value: 'y' },
    ]);
  });
});

describe('EngineRedaction', () => {
  it('reads a profile’s secret variables from the keychain, and none for a profile without', async () => {
    expect(await redaction.secretVariables(shopId)).toEqual({ webhookSecret: SECRET_VARIABLE });
    expect(await redaction.secretVariables(plainId)).toEqual({});
  });

  it('builds a redactor of the given keys, the caller’s secrets and every cached token', () => {
    const redactor = redaction.redactor({ client_secret: KEYS.client_secret }, [{ label: 'extra', value: 'extra-value-1' }]);
    expect(redactor.text(`${KEYS.client_secret} extra-value-1 ${TOKEN} ${KEYS.client_id}`)).toBe(
      `«redacted:client_secret» «redacted:extra» «redacted:access_token» ${KEYS.client_id}`,
    );
    expect(redaction.redactor({}).text(TOKEN)).toBe('«redacted:access_token»');
  });

  it('cleans an answer for the window: sent URL, body and headers, answer headers, body and redirects', async () => {
    const clean = await redaction.result(
      result({ sent: sent({ headers: [{ name: 'Authorization', value: `Bearer ${TOKEN}`, auto: true, secret: false }, { name: 'Ocp-Apim-Subscription-Key', value: '••••6789', auto: true, secret: true }] }) }),
      shopId,
      [{ label: 'collection_key', value: 'collection-secret-1' }],
    );
    expect(clean.sent.url).toBe('https://x.test/cb?key=«redacted:subscription_key»');
    expect(clean.sent.body).toBe('{"s":"«redacted:client_secret»"}');
    expect(clean.sent.headers).toEqual([
      { name: 'Authorization', value: 'Bearer «redacted:access_token»', auto: true, secret: false },
      // Already masked by the engine: left as it is.
      { name: 'Ocp-Apim-Subscription-Key', value: '••••6789', auto: true, secret: true },
    ]);
    expect(clean.headers).toEqual([{ name: 'X-Echo', value: '«redacted:access_token»' }]);
    expect(clean.body).toEqual({ kind: 'inline', encoding: 'utf8', text: '{"echo":"«redacted:webhookSecret»","token":"«redacted:access_token»"}' });
    expect(clean.redirects).toEqual([{ status: 302, from: 'https://x.test/a?k=«redacted:client_id»', to: 'https://x.test/b?t=«redacted:access_token»', credentialsDropped: false }]);
    expect(JSON.stringify(clean)).not.toMatch(new RegExp(Object.values(KEYS).join('|')));
    expect(clean.status).toBe(200);
  });

  it('redacts the caller’s own secrets in an answer', async () => {
    const clean = await redaction.result(result({ body: { kind: 'inline', encoding: 'utf8', text: 'collection-secret-1' } }), shopId, [{ label: 'collection_key', value: 'collection-secret-1' }]);
    expect(clean.body).toMatchObject({ text: '«redacted:collection_key»' });
  });

  it('leaves binary and on-disk bodies as they are (they are cleaned page by page)', async () => {
    const base64 = { kind: 'inline', encoding: 'base64', text: Buffer.from(TOKEN).toString('base64') } as const;
    expect((await redaction.result(result({ body: base64 }), shopId, [])).body).toEqual(base64);
    const file = { kind: 'file', responseId: 'resp-1', size: 1 } as const;
    expect((await redaction.result(result({ body: file }), shopId, [])).body).toEqual(file);
  });

  it('uses the keys of the profile the answer came from', async () => {
    const clean = await redaction.result(result({ headers: [{ name: 'X', value: `${KEYS.client_id} other-client-id-9` }] }), plainId, []);
    expect(clean.headers[0]?.value).toBe(`${KEYS.client_id} «redacted:client_id»`);
  });

  it('cleans each page of a large body of the active profile’s keys and variables and of what its sender named', async () => {
    await profiles.setActive(shopId);
    redaction.rememberBody('resp-1', [{ label: 'collection_key', value: 'collection-secret-1' }]);
    expect(await redaction.page('resp-1', `${everything} collection-secret-1`)).toBe(
      '«redacted:client_id» «redacted:client_secret» «redacted:subscription_key» «redacted:webhookSecret» «redacted:access_token» «redacted:collection_key»',
    );
    expect(await redaction.page('resp-2', 'collection-secret-1')).toBe('collection-secret-1');
  });

  it('remembers the senders’ secrets of the 64 latest bodies only', async () => {
    await profiles.setActive(shopId);
    for (let i = 0; i <= 64; i++) redaction.rememberBody(`resp-${i}`, [{ label: 'k', value: `body-secret-${i}` }]);
    expect(await redaction.page('resp-0', 'body-secret-0')).toBe('body-secret-0');
    expect(await redaction.page('resp-1', 'body-secret-1')).toBe('«redacted:k»');
    expect(await redaction.page('resp-64', 'body-secret-64')).toBe('«redacted:k»');
  });
});
