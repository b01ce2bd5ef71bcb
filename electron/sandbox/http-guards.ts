import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Reply } from './context';
import { gatewayError } from './errors';

/** What a caller sees when the sandbox itself fails: no message, stack or path from inside. */
export const INTERNAL_ERROR: Reply = gatewayError(500, "The sandbox failed while handling this request. The details are in the sandbox's own log; please report it.");

/** The details of an internal failure go to the sandbox's log, never into an answer. */
export function reportInternal(error: unknown): void {
  console.error('Vipps sandbox: a request failed inside the sandbox:', error);
}

/** After refusing a body, read what is still coming (bounded) so the client sees the answer, then hang up. */
export function drainAndClose(req: IncomingMessage): void {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > 64 * 1024 * 1024) req.socket.destroy();
  });
  req.resume();
  setTimeout(() => req.socket.destroy(), 5000).unref();
}

/** A malformed request line or header never reaches the request handler; answer it plainly and hang up. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const reason = status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  const body = JSON.stringify({ statusCode: status, message: status === 408 ? 'The request took too long to arrive.' : 'The request could not be parsed as HTTP.' });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
