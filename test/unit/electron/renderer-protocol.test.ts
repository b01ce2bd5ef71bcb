import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRendererProtocolHandler, resolveRendererFile } from '../../../electron/main/renderer-protocol';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, SECURITY_HEADERS, securityHeaders } from '../../../electron/security/csp';
import { bootMain, shutDown, type BootedMain } from './boot-main';

function expectSecurityHeaders(response: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
  expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
}

// Paths the WHATWG parser does not normalise: an encoded separator only becomes one after decoding.
const ESCAPES = [
  'app://explorer/%2e%2e%2fsecret.txt',
  'app://explorer/..%2fsecret.txt',
  'app://explorer/%2E%2E%2Fsecret.txt',
  'app://explorer/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
  'app://explorer/..%5csecret.txt',
  'app://explorer/%2e%2e%2frenderer-evil%2fpage.html',
  'app://explorer/%2fetc%2fpasswd',
];

describe('electron/main.ts: the app:// protocol', () => {
  let booted: BootedMain | undefined;
  afterEach(async () => {
    await shutDown(booted);
    booted = undefined;
  });

  it('registers a handler for app: once the app is ready', async () => {
    booted = await bootMain();
    expect(booted.fake.protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    expect(booted.fake.order.indexOf('whenReady')).toBeGreaterThanOrEqual(0);
  });

  it.each(['app://explorer/../package.json', 'app://explorer/%2e%2e/package.json', 'app://explorer/%2e%2e%2fpackage.json', 'app://explorer/..%2f..%2fetc%2fpasswd'])(
    'answers %s with 404 and the CSP instead of the project file beside the renderer folder',
    async (url) => {
      booted = await bootMain();
      const response = await booted.fake.protocolHandlers.get('app')!(new Request(url));
      expect(response.status).toBe(404);
      expectSecurityHeaders(response);
      expect(await response.text()).not.toContain('vipps-explorer');
    },
  );
});

describe('createRendererProtocolHandler', () => {
  let base: string;
  let root: string;
  let serve: (request: Request) => Promise<Response>;

  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'vipps-explorer-renderer-'));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Vipps Explorer</title>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
    fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(root, 'assets', 'inter.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    fs.writeFileSync(path.join(root, 'assets', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(root, 'assets', 'sample.json'), '{"a":1}');
    fs.writeFileSync(path.join(root, 'assets', 'blob.bin'), Buffer.from([0]));
    fs.writeFileSync(path.join(root, 'assets', 'with space.js'), 'export {}');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
    fs.mkdirSync(path.join(base, 'renderer-evil'));
    fs.writeFileSync(path.join(base, 'renderer-evil', 'page.html'), 'a sibling folder that shares the prefix');
    serve = createRendererProtocolHandler(root);
  });

  it('serves index.html for the root URL as UTF-8 HTML with the CSP, every security header and a fresh style nonce', async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await serve(new Request('app://explorer/'));
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain('<title>Vipps Explorer</title>');
      const nonce = /<meta name="explorer-style-nonce" content="([A-Za-z0-9_-]{20,})"/.exec(html)?.[1];
      expect(nonce).toBeDefined();
      for (const [name, value] of Object.entries(securityHeaders(nonce))) expect(response.headers.get(name), name).toBe(value);
      expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy(nonce));
      expect(contentSecurityPolicy(nonce)).toContain(`style-src 'self' 'nonce-${nonce}'`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/inter.woff2', 'font/woff2'],
    ['assets/photo.png', 'image/png'],
    ['assets/sample.json', 'application/json; charset=utf-8'],
    ['assets/blob.bin', 'application/octet-stream'],
    ['assets/with%20space.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s with the CSP', async (file, type) => {
    const response = await serve(new Request(`app://explorer/${file}?v=1#x`));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expectSecurityHeaders(response);
    expect((await response.arrayBuffer()).byteLength).toBe(fs.statSync(path.join(root, decodeURIComponent(file))).size);
  });

  it.each(ESCAPES)('answers the escape attempt %s with 404 and the CSP', async (url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
    expect(await response.text()).not.toMatch(/outside the renderer|sibling folder/);
  });

  it.each([
    ['a missing file', 'app://explorer/assets/missing.js'],
    ['a folder', 'app://explorer/assets'],
    ['another host', 'app://elsewhere/index.html'],
    ['a NUL byte', 'app://explorer/index.html%00.js'],
    ['a malformed escape', 'app://explorer/%E0%A4%A'],
    ['another scheme', 'https://explorer/index.html'],
  ])('answers %s with 404 and the CSP', async (_kind, url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('maps no URL with credentials to a file (Chromium can hand them to the handler, Request cannot be built from them)', () => {
    expect(resolveRendererFile(root, 'app://explorer/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://user:pw@explorer/index.html')).toBeUndefined();
    expect(resolveRendererFile(root, 'app://user@explorer/index.html')).toBeUndefined();
  });

  it('answers HEAD without a body and refuses POST with 405', async () => {
    const head = await serve(new Request('app://explorer/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await serve(new Request('app://explorer/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expectSecurityHeaders(post);
  });
});
