import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { describeFailure } from '../backend';
import { SECURITY_HEADERS } from '../security/csp';

type Log = (line: string) => void;
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;


function answerFailure(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'The browser host failed to answer this request. Try again; restart the host if it keeps happening.' } });
  res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * Wraps the request listener so that whatever one request does (a throw, a rejected promise),
 * the failure is logged, answered, and the host keeps serving everyone else.
 */
export function guardListener(listener: RequestListener, log: Log): RequestListener {
  return (req, res) => {
    const onFailure = (error: unknown) => {
      log(`web host: a request failed: ${describeFailure(error)}`);
      answerFailure(res);
    };
    try {
      const pending = listener(req, res);
      if (pending) pending.catch(onFailure);
    } catch (error) {
      onFailure(error);
    }
  };
}

/**
 * Requests Node cannot even parse (bad request lines, oversized or malformed headers, a client
 * that stops halfway) get a short 400 or 408 instead of a silent reset, and never an exception.
 */
export function answerClientErrors(server: Server, log: Log): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    log(`web host: refused a malformed request (${error.code ?? 'unknown'})`);
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\nX-Content-Type-Options: nosniff\r\n\r\n`);
  });
}
