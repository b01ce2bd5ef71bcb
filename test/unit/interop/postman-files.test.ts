import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Collection, type Item } from 'postman-collection';
import transformer from 'postman-collection-transformer';
import { afterAll, describe, expect, it } from 'vitest';
import { previewImport } from '../../../electron/backend/interop/import-service';
import { detectFormat } from '../../../shared/interop/detect';
import { exportPostmanCollection, importPostmanCollection, importPostmanEnvironment } from '../../../shared/interop/postman';
import { decodeText, sniffEncoding } from '../../../shared/interop/text';
import { walkRequests, type PortableCollection } from '../../../shared/interop/tree';
import { fixturesDir } from './reference';

const dir = mkdtempSync(join(tmpdir(), 'postman-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flowText = readFileSync(join(fixturesDir, 'sandbox-flow.postman_collection.json'), 'utf8');
const flow = JSON.parse(flowText) as { info: { name: string }; item: Array<{ name: string; event: Array<{ listen: string; script: { exec: string[] } }> }> };
const envText = readFileSync(join(fixturesDir, 'shop.postman_environment.json'), 'utf8');

const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
const utf16le = (text: string, bom = true) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
const write = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** Each source request's scripts, joined as Postman's "exec" lines are. */
const sourceScripts = flow.item.map((i) => ({
  preRequest: i.event.filter((e) => e.listen === 'prerequest').map((e) => e.script.exec.join('\n')).join('\n'),
  test: i.event.filter((e) => e.listen === 'test').map((e) => e.script.exec.join('\n')).join('\n'),
}));
const importedScripts = (c: PortableCollection) => [...walkRequests(c.items)].map(({ item }) => ({ preRequest: item.request.scripts.preRequest, test: item.request.scripts.test }));

/** What the postman-collection SDK reads from our v2.1 export, in the terms the acceptance names. */
function sdkView(json: unknown) {
  const rows: Array<{ name: string; method: string; url: string; headers: string[]; bodyMode: string | undefined; prerequest: string; test: string }> = [];
  const script = (item: Item, listen: string) =>
    item.events
      .listenersOwn(listen)
      .map((e) => (e.script.exec ?? []).join('\n'))
      .join('\n');
  new Collection(json as never).forEachItem((item) => {
    rows.push({
      name: item.name,
      method: item.request.method,
      url: item.request.url.toString(),
      headers: item.request.headers.all().map((h) => `${h.key}: ${h.value}`),
      bodyMode: item.request.body?.mode,
      prerequest: script(item, 'prerequest'),
      test: script(item, 'test'),
    });
  });
  return rows;
}

describe('text of files written by other tools', () => {
  it('tells UTF-8, UTF-8 with BOM, UTF-16 LE and BE (with or without BOM) apart and decodes each without the mark', () => {
    expect(sniffEncoding(Buffer.from('{"a":1}'))).toBe('utf-8');
    expect(sniffEncoding(utf8Bom('{"a":1}'))).toBe('utf-8');
    expect(sniffEncoding(utf16le('{"a":1}'))).toBe('utf-16le');
    expect(sniffEncoding(utf16le('{"a":1}', false))).toBe('utf-16le');
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x7b]))).toBe('utf-16be');
    expect(sniffEncoding(Buffer.from([0, 0x7b, 0, 0x7d]))).toBe('utf-16be');
    for (const bytes of [utf8Bom('{"ø":"å"}'), utf16le('{"ø":"å"}'), utf16le('{"ø":"å"}', false), Buffer.from('{"ø":"å"}')]) expect(decodeText(bytes)).toBe('{"ø":"å"}');
    expect(decodeText(Buffer.from([0xfe, 0xff, 0, 0x7b, 0, 0x7d]))).toBe('{}');
  });

  it('detects a pasted collection that still starts with U+FEFF', () => {
    expect(detectFormat(`\uFEFF${flowText}`).format).toBe('postman-collection');
  });
});

