import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/backend';
import { failureReason } from '../../../electron/cli/reporters/cli-reporter';
import type { RunSummary } from '../../../shared/model/run';
import { testBackend, type TestBackend } from '../engine/harness';

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const collection = {
  info: { name: 'Mistakes', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    { name: 'Token from an old guide', request: { method: 'POST', url: '{{base_url}}/oauth/token', header: [] } },
    {
      name: 'The right token call',
      request: { method: 'POST', url: '{{base_url}}/accesstoken/get', header: ['client_id', 'client_secret', 'Ocp-Apim-Subscription-Key'].map((key) => ({ key, value: `{{${key}}}` })) },
    },
  ],
};

describe('a run names the Vipps mistake an answer shows, and the CLI failure line gives the fix', () => {
  let t: TestBackend;
  let client: InProcessClient;
  let summary: RunSummary;
  beforeAll(async () => {
    t = await testBackend({ sandbox: { inMemory: true } });
    client = createInProcessClient(t.backend, 'test');
    const imported = ok(await client.importInto({ source: { kind: 'text', text: JSON.stringify(collection) }, format: 'postman-collection', target: { kind: 'new' }, vippsAuth: true }));
    const { runId } = ok(await client.startRun({ collectionId: imported.collectionId }));
    summary = await t.backend.runner.finished(runId);
  }, 60_000);
  afterAll(async () => t?.dispose());

  it('puts the fix on the failed result, and into the CLI’s failure line instead of the bare status hint', () => {
    const [wrong, right] = summary.results;
    expect(wrong!.status).toBe(404);
    expect(wrong!.hint).toMatchObject({ title: 'Not the token endpoint', fix: expect.stringContaining('/accesstoken/get') });
    const line = failureReason(wrong!);
    expect(line).toMatch(/^answered 404\b.* — Not the token endpoint: Fetch the access token with POST /);
    expect(line).not.toContain('nothing at this URL');
    expect(right!.status).toBe(200);
    expect(right!.hint).toBeUndefined();
  });

  it('keeps the plain status hint when no known mistake explains the answer', () => {
    const bare = { ...summary.results[0]!, hint: undefined };
    expect(failureReason(bare)).toContain('nothing at this URL');
  });
});
