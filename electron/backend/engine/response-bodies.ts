import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fail } from '../failure';

export const DEFAULT_SPOOL_THRESHOLD = 5 * 1024 * 1024;
/** Large bodies kept on disk at once; the oldest is deleted first, so temp use stays bounded. */
const MAX_SPOOLED = 20;

const TEMP_PREFIX = 'vipps-explorer-';
/** Beside the data: where this data folder's current temp folder is, so the next start can remove what a crash left. */
const RECORD_FILE = 'temp-folder.txt';

export interface TempFolderOptions {
  /** The data folder, where the temp folder's location is recorded. */
  dataDir: string;
  /** Where the private temp folder is made (the system's temp folder unless a test says otherwise). */
  root?: string;
}

/** The temp folder the engine last made for this data folder, if it still has one. */
export function recordedTempDir(dataDir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dataDir, RECORD_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes the temp folder a crashed run recorded, but only a folder that is really one of
 * ours: a plain directory (not a link), owned by this user, named as we name them, in the
 * temp root. The record lives in the private data folder, so no other user can point it
 * elsewhere.
 */
function removeLeftover(options: TempFolderOptions, root: string): void {
  const leftover = recordedTempDir(options.dataDir);
  if (leftover && path.dirname(leftover) === path.resolve(root) && path.basename(leftover).startsWith(TEMP_PREFIX)) {
    try {
      const stat = fs.lstatSync(leftover);
      const ownedByUs = typeof process.getuid !== 'function' || stat.uid === process.getuid();
      if (stat.isDirectory() && !stat.isSymbolicLink() && ownedByUs) fs.rmSync(leftover, { recursive: true, force: true });
    } catch {
      // Already gone.
    }
  }
  fs.rmSync(path.join(options.dataDir, RECORD_FILE), { force: true });
}

export type CollectedBody =
  | { kind: 'memory'; bytes: Buffer; size: number }
  /** `head` holds the first bytes, for the history and for sniffing the content. */
  | { kind: 'file'; responseId: string; size: number; head: Buffer };

export interface CollectOptions {
  thresholdBytes: number;
  headBytes: number;
  /** No data for this long ends the download with a timeout. */
  idleTimeoutMs: number;
  signal: AbortSignal;
}

export class BodyIdleTimeout extends Error {}

/**
 * Response bodies: small ones in memory, larger ones streamed to a 0600 file in the app's temp
 * folder so a 100 MB answer never sits in memory or crosses IPC in one piece. The renderer reads
 * those in pages.
 */
export class ResponseBodies {
  readonly #options: TempFolderOptions;
  readonly #root: string;
  #dir: string | undefined;
  readonly #files = new Map<string, { file: string; size: number }>();

  /** Removes what a crashed run left behind; the folder itself is made only when a body needs it. */
  constructor(options: TempFolderOptions) {
    this.#options = options;
    this.#root = options.root ?? os.tmpdir();
    removeLeftover(options, this.#root);
  }

  /** The private folder holding large bodies, once one was needed. */
  get dir(): string | undefined {
    return this.#dir;
  }

  /**
   * Made with mkdtemp: an unpredictable name, created 0700 in one step, so no other user of a
   * shared temp folder can create it first or place a link where a body will be written.
   */
  async #folder(): Promise<string> {
    if (this.#dir) return this.#dir;
    const dir = await fs.promises.mkdtemp(path.join(this.#root, TEMP_PREFIX));
    await fs.promises.chmod(dir, 0o700);
    await fs.promises.writeFile(path.join(this.#options.dataDir, RECORD_FILE), dir, { mode: 0o600 });
    this.#dir = dir;
    return dir;
  }

  /**
   * Reads a body to its end: in memory while it is small, which is nearly every answer, with plain
   * stream events (an async iterator cost a promise per chunk and per end, issue 17): its end,
   * its error or its close before the end, whichever comes first. Once it passes the threshold
   * the rest goes to a file.
   */
  collect(stream: Readable, options: CollectOptions): Promise<CollectedBody> {
    return new Promise<CollectedBody>((resolve, reject) => {
      // Gone already (cancelled just before): no event will come to say so.
      if (stream.destroyed) return reject(stream.errored ?? prematureClose());
      const chunks: Buffer[] = [];
      let size = 0;
      // One idle timer, pushed back by each chunk (refresh re-arms it without a new timer per chunk).
      const timer = setTimeout(() => stream.destroy(new BodyIdleTimeout('idle')), options.idleTimeoutMs);
      const onAbort = () => stream.destroy(new Error('aborted'));
      const stop = () => {
        clearTimeout(timer);
        options.signal.removeEventListener('abort', onAbort);
        stream.off('data', onData);
        stream.off('end', onEnd);
        stream.off('error', onError);
        stream.off('close', onClose);
      };
      function onData(chunk: Buffer) {
        timer.refresh();
        size += chunk.length;
        chunks.push(chunk);
        if (size > options.thresholdBytes) {
          stop();
          stream.pause();
          resolve(spool(chunks, size));
        }
      }
      function onEnd() {
        stop();
        resolve({ kind: 'memory', bytes: Buffer.concat(chunks), size });
      }
      // Failed, or destroyed with a reason (idle, aborted).
      function onError(error: Error) {
        stop();
        reject(error);
      }
      // Closed before its end without a reason: what the iterator called a premature close.
      function onClose() {
        stop();
        reject(prematureClose());
      }
      const spool = (head: Buffer[], sizeSoFar: number) => this.#spool(stream, head, sizeSoFar, options);
      options.signal.addEventListener('abort', onAbort, { once: true });
      stream.on('end', onEnd);
      stream.on('error', onError);
      stream.on('close', onClose);
      stream.on('data', onData);
    });
  }

  /** The rest of a large body, after the chunks already read, into a 0600 file of its own. */
  async #spool(stream: Readable, read: Buffer[], sizeSoFar: number, options: CollectOptions): Promise<CollectedBody> {
    let size = sizeSoFar;
    let handle: fs.promises.FileHandle | undefined;
    const responseId = randomUUID();
    const timer = setTimeout(() => stream.destroy(new BodyIdleTimeout('idle')), options.idleTimeoutMs);
    const onAbort = () => stream.destroy(new Error('aborted'));
    options.signal.addEventListener('abort', onAbort, { once: true });
    let head: Buffer;
    try {
      const file = path.join(await this.#folder(), `${responseId}.body`);
      handle = await fs.promises.open(file, 'wx', 0o600);
      this.#files.set(responseId, { file, size: 0 });
      const buffered = Buffer.concat(read);
      head = Buffer.from(buffered.subarray(0, options.headBytes));
      await handle.write(buffered);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        timer.refresh();
        size += chunk.length;
        await handle.write(chunk);
      }
    } catch (error) {
      this.release(responseId);
      stream.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      await handle?.close();
    }
    this.#files.set(responseId, { file: this.#files.get(responseId)!.file, size });
    this.#evictOldest();
    return { kind: 'file', responseId, size, head };
  }

  /** One page as text; the page is shortened so it never ends inside a multi-byte character. */
  async readPage(responseId: string, offset: number, length: number): Promise<{ text: string; offset: number; nextOffset: number; totalSize: number; done: boolean }> {
    const entry = this.#files.get(responseId);
    if (!entry) fail('NOT_FOUND', 'That response body is no longer kept (it is removed when the app restarts or after newer large responses). Send the request again to see it.');
    const handle = await fs.promises.open(entry.file, 'r');
    try {
      const start = Math.min(offset, entry.size);
      const wanted = Math.min(length + 3, entry.size - start);
      const buffer = Buffer.alloc(wanted);
      const { bytesRead } = await handle.read(buffer, 0, wanted, start);
      let bytes = buffer.subarray(0, bytesRead);
      // A page asked to start inside a character begins at the next whole one.
      let skip = 0;
      while (skip < 3 && skip < bytes.length && (bytes[skip]! & 0xc0) === 0x80) skip++;
      bytes = bytes.subarray(skip);
      let end = Math.min(length, bytes.length);
      if (start + skip + end < entry.size) end = wholeCharacterEnd(bytes, end);
      const text = bytes.subarray(0, end).toString('utf8');
      const nextOffset = start + skip + end;
      return { text, offset: start + skip, nextOffset, totalSize: entry.size, done: nextOffset >= entry.size };
    } finally {
      await handle.close();
    }
  }

  release(responseId: string): boolean {
    const entry = this.#files.get(responseId);
    if (!entry) return false;
    this.#files.delete(responseId);
    fs.rmSync(entry.file, { force: true });
    return true;
  }

  dispose(): void {
    this.#files.clear();
    if (!this.#dir) return;
    fs.rmSync(this.#dir, { recursive: true, force: true });
    fs.rmSync(path.join(this.#options.dataDir, RECORD_FILE), { force: true });
    this.#dir = undefined;
  }

  #evictOldest(): void {
    while (this.#files.size > MAX_SPOOLED) {
      const oldest = this.#files.keys().next().value as string;
      this.release(oldest);
    }
  }
}

/** A stream closed before its end without an error of its own, named as Node's stream helpers name it. */
function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/** Moves `end` back to the start of a UTF-8 sequence that would otherwise be cut. */
function wholeCharacterEnd(bytes: Buffer, end: number): number {
  if (end <= 0 || end >= bytes.length) return end;
  let lead = end - 1;
  let back = 0;
  while (lead > 0 && back < 3 && (bytes[lead]! & 0xc0) === 0x80) {
    lead--;
    back++;
  }
  const byte = bytes[lead]!;
  const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead + needed > end ? lead : end;
}
