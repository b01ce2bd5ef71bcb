import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SALES_UNIT } from '../../../electron/sandbox/config';
import { launchChromium, watchPageErrors } from '../../helpers/chromium';
import { repoRoot, spawnHost, type SpawnedHost, callHost, type HostAnswer } from '../../helpers/spawn-host';
import { tempDir } from '../../helpers/temp';
import { seriousAxeFindings } from '../../helpers/axe';

const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
const SECRETS = [DEMO_SALES_UNIT.clientSecret, DEMO_SALES_UNIT.subscriptionKey];

let browser: BrowserContext;
let host: SpawnedHost;
let page: Page;
let pageErrors: string[];
const axeFindings: string[] = [];

type RpcAnswer = HostAnswer<Record<string, unknown>>;

const rpc = (method: string, input: unknown): Promise<RpcAnswer> => callHost(host, method, input);

async function send(label: string, request: Record<string, unknown>): Promise<RpcAnswer> {
  return rpc('sendRequest', { request, label });
}

async function checkAccessibility(label: string): Promise<void> {
  axeFindings.push(...(await seriousAxeFindings(page, label)));
}

const view = () => page.getByRole('region', { name: 'History', exact: true });
const list = () => page.getByRole('listbox', { name: /Sent requests/ });
const rows = () => list().getByRole('option');
const detail = () => page.getByTestId('history-detail');

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  host = await spawnHost('web', ['--no-open', '--port', '0', '--data-dir', tempDir('vx-history-')]);

  // Four sends through the real engine to the embedded sandbox: the token call carries the
  // demo unit's keys in its headers, one body carries the client secret itself, and one goes
  // to a closed port so it gets no answer at all.
  const token = await send('Get an access token', { method: 'POST', url: '{{baseUrl}}/accesstoken/get', headers: [{ name: 'Merchant-Serial-Number', value: DEMO_SALES_UNIT.msn }] });
  expect(token.ok, JSON.stringify(token)).toBe(true);
  await send('Look up an order that does not exist', { method: 'GET', url: '{{baseUrl}}/order-management/v2/ecom/no-such-order' });
  await send('Body that quotes the secret', {
    method: 'POST',
    url: '{{baseUrl}}/order-management/v2/ecom/categories/no-such-order',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    body: JSON.stringify({ note: `pasted by mistake: ${DEMO_SALES_UNIT.clientSecret}` }),
  });
  const unreachable = await send('Nobody listening', { method: 'GET', url: 'http://127.0.0.1:9/', options: { auth: 'none', timeoutMs: 5000 } });
  expect(unreachable.ok).toBe(false);

  page = await browser.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  pageErrors = watchPageErrors(page);
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History', exact: true }).click();
  await view().waitFor();
});

afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

describe('history view in Chromium against the real backend', () => {
  it('lists every send newest first, with "no answer" for the one nobody answered', async () => {
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(4);
    const texts = await rows().allTextContents();
    expect(texts[0]).toContain('Nobody listening');
    expect(texts[0]).toContain('no answer');
    expect(texts[3]).toContain('Get an access token');
    expect(texts[3]).toMatch(/^POST200/);
    expect(await view().getByRole('status').first().textContent()).toBe('4 entries.');
  });

  it('opens the token call with its keys as «redacted» placeholders, and no key appears anywhere on the page', async () => {
    await page.getByLabel('Theme').selectOption('light');
    await rows().filter({ hasText: 'Get an access token' }).click();
    await detail().getByRole('heading', { name: 'Get an access token' }).waitFor();
    const headers = detail().getByRole('table', { name: 'Request headers' });
    await expect.poll(() => headers.textContent()).toContain('«redacted:client_secret»');
    expect(await headers.textContent()).toContain('«redacted:subscription_key»');
    expect(await detail().textContent()).toContain('Keys and tokens are never stored; they show as «redacted»');
    await expect.poll(() => detail().getByTestId('response-status').textContent()).toMatch(/^200 OK/);
    await page.screenshot({ path: path.join(screenshots, 'history.png') });
    await checkAccessibility('token entry, light theme');

    const html = await page.content();
    for (const secret of SECRETS) expect(html).not.toContain(secret);
  });

  it('shows a body that quoted the secret with the placeholder in its place', async () => {
    await rows().filter({ hasText: 'Body that quotes the secret' }).click();
    const body = detail().getByLabel('Request body as sent');
    await expect.poll(() => body.textContent()).toContain('pasted by mistake: «redacted:client_secret»');
    const html = await page.content();
    for (const secret of SECRETS) expect(html).not.toContain(secret);
  });

  it('moves through the list with the arrow keys', async () => {
    await list().focus();
    await page.keyboard.press('Home');
    await detail().getByRole('heading', { name: 'Nobody listening' }).waitFor();
    expect(await detail().getByTestId('response-error').textContent()).toMatch(/could not be reached|refused|no answer/i);
    await page.keyboard.press('ArrowDown');
    await detail().getByRole('heading', { name: 'Body that quotes the secret' }).waitFor();
  });

  it('filters by text through the backend and by "no answer"', async () => {
    await view().getByRole('searchbox', { name: 'Search' }).fill('accesstoken');
    await expect.poll(() => rows().allTextContents()).toEqual([expect.stringContaining('Get an access token')]);
    await view().getByRole('searchbox', { name: 'Search' }).fill('');
    await view().getByRole('combobox', { name: 'Status' }).selectOption('error');
    await expect.poll(() => rows().allTextContents()).toEqual([expect.stringContaining('Nobody listening')]);
    await view().getByRole('combobox', { name: 'Status' }).selectOption('');
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('passes the accessibility scan in the dark theme too', async () => {
    await page.getByLabel('Theme').selectOption('dark');
    await rows().filter({ hasText: 'Look up an order' }).click();
    await detail().getByRole('heading', { name: 'Look up an order that does not exist' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'history-dark.png') });
    await checkAccessibility('order lookup entry, dark theme');
    await page.getByLabel('Theme').selectOption('light');
  });

  it('deletes one entry, then clears the rest after asking, and says what fills the history', async () => {
    await rows().filter({ hasText: 'Look up an order' }).click();
    await detail().getByRole('button', { name: 'Delete this entry' }).click();
    await expect.poll(() => rows().count()).toBe(3);
    expect((await rows().allTextContents()).some((t) => t.includes('Look up an order'))).toBe(false);

    await view().getByRole('button', { name: 'Clear history…' }).click();
    await view().getByRole('group', { name: /Remove all 3 entries/ }).waitFor();
    await view().getByRole('button', { name: 'Yes, clear the history' }).click();
    await page.getByTestId('history-empty').waitFor();
    expect(await page.getByTestId('history-empty').textContent()).toContain('No requests yet');
    const listed = await rpc('listHistory', {});
    expect(listed.ok && listed.value.total).toBe(0);
    await checkAccessibility('empty history');
  });

  it('found no serious or critical accessibility problem', () => {
    expect(axeFindings).toEqual([]);
  });

  it('ran without console errors or Content-Security-Policy violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
