import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract';
import { FUZZ_RUNS_PER_METHOD, fuzzInput, leaksInternals, loopbackOnly } from '../../helpers/contract-fuzz';
import { rawExchange } from '../../helpers/raw-socket';
import { startHostProcess, type HostProcess } from '../../helpers/web-host-process';

let host: HostProcess;
beforeAll(async () => {
  host = await startHostProcess();
}, 90_000);
afterAll(async () => {
  await host?.stop();
});

/** A request through Node's client, with a path it sends as is. */
function request(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function stillServes(): Promise<void> {
  expect(host.alive(), `the host process ended:\n${host.output()}`).toBe(true);
  const answer = await host.rpc('getAppInfo', '{"input":{}}');
  expect(answer.status).toBe(200);
}

describe('no request stops the browser host process', () => {
  it('GET //a:99999/, as an <img> on any web page makes the browser send, gets an answer and the host keeps serving', async () => {
    const answer = await request('GET', '//a:99999/');
    expect(answer.status).toBeLessThan(500);
    await stillServes();
  });

  it('POST /rpc/%E0%A4%A with the token (not valid percent-encoding) gets UNKNOWN_METHOD and the host keeps serving', async () => {
    const answer = await request('POST', '/rpc/%E0%A4%A', { 'content-type': 'application/json', 'x-explorer-token': host.token }, '{"input":{}}');
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    await stillServes();
  });

  it('an RPC body that is JSON but not an object (null, a list, a number) gets 400 INVALID_INPUT, not a failure', async () => {
    for (const body of ['null', '[]', '7', '"x"']) {
      const answer = await host.rpc('getAppInfo', body);
      expect(answer.status, body).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    await stillServes();
  });

  it('raw HTTP fuzz (request lines, paths, methods, headers, partial requests) gets no 5xx, leaks nothing, and the host lives', async () => {
    const token = host.token;
    const methodArb = fc.oneof(fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'PRI', 'get', ''), fc.stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-]{1,12}$/));
    const pathArb = fc.oneof(
      fc.constantFrom('/', '//a:99999/', '/rpc/%E0%A4%A', '/rpc/', '/rpc/getAppInfo', '/rpc/%00', '/..%2f..%2fetc/passwd', '*', 'http://evil.example/', '/%', '/assets/%ff', '/?a=%'),
      fc.string({ maxLength: 60 }).map((s) => `/${encodeURI(s).replace(/%25/g, '%')}`),
      fc.stringMatching(/^\/[\x21-\x7e]{0,60}$/),
      fc.stringMatching(/^\/rpc\/[\x21-\x7e]{0,40}$/),
    );
    const headerArb = fc.array(
      fc.oneof(
        fc.constantFrom(`Host: 127.0.0.1:${host.port}`, 'Host: evil.example', `X-Explorer-Token: ${token}`, 'Origin: http://evil.example', 'Content-Length: 5', 'Content-Length: -1', 'Content-Length: 99999999999', 'Transfer-Encoding: chunked', 'Sec-Fetch-Site: cross-site', 'Expect: 100-continue'),
        fc.tuple(fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/), fc.stringMatching(/^[\x20-\x7e]{0,80}$/)).map(([name, value]) => `${name}: ${value}`),
      ),
      { maxLength: 6 },
    );
    const bodyArb = fc.oneof(fc.constant(''), fc.constantFrom('{"input":{}}', 'null', '{"input":', '0\r\n\r\n'), fc.string({ maxLength: 100 }));
    const requestArb = fc.record({ method: methodArb, path: pathArb, headers: headerArb, body: bodyArb, cut: fc.option(fc.nat(), { nil: undefined }) });

    await fc.assert(
      fc.asyncProperty(requestArb, async ({ method, path, headers, body, cut }) => {
        const whole = `${method} ${path} HTTP/1.1\r\n${[...headers, 'Connection: close'].join('\r\n')}\r\n\r\n${body}`;
        const partial = cut !== undefined && cut % 3 === 0;
        const bytes = partial ? whole.slice(0, cut % whole.length) : whole;
        const answer = await rawExchange(host.port, bytes, { hangUp: partial, waitMs: 1_500 });
        if (answer.status !== undefined) expect(answer.status, `${JSON.stringify(bytes)} → ${answer.text.slice(0, 200)}`).toBeLessThan(500);
        expect(leaksInternals(answer.text), answer.text.slice(0, 300)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    await stillServes();
  }, 120_000);

  it('every contract method, called over HTTP with fuzzed input, answers without 5xx or leaked internals', async () => {
    for (const method of methodNames) {
      await fc.assert(
        fc.asyncProperty(fuzzInput(method), async (input) => {
          const body = JSON.stringify({ input: loopbackOnly(input) }) ?? '{}';
          const answer = await host.rpc(method, body);
          expect(answer.status, `${method} ${body.slice(0, 200)} → ${answer.text.slice(0, 300)}`).toBeLessThan(500);
          const parsed = JSON.parse(answer.text) as { ok: boolean; error?: { code: string; message: string } };
          expect(typeof parsed.ok).toBe('boolean');
          if (!parsed.ok) expect(parsed.error?.code, `${method}: ${parsed.error?.message}`).not.toBe('INTERNAL');
          if (!parsed.ok) expect(leaksInternals(answer.text), `${method}: ${answer.text.slice(0, 300)}`).toBeUndefined();
        }),
        { numRuns: FUZZ_RUNS_PER_METHOD },
      );
    }
    await stillServes();
  }, 120_000);
});
