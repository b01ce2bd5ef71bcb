import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { ErrorCode, ExplorerError, Result } from '../../../shared/errors';
import { createBackend, type Backend, type BackendOptions } from '../../../electron/backend/index';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { MemoryKeychain } from '../../../electron/backend/vault/memory-keychain';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => unknown;

/** A local server on a free port that records what it received. */
export async function startServer(handler: Handler, tls?: { key: string; cert: string }): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      void Promise.resolve(handler(req, res, body)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A token answer the way the real token API gives it: every number as a string. */
export function tokenAnswer(token: string, nowSeconds: number, lifetimeSeconds = 3600): Record<string, string> {
  return {
    token_type: 'Bearer',
    expires_in: String(lifetimeSeconds),
    ext_expires_in: '0',
    expires_on: String(nowSeconds + lifetimeSeconds),
    not_before: String(nowSeconds),
    resource: '00000002-0000-0000-c000-000000000000',
    access_token: token,
  };
}

export function randomKey(prefix: string): string {
  return `${prefix}-${randomBytes(18).toString('base64url')}`;
}

export type SalesUnitKeys = {
  client_id: string;
  client_secret: string;
  subscription_key: string;
};

export function randomKeys(): SalesUnitKeys {
  return { client_id: randomKey('cid'), client_secret: randomKey('secret'), subscription_key: randomKey('subkey') };
}

export function tempFolder(prefix = 'vx-engine-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  /** The in-memory keychain, unless the test passed its own adapter. */
  keychain: MemoryKeychain;
  logLines: string[];
  call<T = unknown>(method: string, input: unknown): Promise<Result<T>>;
  ok<T = unknown>(method: string, input: unknown): Promise<T>;
  dispose(): Promise<void>;
}

/** A backend on a fresh data folder, with an in-memory keychain and (by default) no sandbox. */
export async function testBackend(options: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const dataDir = options.dataDir ?? tempFolder('vx-data-');
  const keychain = (options.keychain as MemoryKeychain | undefined) ?? new MemoryKeychain();
  const logLines: string[] = [];
  const backend = await createBackend({
    host: 'test',
    dataDir,
    storeFactory: confStoreFactory,
    keychain,
    sandbox: false,
    log: (line) => logLines.push(line),
    ...options,
  });
  const call = <T>(method: string, input: unknown) => backend.call(method, input) as Promise<Result<T>>;
  return {
    backend,
    dataDir,
    keychain,
    logLines,
    call,
    async ok<T>(method: string, input: unknown) {
      return expectOk(await call<T>(method, input));
    },
    async dispose() {
      await backend.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function expectError(result: Result<unknown>, code: ErrorCode): ExplorerError {
  expect(result.ok, result.ok ? 'expected an error value' : '').toBe(false);
  const error = (result as { ok: false; error: ExplorerError }).error;
  expect(error.code, error.message).toBe(code);
  return error;
}

/** A profile of environment "custom" pointed at `baseUrl`, with keys, made active. */
export async function activeCustomProfile(t: TestBackend, baseUrl: string, keys: SalesUnitKeys = randomKeys(), extra: Record<string, unknown> = {}): Promise<{ id: string; keys: SalesUnitKeys }> {
  const profile = await t.ok<{ id: string }>('createProfile', { name: 'Local test unit', environment: 'custom', customBaseUrl: baseUrl, msn: '654321', secrets: keys, ...extra });
  await t.ok('setActiveProfile', { id: profile.id });
  return { id: profile.id, keys };
}

/** Every file below `dir`, recursively (missing folders count as empty). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** The files under `dirs` (and the extra texts) that contain any of `secrets`, as "file: secret label" lines. */
export function findSecrets(dirs: string[], secrets: Record<string, string>, texts: Record<string, string> = {}): string[] {
  const hits: string[] = [];
  const check = (where: string, content: string) => {
    for (const [label, value] of Object.entries(secrets)) if (content.includes(value)) hits.push(`${where}: ${label}`);
  };
  for (const file of dirs.flatMap(filesUnder)) check(file, fs.readFileSync(file).toString('latin1'));
  for (const [where, content] of Object.entries(texts)) check(where, content);
  return hits;
}
