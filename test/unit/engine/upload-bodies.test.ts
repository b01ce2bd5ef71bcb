import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../electron/backend';
import { encodePayload } from '../../../electron/backend/engine/request-payload';
import { activeCustomProfile, expectError, tempFolder, testBackend, type TestBackend } from './harness';
import { addRequest, makeCollection } from '../collections/helpers';

interface RawSeen {
  method: string;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

/** A loopback server that keeps each body's exact bytes (the shared harness decodes them as UTF-8). */
async function rawServer(): Promise<{ url: string; seen: RawSeen[]; close(): Promise<void> }> {
  const seen: RawSeen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', headers: req.headers, bytes: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Parses the body the way a server would: with Node's own multipart parser (undici), not the library that built it. */
async function parseForm(seen: RawSeen): Promise<FormData> {
  return new Request('http://parser.invalid/', { method: 'POST', headers: { 'content-type': String(seen.headers['content-type']) }, body: new Uint8Array(seen.bytes) }).formData();
}

describe('multipart and binary bodies over loopback', () => {
  let t: TestBackend;
  let server: Awaited<ReturnType<typeof rawServer>>;
  let dir: string;
  const fileBytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));

  beforeEach(async () => {
    server = await rawServer();
    t = await testBackend({ requests: { uploadLimitBytes: 10_000 } });
    await activeCustomProfile(t, server.url, undefined, { variables: { uploads: '' } });
    dir = tempFolder('vx-upload-');
    fs.writeFileSync(path.join(dir, 'receipt.bin'), fileBytes);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'MARKER-FILE-CONTENT line\n');
  });
  afterEach(async () => {
    await t.dispose();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const send = (payload: unknown, headers: Array<{ name: string; value: string }> = []) =>
    t.call<{ status: number; sent: { body: string; headers: Array<{ name: string; value: string }> }; historyId?: string }>('sendRequest', {
      request: { method: 'POST', url: `${server.url}/upload`, headers, payload, options: { auth: 'none' } },
      variables: { run: { dir, orderId: 'order-77' } },
    });

  it('sends text and file parts with variables filled and a boundary in the Content-Type, and records only a summary', async () => {
    const result = await send({
      mode: 'multipart',
      parts: [
        { kind: 'text', key: 'reference', value: '{{orderId}}' },
        { kind: 'text', key: 'meta', value: '{"a":1}', contentType: 'application/json' },
        { kind: 'file', key: 'receipt', path: '{{dir}}/receipt.bin' },
        { kind: 'file', key: 'notes', path: `${dir}/notes.txt`, contentType: 'text/plain' },
        { kind: 'text', key: 'off', value: 'not sent', enabled: false },
      ],
    });
    expect(result.ok).toBe(true);
    const seen = server.seen[0]!;
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(Number(seen.headers['content-length'])).toBe(seen.bytes.length);
    const form = await parseForm(seen);
    expect([...form.keys()]).toEqual(['reference', 'meta', 'receipt', 'notes']);
    expect(form.get('reference')).toBe('order-77');
    expect(form.get('meta')).toBe('{"a":1}');
    expect(seen.bytes.toString('latin1')).toContain('name="meta"\r\nContent-Type: application/json');
    const receipt = form.get('receipt') as File;
    expect(receipt.name).toBe('receipt.bin');
    expect(Buffer.from(await receipt.arrayBuffer()).equals(fileBytes)).toBe(true);
    const notes = form.get('notes') as File;
    expect(notes.type).toBe('text/plain');
    expect(await notes.text()).toBe('MARKER-FILE-CONTENT line\n');

    const sent = result.ok ? result.value.sent : undefined;
    expect(sent?.body).toContain('receipt: file receipt.bin, 3,000 bytes');
    expect(sent?.body).toContain('reference: text, 8 bytes');
    const entry = await t.ok<{ request: { body: string } }>('getHistoryEntry', { id: result.ok ? result.value.historyId : '' });
    expect(entry.request.body).toContain('«multipart/form-data, 4 parts');
    expect(entry.request.body).toContain('notes: file notes.txt, 25 bytes');
    expect(entry.request.body).not.toContain('MARKER-FILE-CONTENT');
    expect(entry.request.body).not.toContain('order-77');
  });

  it('adds the boundary to a multipart Content-Type the user typed without one', async () => {
    const result = await send({ mode: 'multipart', parts: [{ kind: 'text', key: 'a', value: 'b' }] }, [{ name: 'Content-Type', value: 'multipart/form-data' }]);
    expect(result.ok).toBe(true);
    expect(server.seen[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect((await parseForm(server.seen[0]!)).get('a')).toBe('b');
  });

  it('sends a binary body from a file, or from inline base64, byte for byte', async () => {
    expect((await send({ mode: 'binary', path: '{{dir}}/receipt.bin', contentType: 'image/png' })).ok).toBe(true);
    expect(server.seen[0]!.headers['content-type']).toBe('image/png');
    expect(server.seen[0]!.bytes.equals(fileBytes)).toBe(true);
    expect((await send({ mode: 'binary', base64: fileBytes.subarray(0, 100).toString('base64') })).ok).toBe(true);
    expect(server.seen[1]!.headers['content-type']).toBe('application/octet-stream');
    expect(server.seen[1]!.bytes.equals(fileBytes.subarray(0, 100))).toBe(true);
  });

  it('refuses a missing file, a relative path and a body over the limit by name, and sends nothing', async () => {
    const missing = expectError(await send({ mode: 'multipart', parts: [{ kind: 'file', key: 'doc', path: '{{dir}}/gone.pdf' }] }), 'INVALID_INPUT');
    expect(missing.message).toContain(`Part "doc": the file "${dir}/gone.pdf" cannot be read (there is no such file)`);
    const relative = expectError(await send({ mode: 'binary', path: 'receipt.bin' }), 'INVALID_INPUT');
    expect(relative.message).toContain('"receipt.bin" is not a full path');
    fs.writeFileSync(path.join(dir, 'big.bin'), Buffer.alloc(10_001));
    const big = expectError(await send({ mode: 'multipart', parts: [{ kind: 'file', key: 'big', path: '{{dir}}/big.bin' }] }), 'TOO_LARGE');
    expect(big.message).toContain(`the file "${dir}/big.bin"`);
    expect(big.message).toContain('9.8 KB');
    expectError(await send({ mode: 'binary', base64: 'not base64!' }), 'INVALID_INPUT');
    expect(server.seen).toHaveLength(0);
  });

  it('sends a collection request whose body is multipart, through the runner', async () => {
    const client = createInProcessClient(t.backend, 'test');
    const collection = await makeCollection(t, 'Uploads');
    await addRequest(t, collection.id, '', {
      name: 'Upload receipt',
      method: 'POST',
      url: `${server.url}/upload`,
      auth: { type: 'none' },
      body: { mode: 'multipart', parts: [{ kind: 'text', key: 'kind', value: 'receipt', enabled: true }, { kind: 'file', key: 'file', path: path.join(dir, 'receipt.bin'), enabled: true }] },
    });
    const started = await client.startRun({ collectionId: collection.id, recordHistory: false });
    if (!started.ok) throw new Error(started.error.message);
    const summary = await t.backend.runner.finished(started.value.runId);
    expect(summary.results[0]).toMatchObject({ status: 200, passed: true });
    const form = await parseForm(server.seen[0]!);
    expect(form.get('kind')).toBe('receipt');
    expect(Buffer.from(await (form.get('file') as File).arrayBuffer()).equals(fileBytes)).toBe(true);
  });
});

describe('encodePayload', () => {
  it('keeps a boundary the user typed, so the body matches their header', async () => {
    const encoded = await encodePayload({ mode: 'multipart', parts: [{ kind: 'text', key: 'x', value: 'y', enabled: true }] }, 'multipart/form-data; boundary=my-own-boundary');
    expect(encoded.contentType).toBe('multipart/form-data; boundary=my-own-boundary');
    expect(encoded.bytes.toString('utf8')).toMatch(/^--my-own-boundary\r\n/);
  });
});
