import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, type TestBackend } from '../engine/harness';
import { collectionBackend } from './helpers';

/** A folder is named by its full path: a relative one would land wherever the backend was started. */
describe('collection folders by path', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await collectionBackend();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('refuses a relative folder for create and open, says so without the working folder, and creates nothing', async () => {
    const created = expectError(await t.call('createCollection', { name: 'Stray', directory: 'vx-stray-folder' }), 'INVALID_INPUT');
    expect(created.message).toContain('"vx-stray-folder" is not a full path');
    expect(created.message).not.toContain(process.cwd());
    expect(fs.existsSync('vx-stray-folder')).toBe(false);
    const opened = expectError(await t.call('openCollectionFolder', { directory: ' ' }), 'INVALID_INPUT');
    expect(opened.message).not.toContain(process.cwd());
  });
});
