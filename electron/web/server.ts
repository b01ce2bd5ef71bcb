import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { EVENTS_PATH, RPC_PATH_PREFIX } from '../../shared/contract';
import type { Backend } from '../backend';
import { newStyleNonce, SECURITY_HEADERS, securityHeaders, withStyleNonce } from '../security/csp';
import { serveEvents } from './events-route';
import { checkRequest } from './guard';
import { applyLimits, checkingIntervalFor, DEFAULT_LIMITS, DEFAULT_MAX_BODY_BYTES, readLimitedBody, type ConnectionLimits } from './http-limits';
import { answerClientErrors, guardListener } from './last-resort';
import { rpcInput, rpcMethodName, requestPath } from './request-target';

export interface WebHostOptions {
  backend: Backend;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Injected by tests; otherwise 256 random bits per launch. */
  token?: string;
  /** Defaults to 64 MiB: an image upload (2 MB decoded, base64 in JSON) with room to spare. */
  maxBodyBytes?: number;
  /** Header, request and idle timeouts; tests shorten them. */
  limits?: Partial<ConnectionLimits>;
  log?: (line: string) => void;
}

export interface RunningWebHost {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** Writes a whole JSON answer without ending the response (see the 413 case). */
function startJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.write(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  startJson(res, status, body);
  res.end();
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'FORBIDDEN', message } });
}

async function handleRpc(req: IncomingMessage, res: ServerResponse, options: WebHostOptions, methodName: string | undefined): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'RPC calls must use POST.' } });
    return;
  }
  // The whole 413 answer is written as soon as the body is too large; the response is ended
  // (and the connection closed) only once the client has stopped sending.
  const body = await readLimitedBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, () => {
    startJson(res, 413, { ok: false, error: { code: 'TOO_LARGE', message: 'The request was larger than the browser host accepts. Send a smaller body.' } }, { Connection: 'close' });
  });
  if (body.kind !== 'body') {
    if (res.headersSent) res.end();
    else res.destroy();
    return;
  }
  if (methodName === undefined) {
    sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'That is not the name of a backend method. Update the app if it was built from mismatched parts.' } });
    return;
  }
  const input = rpcInput(body.bytes);
  if (!input.ok) {
    sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: input.message } });
    return;
  }
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const result = await options.backend.call(methodName, input.value, { host: 'browser', signal: controller.signal });
  // Domain errors are values with status 200: the HTTP status only speaks about the transport.
  sendJson(res, result.ok || result.error.code !== 'UNKNOWN_METHOD' ? 200 : 404, result);
}

/**
 * Serves the built renderer and the contract's RPC routes on 127.0.0.1. The launch token
 * travels in the URL fragment (never sent to the server, so it never reaches a log); the
 * renderer sends it back in a header on every call.
 */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => {});
  const serveStatic = sirv(options.staticDir, {
    single: true,
    dotfiles: false,
    etag: true,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    },
  });
  let port = 0;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };

  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = requestPath(req.url);
    const isRpc = pathname?.startsWith(RPC_PATH_PREFIX) ?? false;
    const isEvents = pathname === EVENTS_PATH;
    const verdict = checkRequest(req, { port, token }, isRpc || isEvents);
    if (!verdict.allowed) {
      log(`web host: refused ${String(req.method).slice(0, 16)} (${verdict.reason})`);
      refuse(res, 403, 'This request was refused: the browser host only answers the page it opened, with its launch token.');
      return;
    }
    if (pathname === undefined) {
      sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request path could not be read. Open the URL the browser host printed.' } });
      return;
    }
    if (isEvents) return serveEvents(req, res, options.backend);
    if (isRpc) {
      await handleRpc(req, res, options, rpcMethodName(pathname.slice(RPC_PATH_PREFIX.length)));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    // Any path that tries to climb out of the renderer folder is a plain 404, never a file.
    if (/(^|\/|\\)\.\.($|\/|\\)/.test(decodeURIComponentSafe(req.url ?? ''))) {
      res.writeHead(404, SECURITY_HEADERS).end();
      return;
    }
    if (isDocumentRequest(pathname)) {
      servePage(res, options.staticDir, req.method === 'HEAD');
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404, SECURITY_HEADERS).end();
    });
  };
  const server = http.createServer({ connectionsCheckingInterval: checkingIntervalFor(limits) }, guardListener(listener, log));
  applyLimits(server, limits);
  answerClientErrors(server, log);

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} on 127.0.0.1 is already in use by another program. Pick another with --port, or leave it out to use a free one.`) : error),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The app's page (or a path without a file extension, which the single-page app handles). */
function isDocumentRequest(pathname: string): boolean {
  return pathname === '/' || pathname.endsWith('.html') || !path.posix.basename(pathname).includes('.');
}

/** Each page gets a fresh style nonce, in its CSP header and in a meta tag for CodeMirror. */
function servePage(res: ServerResponse, staticDir: string, head: boolean): void {
  let html: string;
  try {
    html = fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8');
  } catch {
    res.writeHead(404, SECURITY_HEADERS).end('The renderer is not built. Run npm run build.');
    return;
  }
  const nonce = newStyleNonce();
  const body = withStyleNonce(html, nonce);
  res.writeHead(200, {
    ...securityHeaders(nonce),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache',
  });
  res.end(head ? undefined : body);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
