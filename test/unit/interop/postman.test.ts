import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Collection } from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { exportPostmanCollection, exportPostmanEnvironment, importPostmanCollection, importPostmanEnvironment, postmanCollectionText } from '../../../shared/interop/postman';
import { walkRequests, type PortableFolder } from '../../../shared/interop/tree';
import { ImportProblem } from '../../../shared/interop/errors';
import { adoptVippsAuth } from '../../../shared/interop/vipps';
import { fixturesDir, OFFICIAL_COLLECTIONS, OFFICIAL_ENVIRONMENTS, reference } from './reference';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const shop = () => importPostmanCollection(readJson(join(fixturesDir, 'shop-v2.0.postman_collection.json')));

describe('Postman import', () => {
  it('brings in folders, variables, auth, headers, bodies, descriptions and scripts of a v2.0 collection', () => {
    const c = shop();
    expect(c.settings.name).toBe('Shop (v2.0)');
    expect(c.settings.description).toContain('**v2.0**');
    expect(c.settings.auth).toEqual({ type: 'bearer', token: '{{access_token}}' });
    expect(c.settings.variables).toEqual([
      { key: 'base_url', value: 'http://127.0.0.1:9', enabled: true, secret: false },
      { key: 'api_password', value: '', enabled: true, secret: true },
    ]);
    expect(c.notes.join(' ')).toMatch(/api_password.*without its value/);
    expect(c.settings.scripts.preRequest).toBe("pm.variables.set('started', 'yes');");

    const folder = c.items[0] as PortableFolder;
    expect(folder.kind).toBe('folder');
    expect(folder.settings.description).toBe('Order endpoints');
    expect(folder.settings.auth).toEqual({ type: 'basic', username: 'shop', password: '{{api_password}}' });

    const [create, upload] = folder.items.map((i) => (i.kind === 'request' ? i : undefined));
    expect(create!.request).toMatchObject({
      name: 'Create order',
      method: 'POST',
      url: '{{base_url}}/orders',
      params: [
        { key: 'expand', value: 'lines', enabled: true },
        { key: 'debug', value: '1', enabled: true },
      ],
      headers: [
        { key: 'Content-Type', value: 'application/json', enabled: true },
        { key: 'X-Trace', value: 'off', enabled: false },
      ],
      body: { mode: 'json', text: '{\n  "orderId": "{{orderId}}",\n  "amount": {{amount}}\n}' },
      auth: { type: 'inherit' },
      description: 'Creates an order.',
    });
    expect(create!.request.scripts.preRequest).toBe("pm.environment.set('orderId', 'o-' + Date.now());");
    expect(create!.request.scripts.test.split('\n')).toHaveLength(2);
    expect(create!.notes).toEqual(['1 saved example response was not imported.']);

    expect(upload!.request.url).toBe('{{base_url}}/orders/{{orderId}}/receipt');
    expect(upload!.request.body).toEqual({
      mode: 'multipart',
      parts: [
        { kind: 'text', key: 'note', value: 'thanks', enabled: true },
        { kind: 'file', key: 'file', path: '/tmp/receipt.pdf', enabled: true },
        { kind: 'text', key: 'old', value: 'x', enabled: false },
      ],
    });
    expect(upload!.notes.join(' ')).toMatch(/path variable :orderId \(example "o-1"\)/);
  });

  it('reads header strings, urlencoded and file bodies, and lists unsupported auth in words', () => {
    const [, login, signed, legacy] = shop().items;
    if (login?.kind !== 'request' || signed?.kind !== 'request' || legacy?.kind !== 'request') throw new Error('expected requests');
    expect(login.request.auth).toEqual({ type: 'none' });
    expect(login.request.headers).toEqual([
      { key: 'Accept', value: 'application/json', enabled: true },
      { key: 'X-Old', value: '1', enabled: false },
    ]);
    expect(login.request.body).toEqual({ mode: 'form-urlencoded', fields: [{ key: 'user', value: 'ada', enabled: true }, { key: 'pass', value: '{{api_password}}', enabled: true }] });
    expect(signed.request.body).toEqual({ mode: 'binary', path: '/tmp/blob.bin' });
    expect(signed.notes).toEqual(['awsv4 auth is not supported here; the request is sent without it. Add the header it needs by hand.']);
    expect(legacy.request.scripts.test).toContain("tests['ok']");
  });

  it('converts an empty v1 collection instead of refusing it, and refuses a file that is no collection, saying what to do', () => {
    expect(importPostmanCollection({ id: 'x', name: 'old', requests: [], order: [] })).toMatchObject({ settings: { name: 'old' }, items: [] });
    expect(() => importPostmanCollection({ hello: 'world' })).toThrow(ImportProblem);
    expect(() => importPostmanCollection('nope')).toThrow(/not a Postman collection/);
  });
});

