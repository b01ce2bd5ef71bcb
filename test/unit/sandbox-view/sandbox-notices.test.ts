import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder, testBackend, type TestBackend } from '../engine/harness';

describe('sandbox notices reach the status bar', () => {
  let t: TestBackend;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempFolder('vx-data-');
    fs.mkdirSync(path.join(dataDir, 'sandbox'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'sandbox', 'sandbox-state.jsonl'), `${JSON.stringify({ format: 'vipps-sandbox-state', version: 9 })}\n`);
    t = await testBackend({ dataDir, sandbox: {} });
  });
  afterAll(async () => t?.dispose());

  it('shows a sandbox state file from a newer version, moved aside, in getStatus', async () => {
    const status = await t.ok<{ notices: Array<{ level: string; message: string }> }>('getStatus', {});
    const notice = status.notices.find((n) => /sandbox state was written by a newer version/.test(n.message));
    expect(notice?.level).toBe('warning');
    expect(fs.readdirSync(path.join(dataDir, 'sandbox')).some((f) => f.startsWith('sandbox-state.jsonl.newer-v9-'))).toBe(true);
  });
});
