import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { repoRoot, vippsExplorer } from './run-command';

const interopFixtures = path.join(repoRoot, 'test', 'unit', 'interop', 'fixtures');

describe('vipps-explorer import (spawned from the build)', () => {
  it('imports a Postman collection into a folder that then runs on the sandbox (exit 0)', async () => {
    const into = path.join(tempDir('vx-cli-import-'), 'flow');
    const imported = await vippsExplorer(['import', 'postman', path.join(interopFixtures, 'sandbox-flow.postman_collection.json'), '--into', into]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported \d+ requests? .* into /m);
    expect(fs.existsSync(path.join(into, 'collection.yaml'))).toBe(true);
    const run = await vippsExplorer(['run', 'collection', into, '--env', 'sandbox']);
    expect(run.stdout).toMatch(/Requests: {3}\d+ run/);
    expect(run.code, run.stdout).toBe(0);
  });

  it('imports a Postman v2.0 file and leaves its secret variable’s value out of the folder', async () => {
    const into = path.join(tempDir('vx-cli-import-'), 'shop');
    const imported = await vippsExplorer(['import', 'postman', path.join(interopFixtures, 'shop-v2.0.postman_collection.json'), '--into', into]);
    expect(imported.code, imported.stderr).toBe(0);
    const files = fs.readdirSync(into, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'));
    for (const file of files) expect(fs.readFileSync(path.join(into, file), 'utf8')).not.toContain('hunter2');
  });

  it('imports curl commands and an OpenAPI file', async () => {
    const dir = tempDir('vx-cli-import-');
    const curl = path.join(dir, 'requests.sh');
    fs.writeFileSync(curl, "curl -X POST 'https://apitest.vipps.no/epayment/v1/payments' \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"amount\": {\"currency\": \"NOK\", \"value\": 1000}}'\n");
    const fromCurl = await vippsExplorer(['import', 'curl', curl, '--into', path.join(dir, 'from-curl')]);
    expect(fromCurl.code, fromCurl.stderr).toBe(0);
    expect(fromCurl.stdout).toMatch(/^Imported 1 request /m);
    const spec = fs.readdirSync(path.join(interopFixtures, 'petshop')).find((file) => /\.ya?ml$/.test(file) && !file.startsWith('schemas'))!;
    const fromSpec = await vippsExplorer(['import', 'openapi', path.join(interopFixtures, 'petshop', spec), '--into', path.join(dir, 'petshop')]);
    expect(fromSpec.code, fromSpec.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'petshop', 'collection.yaml'))).toBe(true);
  });

  it('names the variables nothing defines, and how to give them', async () => {
    const dir = tempDir('vx-cli-import-');
    const file = path.join(dir, 'needs.postman_collection.json');
    const raw = '{"amount": {"value": {{myAmount}}, "currency": "NOK"}, "reference": "{{reference}}"}';
    fs.writeFileSync(file, JSON.stringify({ info: { name: 'Needs', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [{ name: 'Pay', event: [{ listen: 'prerequest', script: { exec: ["pm.environment.set('reference', 'r-1')"] } }], request: { method: 'POST', url: '{{base_url}}/epayment/v1/payments', body: { mode: 'raw', raw } } }] }));
    const outcome = await vippsExplorer(['import', 'postman', file, '--into', path.join(dir, 'needs')]);
    expect(outcome.code, outcome.stderr).toBe(0);
    // base_url comes from the profile and reference from the script; only myAmount is nobody's.
    expect(outcome.stdout).toContain('Nothing defines {{myAmount}}: requests that use it fail until set.');
  });

  it('an invalid file exits 2 naming the file and the problem, and writes nothing', async () => {
    const dir = tempDir('vx-cli-import-');
    const file = path.join(dir, 'not-postman.json');
    fs.writeFileSync(file, '{"hello": "world"}');
    const outcome = await vippsExplorer(['import', 'postman', file, '--into', path.join(dir, 'out')]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`Importing ${file} failed`);
    expect(outcome.stderr).toContain('not a Postman collection');
    expect(fs.existsSync(path.join(dir, 'out', 'collection.yaml'))).toBe(false);
  });
});
