/// <reference types="electron" />
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, newStyleNonce, SECURITY_HEADERS, securityHeaders, withStyleNonce } from '../security/csp';

/**
 * `standard` gives app://explorer a real origin (so CSP 'self', storage and same-origin checks
 * work) and `secure` makes it a secure context like https. Vite emits
 * `<script type="module" crossorigin>`, which Chromium fetches in CORS mode, hence
 * `supportFetchAPI` and `corsEnabled`; no CORS headers are ever sent, so other origins still
 * cannot read these files. Never `bypassCSP`.
 */
export const APP_SCHEME_PRIVILEGES: Electron.CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

const TEXT = '; charset=utf-8';
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': `text/html${TEXT}`,
  '.js': `text/javascript${TEXT}`,
  '.mjs': `text/javascript${TEXT}`,
  '.css': `text/css${TEXT}`,
  '.json': `application/json${TEXT}`,
  '.map': `application/json${TEXT}`,
  '.txt': `text/plain${TEXT}`,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function respond(status: number, body: BodyInit | null, contentType = `text/plain${TEXT}`, headers: Record<string, string> = SECURITY_HEADERS): Response {
  return new Response(body, {
    status,
    headers: { ...headers, 'Content-Type': contentType, 'Cache-Control': 'no-cache' },
  });
}

/** An HTML page gets a fresh style nonce, in its CSP header and in a meta tag for CodeMirror. */
async function respondWithPage(file: string, head: boolean): Promise<Response> {
  const nonce = newStyleNonce();
  const html = withStyleNonce(await fs.readFile(file, 'utf8'), nonce);
  return respond(200, head ? null : html, mimeTypeFor(file), securityHeaders(nonce));
}

/**
 * Maps a request URL to a file strictly inside `root`, or undefined. Chromium normalises `..`
 * before the handler runs, but encoded separators (`%2f`, `%5c`) survive normalisation and
 * turn into real ones once decoded, so containment is checked on the decoded, resolved path.
 */
export function resolveRendererFile(root: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return undefined;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  if (pathname.endsWith('/')) pathname += 'index.html';

  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname}`);
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return file;
}

/** The `protocol.handle('app', …)` handler: files from the built renderer, every response with the CSP. */
export function createRendererProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');
    const file = resolveRendererFile(root, request.url);
    if (!file) return respond(404, 'Not found');
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return respond(404, 'Not found');
      if (path.extname(file).toLowerCase() === '.html') return await respondWithPage(file, request.method === 'HEAD');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.readFile(file));
      return respond(200, body, mimeTypeFor(file));
    } catch {
      return respond(404, 'Not found');
    }
  };
}
