import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection } from 'postman-collection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../../../electron/cli/program';
import { importCurl } from '../../../shared/interop/curl';
import { fakeTerminal } from './fake-terminal';

const fixture = new URL('../interop/fixtures/shop-v2.0.postman_collection.json', import.meta.url).pathname;
const LITERAL_KEY = '0123456789abcdef0123456789abcdef';
const LITERAL_TOKEN = 'eyJhbGciOi.literal.token';
const base = mkdtempSync(join(tmpdir(), 'cli-export-'));
const collection = join(base, 'shop');
afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeAll(async () => {
  expect(await runCli(['import', 'postman', fixture, '--into', collection], fakeTerminal())).toBe(0);
  // Someone edits a request file by hand and types a key and a token into it.
  const file = join(collection, 'orders', 'create-order.yaml');
  const request = parse(readFileSync(file, 'utf8')) as { headers: Array<{ key: string; value: string }> };
  request.headers.push({ key: 'Ocp-Apim-Subscription-Key', value: LITERAL_KEY }, { key: 'Authorization', value: `Bearer ${LITERAL_TOKEN}` });
  writeFileSync(file, stringify(request));
}, 60_000);

async function cli(...args: string[]) {
  const terminal = fakeTerminal();
  const code = await runCli(args, terminal);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

describe('vipps-explorer export postman', () => {
  it('writes a v2.1 collection the postman-collection SDK reads, with every request, and no key or token', async () => {
    const out = join(base, 'shop.postman_collection.json');
    const result = await cli('export', 'postman', collection, '--out', out);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(`Wrote ${out}.\n`);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(LITERAL_KEY);
    expect(text).not.toContain(LITERAL_TOKEN);
    const names: string[] = [];
    new Collection(JSON.parse(text) as never).forEachItem((item) => void names.push(`${item.request.method} ${item.name}`));
    expect(names).toEqual(['POST Create order', 'PUT Upload receipt', 'POST Login', 'POST Signed upload', 'GET Legacy test']);
    expect(JSON.parse(text).info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
  });

  it('exports one folder as a collection of its own', async () => {
    const out = join(base, 'orders.json');
    expect((await cli('export', 'postman', join(collection, 'orders'), '--out', out)).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { info: { name: string }; item: Array<{ name: string }> };
    expect([json.info.name, json.item.map((i) => i.name)]).toEqual(['Orders', ['Create order', 'Upload receipt']]);
  });

  it('exits 2 without --out, for an existing file without --force, for one request, and outside a collection', async () => {
    expect(await cli('export', 'postman', collection)).toMatchObject({ code: 2, stderr: expect.stringContaining('export postman needs --out FILE.') });
    const taken = join(base, 'taken.json');
    writeFileSync(taken, 'mine');
    expect(await cli('export', 'postman', collection, '--out', taken)).toMatchObject({ code: 2, stderr: expect.stringContaining('Choose another --out file, or add --force to replace it.') });
    expect(readFileSync(taken, 'utf8')).toBe('mine');
    expect((await cli('export', 'postman', collection, '--out', taken, '--force')).code).toBe(0);
    expect(readFileSync(taken, 'utf8')).toContain('"Create order"');
    expect(await cli('export', 'postman', join(collection, 'login.yaml'), '--out', join(base, 'one.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('not one request') });
    expect(await cli('export', 'postman', base, '--out', join(base, 'none.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('is not in a collection: no collection.yaml') });
    expect(await cli('export', 'postman', join(base, 'missing'), '--out', join(base, 'none.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('does not exist') });
    expect(existsSync(join(base, 'none.json'))).toBe(false);
  });

  it('exits 1 when the output file cannot be written, leaving nothing behind', async () => {
    const result = await cli('export', 'postman', collection, '--out', join(base, 'no-such-folder', 'x.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not write');
    expect(result.stderr).toContain('Check that its folder exists and can be written to.');
  });
});

describe('vipps-explorer export curl', () => {
  it('prints every request of a collection as curl commands that import back the same, keys as shell variables', async () => {
    const { code, stdout } = await cli('export', 'curl', collection);
    expect(code).toBe(0);
    expect(stdout).not.toContain(LITERAL_KEY);
    expect(stdout).not.toContain(LITERAL_TOKEN);
    expect(stdout.startsWith('# Set $VIPPS_SUBSCRIPTION_KEY, $VIPPS_ACCESS_TOKEN, $VIPPS_API_PASSWORD in your shell first; these commands hold no keys.\n\n# Create order (orders/create-order.yaml)\ncurl -X POST')).toBe(true);
    expect(stdout).toContain('-H "Ocp-Apim-Subscription-Key: ${VIPPS_SUBSCRIPTION_KEY}"');
    const back = importCurl(stdout);
    expect(back.map((c) => `${c.request.method} ${c.request.url}`)).toEqual([
      'POST {{base_url}}/orders',
      'PUT {{base_url}}/orders/{{orderId}}/receipt',
      'POST {{base_url}}/login',
      'POST {{base_url}}/blob',
      'GET {{base_url}}/orders/{{created}}',
    ]);
  });

  it('prints one folder, or one request, and writes to --out when given', async () => {
    const folder = await cli('export', 'curl', join(collection, 'orders'));
    expect(importCurl(folder.stdout).map((c) => c.request.url)).toEqual(['{{base_url}}/orders', '{{base_url}}/orders/{{orderId}}/receipt']);
    const out = join(base, 'login.sh');
    expect(await cli('export', 'curl', join(collection, 'login.yaml'), '--out', out)).toMatchObject({ code: 0, stdout: '' });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('# Set $VIPPS_API_PASSWORD in your shell first; these commands hold no keys.\n\n# Login (login.yaml)\ncurl -X POST')).toBe(true);
    expect(importCurl(text)).toHaveLength(1);
  });

  it('exits 2 for a file inside a collection that is not one of its requests', async () => {
    const stray = join(collection, 'notes.txt');
    writeFileSync(stray, 'hello');
    expect(await cli('export', 'curl', stray)).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a request or folder of the collection') });
    rmSync(stray);
  });

  it('documents its exit codes and the secret rules in --help', async () => {
    const { code, stdout } = await cli('export', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Exit codes: 0 written, 1 the output file could not be written, 2 bad arguments');
    expect(stdout).toContain('secret variables go out with empty values');
  });
});
