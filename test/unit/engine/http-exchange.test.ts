import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionPools, exchange } from '../../../electron/backend/engine/http-exchange';
import type { HeaderLine } from '../../../shared/contract/requests';

// The exchange calls axios' http adapter directly, with a config template settled once per engine
// (issue 17). What goes on the wire and what comes back must be what axios' request() gave.

interface Seen {
  method: string;
  url: string;
  raw: string[];
  body: string;
}

let server: http.Server;
let origin: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', raw: req.rawHeaders, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
        res.end(zlib.gzipSync('unzipped'));
        return;
      }
      res.setHeader('X-Twice', ['1', '2']);
      res.writeHead(201, 'Made');
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The request headers as the server read them, in order, without the per-connection ones. */
function sentHeaders(at = -1): Array<[string, string]> {
  const raw = seen.at(at)!.raw;
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (!/^(host|connection)$/i.test(raw[i]!)) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

async function send(pools: ConnectionPools, method: 'GET' | 'POST' | 'PUT' | 'HEAD', path: string, headers: HeaderLine[] = [], body: string | Buffer = '') {
  const response = await exchange({ method, url: new URL(path, origin), headers, body, signal: new AbortController().signal }, pools);
  const chunks: unknown[] = [];
  for await (const chunk of response.stream) chunks.push(chunk);
  response.timings.finish();
  return { response, chunks };
}

describe('one exchange through axios’ adapter', () => {
  it('sends what axios’ request() sent: its Accept, User-Agent and Accept-Encoding, no Content-Type of its own', async () => {
    const pools = new ConnectionPools();
    try {
      await send(pools, 'GET', '/a?q=1&r=%20x');
      expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/a?q=1&r=%20x', body: '' });
      expect(sentHeaders()).toEqual([
        ['Accept', 'application/json, text/plain, */*'],
        ['User-Agent', `axios/${axios.VERSION}`],
        ['Accept-Encoding', 'gzip, compress, deflate, br'],
      ]);

      await send(pools, 'POST', '/b');
      expect(sentHeaders()).toEqual([
        ['Accept', 'application/json, text/plain, */*'],
        ['User-Agent', `axios/${axios.VERSION}`],
        ['Content-Length', '0'],
        ['Accept-Encoding', 'gzip, compress, deflate, br'],
      ]);

      // The user's headers win over axios' defaults, whatever their case; repeated names are joined.
      await send(pools, 'PUT', '/c', [{ name: 'accept', value: 'text/html' }, { name: 'User-Agent', value: 'me' }, { name: 'X-Dup', value: 'a' }, { name: 'x-dup', value: 'b' }, { name: 'Content-Type', value: 'application/json' }], '{"a":1}');
      expect(seen.at(-1)!.body).toBe('{"a":1}');
      expect(sentHeaders()).toEqual([
        // axios keeps the name it knew first (its own default's spelling and place) and the user's value.
        ['Accept', 'text/html'],
        ['Content-Type', 'application/json'],
        ['User-Agent', 'me'],
        ['X-Dup', 'a, b'],
        ['Content-Length', '7'],
        ['Accept-Encoding', 'gzip, compress, deflate, br'],
      ]);
    } finally {
      pools.destroy();
    }
  });

  it('hands back the status, the raw headers and the body as a stream of bytes, unzipped', async () => {
    const pools = new ConnectionPools();
    try {
      const { response, chunks } = await send(pools, 'GET', '/d');
      expect(response.status).toBe(201);
      expect(response.statusText).toBe('Made');
      expect(response.headers.filter((h) => h.name === 'X-Twice')).toEqual([
        { name: 'X-Twice', value: '1' },
        { name: 'X-Twice', value: '2' },
      ]);
      // Bytes, not text: the body collector concatenates Buffers.
      expect(chunks.every((chunk) => Buffer.isBuffer(chunk))).toBe(true);
      expect(Buffer.concat(chunks as Buffer[]).toString('utf8')).toBe('{"ok":true}');
      expect(response.timings.result().total).toBeGreaterThan(0);

      const zipped = await send(pools, 'GET', '/gzip');
      expect(Buffer.concat(zipped.chunks as Buffer[]).toString('utf8')).toBe('unzipped');
      expect(zipped.response.headers.some((h) => h.name.toLowerCase() === 'content-encoding')).toBe(true);

      // A 4xx/5xx is an answer, not an error.
      const head = await exchange({ method: 'HEAD', url: new URL('/e', origin), headers: [], body: '', signal: new AbortController().signal }, pools);
      head.stream.destroy();
      expect(head.status).toBe(201);
    } finally {
      pools.destroy();
    }
  });

  it('keeps one socket for requests one after another (keep-alive)', async () => {
    const pools = new ConnectionPools();
    try {
      const reused: boolean[] = [];
      for (let i = 0; i < 3; i++) reused.push((await send(pools, 'GET', '/f')).response.timings.reusedSocket);
      expect(reused).toEqual([false, true, true]);
    } finally {
      pools.destroy();
    }
  });

  it('does not reset the socket’s TCP keep-alive on every request (axios sets 60 s, the pool would set its own back)', async () => {
    const pools = new ConnectionPools();
    try {
      await send(pools, 'GET', '/k');
      const socket = Object.values(pools.http.freeSockets).flat()[0]!;
      const handle = (socket as unknown as { _handle: { setKeepAlive: (...args: unknown[]) => unknown } })._handle;
      const native = handle.setKeepAlive.bind(handle);
      let calls = 0;
      handle.setKeepAlive = (...args: unknown[]) => {
        calls += 1;
        return native(...args);
      };
      for (let i = 0; i < 4; i++) expect((await send(pools, 'GET', '/k')).response.timings.reusedSocket).toBe(true);
      // Node only calls down to the socket when the setting changes.
      expect(calls).toBe(0);
    } finally {
      pools.destroy();
    }
  });

  it('sends nothing for a signal already aborted, and fails as axios would', async () => {
    const pools = new ConnectionPools();
    const before = seen.length;
    const controller = new AbortController();
    controller.abort();
    try {
      await expect(exchange({ method: 'GET', url: new URL('/g', origin), headers: [], body: '', signal: controller.signal }, pools)).rejects.toMatchObject({ code: 'ERR_CANCELED' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen.length).toBe(before);
    } finally {
      pools.destroy();
    }
  });

  it('settles the template once: a request changes neither it nor the default headers', async () => {
    const pools = new ConnectionPools();
    try {
      expect(Object.isFrozen(pools.template)).toBe(true);
      expect(pools.template).toMatchObject({ responseType: 'stream', maxRedirects: 0, validateStatus: null });
      expect('headers' in pools.template).toBe(false);
      const accept = { ...pools.defaultHeaders('GET') };
      expect(accept).toEqual({ Accept: 'application/json, text/plain, */*', 'Content-Type': undefined });
      await send(pools, 'GET', '/h', [{ name: 'Accept', value: 'text/csv' }]);
      expect(pools.defaultHeaders('get')).toEqual(accept);
      expect(pools.defaultHeaders('GET')).toBe(pools.defaultHeaders('get'));
    } finally {
      pools.destroy();
    }
  });
});
