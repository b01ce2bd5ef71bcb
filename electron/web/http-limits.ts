import type { IncomingMessage, Server } from 'node:http';

/**
 * Limits that keep a slow or hostile client from holding the browser host's connections or
 * memory. Any page the user visits can open connections to 127.0.0.1, so none of these may
 * depend on the client behaving.
 */
export interface ConnectionLimits {
  /** Time allowed to send the request line and headers. */
  headersTimeoutMs: number;
  /** Time allowed to send the whole request, body included. */
  requestTimeoutMs: number;
  /** A connection with no traffic at all for this long is closed. */
  idleTimeoutMs: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, idleTimeoutMs: 120_000 };

/** Large enough for an image upload (2 MB decoded, base64 in JSON) with plenty of room to spare. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** How often Node looks for requests past their header or request timeout; its default (30 s) is too coarse for short limits. */
export function checkingIntervalFor(limits: ConnectionLimits): number {
  return Math.max(100, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 2)));
}

export function applyLimits(server: Server, limits: ConnectionLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = 5_000;
  // A socket that sends nothing (after the first bytes, or between requests) is closed.
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
}

export type BodyOutcome = { kind: 'body'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads a request body up to `limit` bytes. Past the limit it keeps nothing, calls `onOverflow`
 * once (so the 413 answer goes out at once) and goes on reading and dropping the rest until the
 * client has finished: closing a socket the client is still writing to makes it see a reset
 * instead of the answer. The request timeout bounds how long a client may keep sending.
 */
export function readLimitedBody(req: IncomingMessage, limit: number, onOverflow: () => void = () => {}): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let settled = false;
    const overflow = () => {
      if (tooLarge) return;
      tooLarge = true;
      chunks.length = 0;
      onOverflow();
    };
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    if (Number.isFinite(declared) && declared > limit) overflow();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) overflow();
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => settle(tooLarge ? { kind: 'too-large' } : { kind: 'body', bytes: Buffer.concat(chunks) }));
    req.on('error', () => settle(tooLarge ? { kind: 'too-large' } : { kind: 'aborted' }));
    req.on('close', () => settle(tooLarge ? { kind: 'too-large' } : { kind: 'aborted' }));
  });
}