describe('Postman collection and environment files as newman reads them', () => {
  const cases: Array<[string, Buffer]> = [
    ['UTF-8 with a byte-order mark', utf8Bom(flowText)],
    ['UTF-16 LE with a byte-order mark', utf16le(flowText)],
    ['UTF-16 LE without a byte-order mark', utf16le(flowText, false)],
  ];
  for (const [label, bytes] of cases) {
    it(`imports a collection file in ${label} with its 3 requests and scripts verbatim`, async () => {
      const path = write(`flow-${label.replace(/\W+/g, '-')}.postman_collection.json`, bytes);
      const preview = await previewImport({ source: { kind: 'file', path }, storeKeys: false, vippsAuth: false });
      expect(preview.format).toBe('postman-collection');
      expect(preview.name).toBe('Sandbox flow');
      expect(preview.requestCount).toBe(3);
      expect(preview.items.map((i) => i.name)).toEqual(['Get Access Token', 'Initiate Payment', 'Get Payment Details']);
      const c = importPostmanCollection(JSON.parse(decodeText(readFileSync(path))));
      expect(importedScripts(c)).toEqual(sourceScripts);
    });

    it(`imports an environment file in ${label} with every value`, async () => {
      const path = write(`shop-${label.replace(/\W+/g, '-')}.postman_environment.json`, label.startsWith('UTF-8') ? utf8Bom(envText) : utf16le(envText, label.includes('with a')));
      const preview = await previewImport({ source: { kind: 'file', path }, storeKeys: false, vippsAuth: false });
      expect(preview.format).toBe('postman-environment');
      expect(preview.name).toBe('Shop test');
      const expectedKeys = (JSON.parse(envText) as { values: Array<{ key: string }> }).values.map((v) => v.key);
      expect(preview.variables.map((v) => v.key)).toEqual(expectedKeys);
      expect(importPostmanEnvironment(JSON.parse(decodeText(readFileSync(path)))).variables.find((v) => v.key === 'base_url')?.value).toBe(
        (JSON.parse(envText) as { values: Array<{ key: string; value: string }> }).values.find((v) => v.key === 'base_url')!.value,
      );
    });
  }

  it('names a collection with "item" but no "info" after its file, keeping every request and script', async () => {
    const { info: _info, ...infoless } = flow;
    const path = write('Checkout smoke.postman_collection.json', Buffer.from(JSON.stringify(infoless)));
    const preview = await previewImport({ source: { kind: 'file', path }, storeKeys: false, vippsAuth: false });
    expect(preview).toMatchObject({ format: 'postman-collection', name: 'Checkout smoke', requestCount: 3 });
    const c = importPostmanCollection(infoless, { fileName: 'Checkout smoke.postman_collection.json' });
    expect(c.settings.name).toBe('Checkout smoke');
    expect(importedScripts(c)).toEqual(sourceScripts);
    expect(importPostmanCollection(infoless).settings.name).toBe('Imported collection');
  });

  it('unwraps the Postman API shape {"collection": …} and {"environment": …}', async () => {
    const wrapped = { collection: flow };
    const path = write('api-export.json', Buffer.from(JSON.stringify(wrapped)));
    const preview = await previewImport({ source: { kind: 'file', path }, storeKeys: false, vippsAuth: false });
    expect(preview).toMatchObject({ format: 'postman-collection', name: 'Sandbox flow', requestCount: 3 });
    expect(importedScripts(importPostmanCollection(wrapped))).toEqual(sourceScripts);

    const envPath = write('api-env.json', Buffer.from(JSON.stringify({ environment: { id: 'e1', name: 'From the API', values: [{ key: 'base_url', value: 'http://127.0.0.1:9', enabled: true }] } })));
    const envPreview = await previewImport({ source: { kind: 'file', path: envPath }, storeKeys: false, vippsAuth: false });
    expect(envPreview).toMatchObject({ format: 'postman-environment', name: 'From the API' });
    expect(envPreview.variables.map((v) => v.key)).toEqual(['base_url']);
  });

  it('still refuses a wrapper around something that is no collection, saying what to do', () => {
    expect(() => importPostmanCollection({ collection: { hello: 'world' } })).toThrow(/not a Postman collection.*"item".*v2\.1/);
    expect(() => importPostmanCollection({ item: [], info: 'x' })).toThrow(/"info" is not an object/);
  });
});

