import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { tempDir } from '../../helpers/temp';
import { writeCollection } from './collection-writer';
import { vippsExplorer } from './run-command';

/** Auth (a token call) and Orders (a read-back of {{orderId}}), written by the backend itself. */
function writeOrderChecks(directory: string): Promise<void> {
  return writeCollection(directory, 'Order checks', async ({ folder, add }) => {
    const auth = await folder('Auth');
    const orders = await folder('Orders');
    await add(auth.path, { name: 'Access token', method: 'POST', url: '{{baseUrl}}/accesstoken/get', auth: { type: 'vipps' } });
    await add(orders.path, { name: 'Unknown order', method: 'GET', url: '{{baseUrl}}/order-management/v2/ecom/{{orderId}}', auth: { type: 'vipps' } });
  });
}

describe('vipps-explorer run collection (spawned from the build)', () => {
  let collection: string;
  beforeAll(async () => {
    collection = path.join(tempDir('vx-cli-collection-'), 'order-checks');
    fs.mkdirSync(collection);
    await writeOrderChecks(collection);
  });

  it('exits 0 when every request of the chosen folder passes', async () => {
    const outcome = await vippsExplorer(['run', 'collection', collection, '--env', 'sandbox', '--folder', 'Auth']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('ok POST Access token  200 OK');
    expect(outcome.stdout).toContain('Requests:   1 run, 1 passed, 0 failed');
  });

  it('exits 1 when a request fails, with the reason in plain lines (no colour in a pipe)', async () => {
    const outcome = await vippsExplorer(['run', 'collection', collection, '--env', 'sandbox', '--folder', 'Orders', '--env-var', 'orderId=none-such']);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('FAIL GET Unknown order  404 Not Found');
    expect(outcome.stdout).not.toContain('Access token');
    expect(outcome.stdout).not.toContain('\u001b[');
  });

  it('names on stderr, before and after the run, each -e value left out as placeholder text or taken from the profile', async () => {
    const environment = path.join(tempDir('vx-cli-env-'), 'shop.postman_environment.json');
    fs.writeFileSync(environment, JSON.stringify({ name: 'Shop', values: [
      { key: 'orderId', value: '<Set your order id here>', enabled: true },
      { key: 'client_id', value: 'client-id-from-the-file', enabled: true },
      { key: 'note', value: 'kept as written', enabled: true },
    ] }));
    const outcome = await vippsExplorer(['run', 'collection', collection, '--env', 'sandbox', '--folder', 'Orders', '-e', environment]);
    const line = `${environment}: 2 values not used as written; left out as placeholder text (newman would send it literally; set them with --env-var or in the file): orderId; taken from the profile instead: client_id.`;
    expect(outcome.stderr.split('\n').filter((l) => l === line)).toHaveLength(2);
    expect(outcome.stderr).not.toContain('note');
    expect(outcome.stderr + outcome.stdout).not.toContain('client-id-from-the-file');
    expect(outcome.code).toBe(1);
  });

  it('writes a JUnit file that validates against the JUnit schema, and a JSON report, with no key in either', async () => {
    const out = tempDir('vx-cli-reports-');
    const secret = 'definitely-wrong-secret-42';
    const outcome = await vippsExplorer(
      ['run', 'collection', collection, '--env', 'sandbox', '--env-var', 'orderId=none-such', '--reporter', 'cli,json,junit', '--reporter-json-export', path.join(out, 'run.json'), '--reporter-junit-export', path.join(out, 'run.xml')],
      { VIPPS_CLIENT_SECRET: secret },
    );
    expect(outcome.code).toBe(1);
    const xml = fs.readFileSync(path.join(out, 'run.xml'), 'utf8');
    const json = fs.readFileSync(path.join(out, 'run.json'), 'utf8');
    const xsd = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'unit', 'cli', 'junit.xsd'), 'utf8');
    const validation = await validateXML({ xml: [{ fileName: 'run.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
    expect(validation.errors).toEqual([]);
    expect(xml).toContain('<testsuites name="Order checks"');
    expect(JSON.parse(json).run.requests.total).toBe(2);
    for (const text of [xml, json, outcome.stdout, outcome.stderr]) expect(text).not.toContain(secret);
  });

  it('an invalid collection file gives exit 2 and names the file and the problem', async () => {
    const file = path.join(tempDir('vx-cli-bad-'), 'broken.postman_collection.json');
    fs.writeFileSync(file, '{"info": {"name": "Broken"}, "item": [');
    const outcome = await vippsExplorer(['run', 'collection', file], {}, 'npx');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`The collection file ${file} is not valid JSON`);
  });

  it('a collection folder with an unreadable request file gives exit 2, names the file, and sends nothing', async () => {
    const copy = path.join(tempDir('vx-cli-corrupt-'), 'checks');
    fs.cpSync(collection, copy, { recursive: true });
    const broken = path.join(copy, 'orders', 'unknown-order.yaml');
    fs.writeFileSync(broken, 'name: [unclosed\n');
    const before = fs.readFileSync(broken);
    const outcome = await vippsExplorer(['run', 'collection', copy, '--env', 'sandbox']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('orders/unknown-order.yaml');
    expect(outcome.stderr).toContain(copy);
    expect(outcome.stdout).not.toContain('Access token');
    expect(fs.readFileSync(broken).equals(before)).toBe(true);
  });

  it('a missing path, or --env test without keys, exits 2 and says what to do', async () => {
    const missing = await vippsExplorer(['run', 'collection', '/nonexistent/collection']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/collection does not exist.');
    const noKeys = await vippsExplorer(['run', 'collection', collection, '--env', 'test']);
    expect(noKeys.code).toBe(2);
    expect(noKeys.stderr).toContain('VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET, VIPPS_SUBSCRIPTION_KEY, VIPPS_MSN are not set');
  });
});
