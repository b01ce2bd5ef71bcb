import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodyIdleTimeout, ResponseBodies, type CollectOptions } from '../../../electron/backend/engine/response-bodies';

// A body is read with stream events while it is small and handed to a file once it is not
// (issue 17). Every way a body can end must end the collection the way it did before.

describe('collecting a response body', () => {
  let dataDir: string;
  let bodies: ResponseBodies;
  const options = (extra: Partial<CollectOptions> = {}): CollectOptions => ({ thresholdBytes: 10, headBytes: 4, idleTimeoutMs: 5_000, signal: new AbortController().signal, ...extra });

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-collect-'));
    bodies = new ResponseBodies({ dataDir, root: dataDir });
  });
  afterEach(() => {
    bodies.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a small body in memory, chunks joined in order', async () => {
    const stream = new PassThrough();
    const collected = bodies.collect(stream, options());
    stream.write('abc');
    stream.write('def');
    stream.end('g');
    expect(await collected).toEqual({ kind: 'memory', bytes: Buffer.from('abcdefg'), size: 7 });
    expect(bodies.dir).toBeUndefined();
  });

  it('moves a body past the threshold to a file: what was read, then the rest, with its head kept', async () => {
    const stream = new PassThrough();
    const collected = bodies.collect(stream, options());
    stream.write('0123456');
    stream.write('789AB');
    setTimeout(() => {
      stream.write('CDEF');
      stream.end('GH');
    }, 5);
    const body = await collected;
    expect(body).toMatchObject({ kind: 'file', size: 18, head: Buffer.from('0123') });
    if (body.kind !== 'file') throw new Error('not on disk');
    expect((await bodies.readPage(body.responseId, 0, 100)).text).toBe('0123456789ABCDEFGH');
    expect(fs.statSync(path.join(bodies.dir!, `${body.responseId}.body`)).mode & 0o777).toBe(0o600);
  });

  it('ends with the idle timeout when data stops coming, in memory and on disk', async () => {
    const small = new PassThrough();
    const waiting = bodies.collect(small, options({ idleTimeoutMs: 30 }));
    small.write('ab');
    await expect(waiting).rejects.toBeInstanceOf(BodyIdleTimeout);

    const large = new PassThrough();
    const spooling = bodies.collect(large, options({ idleTimeoutMs: 30 }));
    large.write('0123456789ABC');
    await expect(spooling).rejects.toBeInstanceOf(BodyIdleTimeout);
    expect(fs.readdirSync(bodies.dir!)).toEqual([]);
  });

  it('keeps pushing the idle timeout back while chunks arrive', async () => {
    const stream = new PassThrough();
    const collected = bodies.collect(stream, options({ idleTimeoutMs: 60, thresholdBytes: 1_000 }));
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      stream.write('x');
    }
    stream.end();
    expect(await collected).toMatchObject({ kind: 'memory', size: 5 });
  });

  it('fails on an abort, on a stream error and on a stream closed before its end', async () => {
    const controller = new AbortController();
    const aborted = new PassThrough();
    const first = bodies.collect(aborted, options({ signal: controller.signal }));
    aborted.write('a');
    controller.abort();
    await expect(first).rejects.toThrow('aborted');

    const failing = new PassThrough();
    const second = bodies.collect(failing, options());
    failing.destroy(new Error('socket hang up'));
    await expect(second).rejects.toThrow('socket hang up');

    const cut = new PassThrough();
    const third = bodies.collect(cut, options());
    cut.write('a');
    cut.destroy();
    await expect(third).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });

    // A stream already gone when the collection starts.
    const gone = new PassThrough();
    gone.destroy();
    await expect(bodies.collect(gone, options())).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    const broken = new PassThrough();
    broken.on('error', () => undefined);
    broken.destroy(new Error('reset'));
    await expect(bodies.collect(broken, options())).rejects.toThrow('reset');
  });
});
