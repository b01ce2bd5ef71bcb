import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../engine/harness';
import { addFolder, addRequest, collectionBackend, externalChange, makeCollection, tree } from './helpers';

/** The watcher sees edits in nested folders, and in folders that appeared after the collection was opened. */
describe('watching a collection folder', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await collectionBackend();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('sees an edit in a nested folder, then a new folder from outside, then an edit inside that new folder', async () => {
    const collection = await makeCollection(t);
    const outer = await addFolder(t, collection.id, '', 'Outer');
    const inner = await addFolder(t, collection.id, outer, 'Inner');
    const itemPath = await addRequest(t, collection.id, inner, { name: 'Deep', url: 'http://127.0.0.1:1/deep' });
    await tree(t, collection.id);

    let seen = externalChange(t, collection.id, 2_000);
    const deepFile = path.join(collection.location, itemPath);
    fs.writeFileSync(deepFile, fs.readFileSync(deepFile, 'utf8').replace('name: Deep', 'name: Deep edited'));
    await seen;
    expect(JSON.stringify((await tree(t, collection.id)).items)).toContain('Deep edited');

    // A git pull that brings a new folder: it is listed, and later edits inside it are seen too.
    seen = externalChange(t, collection.id, 2_000);
    fs.mkdirSync(path.join(collection.location, 'pulled'));
    fs.writeFileSync(path.join(collection.location, 'pulled', 'new.yaml'), 'name: Pulled\nmethod: GET\nurl: http://127.0.0.1:1/p\n');
    await seen;
    expect(JSON.stringify((await tree(t, collection.id)).items)).toContain('Pulled');
    seen = externalChange(t, collection.id, 2_000);
    fs.writeFileSync(path.join(collection.location, 'pulled', 'new.yaml'), 'name: Pulled again\nmethod: GET\nurl: http://127.0.0.1:1/p\n');
    await seen;
    expect(JSON.stringify((await tree(t, collection.id)).items)).toContain('Pulled again');
  });
});

describe('re-reading after an outside change', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await collectionBackend();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('re-validates a file that changed (a request made invalid is reported, not served from the last read) and keeps the others', async () => {
    const collection = await makeCollection(t);
    const a = await addRequest(t, collection.id, '', { name: 'Alpha', url: 'http://127.0.0.1:1/a' });
    await addRequest(t, collection.id, '', { name: 'Beta', url: 'http://127.0.0.1:1/b' });
    expect((await tree(t, collection.id)).items.map((n) => n.name)).toEqual(['Alpha', 'Beta']);

    const seen = externalChange(t, collection.id, 2_000);
    fs.writeFileSync(path.join(collection.location, a), 'name: Alpha\nmethod: FE TCH\nurl: http://127.0.0.1:1/a\n');
    await seen;
    const after = await tree(t, collection.id);
    expect(after.items.map((n) => n.name)).toEqual(['Beta']);
    expect(after.problems).toEqual([{ path: a, message: expect.stringMatching(/it is not a valid request \(method: /) }]);
  });
});
