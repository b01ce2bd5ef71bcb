import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPC_TOKEN_HEADER } from '../../../shared/contract';
import { openApp, readmeScreenshot, screenshotDir, type AppSession } from '../e2e-app';

/**
 * The habits a Postman user brings (issue 21), in Chromium at 1280×800 against the real host:
 * Ctrl+N from anywhere, curl pasted into the URL, the environment switcher, the sidebar's width.
 * The one set-up step done behind the UI is a second profile pointing at a loopback server, so
 * "the next Send goes to that profile" can be seen from outside the app.
 */

let app: AppSession;
let page: Page;
let probe: http.Server;
const probeHits: string[] = [];

/** A call to the host's RPC bridge, with the launch token from the page's URL (set-up only). */
async function rpc<T>(method: string, input: unknown): Promise<T> {
  const url = new URL(app.host.url);
  const token = /token=([A-Za-z0-9_-]+)/.exec(url.hash)![1]!;
  const response = await fetch(`${url.origin}/rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [RPC_TOKEN_HEADER]: token }, body: JSON.stringify({ input }) });
  const answer = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value;
}

beforeAll(async () => {
  probe = http.createServer((req, res) => {
    probeHits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ from: 'probe', access_token: 'probe-token', expires_in: 3600 }));
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  app = await openApp({ prefix: 'vx-habits-' });
  page = app.page;
  await app.browser.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('step-page-setup').waitFor();
  const port = (probe.address() as AddressInfo).port;
  await rpc('createProfile', { name: 'Probe unit', environment: 'custom', customBaseUrl: `http://127.0.0.1:${port}`, msn: '123456', secrets: { client_id: 'probe-client', client_secret: 'probe-secret-value', subscription_key: 'probe-subscription' } });
  await page.reload();
  await page.getByTestId('step-page-setup').waitFor();
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => probe?.close(resolve));
});

const urlField = () => page.getByLabel('URL', { exact: true });
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
const switcher = () => page.getByLabel('Active environment', { exact: true });

