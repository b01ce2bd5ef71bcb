import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/backend';
import { isSecretVariableName, RunSecrets, tokenValuesIn } from '../../../electron/backend/runner/run-secrets';
import type { RunEvent, RunSummary } from '../../../shared/model/run';
import { tempDir } from '../../helpers/temp';
import { TOKEN_LEAK_COLLECTION, tokenFromReversedLine } from '../../helpers/token-leak-collection';
import { testBackend, type TestBackend } from '../engine/harness';

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('what a run learns as secret', () => {
  it('finds access, id and refresh tokens at any depth of a JSON answer, and nothing in other text', () => {
    expect(tokenValuesIn('{"access_token":"aaa.bbb.ccc","nested":{"id_token":"x1"},"list":[{"refresh_token":"r2"}],"token_type":"Bearer"}').sort()).toEqual(['aaa.bbb.ccc', 'r2', 'x1']);
    expect(tokenValuesIn('access_token=abc')).toEqual([]);
    expect(tokenValuesIn('{"access_token": 42}')).toEqual([]);
    expect(tokenValuesIn('{"access_token": "cut')).toEqual([]);
  });

  it('treats variables named as keys or tokens as secret, but not idempotency keys, endpoints or token types', () => {
    for (const name of ['access_token', 'id_token', 'myToken', 'client_secret', 'Ocp-Apim-Subscription-Key', 'api_key', 'password', 'bearer']) expect(isSecretVariableName(name), name).toBe(true);
    for (const name of ['idempotency_key', 'Idempotency-Key-Create', 'token_endpoint', 'userinfo_endpoint', 'token_type', 'expires_in', 'reference', 'orderId', 'well-known_uri']) expect(isSecretVariableName(name), name).toBe(false);
  });

  it('redacts what it learned, plain and URL-encoded, and ignores values too short to be a key', () => {
    const secrets = new RunSecrets();
    secrets.learnFromVariable('session_token', 'abc/def+ghi=jkl');
    secrets.learnFromVariable('reference', 'order-12345678');
    secrets.learnFromVariable('api_key', 'short');
    expect(secrets.redact('a abc/def+ghi=jkl b abc%2Fdef%2Bghi%3Djkl c order-12345678 short')).toBe('a «redacted:session_token» b «redacted:session_token» c order-12345678 short');
  });
});

describe('a token a script logs never reaches the runner view, its export or the history', () => {
  let t: TestBackend;
  let client: InProcessClient;
  let summary: RunSummary;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    t = await testBackend({ sandbox: { inMemory: true } });
    client = createInProcessClient(t.backend, 'test');
    const file = path.join(tempDir('vx-leak-'), 'leak.postman_collection.json');
    fs.writeFileSync(file, JSON.stringify(TOKEN_LEAK_COLLECTION));
    const imported = ok(await client.importInto({ source: { kind: 'file', path: file }, format: 'postman-collection', target: { kind: 'new' } }));
    const stop = client.subscribe('run', (event: RunEvent) => {
      if (event.type === 'console') consoleLines.push(event.message);
    });
    const { runId } = ok(await client.startRun({ collectionId: imported.collectionId, recordHistory: true }));
    summary = await t.backend.runner.finished(runId);
    stop();
  }, 60_000);
  afterAll(async () => t?.dispose());

  it('keeps the token out of console events, test names, URLs and the history, and the script-set token still authenticates', async () => {
    const token = tokenFromReversedLine(consoleLines.join('\n'));
    expect(token?.length).toBeGreaterThan(100);
    expect(summary.results.map((r) => r.passed)).toEqual([true, true]);
    expect(consoleLines).toContain('TOKEN «redacted:access_token»');
    expect(summary.results[0]?.assertions.map((a) => a.name)).toEqual(['token «redacted:access_token»']);
    expect(summary.results[1]?.url).toContain('probe=«redacted:');
    // The runner view's JSON export is this summary with its console lines.
    const exported = JSON.stringify({ summary, console: consoleLines });
    expect(exported.includes(token!)).toBe(false);
    const history = ok(await client.listHistory({ limit: 10 }));
    expect(history.entries.length).toBe(2);
    for (const entry of history.entries) {
      const full = JSON.stringify(ok(await client.getHistoryEntry({ id: entry.id })));
      expect(full.includes(token!), `history entry ${entry.id}`).toBe(false);
      expect(full.includes(encodeURIComponent(token!)), `history entry ${entry.id}, URL-encoded`).toBe(false);
    }
  });
});
