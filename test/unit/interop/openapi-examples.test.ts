import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOpenApi } from '../../../electron/backend/interop/openapi-loader';
import { walkRequests, type PortableCollection } from '../../../shared/interop/tree';
import { generatedSpec } from './openapi-generated';
import { fixturesDir } from './reference';

const load = (name: string) => {
  const filePath = join(fixturesDir, 'oas-examples', name);
  return loadOpenApi({ text: readFileSync(filePath, 'utf8'), filePath });
};
const lines = (c: PortableCollection) => [...walkRequests(c.items)].map(({ folders, item }) => `${[...folders, ''].join(' / ')}${item.request.method} ${item.request.url}`);

describe('the OpenAPI Specification’s example files', () => {
  it('petstore: all 3 operations, in their tag’s folder, with a body built from the schema', async () => {
    const c = await load('petstore.yaml');
    expect(lines(c)).toEqual(['pets / GET {{base_url}}/pets', 'pets / POST {{base_url}}/pets', 'pets / GET {{base_url}}/pets/{{petId}}']);
    expect(c.settings.variables).toEqual([{ key: 'base_url', value: 'http://petstore.swagger.io/v1', enabled: true, secret: false }]);
    const create = [...walkRequests(c.items)][1]!.item.request;
    expect(JSON.parse((create.body as { text: string }).text)).toEqual({ id: 0, name: 'string', tag: 'string' });
  });

  it('petstore-expanded: all 4 operations, allOf schemas merged into the body', async () => {
    const c = await load('petstore-expanded.yaml');
    expect(lines(c)).toEqual(['GET {{base_url}}/pets', 'POST {{base_url}}/pets', 'GET {{base_url}}/pets/{{id}}', 'DELETE {{base_url}}/pets/{{id}}']);
    const [find, add] = [...walkRequests(c.items)].map((r) => r.item.request);
    expect(find!.params.map((p) => p.key)).toEqual(['tags', 'limit']);
    expect(JSON.parse((add!.body as { text: string }).text)).toEqual({ name: 'string', tag: 'string' });
  });

  it('uspto: all 3 operations, the server variable filled with its default, a form body', async () => {
    const c = await load('uspto.yaml');
    expect(lines(c)).toEqual(['metadata / GET {{base_url}}/', 'metadata / GET {{base_url}}/{{dataset}}/{{version}}/fields', 'search / POST {{base_url}}/{{dataset}}/{{version}}/records']);
    expect(c.settings.variables[0]!.value).toBe('https://developer.uspto.gov/ds-api');
    expect([...walkRequests(c.items)][2]!.item.request.body).toEqual({
      mode: 'form-urlencoded',
      fields: [
        { key: 'criteria', value: '{{criteria}}', enabled: true },
        { key: 'start', value: '{{start}}', enabled: true },
        { key: 'rows', value: '{{rows}}', enabled: true },
      ],
    });
  });

  it('link-example: all 6 operations, links resolved without error', async () => {
    const c = await load('link-example.yaml');
    expect(lines(c)).toEqual([
      'GET {{base_url}}/2.0/users/{{username}}',
      'GET {{base_url}}/2.0/repositories/{{username}}',
      'GET {{base_url}}/2.0/repositories/{{username}}/{{slug}}',
      'GET {{base_url}}/2.0/repositories/{{username}}/{{slug}}/pullrequests',
      'GET {{base_url}}/2.0/repositories/{{username}}/{{slug}}/pullrequests/{{pid}}',
      'POST {{base_url}}/2.0/repositories/{{username}}/{{slug}}/pullrequests/{{pid}}/merge',
    ]);
  });

  it('callback-example: the operation and the callback it describes, at the callback URL the client gave', async () => {
    const c = await load('callback-example.yaml');
    expect(lines(c)).toEqual(['POST {{base_url}}/streams', 'Callbacks / POST {{callbackUrl}}/data']);
    const [subscribe, onData] = [...walkRequests(c.items)].map((r) => r.item);
    expect(subscribe!.request.params).toEqual([{ key: 'callbackUrl', value: '{{callbackUrl}}', enabled: true, description: 'the location where data will be sent.  Must be network accessible by the source server' }]);
    expect(subscribe!.notes).toContain('The calls the API then makes to you are in the folder "Callbacks".');
    expect(onData!.request.name).toBe('onData (POST /streams)');
    expect(onData!.notes).toContain('The API makes this call to {$request.query.callbackUrl}/data, after "POST /streams".');
    expect(Object.keys(JSON.parse((onData!.request.body as { text: string }).text) as object)).toEqual(['timestamp', 'userData']);
  });

  it('api-with-examples: both operations', async () => {
    expect(lines(await load('api-with-examples.yaml'))).toEqual(['GET {{base_url}}/', 'GET {{base_url}}/v2']);
  });

  it('webhook-example (3.1, webhooks and no paths): the webhook, addressed to {{webhook_url}}', async () => {
    const c = await load('webhook-example.yaml');
    expect(lines(c)).toEqual(['Webhooks / POST {{webhook_url}}']);
    const [hook] = [...walkRequests(c.items)].map((r) => r.item);
    expect(hook!.request.name).toBe('newPet');
    expect(JSON.parse((hook!.request.body as { text: string }).text)).toEqual({ id: 0, name: 'string', tag: 'string' });
  });

  it('still refuses a 3.0 document without paths, and names TRACE operations it leaves out', async () => {
    await expect(loadOpenApi({ text: 'openapi: 3.0.0\ninfo: { title: t, version: "1" }\nwebhooks: { a: { post: {} } }\n' })).rejects.toThrow('no "paths"');
    const c = await loadOpenApi({ text: 'openapi: 3.0.0\ninfo: { title: t, version: "1" }\npaths:\n  /x:\n    get: {}\n    trace: {}\n' });
    expect(lines(c)).toEqual(['GET {{base_url}}/x']);
    expect(c.notes).toEqual(['Left out, since requests here cannot use TRACE: TRACE /x.']);
  });
});

describe('a large spec', () => {
  it('imports every one of 5,000 generated operations', async () => {
    const c = await loadOpenApi({ text: JSON.stringify(generatedSpec(5_000)) });
    const requests = [...walkRequests(c.items)];
    expect(requests).toHaveLength(5_000);
    expect(new Set(requests.map((r) => `${r.item.request.method} ${r.item.request.url}`)).size).toBe(5_000);
    expect(c.items).toHaveLength(50);
  }, 120_000);
});
