import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { confStoreFactory } from '../../electron/backend/store/conf-factory';
import { startWebHost, type RunningWebHost, type WebHostOptions } from '../../electron/web/server';
import { tempDir } from './temp';

export interface HostFixture {
  backend: Backend;
  host: RunningWebHost;
  dataDir: string;
  close(): Promise<void>;
}

/** A backend plus browser host on a free port, serving `staticDir` (a tiny fake renderer by default). */
export async function startHostFixture(options: { staticDir?: string; dataDir?: string; host?: Partial<Pick<WebHostOptions, 'limits' | 'maxBodyBytes' | 'log'>> } = {}): Promise<HostFixture> {
  const dataDir = options.dataDir ?? tempDir('vx-data-');
  let staticDir = options.staticDir;
  if (!staticDir) {
    staticDir = tempDir('vx-static-');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>fixture</title></head><body><div id="root"></div></body></html>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("fixture")');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
  }
  const backend = await createBackend({ host: 'browser', dataDir, storeFactory: confStoreFactory });
  const host = await startWebHost({ backend, staticDir, port: 0, ...options.host });
  return {
    backend,
    host,
    dataDir,
    async close() {
      await host.close();
      await backend.dispose();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request (fetch would normalise `..` and forbid setting Host). */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
