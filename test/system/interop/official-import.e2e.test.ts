import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reference } from '../../unit/interop/reference';
import { openApp, readmeScreenshot, type AppSession } from '../e2e-app';

/**
 * Vipps' own ePayment collection imported alone (no environment file), the common case, in
 * Chromium at 1280×800, by roles, labels and text only: the preview says the key-header note
 * once, nothing is left undefined on the Sandbox, and Run in the dialog starts the run and shows
 * it in the Runner. Reads ../shared (the team's reference folder); skips, saying so, without it.
 */
const { path: file, missing } = reference('fixtures/postman/tools_epayment-api-postman-collection.json', 'The official ePayment import e2e');

/**
 * What fails in the official order, and why the real test environment refuses it too: the file
 * runs "Cancel payment" on its last payment before capturing, refunding and force-approving it,
 * and that payment (a card payment) asked for no profile, so "Get payment" sets no `sub`.
 */
const REFUSED_AS_IN_THE_TEST_ENVIRONMENT = ['Capture payment', 'Refund payment', 'Force approve payment', 'Get Userinfo'];

let app: AppSession;
let page: Page;

describe.skipIf(missing)('the official ePayment collection imported alone, in Chromium', () => {
  beforeAll(async () => {
    app = await openApp({ prefix: 'vx-official-import-', viewport: { width: 1280, height: 800 } });
    page = app.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Requests', exact: true }).click();
    await page.getByRole('button', { name: 'Import / export', exact: true }).click();
  });
  afterAll(async () => app?.stop());

  const dialog = () => page.getByRole('dialog', { name: 'Import and export' });

  it('previews 14 requests with the key-header note said once and nothing left undefined on the Sandbox', async () => {
    await dialog().getByLabel('File').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.textContent()).toContain('14 requests');
    const text = (await preview.textContent()) ?? '';
    expect(text.match(/key headers \(client_id/g)).toHaveLength(1);
    expect(text).toContain('14 requests now sign with the profile’s Vipps auth');
    // Per request, only what differs: no request of this file has anything of its own to say.
    expect(await preview.getByRole('list', { name: /^Not imported for/ }).count()).toBe(0);
    // amount, currency, payment_token…: the Sandbox profile's demo values define them.
    expect(await page.getByTestId('import-undefined').count()).toBe(0);
    await readmeScreenshot(page, 'import-preview');
  });

  it('imports, brings the result and its Run into view, and Run shows the run in the Runner', async () => {
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.textContent()).toContain('Imported 14 requests into “ePayment API v1 - Collection”');
    const run = page.getByRole('button', { name: 'Run “ePayment API v1 - Collection”' });
    await expect.poll(() => run.evaluate((button) => button === document.activeElement)).toBe(true);
    // In view, not below the fold of the long preview.
    expect(await run.evaluate((button) => { const box = button.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; })).toBe(true);
    await readmeScreenshot(page, 'import-result');
    await run.click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Runner', level: 1 }).waitFor();
    await page.getByTestId('run-summary').waitFor({ timeout: 90_000 });
    const rows = page.getByTestId('run-row');
    expect(await rows.count()).toBe(14);
    const failed: string[] = [];
    for (const row of await rows.all()) {
      const text = (await row.textContent()) ?? '';
      if (/ failed/.test(text)) failed.push(REFUSED_AS_IN_THE_TEST_ENVIRONMENT.find((name) => text.includes(name)) ?? text);
      // No request goes out with a {{name}} nobody set, but Get Userinfo's {{sub}} (see above).
      if (!text.includes('Get Userinfo')) expect(text).not.toMatch(/\{\{|unresolved/i);
    }
    expect(failed).toEqual(REFUSED_AS_IN_THE_TEST_ENVIRONMENT);
    expect(await page.getByTestId('run-summary').textContent()).toContain('Requests: 10 passed, 4 failed of 14');
    expect(app.pageErrors).toEqual([]);
  });

  it('in the Runner’s run order, Cancel moved last and the profile payment after the card one (Vipps’ quick-start order): all 14 run, at least 12 pass', async () => {
    await page.getByText(/^Run order: all 14 requests/).click();
    const order = page.getByRole('list', { name: 'Run order' });
    // Cancel is the quick start's last, optional step: by keyboard, Alt+↓ until it is at the end.
    const cancel = order.getByRole('checkbox', { name: /Cancel payment/ });
    await cancel.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await order.getByRole('listitem').last().textContent()) ?? '').toContain('Cancel payment');
    expect(await cancel.evaluate((box) => box === document.activeElement)).toBe(true);
    // The payment that asks for a profile becomes the last one created, so Get payment reads its sub.
    await order.getByRole('button', { name: 'Move Create payment - User info down' }).click();
    await expect.poll(() => page.getByText(/^Run order: 14 of 14 requests, in your order/).count()).toBe(1);
    await readmeScreenshot(page, 'runner-order');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const summary = page.getByTestId('run-summary');
    await expect.poll(async () => (await summary.textContent()) ?? '', { timeout: 90_000 }).not.toContain('10 passed, 4 failed');
    await expect.poll(async () => (await summary.textContent()) ?? '', { timeout: 90_000 }).toMatch(/Requests: \d+ passed, \d+ failed of 14/);
    const rows = await page.getByTestId('run-row').all();
    expect(rows).toHaveLength(14);
    const texts = await Promise.all(rows.map(async (row) => (await row.textContent()) ?? ''));
    expect(texts.at(-1)).toContain('Cancel payment');
    const passed = texts.filter((text) => !/ failed/.test(text));
    expect(passed.length).toBeGreaterThanOrEqual(12);
    for (const name of ['Capture payment', 'Refund payment', 'Get Userinfo']) expect(passed.some((text) => text.includes(name)), name).toBe(true);
    for (const text of texts) expect(text).not.toMatch(/\{\{|unresolved/i);
    console.info(`The official ePayment collection in Vipps' quick-start order: ${await summary.textContent()}`);
    expect(app.pageErrors).toEqual([]);
  });
});
