import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, test } from 'vitest';
import { recordedTempDir } from '../../../electron/backend/engine/response-bodies';
import { startServer, tempFolder, testBackend, type TestBackend, type TestServer } from './harness';

const PATTERN = Buffer.from('0123456789abcdef');
const CHUNK = Buffer.alloc(64 * 1024, PATTERN);
const HUNDRED_MB = 100 * 1024 * 1024;

/** Serves `size` bytes of the repeating pattern, chunk by chunk, respecting backpressure. */
function servePattern(size: number) {
  return startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(size) });
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const piece = CHUNK.subarray(0, Math.min(CHUNK.length, size - sent));
        sent += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
}

/** Garbage buffers wait for the next collection; collecting while sampling measures what is really held. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function expectedText(offset: number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(PATTERN[(offset + i) % PATTERN.length]!);
  return text;
}

type FileBody = { kind: 'file'; responseId: string; size: number };

describe('large response bodies', () => {
  let t: TestBackend;
  let server: TestServer;
  afterEach(async () => {
    await t?.dispose();
    await server?.close();
  });

  test('a 100 MB response goes to a 0600 temp file with bounded memory and is read back in pages', async () => {
    server = await servePattern(HUNDRED_MB);
    t = await testBackend();
    const gc = collector();
    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    let peakBuffers = before.arrayBuffers;
    const sampler = setInterval(() => {
      gc();
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
    }, 100);
    let result: { size: number; body: FileBody | { kind: 'inline' } };
    try {
      result = await t.ok('sendRequest', { request: { method: 'GET', url: `${server.url}/big` } });
    } finally {
      clearInterval(sampler);
    }
    const rssGrowth = (peakRss - before.rss) / 1024 / 1024;
    const heapGrowth = (peakHeap - before.heapUsed) / 1024 / 1024;
    const bufferGrowth = (peakBuffers - before.arrayBuffers) / 1024 / 1024;
    console.info(`100 MB response: peak growth RSS ${rssGrowth.toFixed(1)} MB, JS heap ${heapGrowth.toFixed(1)} MB, buffers ${bufferGrowth.toFixed(1)} MB`);
    // Held in memory, the body alone would add 100 MB of buffers (and the server's copy in this process more).
    expect(heapGrowth + bufferGrowth).toBeLessThan(50);
    expect(rssGrowth).toBeLessThan(70);

    expect(result.size).toBe(HUNDRED_MB);
    expect(result.body.kind).toBe('file');
    const body = result.body as FileBody;
    const tempDir = recordedTempDir(t.dataDir)!;
    const file = path.join(tempDir, `${body.responseId}.body`);
    expect(fs.statSync(file).size).toBe(HUNDRED_MB);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(tempDir).mode & 0o777).toBe(0o700);

    const middle = 50 * 1024 * 1024 + 7;
    const page = await t.ok<{ text: string; offset: number; nextOffset: number; totalSize: number; done: boolean }>('readResponseBody', { responseId: body.responseId, offset: middle, length: 1000 });
    expect(page).toMatchObject({ offset: middle, nextOffset: middle + 1000, totalSize: HUNDRED_MB, done: false });
    expect(page.text).toBe(expectedText(middle, 1000));
    const last = await t.ok<{ text: string; done: boolean }>('readResponseBody', { responseId: body.responseId, offset: HUNDRED_MB - 10, length: 1000 });
    expect(last).toMatchObject({ text: expectedText(HUNDRED_MB - 10, 10), done: true });

    const history = await t.ok<{ entries: Array<{ id: string }> }>('listHistory', {});
    const entry = await t.ok<{ response: { size: number; bodyTruncated: boolean; body: string } }>('getHistoryEntry', { id: history.entries[0]!.id });
    expect(entry.response.size).toBe(HUNDRED_MB);
    expect(entry.response.bodyTruncated).toBe(true);
    expect(entry.response.body.length).toBeLessThanOrEqual(64 * 1024);

    expect(await t.ok('releaseResponseBody', { responseId: body.responseId })).toEqual({ released: true });
    expect(fs.existsSync(file)).toBe(false);
  }, 60_000);

  test('pages never split a multi-byte character, and chained pages give back the whole text', async () => {
    const text = 'blåbærsyltetøy ✓ '.repeat(400);
    server = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text));
    t = await testBackend({ requests: { spoolThresholdBytes: 1024 } });
    const result = await t.ok<{ body: FileBody }>('sendRequest', { request: { method: 'GET', url: `${server.url}/` } });
    expect(result.body.kind).toBe('file');
    let offset = 0;
    let joined = '';
    for (;;) {
      const page = await t.ok<{ text: string; nextOffset: number; done: boolean }>('readResponseBody', { responseId: result.body.responseId, offset, length: 333 });
      expect(page.text).not.toContain('\uFFFD');
      joined += page.text;
      offset = page.nextOffset;
      if (page.done) break;
    }
    expect(joined).toBe(text);
  });

  test('a small body comes back inline', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"small":true}'));
    t = await testBackend();
    const result = await t.ok<{ body: unknown }>('sendRequest', { request: { method: 'GET', url: `${server.url}/` } });
    expect(result.body).toEqual({ kind: 'inline', text: '{"small":true}', encoding: 'utf8' });
  });

  test('the temp folder is made with mkdtemp (a fresh, unpredictable name each run) and removed on dispose', async () => {
    server = await servePattern(4096);
    const dataDir = tempFolder('vx-data-');
    const root = tempFolder('vx-tmproot-');
    const made: string[] = [];
    for (let run = 0; run < 2; run++) {
      t = await testBackend({ dataDir, requests: { spoolThresholdBytes: 1024, tempRoot: root } });
      await t.ok('sendRequest', { request: { method: 'GET', url: `${server.url}/` } });
      const dir = recordedTempDir(dataDir)!;
      expect(path.dirname(dir)).toBe(root);
      expect(path.basename(dir)).toMatch(/^vipps-explorer-[A-Za-z0-9]{6}$/);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.readdirSync(dir)).toHaveLength(1);
      made.push(dir);
      await t.backend.dispose();
      expect(fs.existsSync(dir)).toBe(false);
    }
    expect(made[0]).not.toBe(made[1]);
  });

  test('the next start removes the temp folder a crashed run left, and nothing that is not ours', async () => {
    server = await servePattern(4096);
    const dataDir = tempFolder('vx-data-');
    const root = tempFolder('vx-tmproot-');
    const crashedRun = await testBackend({ dataDir, requests: { spoolThresholdBytes: 1024, tempRoot: root } });
    await crashedRun.ok('sendRequest', { request: { method: 'GET', url: `${server.url}/` } });
    const crashed = recordedTempDir(dataDir)!;
    expect(fs.existsSync(crashed)).toBe(true);
    // The crashed run is never disposed: its folder stays behind, as after a real crash.
    const stranger = fs.mkdtempSync(path.join(root, 'someone-else-'));
    t = await testBackend({ dataDir, requests: { spoolThresholdBytes: 1024, tempRoot: root } });
    expect(fs.existsSync(crashed)).toBe(false);
    expect(fs.existsSync(stranger)).toBe(true);
    expect(recordedTempDir(dataDir)).toBeUndefined();
  });
});
