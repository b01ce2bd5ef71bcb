import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './context';

export type BodyRead = { ok: true; text: string | null } | { ok: false; reason: 'too-large' | 'not-utf8' | 'aborted' };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** Reads the whole body up to `limit` bytes; GETs without a body skip the stream entirely. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> | BodyRead {
  if (!hasBody(req)) return { ok: true, text: null };
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) return { ok: false, reason: 'too-large' };
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      try {
        resolve({ ok: true, text: UTF8.decode(Buffer.concat(chunks)) });
      } catch {
        resolve({ ok: false, reason: 'not-utf8' });
      }
    });
    req.on('error', () => {
      if (!done) resolve({ ok: false, reason: 'aborted' });
      done = true;
    });
  });
}

export function sendReply(res: ServerResponse, reply: Reply, closeConnection = false): void {
  const payload =
    reply.raw !== undefined ? reply.raw : reply.body === undefined ? '' : JSON.stringify(reply.body);
  const length = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
  const headers: Record<string, string | number> = { 'content-length': length, ...reply.headers };
  if (length > 0) headers['content-type'] = reply.contentType ?? 'application/json';
  if (closeConnection) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(payload);
}
