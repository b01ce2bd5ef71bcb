import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionSummary, ContainerSettings } from '../../../shared/model/collection';
import { KEYCHAIN_SERVICE } from '../../../electron/backend/vault/secret-vault';
import type { TestBackend } from '../engine/harness';
import { addFolder, collectionBackend, makeCollection } from './helpers';

/** Secret folder variables follow their folder: moved, renamed or duplicated, the keychain entries go along. */
describe('secret folder variables when folders move', () => {
  let t: TestBackend;
  let a: CollectionSummary;
  let b: CollectionSummary;

  const entry = (collectionId: string, folderPath: string, key: string) => t.keychain.getPassword(KEYCHAIN_SERVICE, `collection:${collectionId}/${folderPath}:${key}`);

  const setSecret = async (collectionId: string, folderPath: string, key: string, value: string) => {
    const settings = await t.ok<ContainerSettings>('getContainerSettings', { collectionId, path: folderPath });
    await t.ok('saveContainerSettings', { collectionId, path: folderPath, settings: { ...settings, variables: [{ key, value, secret: true }, { key: 'plain', value: 'shown' }] } });
  };

  beforeEach(async () => {
    t = await collectionBackend();
    a = await makeCollection(t, 'Source');
    b = await makeCollection(t, 'Target');
    const outer = await addFolder(t, a.id, '', 'Outer');
    const inner = await addFolder(t, a.id, outer, 'Inner');
    await setSecret(a.id, outer, 'token', 'outer-secret-value');
    await setSecret(a.id, inner, 'apiKey', 'inner-secret-value');
    expect(await entry(a.id, 'outer/inner', 'apiKey')).toBe('inner-secret-value');
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('moves the folder’s and its sub-folder’s secrets into the other collection and deletes the old entries', async () => {
    const moved = await t.ok<{ path: string }>('moveItem', { collectionId: a.id, path: 'outer', toCollectionId: b.id, toParentPath: '' });
    expect(moved.path).toBe('outer');
    expect(await entry(b.id, 'outer', 'token')).toBe('outer-secret-value');
    expect(await entry(b.id, 'outer/inner', 'apiKey')).toBe('inner-secret-value');
    expect(await entry(a.id, 'outer', 'token')).toBeNull();
    expect(await entry(a.id, 'outer/inner', 'apiKey')).toBeNull();
    expect(t.keychain.size).toBe(2);
  });

  it('moves them into a sub-folder of the same collection', async () => {
    await addFolder(t, a.id, '', 'Archive');
    const moved = await t.ok<{ path: string }>('moveItem', { collectionId: a.id, path: 'outer', toCollectionId: a.id, toParentPath: 'archive' });
    expect(moved.path).toBe('archive/outer');
    expect(await entry(a.id, 'archive/outer', 'token')).toBe('outer-secret-value');
    expect(await entry(a.id, 'archive/outer/inner', 'apiKey')).toBe('inner-secret-value');
    expect(t.keychain.size).toBe(2);
  });

  it('moves them when the folder is renamed', async () => {
    const renamed = await t.ok<{ path: string }>('renameItem', { collectionId: a.id, path: 'outer', name: 'Payments API' });
    expect(renamed.path).toBe('payments-api');
    expect(await entry(a.id, 'payments-api', 'token')).toBe('outer-secret-value');
    expect(await entry(a.id, 'payments-api/inner', 'apiKey')).toBe('inner-secret-value');
    expect(await entry(a.id, 'outer', 'token')).toBeNull();
    expect(t.keychain.size).toBe(2);
  });

  it('copies them for a duplicated folder, leaving the original’s in place', async () => {
    const copy = await t.ok<{ path: string }>('duplicateItem', { collectionId: a.id, path: 'outer' });
    expect(copy.path).toBe('outer-copy');
    expect(await entry(a.id, 'outer-copy', 'token')).toBe('outer-secret-value');
    expect(await entry(a.id, 'outer-copy/inner', 'apiKey')).toBe('inner-secret-value');
    expect(await entry(a.id, 'outer', 'token')).toBe('outer-secret-value');
    expect(await entry(a.id, 'outer/inner', 'apiKey')).toBe('inner-secret-value');
    // The copy's secret is its own: changing it leaves the original alone.
    await setSecret(a.id, 'outer-copy', 'token', 'changed-in-copy');
    expect(await entry(a.id, 'outer', 'token')).toBe('outer-secret-value');
  });
});
