import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { disposeEarlyScripts, startedEarly, startScriptsEarly, takeEarlyScripts } from '../../../electron/cli/early-scripts';
import { postmanFileHasScripts } from '../../../electron/cli/commands/script-presence';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-early-scripts-'));
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
};
const schema = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const withScript = write('scripts.json', { info: { name: 'c', schema }, item: [{ name: 'f', item: [{ name: 'r', request: { method: 'GET', url: 'http://x' }, event: [{ listen: 'test', script: { exec: ['pm.test("a", () => {});'] } }] }] }] });
const blankScript = write('blank.json', { info: { name: 'c', schema }, item: [{ name: 'r', request: { method: 'GET', url: 'http://x' }, event: [{ listen: 'test', script: { exec: ['  ', ''] } }] }] });
const environment = write('env.json', { name: 'e', values: [{ key: 'a', value: 'b' }] });

afterEach(async () => {
  await disposeEarlyScripts();
});

describe('script presence in a Postman file', () => {
  it('finds a script in a nested request, and not a blank one, an environment or a missing file', () => {
    expect(postmanFileHasScripts(withScript)).toBe(true);
    expect(postmanFileHasScripts(blankScript)).toBe(false);
    expect(postmanFileHasScripts(environment)).toBe(false);
    expect(postmanFileHasScripts(path.join(dir, 'missing.json'))).toBe(false);
    expect(postmanFileHasScripts(dir)).toBe(false);
  });
});

describe('starting the script process before the CLI has loaded', () => {
  it('starts one for `run collection FILE` with scripts, whatever the flags around the path, and hands it over once', () => {
    expect(startedEarly()).toBe(false);
    startScriptsEarly(['run', 'collection', '--environment', environment, withScript, '--bail']);
    // The command itself then need not read the collection for scripts again.
    expect(startedEarly()).toBe(true);
    const taken = takeEarlyScripts();
    expect(taken).toBeDefined();
    expect(takeEarlyScripts()).toBeUndefined();
    return taken!.dispose();
  });

  it('starts none for a file without scripts, a dry run, or another command', () => {
    startScriptsEarly(['run', 'collection', blankScript, '--environment', environment]);
    expect(takeEarlyScripts()).toBeUndefined();
    startScriptsEarly(['run', 'collection', withScript, '--dry-run']);
    expect(takeEarlyScripts()).toBeUndefined();
    startScriptsEarly(['import', 'postman', withScript]);
    expect(takeEarlyScripts()).toBeUndefined();
    startScriptsEarly(['run', 'quickstart', withScript]);
    expect(takeEarlyScripts()).toBeUndefined();
  });

  it('the process it starts runs a script for the backend that takes it', async () => {
    startScriptsEarly(['run', 'collection', withScript]);
    const sandbox = takeEarlyScripts()!;
    const outcome = await sandbox.run(
      { listen: 'prerequest', script: "pm.environment.set('seen', 'yes');", scopes: { environment: {}, globals: {}, collectionVariables: {}, variables: {} }, request: { method: 'GET', url: 'http://127.0.0.1/', header: [] } },
      { sendRequest: () => Promise.reject(new Error('no network in this test')), console: () => {} },
    );
    expect(outcome.error).toBeUndefined();
    expect(outcome.scopes.environment.seen).toBe('yes');
    await sandbox.dispose();
  });
});

describe('what the early start loads', () => {
  it('is the script sandbox and node builtins only: no backend, no request model, no zod (they would put the fork later)', async () => {
    const result = await build({ entryPoints: ['electron/cli/early-scripts.ts'], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent', packages: 'external' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => /electron\/backend\/index|shared\/model|shared\/contract|node_modules/.test(file))).toEqual([]);
    const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((entry) => entry.path));
    expect(imports.filter((name) => !name.startsWith('node:') && !['fs', 'path', 'os', 'crypto', 'child_process', 'module', 'url'].includes(name))).toEqual([]);
  });
});
