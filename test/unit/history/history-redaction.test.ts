import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { activeCustomProfile, findSecrets, json, startServer, testBackend, tokenAnswer, type TestBackend, type TestServer } from '../engine/harness';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.history-redaction-token.signature';

describe('history never holds a secret', () => {
  let t: TestBackend;
  let server: TestServer;
  afterEach(async () => {
    await server.close();
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  });

  test('keys and tokens are redacted by value and by name in URL, headers and bodies', async () => {
    server = await startServer((req, res, body) => {
      if (req.url === '/accesstoken/get') return json(res, 200, tokenAnswer(TOKEN, Math.floor(Date.now() / 1000)));
      // A careless server that echoes everything back, credentials included.
      json(res, 200, { url: req.url, headers: req.headers, body }, { 'x-echo-key': String(req.headers['ocp-apim-subscription-key']), 'set-cookie': 'session=abc123; HttpOnly' });
    });
    t = await testBackend();
    const { keys } = await activeCustomProfile(t, server.url);
    await t.ok('sendRequest', { request: { method: 'POST', url: '{{baseUrl}}/accesstoken/get' } });
    await t.ok('sendRequest', {
      request: {
        method: 'POST',
        url: `{{baseUrl}}/echo?key=${encodeURIComponent(keys.subscription_key)}`,
        headers: [{ name: 'X-Note', value: `client ${keys.client_id}` }],
        body: JSON.stringify({ pasted: keys.client_secret, token: TOKEN }),
      },
      label: 'echo',
    });
    const listed = await t.ok<{ entries: Array<{ id: string }> }>('listHistory', {});
    expect(listed.entries).toHaveLength(2);
    await t.backend.dispose();

    const historyFile = path.join(t.dataDir, 'history.json');
    const stored = fs.readFileSync(historyFile, 'utf8');
    expect(findSecrets([t.dataDir], { ...keys, access_token: TOKEN })).toEqual([]);
    for (const label of ['client_secret', 'client_id', 'subscription_key', 'access_token', 'authorization', 'cookie']) {
      expect(stored).toContain(`«redacted:${label}»`);
    }
    // What is not secret stays readable.
    expect(stored).toContain('/echo?key=');
    expect(stored).toContain('654321');
  });

  test('nothing reaches the log with a header value in it', async () => {
    server = await startServer((_req, res) => json(res, 500, { oops: true }));
    t = await testBackend();
    const { keys } = await activeCustomProfile(t, server.url);
    await t.call('sendRequest', { request: { method: 'GET', url: '{{baseUrl}}/x', headers: [{ name: 'X-Secret', value: keys.client_secret }] } });
    await t.backend.dispose();
    expect(findSecrets([], keys, { log: t.logLines.join('\n') })).toEqual([]);
  });
});
