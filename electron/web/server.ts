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

export interface WebHostOptions {
  backend: Backend;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Injected by tests; otherwise 256 random bits per launch. */
  token?: string;
  /** Large enough for an image upload (2 MB decoded, base64 in JSON) with room to spare. */
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface RunningWebHost {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'FORBIDDEN', message } });
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.destroy();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleRpc(req: IncomingMessage, res: ServerResponse, options: WebHostOptions, methodName: string): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'RPC calls must use POST.' } });
    return;
  }
  const body = await readBody(req, options.maxBodyBytes ?? 64 * 1024 * 1024);
  if (body === 'too-large') {
    sendJson(res, 413, { ok: false, error: { code: 'TOO_LARGE', message: 'The request was larger than the browser host accepts. Send a smaller body.' } });
    return;
  }
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = (JSON.parse(body.toString('utf8')) as { input?: unknown }).input;
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The RPC body was not valid JSON.' } });
      return;
    }
  }
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const result = await options.backend.call(methodName, input, { host: 'browser', signal: controller.signal });
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

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const isRpc = url.pathname.startsWith(RPC_PATH_PREFIX);
    const isEvents = url.pathname === EVENTS_PATH;
    const verdict = checkRequest(req, { port, token }, isRpc || isEvents);
    if (!verdict.allowed) {
      log(`web host: refused ${req.method} ${url.pathname} (${verdict.reason})`);
      refuse(res, 403, 'This request was refused: the browser host only answers the page it opened, with its launch token.');
      return;
    }
    if (isEvents) return serveEvents(req, res, options.backend);
    if (isRpc) {
      handleRpc(req, res, options, decodeURIComponent(url.pathname.slice(RPC_PATH_PREFIX.length))).catch((error: unknown) => {
        log(`web host: RPC failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The browser host failed to answer. Restart it and try again.' } });
      });
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
    if (isDocumentRequest(url.pathname)) {
      servePage(res, options.staticDir, req.method === 'HEAD');
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404, SECURITY_HEADERS).end();
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
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
