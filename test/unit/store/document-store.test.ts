import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { openDocument } from '../../../electron/backend/store/document-store';
import { NoticeBoard } from '../../../electron/backend/store/notices';
import { tempDir } from '../../helpers/temp';

const Schema = z.object({ names: z.array(z.string()), count: z.number() });
type Doc = z.infer<typeof Schema>;

function open(dir: string, notices = new NoticeBoard(), extra: Partial<Parameters<typeof openDocument<Doc>>[0]> = {}) {
  return openDocument<Doc>({
    factory: confStoreFactory,
    dir,
    name: 'things',
    label: 'saved things',
    schema: Schema,
    version: 2,
    migrations: { 1: (old) => ({ names: (old as { list: string[] }).list, count: (old as { list: string[] }).list.length }) },
    defaults: () => ({ names: [], count: 0 }),
    notices,
    now: () => new Date('2026-11-23T10:00:00.000Z'),
    ...extra,
  });
}

describe('document store', () => {
  it('starts on defaults and writes a versioned file when none exists', () => {
    const dir = tempDir();
    const doc = open(dir);
    expect(doc.read()).toEqual({ names: [], count: 0 });
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'things.json'), 'utf8'));
    expect(onDisk).toEqual({ schemaVersion: 2, data: { names: [], count: 0 } });
  });

  it('keeps what was written across a reopen', () => {
    const dir = tempDir();
    open(dir).write({ names: ['a', 'b'], count: 2 });
    expect(open(dir).read()).toEqual({ names: ['a', 'b'], count: 2 });
  });

  it('moves a corrupt file aside with a timestamp, starts on defaults and names the file in a notice', () => {
    const dir = tempDir();
    open(dir).write({ names: ['kept'], count: 1 });
    fs.writeFileSync(path.join(dir, 'things.json'), '{"schemaVersion": 2, "data": {');
    const notices = new NoticeBoard();
    const doc = open(dir, notices);
    expect(doc.read()).toEqual({ names: [], count: 0 });
    const moved = path.join(dir, 'things.corrupt-2026-11-23T10-00-00-000Z.json');
    expect(fs.readFileSync(moved, 'utf8')).toBe('{"schemaVersion": 2, "data": {');
    const [notice] = notices.list();
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toContain(moved);
    expect(notice?.message).toContain('saved things');
  });

  it('moves aside a file whose content does not match the schema instead of dropping fields', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'things.json'), JSON.stringify({ schemaVersion: 2, data: { names: 'oops', count: 1 } }));
    const notices = new NoticeBoard();
    open(dir, notices);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('things.corrupt-'))).toBe(true);
    expect(notices.list()[0]?.message).toMatch(/names/);
  });

  it('migrates an older format forward', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'things.json'), JSON.stringify({ schemaVersion: 1, data: { list: ['x', 'y'] } }));
    const doc = open(dir);
    expect(doc.read()).toEqual({ names: ['x', 'y'], count: 2 });
  });

  it('does not overwrite a file written by a newer version', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ schemaVersion: 9, data: { future: true } });
    fs.writeFileSync(path.join(dir, 'things.json'), newer);
    const notices = new NoticeBoard();
    open(dir, notices);
    const aside = fs.readdirSync(dir).find((f) => f.startsWith('things.corrupt-'));
    expect(aside).toBeDefined();
    expect(fs.readFileSync(path.join(dir, aside!), 'utf8')).toBe(newer);
    expect(notices.list()[0]?.message).toMatch(/newer version/);
  });

  it('refuses to write a value outside the schema and keeps the previous one', () => {
    const dir = tempDir();
    const doc = open(dir);
    doc.write({ names: ['ok'], count: 1 });
    expect(() => doc.write({ names: [1], count: 1 } as unknown as Doc)).toThrow();
    expect(open(dir).read()).toEqual({ names: ['ok'], count: 1 });
  });
});
