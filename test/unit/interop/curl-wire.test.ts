import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDefects, fixAll, importCurl } from '../../../shared/interop/curl';
import { joinUrl } from '../../../shared/model/convert';
import { newRequest, type ApiRequest } from '../../../shared/model/request';

/**
 * Each class of curl command our importer once misread, with what curl itself puts on the wire
 * for it. The expectations are written out; where curl is installed, the last block runs each
 * command through it against a loopback server to show they are what curl sends.
 */
interface Wire {
  method: string;
  /** Path and query, each query name and value decoded as a server decodes a form ("+" and %20 are both a space). */
  target: string;
  /** Headers beyond curl's own defaults (Host, User-Agent curl/…, Accept: any, Content-Length), lower-case names, in order. */
  headers: Array<[string, string]>;
  body: string;
}

const dir = mkdtempSync(join(tmpdir(), 'curl-wire-'));
const uploadFile = join(dir, 'receipt.txt');
writeFileSync(uploadFile, 'line one\nline two\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES: Array<{ defect: string; command: string; wire: Wire }> = [
  { defect: '-G moves -d data into the query string', command: `curl -G -d foo=bar --data-urlencode 'q=a b' 'http://HOST/search?x=1'`, wire: { method: 'GET', target: '/search?x=1&foo=bar&q=a b', headers: [], body: '' } },
  { defect: '-G bundled with other one-letter options (-sGd)', command: 'curl -sGd foo=bar http://HOST/search', wire: { method: 'GET', target: '/search?foo=bar', headers: [], body: '' } },
  { defect: '-T uploads the file with PUT, naming it after the file when the URL ends in /', command: `curl -T ${uploadFile} http://HOST/upload/`, wire: { method: 'PUT', target: '/upload/receipt.txt', headers: [], body: 'line one\nline two\n' } },
  {
    defect: 'options that take a value take their own value, never the URL',
    command: `curl --retry 3 --connect-timeout 5 -w '%{http_code}' --trace-ascii ${join(dir, 'log2.txt')} -o ${join(dir, 'out.txt')} --cacert /etc/ssl/certs/ca-certificates.crt http://HOST/x`,
    wire: { method: 'GET', target: '/x', headers: [], body: '' },
  },
  { defect: 'a bundle ending in an option with a value (-sSLo FILE)', command: `curl -sSLo ${join(dir, 'o.txt')} http://HOST/y`, wire: { method: 'GET', target: '/y', headers: [], body: '' } },
  {
    defect: 'repeated --json is concatenated, not joined with &',
    command: `curl --json '{"a":1,' --json '"b":2}' http://HOST/j`,
    wire: { method: 'POST', target: '/j', headers: [['content-type', 'application/json'], ['accept', 'application/json']], body: '{"a":1,"b":2}' },
  },
  { defect: '--url-query adds to the query, encoded like --data-urlencode', command: `curl --url-query 'q=a b' --url-query '+raw=1%2C2' 'http://HOST/s?x=1'`, wire: { method: 'GET', target: '/s?x=1&q=a b&raw=1,2', headers: [], body: '' } },
  { defect: '-r sends a Range header', command: 'curl -r 0-499 http://HOST/file', wire: { method: 'GET', target: '/file', headers: [['range', 'bytes=0-499']], body: '' } },
  { defect: "-H 'Name;' sends the header with an empty value", command: `curl -H 'X-Empty;' -H 'X-Full: 1' http://HOST/h`, wire: { method: 'GET', target: '/h', headers: [['x-empty', ''], ['x-full', '1']], body: '' } },
  { defect: 'an explicit Authorization header wins over -u', command: `curl -u ada:pw -H 'Authorization: Bearer tok' http://HOST/a`, wire: { method: 'GET', target: '/a', headers: [['authorization', 'Bearer tok']], body: '' } },
  { defect: '-u alone signs with Basic', command: 'curl -u ada:pw http://HOST/a', wire: { method: 'GET', target: '/a', headers: [['authorization', `Basic ${Buffer.from('ada:pw').toString('base64')}`]], body: '' } },
  {
    defect: '-d without a Content-Type is sent as a form',
    command: `curl -d 'a=1&b=2' -d c=3 http://HOST/f`,
    wire: { method: 'POST', target: '/f', headers: [['content-type', 'application/x-www-form-urlencoded']], body: 'a=1&b=2&c=3' },
  },
  {
    defect: 'JSON given with -d and no Content-Type is still sent as a form',
    command: `curl -d '{"amount": 100}' http://HOST/j`,
    wire: { method: 'POST', target: '/j', headers: [['content-type', 'application/x-www-form-urlencoded']], body: '{"amount": 100}' },
  },
  { defect: 'a method of its own (-X PURGE) is sent as it is', command: 'curl -X PURGE http://HOST/cache', wire: { method: 'PURGE', target: '/cache', headers: [], body: '' } },
];

