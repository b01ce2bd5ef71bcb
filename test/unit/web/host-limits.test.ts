import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rawExchange } from '../../helpers/raw-socket';
import { tempDir } from '../../helpers/temp';
import { startHostFixture, type HostFixture } from '../../helpers/web-host';

let fixture: HostFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** Sends an RPC body of `size` bytes with Node's client and resolves with the answer (or the error the client saw). */
function postBody(port: number, token: string, size: number): Promise<{ status?: number; text?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/rpc/getAppInfo', headers: { 'content-type': 'application/json', 'content-length': String(size), 'x-explorer-token': token } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let left = size;
    const pump = () => {
      while (left > 0) {
        const piece = chunk.subarray(0, Math.min(chunk.length, left));
        left -= piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('browser host limits', () => {
  it('disconnects a client that sends a few header lines and then goes silent', async () => {
    fixture = await startHostFixture({ host: { limits: { headersTimeoutMs: 300, requestTimeoutMs: 1_000 } } });
    const socket = net.connect(fixture.host.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${fixture.host.port}\r\nX-Slow: 1\r\n`);
    const started = Date.now();
    const closed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5_000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
      socket.on('data', () => {});
      socket.on('error', () => {});
    });
    socket.destroy();
    expect(closed, 'the silent connection was still open after 5 s').toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers a body over the 64 MiB default with 413 TOO_LARGE before closing, not with a reset', async () => {
    fixture = await startHostFixture();
    const answer = await postBody(fixture.host.port, fixture.host.token, 64 * 1024 * 1024 + 1024 * 1024);
    expect(answer.error).toBeUndefined();
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text!)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  }, 30_000);

  it('answers 413 to a body declared too large up front, and keeps serving', async () => {
    fixture = await startHostFixture({ host: { maxBodyBytes: 1024 } });
    const answer = await postBody(fixture.host.port, fixture.host.token, 3000);
    expect(answer.status).toBe(413);
    const ok = await postBody(fixture.host.port, fixture.host.token, 0);
    expect(ok.status).toBe(200);
  });

  it('INVALID_INPUT echoes at most a few KB of a 10 MB unknown key, instead of 20 MB', async () => {
    fixture = await startHostFixture();
    const hugeKey = 'k'.repeat(10 * 1024 * 1024);
    const body = `{"input":{"${hugeKey}":1}}`;
    const answer = await new Promise<{ status?: number; text: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: fixture!.host.port, method: 'POST', path: '/rpc/getAppInfo', headers: { 'content-type': 'application/json', 'x-explorer-token': fixture!.host.token } },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(answer.text.length).toBeLessThan(16 * 1024);
  });

  it('answers a request line Node cannot parse with 400, not silence', async () => {
    fixture = await startHostFixture();
    const answer = await rawExchange(fixture.host.port, 'GET /\x7f HTTP/1.1\r\n\r\n');
    expect(answer.status).toBe(400);
  });
});

describe('the browser host’s last resort', () => {
  it('turns a failure inside a handler into an answer without internals, logs it, and keeps serving', async () => {
    const { startWebHost } = await import('../../../electron/web/server');
    const logged: string[] = [];
    let calls = 0;
    const backend = {
      call: async () => {
        calls += 1;
        if (calls === 1) throw new TypeError('boom at /work/secret/module.ts:12:3');
        return { ok: true as const, value: { fine: true } };
      },
    } as unknown as Parameters<typeof startWebHost>[0]['backend'];
    const host = await startWebHost({ backend, staticDir: tempDir('vx-static-'), token: 't'.repeat(43), log: (line) => logged.push(line) });
    try {
      const call = () =>
        fetch(`${host.origin}/rpc/getStatus`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-explorer-token': host.token }, body: '{"input":{}}' });
      const failed = await call();
      expect(failed.status).toBe(500);
      const text = await failed.text();
      expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(text).not.toContain('/work/secret');
      expect(logged.join('\n')).toMatch(/TypeError: boom/);
      expect((await call()).status).toBe(200);
    } finally {
      await host.close();
    }
  });
});

describe('the browser host’s port', () => {
  it('a --port already in use is refused with a clear error naming the port', async () => {
    const { startWebHost } = await import('../../../electron/web/server');
    fixture = await startHostFixture();
    const backend = fixture.backend;
    await expect(startWebHost({ backend, staticDir: tempDir('vx-static-'), port: fixture.host.port })).rejects.toThrow(new RegExp(`Port ${fixture.host.port} on 127\\.0\\.0\\.1 is already in use.*--port`));
  });
});
