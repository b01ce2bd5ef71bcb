import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../../shared/model/request';
import type { TestBackend } from '../engine/harness';
import { addFolder, addRequest, changedFiles, collectionBackend, externalChange, lineDiff, makeCollection, snapshot, tree } from './helpers';

const paymentBody = JSON.stringify({ amount: { currency: 'NOK', value: 1000 }, reference: '{{orderId}}', paymentDescription: 'Socks' }, null, 2);

describe('collections as folders of plain files', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await collectionBackend();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('lays a collection out as collection.yaml, folder.yaml per folder and one YAML file per request', async () => {
    const collection = await makeCollection(t, 'Shop payments');
    const folder = await addFolder(t, collection.id, '', 'ePayment');
    const request = await addRequest(t, collection.id, folder, { name: 'Create payment', method: 'POST', url: '{{baseUrl}}/epayment/v1/payments', body: { mode: 'json', text: paymentBody } });
    expect(request).toBe('epayment/create-payment.yaml');
    expect(collection.location).toBe(path.join(t.dataDir, 'collections', 'shop-payments'));
    expect([...snapshot(collection.location).keys()].sort()).toEqual(['collection.yaml', 'epayment/create-payment.yaml', 'epayment/folder.yaml']);
    const text = fs.readFileSync(path.join(collection.location, request), 'utf8');
    // Keys in a fixed order, the body as a literal block a person can read and diff.
    expect(text).toBe(`name: Create payment\nmethod: POST\nurl: "{{baseUrl}}/epayment/v1/payments"\nbody:\n  mode: json\n  text: |-\n${paymentBody.split('\n').map((l) => `    ${l}`).join('\n')}\n`);
    expect(fs.statSync(path.join(collection.location, request)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(collection.location, folder)).mode & 0o777).toBe(0o700);
    const read = await t.ok<{ request: ApiRequest }>('getRequest', { collectionId: collection.id, path: request });
    expect(read.request.body).toEqual({ mode: 'json', text: paymentBody });
  });

  it('changing one line of one request body touches exactly that file, with a one-line diff', async () => {
    const collection = await makeCollection(t);
    const first = await addRequest(t, collection.id, '', { name: 'Create payment', method: 'POST', url: '{{baseUrl}}/epayment/v1/payments', body: { mode: 'json', text: paymentBody } });
    await addRequest(t, collection.id, '', { name: 'Get payment', url: '{{baseUrl}}/epayment/v1/payments/{{orderId}}' });
    const before = snapshot(collection.location);
    const { request } = await t.ok<{ request: ApiRequest }>('getRequest', { collectionId: collection.id, path: first });
    const changed = { ...request, body: { mode: 'json' as const, text: paymentBody.replace('"value": 1000', '"value": 2500') } };
    await t.ok('saveRequest', { collectionId: collection.id, path: first, request: changed });
    const after = snapshot(collection.location);
    expect(changedFiles(before, after)).toEqual([first]);
    const diff = lineDiff(before.get(first)!.toString('utf8'), after.get(first)!.toString('utf8'));
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toEqual([diff.removed[0]!.replace('1000', '2500')]);
    expect(diff.removed[0]).toMatch(/^ +"value": 1000,?$/);
  });

  it('picks up a file edited outside the app (a git pull) within 2 s, without a restart', async () => {
    const collection = await makeCollection(t);
    const itemPath = await addRequest(t, collection.id, '', { name: 'Get order', url: '{{baseUrl}}/order-management/v2/ecom/{{orderId}}' });
    await tree(t, collection.id);
    const seen = externalChange(t, collection.id, 2_000);
    const file = path.join(collection.location, itemPath);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('name: Get order', 'name: Read the order back'));
    await seen;
    const after = await tree(t, collection.id);
    expect(after.items).toMatchObject([{ kind: 'request', path: itemPath, name: 'Read the order back' }]);
  });

  it('reports a corrupt request file by name with the reason and leaves it byte-identical through every change', async () => {
    const collection = await makeCollection(t);
    const good = await addRequest(t, collection.id, '', { name: 'Good', url: 'http://127.0.0.1:1/a' });
    const folder = await addFolder(t, collection.id, '', 'Orders');
    const corruptFile = path.join(collection.location, 'broken.yaml');
    const corruptBytes = Buffer.from('name: Broken\nmethod: [unclosed\n\tbody: "\u0000\n');
    fs.writeFileSync(corruptFile, corruptBytes);
    const invalidFile = path.join(collection.location, folder, 'no-method.yaml');
    const invalidBytes = Buffer.from('name: No method\nurl: http://127.0.0.1:1/x\nmethod: FE TCH\n');
    const seen = externalChange(t, collection.id);
    fs.writeFileSync(invalidFile, invalidBytes);
    await seen;

    const listed = await tree(t, collection.id);
    expect(listed.problems).toEqual([
      { path: 'broken.yaml', message: expect.stringMatching(/^broken\.yaml: it is not valid YAML/) },
      { path: 'orders/no-method.yaml', message: expect.stringMatching(/^no-method\.yaml: it is not a valid request \(method: /) },
    ]);
    // Everything the app can do around them: save, rename, reorder, duplicate, delete and undo, settings.
    const { request } = await t.ok<{ request: ApiRequest }>('getRequest', { collectionId: collection.id, path: good });
    await t.ok('saveRequest', { collectionId: collection.id, path: good, request: { ...request, url: 'http://127.0.0.1:1/b' } });
    const renamed = await t.ok<{ path: string }>('renameItem', { collectionId: collection.id, path: folder, name: 'Order reads' });
    await t.ok('moveItem', { collectionId: collection.id, path: good, toCollectionId: collection.id, toParentPath: '', index: 1 });
    await t.ok('duplicateItem', { collectionId: collection.id, path: renamed.path });
    const { undoToken } = await t.ok<{ undoToken: string }>('deleteItem', { collectionId: collection.id, path: renamed.path });
    await t.ok('undoDelete', { undoToken });
    const settings = await t.ok('getContainerSettings', { collectionId: collection.id, path: '' });
    await t.ok('saveContainerSettings', { collectionId: collection.id, path: '', settings: { ...(settings as object), description: 'Changed' } });

    expect(fs.readFileSync(corruptFile).equals(corruptBytes)).toBe(true);
    expect(fs.readFileSync(path.join(collection.location, renamed.path, 'no-method.yaml')).equals(invalidBytes)).toBe(true);
    expect(fs.readFileSync(path.join(collection.location, `${renamed.path}-copy`, 'no-method.yaml')).equals(invalidBytes)).toBe(true);
    const again = await tree(t, collection.id);
    expect(again.problems.map((p) => p.path).sort()).toEqual(['broken.yaml', 'order-reads-copy/no-method.yaml', 'order-reads/no-method.yaml']);
  });

  it('refuses to rewrite an unreadable collection.yaml and says which file to fix', async () => {
    const collection = await makeCollection(t);
    const file = path.join(collection.location, 'collection.yaml');
    const seen = externalChange(t, collection.id);
    fs.writeFileSync(file, 'name: [oops\n');
    await seen;
    const settings = { name: 'X', description: '', variables: [], auth: { type: 'inherit' }, scripts: { preRequest: '', test: '' }, order: [] };
    const result = await t.call('saveContainerSettings', { collectionId: collection.id, path: '', settings });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('collection.yaml could not be read') } });
    expect(fs.readFileSync(file, 'utf8')).toBe('name: [oops\n');
  });

  it('keeps a secret variable’s value in the keychain and never in the file', async () => {
    const collection = await makeCollection(t);
    const settings = await t.ok<Record<string, unknown>>('getContainerSettings', { collectionId: collection.id, path: '' });
    const saved = await t.ok<{ variables: Array<{ key: string; value: string; secret: boolean }> }>('saveContainerSettings', {
      collectionId: collection.id,
      path: '',
      settings: { ...settings, variables: [{ key: 'partnerToken', value: 'tok-very-secret-123456', secret: true }, { key: 'shop', value: 'socks' }] },
    });
    expect(saved.variables).toMatchObject([{ key: 'partnerToken', value: '', secret: true }, { key: 'shop', value: 'socks' }]);
    const text = fs.readFileSync(path.join(collection.location, 'collection.yaml'), 'utf8');
    expect(text).not.toContain('tok-very-secret');
    expect(text).toContain('key: partnerToken');
    expect(await t.keychain.getPassword('vipps-explorer', `collection:${collection.id}:partnerToken`)).toBe('tok-very-secret-123456');
  });

  it('refuses a request whose bearer token or credential header holds a literal secret', async () => {
    const collection = await makeCollection(t);
    const result = await t.call('createItem', {
      collectionId: collection.id,
      parentPath: '',
      item: { kind: 'request', source: { kind: 'request', request: { name: 'Leaky', method: 'GET', url: 'http://127.0.0.1:1/', auth: { type: 'bearer', token: 'eyJhbGciOi-literal' } } } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('secret variable') } });
    expect(snapshot(collection.location).size).toBe(1);
    const withVariable = await t.call('createItem', {
      collectionId: collection.id,
      parentPath: '',
      item: { kind: 'request', source: { kind: 'request', request: { name: 'Fine', method: 'GET', url: 'http://127.0.0.1:1/', auth: { type: 'bearer', token: '{{partnerToken}}' } } } },
    });
    expect(withVariable.ok).toBe(true);
  });
});