const withHost = (command: string, host: string) => command.replace('HOST', host);

/** curl 7.x writes a space in --data-urlencode as "+", the app as %20: the same to the server, so both are compared decoded. */
function decodedTarget(target: string): string {
  const q = target.indexOf('?');
  if (q < 0) return target;
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
  return `${target.slice(0, q)}?${target.slice(q + 1).split('&').map((pair) => pair.split('=').map(decode).join('=')).join('&')}`;
}

/** What the app sends for an imported request, in the same terms (the engine's own defaults left out, as curl's are). */
function wireOf(request: ApiRequest): Wire {
  const full = joinUrl(request.url, request.params);
  const target = full.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const headers: Array<[string, string]> = request.headers.filter((h) => h.enabled).map((h) => [h.key.toLowerCase(), h.value]);
  if (request.auth.type === 'basic') headers.push(['authorization', `Basic ${Buffer.from(`${request.auth.username}:${request.auth.password}`).toString('base64')}`]);
  const b = request.body;
  const typed = headers.some(([k]) => k === 'content-type');
  if (!typed && b.mode === 'form-urlencoded') headers.push(['content-type', 'application/x-www-form-urlencoded']);
  if (!typed && b.mode === 'text' && b.contentType) headers.push(['content-type', b.contentType]);
  if (!typed && b.mode === 'json') headers.push(['content-type', 'application/json']);
  const body = b.mode === 'json' || b.mode === 'text' ? b.text : b.mode === 'form-urlencoded' ? joinUrl('', b.fields).slice(1) : b.mode === 'binary' && b.path ? readFileSync(b.path, 'utf8') : '';
  return { method: request.method, target: decodedTarget(target), headers, body };
}

const one = (command: string) => {
  const [first] = importCurl(command);
  return first!;
};

