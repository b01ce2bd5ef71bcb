import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_RECEIPT } from '../../../shared/quickstart/templates';
import { callHost } from '../../helpers/spawn-host';
import { json, randomKeys, startServer, tokenAnswer, type TestServer } from '../../unit/engine/harness';
import { openApp, showView, type AppSession } from '../e2e-app';

/**
 * "Production" is a server of this test on loopback: the host is started with
 * VIPPS_EXPLORER_TEST_PRODUCTION_URL, the app's seam for this, and the profile is a real
 * Production profile (environment "production", keys in the real keychain).
 */
let production: TestServer;
let app: AppSession;
let page: Page;

const ORDER = 'live-order-e2e-1';
const receiptCalls = () => production.requests.filter((r) => r.url.includes('/receipts/'));

beforeAll(async () => {
  production = await startServer((req, res) => {
    if (req.url === '/accesstoken/get') return json(res, 200, tokenAnswer('live-token-abcdefghijkl', Math.floor(Date.now() / 1000)));
    json(res, 201, {});
  });
  app = await openApp({ prefix: 'vx-prod-receipt-', env: { VIPPS_EXPLORER_TEST_PRODUCTION_URL: production.url } });
  page = app.page;
  const profile = await callHost<{ id: string }>(app.host, 'createProfile', { name: 'Live shop', environment: 'production', msn: '777777', secrets: randomKeys() });
  if (!profile.ok) throw new Error(profile.error.message);
  const active = await callHost(app.host, 'setActiveProfile', { id: profile.value.id });
  if (!active.ok) throw new Error(active.error.message);
  await page.reload();
  await showView(page, 'Requests');
});

afterAll(async () => {
  await app?.stop();
  await production?.close();
});

describe('a receipt sent to Production', () => {
  const goodReceipt = JSON.stringify({ ...SAMPLE_RECEIPT, bottomLine: { currency: 'NOK', receiptNumber: 'R-1' } });
  const typeBody = async (text: string) => {
    await page.getByRole('textbox', { name: 'Request body' }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(text);
  };

  it('"Check only" names a broken rule and sends nothing; Send refuses it before Production', async () => {
    await page.getByRole('button', { name: 'New request', exact: true }).first().click();
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('URL').fill(`{{baseUrl}}/order-management/v2/ecom/receipts/${ORDER}`);
    await page.getByRole('tab', { name: /^Body/ }).click();
    await page.getByRole('radio', { name: 'JSON' }).check();
    const broken = JSON.parse(goodReceipt) as typeof SAMPLE_RECEIPT;
    broken.orderLines[0]!.totalTaxAmount = 1;
    await typeBody(JSON.stringify(broken));
    const check = page.getByRole('button', { name: 'Check only' });
    await expect.poll(() => check.isEnabled()).toBe(true);
    await check.click();
    const status = page.getByRole('status', { name: 'Rule check' });
    await expect.poll(() => status.textContent()).toContain('orderLines[0].totalTaxAmount');
    expect(await status.textContent()).toContain('nothing was sent');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.getByText(/Not sent to Production: A receipt for order/).count()).toBe(1);
    expect(receiptCalls()).toHaveLength(0);
  });

  it('asks first, naming that the receipt can be sent once and never changed, and sends nothing until confirmed', async () => {
    await typeBody(goodReceipt);
    const check = page.getByRole('button', { name: 'Check only' });
    await expect.poll(async () => {
      await check.click();
      return page.getByRole('status', { name: 'Rule check' }).textContent();
    }).toContain('Every rule for an Order Management receipt passes. Nothing was sent.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const confirmation = page.getByRole('alert', { name: 'Production confirmation' });
    await confirmation.waitFor();
    const text = await confirmation.textContent();
    expect(text).toContain(`A receipt for order "${ORDER}" can be sent once; it cannot be changed or removed`);
    expect(text).toContain('cannot be undone');
    expect(receiptCalls()).toHaveLength(0);

    await confirmation.getByRole('button', { name: 'Send to Production' }).click();
    await page.getByTestId('response-status').waitFor();
    expect(await page.getByTestId('response-status').textContent()).toMatch(/^201\b/);
    expect(receiptCalls()).toHaveLength(1);
  });
});
