import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOpenApi } from '../../../electron/backend/interop/openapi-loader';
import { countRequests, walkRequests, type PortableFolder } from '../../../shared/interop/tree';
import { fixturesDir, reference } from './reference';

const petshop = join(fixturesDir, 'petshop', 'petshop.yaml');

describe('OpenAPI import', () => {
  it('makes one folder per tag and one request per operation, with path and query parameters as variables', async () => {
    const c = await loadOpenApi({ text: readFileSync(petshop, 'utf8'), filePath: petshop });
    expect(c.settings.name).toBe('Pet shop 1.0');
    expect(c.settings.variables).toEqual([{ key: 'base_url', value: 'http://127.0.0.1:8080/v1', enabled: true, secret: false }]);
    expect(c.settings.auth).toEqual({ type: 'bearer', token: '{{access_token}}' });
    expect(c.items.map((i) => (i.kind === 'folder' ? `[${i.settings.name}]` : i.request.name))).toEqual(['[Pets]', 'Health', 'Remote schema']);
    const pets = c.items[0] as PortableFolder;
    expect(pets.settings.description).toBe('Everything about pets');
    const [list, create, replace] = pets.items.map((i) => (i.kind === 'request' ? i.request : undefined));
    expect(list).toMatchObject({
      name: 'List pets',
      method: 'GET',
      url: '{{base_url}}/pets',
      params: [
        { key: 'limit', value: '{{limit}}', enabled: true },
        { key: 'cursor', value: '{{cursor}}', enabled: false },
      ],
      headers: [{ key: 'X-Trace', value: 'abc', enabled: false }],
    });
    expect(create).toMatchObject({ name: 'createPet', headers: [{ key: 'Idempotency-Key', value: '{{$guid}}', enabled: true }] });
    // Built from the schema in another file (read from the spec's folder), without the read-only id.
    expect(JSON.parse((create!.body as { text: string }).text)).toEqual({ name: 'Fido', age: 0 });
    expect(replace).toMatchObject({ method: 'PUT', url: '{{base_url}}/pets/{{petId}}' });
    expect(JSON.parse((replace!.body as { text: string }).text)).toEqual({ name: 'Rex', tag: 'dog' });
  });

  it('leaves out what it cannot reach and says so, instead of fetching from the internet', async () => {
    const c = await loadOpenApi({ text: readFileSync(petshop, 'utf8'), filePath: petshop });
    expect(c.notes.join(' ')).toMatch(/https:\/\/example\.com\/schemas\/remote\.yaml#\/Thing could not be read \(the app fetches nothing from the internet\)/);
    const health = [...walkRequests(c.items)].find((r) => r.item.request.name === 'Health')!;
    expect(health.item.notes).toContain('The spec marks this operation as deprecated.');
  });

  it('reads pasted text without a folder, leaving file references out with a note', async () => {
    const c = await loadOpenApi({ text: readFileSync(petshop, 'utf8') });
    expect(countRequests(c.items)).toBe(5);
    expect(c.notes.join(' ')).toMatch(/\.\/schemas\.yaml#\/Pet could not be read \(pasted text has no folder/);
  });

  it('refuses Swagger 2 and text that is no OpenAPI, saying what to do', async () => {
    await expect(loadOpenApi({ text: 'swagger: "2.0"\npaths: {}' })).rejects.toThrow(/Swagger 2\.0 document.*convert it to OpenAPI 3/);
    await expect(loadOpenApi({ text: 'hello: [' })).rejects.toThrow(/could not be read as YAML or JSON/);
    await expect(loadOpenApi({ text: 'openapi: 3.0.0\ninfo: {title: x}' })).rejects.toThrow(/no "paths"/);
  });
});

describe('the official Vipps OpenAPI specs', () => {
  const specs: Array<[string, number]> = [
    ['access-token-api-swagger.yaml', 1],
    ['epayment.v1.yml', 7],
    ['vipps-ecom-api-swagger.yaml', 8],
    ['vipps-order-management-api-swagger.yaml', 6],
    ['openapi.yaml', 10],
    ['history/vipps-order-management-api@2.3.24/swagger.yaml', 6],
  ];
  for (const [file, atLeast] of specs) {
    const spec = reference(`reference/openapi/${file}`, `OpenAPI import of ${file}`);
    it.skipIf(spec.missing)(`imports ${file}: every operation a request, Vipps auth from the profile, JSON bodies that parse`, async () => {
      const c = await loadOpenApi({ text: readFileSync(spec.path, 'utf8'), filePath: spec.path });
      const requests = [...walkRequests(c.items)];
      expect(requests.length).toBeGreaterThanOrEqual(atLeast);
      expect(c.settings.auth).toEqual({ type: 'vipps' });
      for (const { item, folders } of requests) {
        // Callbacks are calls the API makes to the merchant: they go to the merchant's callback URL, not the API's host.
        if (folders[0] === 'Callbacks') expect(item.request.url).toMatch(/^\{\{\w+\}\}/);
        else expect(item.request.url.startsWith('{{base_url}}/'), item.request.url).toBe(true);
        expect(item.request.headers.map((h) => h.key.toLowerCase())).not.toContain('ocp-apim-subscription-key');
        if (item.request.body.mode === 'json') expect(() => JSON.parse((item.request.body as { text: string }).text)).not.toThrow();
      }
      console.info(`${file}: ${requests.length} requests in ${c.items.filter((i) => i.kind === 'folder').length} folders; notes: ${c.notes.length}`);
    });
  }

  const epayment = reference('reference/openapi/epayment.v1.yml', 'ePayment receipt reference check');
  it.skipIf(epayment.missing)('reads the ePayment spec’s receipt schema from the kept copy of the 2.3.24 Order Management spec, not from GitHub', async () => {
    const c = await loadOpenApi({ text: readFileSync(epayment.path, 'utf8'), filePath: epayment.path });
    expect(c.notes.join(' ')).not.toMatch(/raw\.githubusercontent\.com/);
    const create = [...walkRequests(c.items)].find((r) => r.item.request.method === 'POST' && r.item.request.url === '{{base_url}}/epayment/v1/payments')!;
    expect(create.item.request.body.mode).toBe('json');
  });
});