describe('curl commands import as curl sends them', () => {
  for (const c of CASES) {
    it(`${c.defect}: method, URL with query, headers and body as curl sends them`, () => {
      expect(wireOf(one(withHost(c.command, '127.0.0.1:9')).request)).toEqual(c.wire);
    });
  }

  it('says that curl -d @FILE drops line breaks where the app sends the file as it is', () => {
    expect(one(`curl -d @${uploadFile} http://127.0.0.1:9/u`).notes).toEqual([`The body is read from the file ${uploadFile} when the request is sent. curl -d drops its line breaks; the app sends the file as it is (use --data-binary to have curl do the same).`]);
    expect(one(`curl --data-binary @${uploadFile} http://127.0.0.1:9/u`).notes).toEqual([`The body is read from the file ${uploadFile} when the request is sent.`]);
  });

  it('says why -u was not used when an Authorization header is given', () => {
    const { request, notes } = one(`curl -u ada:pw -H 'Authorization: Bearer tok' http://127.0.0.1:9/a`);
    expect(request.auth).toEqual({ type: 'inherit' });
    expect(notes).toEqual(['-u was not used: curl sends the Authorization header given with -H instead.']);
  });

  it('never sends -u credentials as Basic when curl would sign with Digest, NTLM, Negotiate or AWS V4', () => {
    for (const [flag, scheme] of [['--digest', 'Digest'], ['--ntlm', 'NTLM'], ['--negotiate', 'Negotiate (Kerberos)'], ['--aws-sigv4 aws:amz:eu-north-1:s3', 'AWS Signature V4']] as const) {
      const { request, notes } = one(`curl ${flag} -u ada:pw http://127.0.0.1:9/a`);
      expect(request.auth, flag).toEqual({ type: 'inherit' });
      expect(notes, flag).toContain(`curl signs with ${scheme}, which is not supported here; the request was imported without the -u credentials, so they never go out as Basic.`);
    }
    expect(one('curl --digest --no-digest -u ada:pw http://127.0.0.1:9/a').request.auth).toEqual({ type: 'basic', username: 'ada', password: 'pw' });
    expect(one('curl --ntlm --basic -u ada:pw http://127.0.0.1:9/a').request.auth).toEqual({ type: 'basic', username: 'ada', password: 'pw' });
    expect(one('curl --basic --digest -u ada:pw http://127.0.0.1:9/a').request.auth).toEqual({ type: 'inherit' });
  });

  it('refuses an option curl does not have instead of guessing whether it takes the URL', () => {
    expect(() => importCurl('curl --frobnicate log2.txt http://127.0.0.1:9/x')).toThrow('curl has no option --frobnicate. Check its spelling (curl --help all lists them), or remove it.');
    expect(() => importCurl('curl -sÆ http://127.0.0.1:9/x')).toThrow('curl has no option -Æ (in -sÆ). Check its spelling, or remove it.');
    expect(() => importCurl('curl http://127.0.0.1:9/x -H')).toThrow('The option -H needs a value after it. Add the value, or remove the option.');
    expect(() => importCurl('curl -K opts.txt http://127.0.0.1:9/x')).toThrow('-K reads more options from a file we cannot see; paste the options themselves.');
  });

  it('notes options that change the request but do not carry over, and passes over local ones quietly', () => {
    expect(one('curl --compressed -s --retry 2 -x http://proxy:3128 http://127.0.0.1:9/x').notes).toEqual(['The option --compressed does not carry over and was left out.', 'The option -x does not carry over and was left out.']);
    expect(one('curl --no-location -L --no-insecure http://127.0.0.1:9/x').request.settings.followRedirects).toBe(true);
    expect(one('curl -L --no-location http://127.0.0.1:9/x').request.settings.followRedirects).toBe(false);
  });

  it('takes any method token, as curl and Postman send it, and refuses what is no token', () => {
    expect(one('curl -X PURGE http://127.0.0.1:9/cache').request.method).toBe('PURGE');
    expect(one('curl -X PROPFIND http://127.0.0.1:9/dav').request.method).toBe('PROPFIND');
    expect(one('curl -X post http://127.0.0.1:9/x').request.method).toBe('POST');
    expect(() => importCurl('curl -X "GET /" http://127.0.0.1:9/cache')).toThrow(/"GET \/" cannot be a method/);
  });

  it('keeps only the first of several URLs or --next requests, saying so', () => {
    expect(one('curl http://127.0.0.1:9/a http://127.0.0.1:9/b').notes).toEqual(['curl would also call http://127.0.0.1:9/b; only the first URL was imported. Paste each as a curl command of its own.']);
    expect(one('curl http://127.0.0.1:9/a --next -X POST http://127.0.0.1:9/b').notes).toEqual(['--next starts another request in the same command; only the first one was imported. Paste each as a curl command of its own.']);
  });
});

