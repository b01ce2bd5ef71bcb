import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCollectionJson } from '../../../electron/cli/commands/postman-file';

const dir = mkdtempSync(join(tmpdir(), 'postman-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const json = '{"info":{"name":"Å"},"item":[]}';

describe('run collection FILE reads Postman files as newman does', () => {
  it('reads UTF-8 with a byte-order mark, UTF-16 LE and UTF-16 BE', () => {
    const files: Array<[string, Buffer]> = [
      ['bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])],
      ['le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])],
      ['be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()])],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(join(dir, name), bytes);
      expect(readCollectionJson(join(dir, name)), name).toEqual({ info: { name: 'Å' }, item: [] });
    }
  });

  it('still names a file that is not JSON, with what to do', () => {
    writeFileSync(join(dir, 'bad.json'), 'nope');
    expect(() => readCollectionJson(join(dir, 'bad.json'))).toThrow(/is not valid JSON/);
  });
});
