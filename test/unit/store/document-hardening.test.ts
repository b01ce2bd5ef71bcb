import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBackend } from '../../../electron/backend';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { openDocument } from '../../../electron/backend/store/document-store';
import { NoticeBoard } from '../../../electron/backend/store/notices';
import { MemoryKeychain } from '../../../electron/backend/vault/memory-keychain';
import { tempDir } from '../../helpers/temp';

const Item = z.object({ id: z.string(), label: z.string(), note: z.string().optional() });
const Schema = z.object({ items: z.array(Item), count: z.number() });
type Doc = z.infer<typeof Schema>;

function open(dir: string, notices = new NoticeBoard()) {
  return openDocument<Doc>({
    factory: confStoreFactory,
    dir,
    name: 'things',
    label: 'saved things',
    schema: Schema,
    version: 1,
    defaults: () => ({ items: [], count: 0 }),
    notices,
    now: () => new Date('2026-11-23T10:00:00.000Z'),
  });
}

const fileOf = (dir: string) => path.join(dir, 'things.json');

describe('documents that are null, empty or of the wrong shape', () => {
  it.each([
    ['null', 'null', /holds null/],
    ['an empty file', '', /is empty/],
    ['whitespace only', '  \n', /is empty/],
    ['a list', '[1,2]', /holds a list/],
    ['a string', '"profiles"', /holds a string/],
    ['a number', '42', /holds a number/],
    ['an object without schemaVersion and data', '{"items":[]}', /no saved document/],
  ])('%s is moved aside with a notice and defaults are used', (_label, content, reason) => {
    const dir = tempDir();
    fs.writeFileSync(fileOf(dir), content);
    const notices = new NoticeBoard();
    const doc = open(dir, notices);
    expect(doc.read()).toEqual({ items: [], count: 0 });
    const moved = path.join(dir, 'things.corrupt-2026-11-23T10-00-00-000Z.json');
    expect(fs.readFileSync(moved, 'utf8')).toBe(content);
    const [notice] = notices.list();
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toMatch(reason);
    expect(notice?.message).toContain(moved);
  });
});

describe('fields this version does not know', () => {
  it('survive a write: at the top, in the envelope and inside list items matched by id', () => {
    const dir = tempDir();
    fs.writeFileSync(
      fileOf(dir),
      JSON.stringify({
        schemaVersion: 1,
        writtenBy: 'a newer minor version',
        data: { items: [{ id: 'a', label: 'A', colour: 'red' }, { id: 'b', label: 'B', tags: ['x'] }], count: 2, sortOrder: 'desc' },
      }),
    );
    const doc = open(dir);
    doc.update((current) => ({ items: [{ id: 'b', label: 'B2' }, ...current.items.filter((i) => i.id === 'a')], count: 3 }));
    const onDisk = JSON.parse(fs.readFileSync(fileOf(dir), 'utf8'));
    expect(onDisk).toEqual({
      schemaVersion: 1,
      writtenBy: 'a newer minor version',
      data: { items: [{ id: 'b', label: 'B2', tags: ['x'] }, { id: 'a', label: 'A', colour: 'red' }], count: 3, sortOrder: 'desc' },
    });
  });

  it('do not bring back a known field the app removed', () => {
    const dir = tempDir();
    fs.writeFileSync(fileOf(dir), JSON.stringify({ schemaVersion: 1, data: { items: [{ id: 'a', label: 'A', note: 'old note', extra: 1 }], count: 1 } }));
    const doc = open(dir);
    doc.write({ items: [{ id: 'a', label: 'A' }], count: 1 });
    expect(JSON.parse(fs.readFileSync(fileOf(dir), 'utf8')).data.items).toEqual([{ id: 'a', label: 'A', extra: 1 }]);
  });

  it('a file of a newer format version is moved aside, not overwritten', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ schemaVersion: 9, data: { items: [], count: 0, future: true } });
    fs.writeFileSync(fileOf(dir), newer);
    const notices = new NoticeBoard();
    open(dir, notices);
    expect(notices.list()[0]?.message).toMatch(/newer version/);
    expect(fs.readFileSync(path.join(dir, 'things.corrupt-2026-11-23T10-00-00-000Z.json'), 'utf8')).toBe(newer);
  });
});

describe('file and folder permissions', () => {
  it('documents are 0600 and their folder 0700, and older, looser ones are tightened', () => {
    const parent = tempDir();
    const dir = path.join(parent, 'fresh');
    open(dir).write({ items: [], count: 1 });
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(fileOf(dir)).mode & 0o777).toBe(0o600);

    const old = path.join(parent, 'old');
    fs.mkdirSync(old, { mode: 0o755 });
    fs.chmodSync(old, 0o755);
    fs.writeFileSync(fileOf(old), JSON.stringify({ schemaVersion: 1, data: { items: [], count: 0 } }), { mode: 0o644 });
    fs.chmodSync(fileOf(old), 0o644);
    open(old).write({ items: [], count: 2 });
    expect(fs.statSync(old).mode & 0o777).toBe(0o700);
    expect(fs.statSync(fileOf(old)).mode & 0o777).toBe(0o600);
  });

  it('every file the backend writes in a fresh data folder is 0600 and every folder 0700', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await createBackend({ host: 'test', dataDir, storeFactory: confStoreFactory, keychain: new MemoryKeychain(), sandbox: { inMemory: true } });
    await backend.call('updateSettings', { theme: 'dark' });
    await backend.dispose();
    const entries = [dataDir, ...fs.readdirSync(dataDir, { recursive: true }).map((name) => path.join(dataDir, String(name)))];
    const modes = entries.map((entry) => [path.relative(dataDir, entry) || '.', (fs.statSync(entry).mode & 0o777).toString(8)]);
    for (const [name, mode] of modes) expect(`${name} ${mode}`).toBe(`${name} ${fs.statSync(path.join(dataDir, name!)).isDirectory() ? '700' : '600'}`);
  });
});

describe('notices from the embedded sandbox', () => {
  it('reach getStatus (the status bar), like the backend’s own', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'sandbox'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'sandbox', 'sandbox-state.jsonl'), '{ not json\n');
    const backend = await createBackend({ host: 'test', dataDir, storeFactory: confStoreFactory, keychain: new MemoryKeychain() });
    try {
      const status = await backend.call('getStatus', {});
      expect(status.ok).toBe(true);
      const messages = (status as { value: { notices: Array<{ message: string }> } }).value.notices.map((n) => n.message);
      expect(messages.some((m) => /sandbox state could not be read/.test(m))).toBe(true);
      // The sandbox keeps its state in a private folder too.
      expect(fs.statSync(path.join(dataDir, 'sandbox')).mode & 0o777).toBe(0o700);
    } finally {
      await backend.dispose();
    }
  });
});
