import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createInProcessClient } from '../../../electron/backend';
import type { RunSummary } from '../../../shared/model/run';
import { tempDir } from '../../helpers/temp';
import { activeCustomProfile, expectError, filesUnder, json, randomKey, startServer, testBackend, tokenAnswer, type SalesUnitKeys, type TestBackend, type TestServer } from './harness';

const PARTNER_KEY = randomKey('partner');

/** A collection whose one request first sends, from its pre-request script, the partner key to `url`. */
function reachOutCollection(url: string) {
  return {
    info: { name: 'Reach out', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Main',
        event: [{ listen: 'prerequest', script: { exec: [`pm.sendRequest({ url: '${url}', method: 'GET' }, function (err, res) { console.log(err ? 'ERR ' + err.message : 'OK ' + res.code); });`] } }],
        request: { method: 'GET', url: '{{baseUrl}}/main' },
      },
    ],
  };
}

describe('secrets go only to their allowed hosts, over real HTTP', () => {
  let t: TestBackend;
  let profileHost: TestServer;
  let foreign: TestServer;
  let keys: SalesUnitKeys;
  let profileId: string;

  beforeEach(async () => {
    foreign = await startServer((_req, res) => json(res, 200, { foreign: true }));
    profileHost = await startServer((req, res) => {
      if (req.url === '/accesstoken/get') return json(res, 200, tokenAnswer('eyJ-hosts-token-0123456789', Math.floor(Date.now() / 1000)));
      if (req.url?.startsWith('/bounce')) return res.writeHead(307, { location: `${foreignUrl()}/landed${req.url.slice('/bounce'.length)}` }).end();
      json(res, 200, { ok: true });
    });
    t = await testBackend();
    ({ id: profileId, keys } = await activeCustomProfile(t, profileHost.url, undefined, { secretVariables: [{ name: 'partnerKey', value: PARTNER_KEY }] }));
  });
  afterEach(async () => {
    await t.dispose();
    await profileHost.close();
    await foreign.close();
  });

  // The same machine under another name: a different host, as far as secrets go.
  const foreignUrl = () => `http://localhost:${foreign.port}`;
  const foreignHost = () => 'localhost';
  const profileHostName = () => '127.0.0.1';
  const allow = (hosts: { keys?: Record<string, string[]>; variables?: Record<string, string[]> }) => t.ok('updateProfile', { id: profileId, changes: { allowedHosts: { keys: {}, variables: {}, ...hosts } } });

  test('a secret variable in the URL to a foreign host is refused, naming the secret and both hosts, and nothing reaches that host', async () => {
    const error = expectError(await t.call('sendRequest', { request: { method: 'GET', url: `${foreignUrl()}/collect?k={{partnerKey}}` } }), 'FORBIDDEN');
    expect(error.message).toContain(`Not sent: secret variable partnerKey of profile “Local test unit” may only go to ${profileHostName()}; this request goes to ${foreignHost()}`);
    expect(error.message).toContain(`Add ${foreignHost()} to the secret's allowed hosts`);
    expect(error.message).not.toContain(PARTNER_KEY);
    expect(foreign.requests).toHaveLength(0);
  });

  test('a profile key pasted into a header for a foreign host is refused', async () => {
    const error = expectError(await t.call('sendRequest', { request: { method: 'POST', url: `${foreignUrl()}/collect`, headers: [{ name: 'X-Leak', value: keys.client_secret, enabled: true }] } }), 'FORBIDDEN');
    expect(error.message).toContain('client_secret of profile');
    expect(foreign.requests).toHaveLength(0);
  });

  test('the secret goes to the profile’s own host without any setting', async () => {
    await t.ok('sendRequest', { request: { method: 'POST', url: '{{baseUrl}}/partner', body: '{"key":"{{partnerKey}}"}' } });
    expect(profileHost.requests.find((r) => r.url === '/partner')!.body).toContain(PARTNER_KEY);
  });

  test('another port under the profile’s host name takes the secret too (the sandbox’s port changes at every start)', async () => {
    await t.ok('sendRequest', { request: { method: 'GET', url: `${foreign.url}/collect?k={{partnerKey}}` } });
    expect(foreign.requests[0]!.url).toBe(`/collect?k=${PARTNER_KEY}`);
  });

  test('the same request goes out once the user adds the host to that secret’s allowed hosts, and only the host is saved', async () => {
    const request = { method: 'GET', url: `${foreignUrl()}/collect?k={{partnerKey}}` };
    await allow({ keys: { client_secret: [foreignHost()] } });
    expectError(await t.call('sendRequest', { request }), 'FORBIDDEN');
    const view = await t.ok<{ allowedHosts: unknown }>('updateProfile', { id: profileId, changes: { allowedHosts: { keys: {}, variables: { partnerKey: [`${foreignUrl()}/`] } } } });
    expect(view.allowedHosts).toEqual({ keys: {}, variables: { partnerKey: [`localhost:${foreign.port}`] } });
    const result = await t.ok<{ status: number }>('sendRequest', { request });
    expect(result.status).toBe(200);
    expect(foreign.requests[0]!.url).toBe(`/collect?k=${PARTNER_KEY}`);
    const saved = filesUnder(t.dataDir).filter((file) => file.endsWith('profiles.json')).map((file) => fs.readFileSync(file, 'utf8'));
    expect(saved.join('')).toContain(`localhost:${foreign.port}`);
    expect(saved.join('')).not.toContain(PARTNER_KEY);
  });

  test('a redirect that would carry the secret on to a foreign host is stopped before that hop', async () => {
    const error = expectError(await t.call('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/bounce?k={{partnerKey}}' } }), 'FORBIDDEN');
    expect(error.message).toContain(`this request goes to ${foreignHost()}`);
    expect(profileHost.requests.some((r) => r.url.startsWith('/bounce'))).toBe(true);
    expect(foreign.requests).toHaveLength(0);
  });

  test('a bad allowed host is refused with what to type instead', async () => {
    const error = expectError(await t.call('updateProfile', { id: profileId, changes: { allowedHosts: { keys: { client_id: ['user:pw@evil.example'] }, variables: {} } } }), 'INVALID_INPUT');
    expect(error.message).toContain('is not a host client_id could be allowed to go to');
  });

  describe('a script’s pm.sendRequest', () => {
    async function runReachOut(): Promise<{ summary: RunSummary; console: string[] }> {
      const client = createInProcessClient(t.backend, 'test');
      const file = path.join(tempDir('vx-hosts-'), 'reach.postman_collection.json');
      fs.writeFileSync(file, JSON.stringify(reachOutCollection(`${foreignUrl()}/collect?k={{partnerKey}}`)));
      const imported = await client.importInto({ source: { kind: 'file', path: file }, format: 'postman-collection', target: { kind: 'new' } });
      if (!imported.ok) throw new Error(imported.error.message);
      const lines: string[] = [];
      const stop = client.subscribe('run', (event) => {
        if (event.type === 'console') lines.push(event.message);
      });
      const started = await client.startRun({ collectionId: imported.value.collectionId, recordHistory: false });
      if (!started.ok) throw new Error(started.error.message);
      const summary = await t.backend.runner.finished(started.value.runId);
      stop();
      return { summary, console: lines };
    }

    test('is refused when it would carry a secret to a foreign host, and the run’s report lists it as refused', { timeout: 60_000 }, async () => {
      const { summary, console } = await runReachOut();
      expect(foreign.requests).toHaveLength(0);
      expect(console.join('\n')).toContain(`Not sent: secret variable partnerKey of profile “Local test unit” may only go to ${profileHostName()}`);
      expect(summary.results[0]!.foreignScriptRequests).toEqual([expect.objectContaining({ method: 'GET', host: `localhost:${foreign.port}`, refused: true })]);
      expect(JSON.stringify(summary)).not.toContain(PARTNER_KEY);
    });

    test('goes out once the host is allowed, and is still listed in the report as a foreign request', { timeout: 60_000 }, async () => {
      await allow({ variables: { partnerKey: [foreignHost()] } });
      const { summary, console } = await runReachOut();
      expect(console).toContain('OK 200');
      expect(foreign.requests[0]!.url).toBe(`/collect?k=${PARTNER_KEY}`);
      expect(summary.results[0]!.foreignScriptRequests).toEqual([expect.objectContaining({ host: `localhost:${foreign.port}`, status: 200, refused: false })]);
      expect(JSON.stringify(summary)).not.toContain(PARTNER_KEY);
    });
  });
});