describe('Postman export', () => {
  it('writes v2.1 that the postman-collection library reads back with the same requests and scripts', () => {
    const json = exportPostmanCollection(shop());
    const parsed = new Collection(json as never);
    const names: string[] = [];
    parsed.forEachItem((item) => {
      names.push(item.name);
    });
    expect(names).toEqual(['Create order', 'Upload receipt', 'Login', 'Signed upload', 'Legacy test']);
    const create = parsed.oneDeep('Create order') as unknown as { request: { url: { toString(): string }; method: string }; events: { listeners(n: string): Array<{ script: { toSource(): string } }> } };
    expect(create.request.method).toBe('POST');
    expect(create.request.url.toString()).toBe('{{base_url}}/orders?expand=lines&debug=1');
    expect(create.events.listeners('test')[0]!.script.toSource()).toContain("pm.test('created'");
  });

  it('puts variables in place of secrets: secret variables are empty, literal keys and tokens become {{variables}}', () => {
    const c = shop();
    const first = [...walkRequests(c.items)][0]!.item.request;
    first.headers.push({ key: 'Ocp-Apim-Subscription-Key', value: '0123456789abcdef0123456789abcdef', enabled: true });
    first.headers.push({ key: 'Authorization', value: 'Bearer eyJhbGciOi.secret.token', enabled: true });
    c.settings.auth = { type: 'bearer', token: 'plain-token-value' };
    const text = postmanCollectionText(c);
    expect(text).not.toContain('0123456789abcdef0123456789abcdef');
    expect(text).not.toContain('eyJhbGciOi.secret.token');
    expect(text).not.toContain('plain-token-value');
    expect(text).toContain('"value": "{{Ocp-Apim-Subscription-Key}}"');
    expect(text).toContain('"value": "Bearer {{access_token}}"');
    expect(text).toContain('"key": "api_password",\n      "value": "",\n      "type": "secret"');
  });

  it('gives a byte-identical second export after export → import → export', () => {
    const first = postmanCollectionText(shop());
    const second = postmanCollectionText(importPostmanCollection(JSON.parse(first)));
    expect(second).toBe(first);
  });

  it('exports one folder as a collection of its own', () => {
    const folder = shop().items[0] as PortableFolder;
    const json = exportPostmanCollection({ settings: folder.settings, items: folder.items, notes: [] });
    expect(json.info?.name).toBe('Orders');
    expect(json.item?.map((i) => i.name)).toEqual(['Create order', 'Upload receipt']);
  });
});

describe('Postman environments and globals', () => {
  it('marks key-like values with a real value, and tells placeholders apart', () => {
    const env = importPostmanEnvironment(readJson(join(fixturesDir, 'shop.postman_environment.json')));
    expect(env.name).toBe('Shop test');
    const byKey = Object.fromEntries(env.variables.map((v) => [v.key, v]));
    expect(byKey.base_url).toMatchObject({ secret: false, looksLikeKey: false });
    expect(byKey.client_id).toMatchObject({ secret: true, looksLikeKey: true });
    expect(byKey.client_secret).toMatchObject({ secret: true, looksLikeKey: false, placeholder: true });
    expect(byKey['Ocp-Apim-Subscription-Key']).toMatchObject({ secret: true, looksLikeKey: true });
    expect(byKey.amount).toMatchObject({ enabled: false });
  });

  it('exports an environment with secret values left empty', () => {
    const env = importPostmanEnvironment(readJson(join(fixturesDir, 'shop.postman_environment.json')));
    const text = JSON.stringify(exportPostmanEnvironment({ name: env.name, scope: 'environment', variables: env.variables.map(({ looksLikeKey: _l, placeholder: _p, ...v }) => v) }));
    expect(text).not.toContain('0123456789abcdef0123456789abcdef');
    expect(text).not.toContain('4f1d2c3b-aaaa');
    expect(text).toContain('"base_url"');
  });
});

describe('the official Vipps Postman files', () => {
  for (const file of OFFICIAL_COLLECTIONS) {
    const { path, missing } = reference(`fixtures/postman/${file}`, `Import of ${file}`);
    it.skipIf(missing)(`imports ${file} with every request and script, and round-trips its export byte for byte`, () => {
      const original = readJson(path) as { item: unknown[] };
      const c = importPostmanCollection(original);
      const requests = [...walkRequests(c.items)];
      let expected = 0;
      const count = (items: Array<{ item?: unknown[] }>): void => items.forEach((i) => (Array.isArray(i.item) ? count(i.item as never) : expected++));
      count(original.item as never);
      expect(requests).toHaveLength(expected);
      const rawText = readFileSync(path, 'utf8');
      const scriptCount = (rawText.match(/"listen": "(prerequest|test)"/g) ?? []).length;
      expect(scriptCount).toBeGreaterThan(0);
      expect(requests.some((r) => r.item.request.scripts.test.includes('pm.environment.set') || r.item.request.scripts.test.includes('postman.setEnvironmentVariable'))).toBe(true);
      const first = postmanCollectionText(c);
      expect(postmanCollectionText(importPostmanCollection(JSON.parse(first)))).toBe(first);
      expect(() => new Collection(JSON.parse(first))).not.toThrow();

      // Signed by the profile: no key header is left to fill from a plain variable.
      const adopted = adoptVippsAuth(c);
      expect(adopted.requests).toBeGreaterThan(requests.length / 2);
      for (const { item } of walkRequests(c.items)) {
        const keyHeaders = item.request.headers.filter((h) => /^(client_id|client_secret|ocp-apim-subscription-key)$/i.test(h.key));
        expect(keyHeaders).toEqual([]);
      }
      const afterAdoption = postmanCollectionText(c);
      expect(postmanCollectionText(importPostmanCollection(JSON.parse(afterAdoption)))).toBe(afterAdoption);
    });
  }
  for (const file of OFFICIAL_ENVIRONMENTS) {
    const { path, missing } = reference(`fixtures/postman/${file}`, `Import of ${file}`);
    it.skipIf(missing)(`imports the environment ${file}, its key names marked as secrets and its placeholders as such`, () => {
      const env = importPostmanEnvironment(readJson(path));
      const clientSecret = env.variables.find((v) => v.key === 'client_secret')!;
      expect(clientSecret).toMatchObject({ secret: true, placeholder: true, looksLikeKey: false });
      expect(env.variables.find((v) => v.key === 'base_url')).toMatchObject({ secret: false, value: 'https://apitest.vipps.no' });
    });
  }
});
