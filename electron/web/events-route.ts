import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventMessage } from '../../shared/contract';
import type { Backend } from '../backend';
import { SECURITY_HEADERS } from '../security/csp';

export interface EventsRouteOptions {
  /** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
  heartbeatMs?: number;
  /** A client that stops reading is dropped once this much is waiting for it, so it cannot grow our memory. */
  maxBufferedBytes?: number;
  /** More streams than this at once are refused (one per open tab is normal). */
  maxStreams?: number;
}

let openStreams = 0;

/**
 * `GET /events`: the contract's events as Server-Sent Events (`event: run`, `data: {…}`). The
 * guard in front of it is the RPC's (Host, Origin, launch token), so the renderer reads the
 * stream with fetch and the token header rather than EventSource, which cannot send headers.
 */
export function serveEvents(req: IncomingMessage, res: ServerResponse, backend: Pick<Backend, 'events'>, options: EventsRouteOptions = {}): void {
  if (req.method !== 'GET') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET' }).end();
    return;
  }
  if (openStreams >= (options.maxStreams ?? 32)) {
    res.writeHead(429, { ...SECURITY_HEADERS, 'Retry-After': '5' }).end();
    return;
  }
  openStreams += 1;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n: connected\n\n');
  const maxBuffered = options.maxBufferedBytes ?? 8 * 1024 * 1024;
  const send = (message: EventMessage) => {
    if (res.writableLength > maxBuffered) {
      res.destroy();
      return;
    }
    res.write(`event: ${message.event}\ndata: ${JSON.stringify(message.payload)}\n\n`);
  };
  const unsubscribe = backend.events.subscribe(send);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs ?? 15_000);
  heartbeat.unref();
  res.on('close', () => {
    openStreams -= 1;
    clearInterval(heartbeat);
    unsubscribe();
  });
}
