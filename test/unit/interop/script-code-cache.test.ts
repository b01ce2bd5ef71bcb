import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScriptSandbox, type ScriptBridge, type ScriptExecution } from '../../../electron/backend/scripts/script-sandbox';

/** Each case starts script processes, a few hundred ms each on a quiet machine, seconds on a busy one. */
const SLOW = { timeout: 60_000 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-script-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bridge: ScriptBridge = { console: () => {}, sendRequest: () => Promise.reject(new Error('no network in this test')) };
const execution: ScriptExecution = {
  listen: 'test',
  script: "pm.test('ok', () => pm.expect(pm.response.code).to.equal(200)); pm.environment.set('ran', 'yes');",
  scopes: { environment: {}, globals: {}, collectionVariables: {}, variables: {} },
  request: { method: 'GET', url: 'http://127.0.0.1:9/' },
  response: { code: 200, status: 'OK', headers: [], body: '{}', responseTime: 1 },
};

/** One script on a fresh script process; the cache a process sends is written shortly after it starts. */
async function runOnce(cacheDir: string | false = dir) {
  const sandbox = new ScriptSandbox({ cacheDir, timeoutMs: 5_000 });
  try {
    const out = await sandbox.run(execution, bridge);
    expect(out.error).toBeUndefined();
    expect(out.tests.map((t) => t.passed)).toEqual([true]);
    expect(out.scopes.environment.ran).toBe('yes');
  } finally {
    await sandbox.dispose();
  }
}

const cacheFiles = () => fs.readdirSync(dir).filter((name) => name.endsWith('.v8cache'));
async function waitForCache(previous?: Buffer): Promise<Buffer> {
  for (let i = 0; i < 100; i++) {
    const [file] = cacheFiles();
    if (file) {
      const bytes = fs.readFileSync(path.join(dir, file));
      if (!previous || !bytes.equals(previous)) return bytes;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no code cache was written');
}

describe("the script process's code cache of postman-sandbox's boot code", () => {
  it('is written on a first start, named after the boot code and flags, and used by the next start', SLOW, async () => {
    await runOnce();
    const first = await waitForCache();
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).toMatch(/^bootcode-[0-9a-f]{32}\.v8cache$/);
    await runOnce();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A start that used the cache makes no new one.
    expect(fs.readFileSync(path.join(dir, cacheFiles()[0]!)).equals(first)).toBe(true);
  });

  it('ignores a damaged cache file (scripts still run) and replaces it', SLOW, async () => {
    const file = path.join(dir, cacheFiles()[0]!);
    const damaged = fs.readFileSync(file);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
    fs.writeFileSync(file, damaged);
    await runOnce();
    const replaced = await waitForCache(damaged);
    expect(replaced.equals(damaged)).toBe(false);
  });

  it('ignores a whole cache that V8 rejects (made for other code) and replaces it', SLOW, async () => {
    const file = path.join(dir, cacheFiles()[0]!);
    // A well-formed file (its checksum fits) whose payload is not a code cache of this boot code.
    const { createHash } = await import('node:crypto');
    const payload = Buffer.from('not a code cache of the boot code, but checksummed as one');
    const foreign = Buffer.concat([createHash('sha256').update(payload).digest(), payload]);
    fs.writeFileSync(file, foreign);
    await runOnce();
    const replaced = await waitForCache(foreign);
    expect(replaced.length).toBeGreaterThan(100_000);
  });

  it('runs scripts without a cache folder, and without one it may read', SLOW, async () => {
    await runOnce(false);
    await runOnce(path.join(dir, 'missing', 'folder'));
  });
});