async function pasteText(text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** A command written the way the docs print them: a fixed Vipps host, placeholders, "bearer" and a trailing comma. */
const DOCS_CURL = `curl -X POST https://apitest.vipps.no/order-management/v2/ecom/receipts/PAYMENT-ORDER-ID \\
  -H "Content-Type: application/json" \\
  -H "Authorization: bearer YOUR-ACCESS-TOKEN" \\
  -d '{"orderLines": [{"name": "Socks", "id": "1",}], "bottomLine": {"currency": "NOK",}}'`;

describe('a Postman user’s habits, in Chromium at 1280×800', () => {
  it('Ctrl+N from the quick start opens a new request tab with the focus in its URL', async () => {
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Quick start' }).getAttribute('aria-current')).toBe('page');
    const before = await page.getByTestId('request-tab').count();
    await page.keyboard.press('Control+N');
    await expect.poll(() => page.getByTestId('request-tab').count()).toBe(before + 1);
    await expect.poll(focusedLabel).toBe('URL');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Requests' }).getAttribute('aria-current')).toBe('page');
  });

  it('a new tab shows its URL once one is typed, instead of "New request"', async () => {
    await urlField().fill('{{baseUrl}}/epayment/v1/payments/habit-1');
    await expect.poll(() => page.getByTestId('request-tab').last().textContent()).toContain('/epayment/v1/payments/habit-1');
  });

  it('a curl command pasted into the URL becomes the request, with its defects offered as fixes, and Undo paste puts the text back', async () => {
    await urlField().fill('');
    await urlField().focus();
    await pasteText(DOCS_CURL);
    const notice = page.getByRole('region', { name: 'Pasted curl command' });
    await notice.waitFor();
    expect(await page.getByLabel('Method').inputValue()).toBe('POST');
    expect(await urlField().inputValue()).toBe('https://apitest.vipps.no/order-management/v2/ecom/receipts/PAYMENT-ORDER-ID');
    const defects = notice.getByRole('list', { name: 'Defects in the pasted command' });
    expect(await defects.textContent()).toMatch(/trailing commas/);
    await notice.getByRole('button', { name: 'Use {{base_url}}' }).click();
    expect(await urlField().inputValue()).toBe('{{base_url}}/order-management/v2/ecom/receipts/PAYMENT-ORDER-ID');
    await notice.getByRole('button', { name: 'Fix all' }).click();
    expect(await urlField().inputValue()).toBe('{{base_url}}/order-management/v2/ecom/receipts/{{orderId}}');
    expect(await notice.getByRole('list', { name: 'Defects in the pasted command' }).count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'habits-curl-paste.png') });
    await notice.getByRole('button', { name: 'Undo paste' }).click();
    expect(await urlField().inputValue()).toMatch(/^curl -X POST https:\/\/apitest\.vipps\.no\//);
    expect(await page.getByLabel('Method').inputValue()).toBe('GET');
  });

  it('switching the environment from the request view makes the next Send go to that profile', async () => {
    await urlField().fill('{{baseUrl}}/habits/probe');
    expect(await switcher().inputValue()).not.toBe('');
    const options = await switcher().locator('option').allTextContents();
    expect(options).toContain('Probe unit · Custom');
    await switcher().selectOption({ label: 'Probe unit · Custom' });
    await expect.poll(() => page.getByTestId('active-environment').textContent()).toContain('Probe unit');
    await readmeScreenshot(page, 'environment-switcher');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('response-status').waitFor();
    await expect.poll(() => probeHits.some((hit) => hit.endsWith('/habits/probe'))).toBe(true);
    // And back: the probe hears nothing more.
    const heard = probeHits.length;
    await switcher().selectOption({ label: 'Sandbox · Sandbox' });
    await expect.poll(() => page.getByTestId('active-environment').textContent()).toContain('Sandbox');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.getByTestId('response-status').textContent()).toMatch(/^\d{3}/);
    await page.waitForTimeout(300);
    expect(probeHits.slice(heard).filter((hit) => hit.endsWith('/habits/probe'))).toEqual([]);
  });

  it('Ctrl+Tab and Ctrl+Shift+Tab move between tabs, Ctrl+L focuses the URL, Ctrl+W asks before closing an unsaved tab', async () => {
    const tabs = page.getByTestId('request-tab');
    const count = await tabs.count();
    await page.keyboard.press('Control+T');
    await expect.poll(() => tabs.count()).toBe(count + 1);
    const current = () => page.locator('[data-testid="request-tab"] [aria-current="page"]').textContent();
    const newest = await current();
    await page.keyboard.press('Control+Shift+Tab');
    await expect.poll(current).not.toBe(newest);
    await page.keyboard.press('Control+Tab');
    await expect.poll(current).toBe(newest);
    await page.getByRole('button', { name: 'Send', exact: true }).focus();
    await page.keyboard.press('Control+L');
    await expect.poll(focusedLabel).toBe('URL');
    await urlField().fill('{{baseUrl}}/edited');
    await page.keyboard.press('Control+W');
    const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Close without saving' }).click();
    await expect.poll(() => tabs.count()).toBe(count);
  });

  it('the shortcuts sheet opens with Ctrl+/ and lists every shortcut', async () => {
    await page.keyboard.press('Control+/');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    const text = await sheet.textContent();
    for (const keys of ['Ctrl+N', 'Ctrl+T', 'Ctrl+W', 'Ctrl+Tab', 'Ctrl+Shift+Tab', 'Ctrl+L', 'Ctrl+/', 'Ctrl+S', 'Ctrl+B']) expect(text).toContain(keys);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
  });

  it('the New button in the sidebar header offers a request, a collection and an import', async () => {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const menu = page.getByRole('menu', { name: 'New' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Request', 'Collection', 'Import…']);
    await menu.getByRole('menuitem', { name: 'Collection' }).click();
    // The focus goes where the next action is: the new collection's name.
    await expect.poll(() => page.getByPlaceholder('Collection name').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Import…' }).click();
    await page.getByRole('dialog', { name: /Import/ }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('the sidebar resizes by keyboard and by drag, keeps its width over a reload, and collapses', async () => {
    const edge = page.getByRole('separator', { name: 'Sidebar width' });
    await edge.focus();
    const start = Number(await edge.getAttribute('aria-valuenow'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(Number(await edge.getAttribute('aria-valuenow'))).toBe(start + 40);
    const box = (await edge.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + 200, { steps: 4 });
    await page.mouse.up();
    const wide = Number(await edge.getAttribute('aria-valuenow'));
    expect(wide).toBe(start + 100);
    const sideWidth = () => page.locator('#sidebar').evaluate((el) => Math.round(el.getBoundingClientRect().width));
    expect(await sideWidth()).toBe(wide);
    await page.reload();
    await edge.waitFor();
    expect(Number(await edge.getAttribute('aria-valuenow'))).toBe(wide);
    expect(await sideWidth()).toBe(wide);

    await page.getByRole('button', { name: 'Hide sidebar' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show sidebar' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