describe('Postman Collection v1', () => {
  const v1Path = join(fixturesDir, 'orders-v1.postman_collection.json');
  const v1 = JSON.parse(readFileSync(v1Path, 'utf8')) as Record<string, unknown> & { requests: Array<Record<string, unknown>> };

  it('converts with Postman’s transformer: folders, requests, bodies and scripts verbatim', async () => {
    const preview = await previewImport({ source: { kind: 'file', path: v1Path }, storeKeys: false, vippsAuth: false });
    expect(preview).toMatchObject({ format: 'postman-collection', name: 'Orders (v1)', requestCount: 3, folderCount: 1 });
    const c = importPostmanCollection(v1);
    const requests = [...walkRequests(c.items)].map(({ folders, item }) => ({ where: [...folders, item.request.name].join(' / '), r: item.request }));
    expect(requests.map((x) => x.where)).toEqual(['Orders / Create order', 'Orders / Get order', 'Login']);
    const [create, get, login] = requests.map((x) => x.r);
    expect(create).toMatchObject({ method: 'POST', url: '{{base_url}}/orders', params: [{ key: 'expand', value: 'lines', enabled: true }], body: { mode: 'json', text: '{"amount": 100}' } });
    expect(create!.headers).toEqual([
      { key: 'Content-Type', value: 'application/json', enabled: true },
      { key: 'Authorization', value: 'Bearer {{token}}', enabled: true },
    ]);
    expect(create!.scripts.preRequest).toBe(v1.requests[1]!.preRequestScript);
    expect(create!.scripts.test).toBe(v1.requests[1]!.tests);
    expect(get).toMatchObject({ method: 'GET', url: '{{base_url}}/orders/{{orderId}}' });
    expect(login!.body).toEqual({ mode: 'form-urlencoded', fields: [{ key: 'user', value: 'ada', enabled: true }] });
    expect(login!.scripts.test).toBe(v1.requests[0]!.tests);
    expect(v1.requests[1]).toHaveProperty('isFromCollection');
  });

  it('lists what the conversion left out, including requests that no folder or order names', () => {
    const c = importPostmanCollection(v1);
    expect(c.notes).toEqual([
      'Converted from Postman Collection v1 with Postman’s collection transformer.',
      'Left out of the collection: timestamp, synced.',
      'Left out of the request "Create order": isFromCollection.',
    ]);
    const withOrphan = { ...v1, requests: [...v1.requests, { id: 'r-x', name: 'Stray', url: 'http://127.0.0.1:9/x', method: 'GET' }] };
    expect(importPostmanCollection(withOrphan).notes.at(-1)).toBe('1 request was in no folder or order list and was left out: "Stray".');
    expect(v1.requests).toHaveLength(3);
  });

  it('imports the readable requests of a damaged v1 file and never throws on a null entry', () => {
    const c = importPostmanCollection({ name: 'damaged', order: ['a', 'b'], folders: [null], requests: [null, { id: 'a', name: 'Kept', url: 'http://127.0.0.1:9/a', method: 'GET' }] });
    expect([...walkRequests(c.items)].map(({ item }) => [item.request.name, item.request.method, item.request.url])).toEqual([['Kept', 'GET', 'http://127.0.0.1:9/a']]);
    expect(c.settings.name).toBe('damaged');
  });
});

describe('our v2.1 export of each kind of file reads back with the postman-collection SDK unchanged', () => {
  const v1 = JSON.parse(readFileSync(join(fixturesDir, 'orders-v1.postman_collection.json'), 'utf8')) as unknown;
  const { info: _info, ...infoless } = flow;
  const kinds: Array<[string, unknown, unknown]> = [
    // [label, what we import, what the SDK reads as the same collection]
    ['UTF-8 BOM', JSON.parse(decodeText(utf8Bom(flowText))), flow],
    ['UTF-16 LE', JSON.parse(decodeText(utf16le(flowText))), flow],
    ['info-less', infoless, flow],
    ['{"collection": …} wrapper', { collection: flow }, flow],
    ['v1 converted', v1, null],
  ];
  for (const [label, input, original] of kinds) {
    it(`keeps items, methods, URLs, headers, body modes and scripts for the ${label} file`, () => {
      const exported = exportPostmanCollection(importPostmanCollection(input, { fileName: 'x.json' }));
      const ours = sdkView(exported);
      if (original) {
        expect(ours).toEqual(sdkView(original));
      } else {
        // v1: the SDK's reading of Postman's own conversion is the reference.
        let converted: unknown;
        transformer.convert(structuredClone(input), { inputVersion: '1.0.0', outputVersion: '2.1.0' }, (_e, r) => (converted = r));
        expect(ours).toEqual(sdkView(converted));
      }
      expect(ours.length).toBeGreaterThanOrEqual(3);
    });
  }
});