describe('the "JSON sent as a form" defect', () => {
  it('flags JSON given with -d and no Content-Type, and its one-click fix sends it as JSON', () => {
    const { request } = one(`curl -d '{"amount": 100}' http://127.0.0.1:9/j`);
    const defects = findDefects(request);
    expect(defects.map((d) => [d.kind, d.fix.label])).toEqual([['json-as-form', 'Add Content-Type: application/json']]);
    expect(defects[0]!.message).toBe('curl sends this JSON as a form (application/x-www-form-urlencoded), because the command gives no Content-Type; a JSON API answers 400 or 415.');
    const fixed = defects[0]!.fix.request;
    expect(wireOf(fixed)).toEqual({ method: 'POST', target: '/j', headers: [['content-type', 'application/json']], body: '{"amount": 100}' });
    expect(fixed.body).toEqual({ mode: 'json', text: '{"amount": 100}' });
    expect(findDefects(fixed)).toEqual([]);
  });

  it('is not raised for a form, for JSON with a Content-Type, for --json, nor for text that only starts with a brace', () => {
    for (const command of [
      `curl -d 'a=1' http://127.0.0.1:9/f`,
      `curl -H 'Content-Type: application/json' -d '{"a":1}' http://127.0.0.1:9/f`,
      `curl -H 'content-type: text/plain' -d '{"a":1}' http://127.0.0.1:9/f`,
      `curl --json '{"a":1}' http://127.0.0.1:9/f`,
      `curl -d '{not json' http://127.0.0.1:9/f`,
      `curl -d '"a string"' http://127.0.0.1:9/f`,
      `curl -d '12' http://127.0.0.1:9/f`,
    ]) {
      expect(findDefects(one(command).request).filter((d) => d.kind === 'json-as-form'), command).toEqual([]);
    }
  });

  it('looks only at a text body labelled as a form (any letter case) with no enabled Content-Type header', () => {
    const base = newRequest({ name: 'x', method: 'POST', url: 'http://127.0.0.1:9/f', body: { mode: 'text', text: '{"a":1}', contentType: 'Application/X-WWW-Form-Urlencoded' } });
    expect(findDefects(base).map((d) => d.kind)).toEqual(['json-as-form']);
    const disabled = { ...base, headers: [{ key: 'Content-Type', value: 'application/json', enabled: false }] };
    expect(findDefects(disabled).map((d) => d.kind)).toEqual(['json-as-form']);
    expect(findDefects(disabled)[0]!.fix.request.headers).toEqual([
      { key: 'Content-Type', value: 'application/json', enabled: false },
      { key: 'Content-Type', value: 'application/json', enabled: true },
    ]);
    expect(findDefects({ ...base, headers: [{ key: 'CONTENT-TYPE', value: 'text/plain', enabled: true }] })).toEqual([]);
    expect(findDefects({ ...base, body: { mode: 'text', text: '{"a":1}', contentType: 'text/plain' } })).toEqual([]);
    expect(findDefects({ ...base, body: { mode: 'text', text: '{"a":1}' } })).toEqual([]);
    expect(findDefects({ ...base, body: { mode: 'json', text: '{"a":1}' } })).toEqual([]);
    expect(findDefects({ ...base, body: { mode: 'text', text: 'null', contentType: 'application/x-www-form-urlencoded' } })).toEqual([]);
    expect(findDefects({ ...base, body: { mode: 'text', text: '', contentType: 'application/x-www-form-urlencoded' } })).toEqual([]);
    // The fix keeps everything else of the request as it was.
    const fixed = findDefects({ ...base, params: [{ key: 'p', value: '1', enabled: true }] })[0]!.fix.request;
    expect({ ...fixed, headers: [], body: base.body }).toEqual({ ...base, params: [{ key: 'p', value: '1', enabled: true }], headers: [] });
  });

  it('raises it for a JSON array and for JSON with trailing commas, whose comma fix follows', () => {
    expect(findDefects(one(`curl -d '[1,2]' http://127.0.0.1:9/f`).request).map((d) => d.kind)).toEqual(['json-as-form']);
    const withComma = one(`curl -d '{"a": 1,}' http://127.0.0.1:9/f`).request;
    expect(findDefects(withComma).map((d) => d.kind)).toEqual(['json-as-form']);
    expect(fixAll(withComma).body).toEqual({ mode: 'json', text: '{"a": 1}' });
  });
});

const curlVersion = spawnSync('curl', ['--version'], { encoding: 'utf8' });
const haveCurl = curlVersion.status === 0;
if (!haveCurl) console.warn('The check against real curl is skipped: no curl on PATH. The expectations above stand as written.');

describe.skipIf(!haveCurl)('the expectations are what this machine’s curl sends', () => {
  let server: Server;
  let host = '';
  const seen: Wire[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers: Array<[string, string]> = [];
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
          const key = req.rawHeaders[i]!.toLowerCase();
          const value = req.rawHeaders[i + 1]!;
          if (key === 'host' || key === 'content-length' || key === 'expect' || (key === 'user-agent' && value.startsWith('curl/')) || (key === 'accept' && value === '*/*')) continue;
          headers.push([key, value]);
        }
        seen.push({ method: req.method!, target: decodedTarget(req.url!), headers, body: Buffer.concat(chunks).toString('utf8') });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const c of CASES) {
    it(`${c.defect}: curl sends exactly the expected request`, async () => {
      seen.length = 0;
      const command = withHost(c.command, host);
      // bash splits the words, as it would for someone pasting the command.
      await promisify(execFile)('bash', ['-c', command.replace(/^curl /, 'curl -sS -o /dev/null ')], { timeout: 10_000 });
      expect(seen).toEqual([c.wire]);
    });
  }
});
