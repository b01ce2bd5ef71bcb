import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptSandbox, type ScriptBridge, type ScriptExecution } from '../../../electron/backend/scripts/script-sandbox';

/**
 * The script process started from a V8 snapshot of itself, booted (boot-snapshot.ts). The
 * builder file is bundled from the sources here the way the build bundles it; the snapshot is
 * then made the way the app makes it: in the background, after a process had to boot.
 * The limits of the sandbox are checked again on a process started from the snapshot: it holds
 * a heap that was made elsewhere, so they must not be taken for granted.
 */
const SLOW = { timeout: 90_000 };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-script-snapshot-'));
const cacheDir = path.join(work, 'cache');
const builder = path.join(work, 'script-child-snapshot.cjs');
const childPath = path.resolve('electron/backend/scripts/script-child.cjs');

const scopes = () => ({ environment: {}, globals: {}, collectionVariables: {}, variables: {} });
const request = { method: 'GET', url: 'http://127.0.0.1:9/x', header: [] };
const pre = (script: string, extra: Partial<ScriptExecution> = {}): ScriptExecution => ({ listen: 'prerequest', script, scopes: scopes(), request, ...extra });
const bridge = (): ScriptBridge => ({ console: () => {}, sendRequest: () => Promise.reject(new Error('no network in this test')) });
const blobs = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((name) => name.endsWith('.blob')) : []);

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not there after ${ms} ms: ${fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).join(', ') : 'no cache folder'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let fromSnapshot: ScriptSandbox;

beforeAll(async () => {
  await build({ entryPoints: [childPath], outfile: builder, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
  // No snapshot yet: this process boots, and once it is disposed the snapshot is made.
  const first = new ScriptSandbox({ childPath, cacheDir, snapshotBuilder: builder, timeoutMs: 3_000, memoryMb: 64 });
  const out = await first.run(pre(`pm.environment.set('a', 'b');`), bridge());
  expect(out.scopes.environment.a).toBe('b');
  expect(first.startedFrom).toBe('boot');
  await first.dispose();
  await waitFor(() => blobs().length === 1 && !fs.readdirSync(cacheDir).some((name) => name.endsWith('.lock')), 60_000);
  fromSnapshot = new ScriptSandbox({ childPath, cacheDir, snapshotBuilder: builder, timeoutMs: 3_000, memoryMb: 64 });
}, 90_000);

afterAll(async () => {
  await fromSnapshot?.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the script process started from its boot snapshot', () => {
  it('runs Postman scripts as a booted one does: scopes, tests, require of the sandbox’s own packages', SLOW, async () => {
    const out = await fromSnapshot.run(
      { listen: 'test', script: `pm.test('status', () => pm.response.to.have.status(201)); pm.environment.set('id', pm.response.json().id + '-' + require('uuid').v4().length);`, scopes: scopes(), request, response: { code: 201, status: 'Created', headers: [{ key: 'Content-Type', value: 'application/json' }], body: '{"id":"p1"}', responseTime: 3 } },
      bridge(),
    );
    expect(fromSnapshot.startedFrom).toBe('snapshot');
    expect(out.error).toBeUndefined();
    expect(out.tests).toEqual([{ name: 'status', passed: true, skipped: false }]);
    expect(out.scopes.environment.id).toBe('p1-36');
  });

  it('keeps the limits: no process, no file, no network module, no environment', SLOW, async () => {
    process.env.SCRIPT_SNAPSHOT_CANARY = 'canary-snapshot-77';
    const escaped = await fromSnapshot.run(pre(`const p = (function(){ return this })().constructor.constructor('return process')(); pm.environment.set('env', JSON.stringify(p.env));`), bridge());
    expect(escaped.error?.message).toMatch(/process is not defined/);
    expect(JSON.stringify(escaped)).not.toContain('canary-snapshot-77');
    const file = await fromSnapshot.run(pre(`require('fs').readFileSync('/etc/passwd', 'utf8');`), bridge());
    expect(file.error?.message).toMatch(/readFileSync is not a function/);
    const net = await fromSnapshot.run(pre(`require('net').connect(9, '127.0.0.1');`), bridge());
    expect(net.error?.message).toMatch(/Cannot find module 'net'/);
    expect(fromSnapshot.startedFrom).toBe('snapshot');
  });

  it('stops an endless loop, and the next process starts from the snapshot again', SLOW, async () => {
    const looping = await fromSnapshot.run(pre('while (true) {}', { timeoutMs: 500 }), bridge());
    expect(looping.error?.code).toBe('TIMEOUT');
    const next = await fromSnapshot.run(pre(`pm.environment.set('after', 'yes');`), bridge());
    expect(next.scopes.environment.after).toBe('yes');
    expect(fromSnapshot.startedFrom).toBe('snapshot');
  });

  it('stops a script that allocates without end with the memory error', SLOW, async () => {
    const greedy = await fromSnapshot.run(pre('const a = []; while (true) a.push(new Array(1e6).fill(1));', { timeoutMs: 20_000 }), bridge());
    expect(greedy.error?.code).toBe('TOO_LARGE');
  });

  it('boots as before from a damaged snapshot, and deletes it', SLOW, async () => {
    const [blob] = blobs();
    fs.writeFileSync(path.join(cacheDir, blob!), 'not a snapshot');
    const damaged = new ScriptSandbox({ childPath, cacheDir, snapshotBuilder: builder, timeoutMs: 3_000, memoryMb: 64 });
    try {
      const out = await damaged.run(pre(`pm.environment.set('still', 'runs');`), bridge());
      expect(out.error).toBeUndefined();
      expect(out.scopes.environment.still).toBe('runs');
      expect(damaged.startedFrom).toBe('boot');
      expect(fs.existsSync(path.join(cacheDir, blob!))).toBe(false);
    } finally {
      await damaged.dispose();
    }
  });
});

describe('a Node that cannot build the snapshot', () => {
  it('leaves no snapshot and no lock, marks the failure, and scripts keep running the slow way', SLOW, async () => {
    const failingDir = path.join(work, 'failing');
    fs.mkdirSync(failingDir, { recursive: true });
    const broken = path.join(failingDir, 'script-child-snapshot.cjs');
    fs.writeFileSync(broken, "throw new Error('this builder cannot build');\n");
    const cache = path.join(failingDir, 'cache');
    const sandbox = new ScriptSandbox({ childPath, cacheDir: cache, snapshotBuilder: broken, timeoutMs: 3_000 });
    const out = await sandbox.run(pre(`pm.environment.set('a', 'b');`), bridge());
    expect(out.scopes.environment.a).toBe('b');
    await sandbox.dispose();
    const names = () => (fs.existsSync(cache) ? fs.readdirSync(cache) : []);
    await waitFor(() => names().some((name) => name.endsWith('.failed')) && !names().some((name) => name.endsWith('.lock')), 30_000);
    expect(names().filter((name) => name.endsWith('.blob') || name.endsWith('.tmp'))).toEqual([]);
    const again = new ScriptSandbox({ childPath, cacheDir: cache, snapshotBuilder: broken, timeoutMs: 3_000 });
    try {
      await again.run(pre(`pm.environment.set('a', 'c');`), bridge());
      expect(again.startedFrom).toBe('boot');
    } finally {
      await again.dispose();
    }
    // Not asked again: no new lock appears after the second process ends.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(names().some((name) => name.endsWith('.lock'))).toBe(false);
  });
});
