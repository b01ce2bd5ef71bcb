import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, watchPageErrors } from '../../helpers/chromium';
import { repoRoot, spawnHost, type SpawnedHost, callHost, type HostAnswer } from '../../helpers/spawn-host';
import { seriousAxeFindings } from '../../helpers/axe';

const screenshots = path.join(repoRoot, 'test-results', 'screenshots');

let browser: Browser;
let dataDir: string;
let host: SpawnedHost;
let page: Page;
let pageErrors: string[];
let orderId: string;
const axeFindings: string[] = [];

type RpcAnswer = HostAnswer<{ status: number }>;

const rpc = (method: string, input: unknown): Promise<RpcAnswer> => callHost(host, method, input);

async function checkAccessibility(label: string): Promise<void> {
  axeFindings.push(...(await seriousAxeFindings(page, label)));
}

const view = () => page.getByRole('region', { name: 'Sandbox', exact: true });
const log = () => view().getByTestId('sandbox-log');
const order = () => view().locator(`[data-testid="sandbox-order"][data-order-id="${orderId}"]`);

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  // Every test here shares one browser and one host, so their folders must outlive a single test:
  // the temp helper removes its folders after each test, which would pull them from under both.
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage'] });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vx-sandbox-'));
  host = await spawnHost('web', ['--no-open', '--port', '0', '--data-dir', dataDir]);
  page = await (await browser.newContext()).newPage();
  await page.setViewportSize({ width: 1400, height: 1600 });
  pageErrors = watchPageErrors(page);
  await page.goto(host.url);
  await page.getByTestId('step-page-setup').waitFor();

  // The quick start's own "Run all steps", with the sample image, fills the sandbox with one order.
  await page.getByTestId('step-link-image').click();
  await page.getByRole('button', { name: 'Use the sample image' }).click();
  await page.getByRole('button', { name: 'Remove image' }).waitFor();
  await page.getByRole('button', { name: 'Run all steps' }).click();
  await page.getByTestId('run-all-status').filter({ hasText: /^All 6 requests passed/ }).waitFor({ timeout: 30_000 });
  await page.getByTestId('step-link-payment').click();
  orderId = (await page.getByTestId('order-id').textContent())!;
  expect(orderId).toMatch(/^[a-zA-Z0-9-]{8,50}$/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sandbox' }).click();
  await view().waitFor();
});

afterAll(async () => {
  await host?.stop();
  await browser?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('sandbox view in Chromium after the quick start ran', () => {
  it('shows where the sandbox answers and the demo keys it accepts', async () => {
    expect(await view().getByTestId('sandbox-base-url').textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await view().getByTestId('sandbox-demo-keys').textContent()).toContain('123456');
    expect(await view().getByText('npm run sandbox -- --port 8787').count()).toBe(1);
  });

  it('shows the quick start’s order with its category image and receipt lines', async () => {
    await order().waitFor();
    const lines = await order().getByTestId('sandbox-receipt-lines').textContent();
    for (const name of ['Wool socks', 'Gift wrapping', 'Home delivery']) expect(lines).toContain(name);
    expect(await order().getByTestId('sandbox-receipt-total').textContent()).toBe('447,00\u00a0kr');
    const thumbnail = order().getByRole('img', { name: /^Image vx-img-/ });
    await thumbnail.waitFor();
    // A decoded picture, not just an element: the data: URL got past the page's CSP.
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  it('lists the quick start’s requests in the log, newest first, with their statuses', async () => {
    await log().waitFor();
    const rows = log().locator('tbody tr');
    const texts = await rows.allTextContents();
    expect(texts[0]).toContain(`/order-management/v2/ecom/${orderId}`);
    const receiptRow = texts.find((t) => t.includes(`/order-management/v2/ecom/receipts/${orderId}`));
    expect(receiptRow).toContain('201');
    expect(texts.some((t) => t.includes('/accesstoken/get') && t.includes('200'))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/sandbox-demo-secret/);
    await page.screenshot({ path: path.join(screenshots, 'sandbox.png'), fullPage: true });
    await checkAccessibility('sandbox view, light theme');
  });

  it('injects a 503 for every call while the error share is 100 %, with a banner, and the log shows it', async () => {
    await view().getByLabel('Error share (%)').fill('100');
    await view().getByLabel('Error status', { exact: true }).selectOption('503');
    await view().getByRole('button', { name: 'Apply faults' }).click();
    const banner = view().getByTestId('sandbox-fault-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Every API call is answered with 503');

    const answer = await rpc('sendRequest', { request: { method: 'GET', url: `{{baseUrl}}/order-management/v2/ecom/${orderId}` }, label: 'fault check' });
    expect(answer.ok && answer.value.status).toBe(503);
    // The log refreshes itself every 2 seconds.
    await expect.poll(() => log().locator('tbody tr').first().textContent(), { timeout: 10_000 }).toMatch(/503.*error injected/);
    await page.screenshot({ path: path.join(screenshots, 'sandbox-faults.png') });
    await checkAccessibility('sandbox view with faults on');

    await banner.getByRole('button', { name: 'Turn faults off' }).click();
    await banner.waitFor({ state: 'detached' });
    const healed = await rpc('sendRequest', { request: { method: 'GET', url: `{{baseUrl}}/order-management/v2/ecom/${orderId}` }, label: 'after faults' });
    expect(healed.ok && healed.value.status).toBe(200);
  });

  it('passes the accessibility scan in the dark theme too', async () => {
    await page.getByLabel('Theme').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await checkAccessibility('sandbox view, dark theme');
    await page.screenshot({ path: path.join(screenshots, 'sandbox-dark.png') });
    await page.getByLabel('Theme').selectOption('light');
  });

  it('empties the sandbox after the reset is confirmed, from the keyboard', async () => {
    await view().getByRole('button', { name: 'Reset sandbox…' }).focus();
    await page.keyboard.press('Enter');
    const confirm = view().getByRole('group', { name: 'Confirm reset' });
    await confirm.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep everything');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await view().getByText(/No orders yet/).waitFor();
    await expect.poll(() => view().getByText('No requests yet.').count()).toBe(1);
    expect(await view().getByTestId('sandbox-counts').textContent()).toContain('0 orders');
  });

  it('found no serious or critical accessibility problem', () => {
    expect(axeFindings).toEqual([]);
  });

  it('ran without console errors or Content-Security-Policy violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
