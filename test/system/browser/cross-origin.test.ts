import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../../helpers/chromium';
import { callHost, spawnHost, type SpawnedHost } from '../../helpers/spawn-host';
import { tempDir } from '../../helpers/temp';

/**
 * A page on another site (evil.test, which Chromium resolves to loopback here so no traffic
 * leaves the machine) does what any web page the user visits could do to the browser host:
 * images, forms, no-cors and cors fetches, frames. It must neither stop the host nor read from it.
 */
const ATTACK_PAGE = (target: string) => `<!doctype html>
<html><head><title>another site</title></head><body>
<form id="form" method="POST" action="${target}/rpc/getAppInfo" enctype="text/plain" target="sink"><input name='{"input":{}}' value=""></form>
<iframe name="sink" id="sink"></iframe>
<iframe id="framed" src="${target}/"></iframe>
<script>
window.results = {};
const record = (name, value) => { window.results[name] = value; };
const tryRead = async (name, run) => { try { record(name, 'read: ' + (await run())); } catch (error) { record(name, 'blocked: ' + error.name); } };
const image = (path) => new Promise((resolve) => { const img = new Image(); img.onload = () => resolve('loaded'); img.onerror = () => resolve('error'); img.src = '${target}' + path; });
(async () => {
  // The crash probe of the security review, and friends: the browser sends these paths as they are.
  record('img-authority-path', await image('//a:99999/'));
  record('img-bad-escape', await image('/rpc/%E0%A4%A'));
  record('img-traversal', await image('/..%2f..%2fetc/passwd'));
  await tryRead('cors-rpc', () => fetch('${target}/rpc/getAppInfo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"input":{}}' }).then((r) => r.text()));
  await tryRead('cors-rpc-guessed-token', () => fetch('${target}/rpc/getAppInfo', { method: 'POST', headers: { 'x-explorer-token': 'guess' }, body: '{}' }).then((r) => r.text()));
  await tryRead('cors-page', () => fetch('${target}/').then((r) => r.text()));
  await tryRead('no-cors-rpc', () => fetch('${target}/rpc/%E0%A4%A', { method: 'POST', mode: 'no-cors', body: '{"input":{}}' }).then((r) => r.type === 'opaque' ? Promise.reject(Object.assign(new Error('opaque'), { name: 'Opaque' })) : r.text()));
  document.getElementById('form').submit();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await tryRead('frame-document', async () => document.getElementById('framed').contentDocument.body.innerText);
  await tryRead('sink-document', async () => document.getElementById('sink').contentDocument.body.innerText);
  record('done', true);
})();
</script></body></html>`;

let browser: BrowserContext;
let host: SpawnedHost;
let attacker: http.Server;
let attackerPort = 0;

beforeAll(async () => {
  host = await spawnHost('web', ['--no-open', '--port', '0', '--data-dir', tempDir('vx-sys-xorigin-')]);
  attacker = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(ATTACK_PAGE(host.origin)));
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
  browser = await launchChromium(['--host-resolver-rules=MAP evil.test 127.0.0.1']);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await host?.stop();
});

describe('a page from another site', () => {
  it('can neither stop the browser host nor read anything from it', async () => {
    const page = await browser.newPage();
    await page.goto(`http://evil.test:${attackerPort}/`);
    await page.waitForFunction(() => (window as unknown as { results: { done?: boolean } }).results?.done === true, undefined, { timeout: 30_000 });
    const results = await page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results);

    // Nothing the page tried gave it a readable answer.
    for (const name of ['cors-rpc', 'cors-rpc-guessed-token', 'cors-page', 'no-cors-rpc', 'frame-document', 'sink-document']) {
      expect(String(results[name]), `${name}: ${String(results[name])}`).toMatch(/^blocked: /);
    }
    expect(results['img-authority-path']).toBe('error');

    // And the host is still there, answering its own page.
    expect(host.child.exitCode).toBeNull();
    expect(await callHost(host, 'getAppInfo', {})).toMatchObject({ ok: true });
    expect(host.output()).toMatch(/refused/);
  });
});
