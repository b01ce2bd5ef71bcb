import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../../helpers/axe';
import { chooseTheme, openApp, readmeScreenshot, screenshotDir as screenshots, type AppSession } from '../e2e-app';

const STEP_NUMBERS = { setup: 1, token: 2, payment: 3, image: 4, category: 5, receipt: 6, readback: 7 } as const;
type StepId = keyof typeof STEP_NUMBERS;

let app: AppSession;
let page: Page;
const axeFindings: string[] = [];

beforeAll(async () => {
  // Tall enough that a step page, its request and its answer fit in one screenshot.
  app = await openApp({ prefix: 'vx-qs-', viewport: { width: 1280, height: 2000 } });
  page = app.page;
  await page.getByTestId('step-page-setup').waitFor();
});

afterAll(async () => {
  await app?.stop();
});

const stepPage = () => page.locator('article.qs-page');
const pill = (id: StepId) => page.getByTestId(`step-state-${id}`);

async function open(id: StepId): Promise<void> {
  await page.getByTestId(`step-link-${id}`).click();
  await page.getByTestId(`step-page-${id}`).waitFor();
}

async function checkAccessibility(label: string): Promise<void> {
  axeFindings.push(...(await seriousAxeFindings(page, label)));
}

/** The walk's pictures the README shows (tall: a step, its request and its answer in one). */
const README_PICTURES = new Set(['quickstart-1-setup', 'quickstart-7-readback', 'quickstart-ecom-dark-6-receipt', 'quickstart-6-receipt-write-once']);

async function capture(name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
  if (README_PICTURES.has(name)) await readmeScreenshot(page, name);
}

async function record(id: StepId, prefix: string): Promise<void> {
  await capture(`${prefix}-${STEP_NUMBERS[id]}-${id}`);
  await checkAccessibility(`${prefix} step ${STEP_NUMBERS[id]} (${id})`);
}

/** Clicks the step request's Send and waits for the pill to settle on the expected state. */
async function send(id: StepId, expected: { status: number; state: 'passed' | 'failed' }, scope: Locator = stepPage()): Promise<void> {
  await scope.getByRole('button', { name: 'Send', exact: true }).first().click();
  await expect.poll(() => pill(id).getAttribute('data-state'), { timeout: 20_000 }).toBe(expected.state);
  await expect.poll(() => scope.getByTestId('response-status').first().textContent()).toMatch(new RegExp(`^${expected.status}\\b`));
  // Polled: on the second walk the pill's state is already "passed" from the first while this send is still "Sent".
  await expect.poll(() => pill(id).textContent(), { timeout: 20_000 }).toBe(expected.state === 'passed' ? 'Passed' : 'Failed');
}

async function walkQuickStart(options: { api: 'ePayment API' | 'eCom API v2'; category: RegExp; categoryType: string; prefix: string }): Promise<void> {
  const { prefix } = options;

  await open('setup');
  await expect.poll(() => page.getByTestId('sandbox-keys').textContent()).toMatch(/client_id\s*set ••••/);
  await record('setup', prefix);
  await page.getByRole('button', { name: /^Continue with Sandbox/ }).click();
  await page.getByTestId('step-page-token').waitFor();
  expect(await pill('setup').getAttribute('data-state')).toBe('passed');

  await send('token', { status: 200, state: 'passed' });
  await expect.poll(() => stepPage().getByTestId('token-info').textContent()).toMatch(/State\s*valid/);
  await record('token', prefix);

  await open('payment');
  const apiChoice = stepPage().getByRole('radio', { name: new RegExp(`^${options.api}(?!,)`) });
  if (!(await apiChoice.isChecked())) {
    const before = await stepPage().getByTestId('order-id').textContent();
    // Choosing another API starts a new order; the radio follows once the backend has the new ids.
    await apiChoice.click();
    await expect.poll(() => apiChoice.isChecked()).toBe(true);
    await expect.poll(() => stepPage().getByTestId('order-id').textContent()).not.toBe(before);
  }
  const orderId = (await stepPage().getByTestId('order-id').textContent())!;
  expect(orderId).toMatch(/^[a-zA-Z0-9-]{8,50}$/);
  await send('payment', { status: options.api === 'ePayment API' ? 201 : 200, state: 'passed' });
  // No approve click: the sandbox's simulated customer answers the payment, and the page says what it did and when.
  const customer = page.getByRole('region', { name: 'Sandbox: the customer' });
  await expect.poll(() => customer.getByTestId('customer-act').textContent()).toMatch(/^The customer approved at \d\d:\d\d:\d\d \(the customer approves at once\)\.$/);
  expect(await customer.getByRole('button', { name: /Approve the payment/ }).count()).toBe(0);
  await record('payment', prefix);

  await open('image');
  await stepPage().getByRole('button', { name: 'Use the sample image' }).click();
  await send('image', { status: 200, state: 'passed' });
  await record('image', prefix);

  await open('category');
  await stepPage().getByRole('radio', { name: options.category }).check();
  await stepPage().getByRole('checkbox', { name: /Show the image from step 4/ }).check();
  await send('category', { status: 200, state: 'passed' });
  await record('category', prefix);

  await open('receipt');
  await expect.poll(() => stepPage().locator('.receipt-table input').first().inputValue()).toBe('Wool socks');
  await send('receipt', { status: 201, state: 'passed' });
  await record('receipt', prefix);

  await open('readback');
  await send('readback', { status: 200, state: 'passed' });
  const preview = page.getByTestId('order-preview');
  await preview.waitFor();
  expect(await preview.getByTestId('preview-category').getAttribute('data-category')).toBe(options.categoryType);
  const lines = await preview.getByTestId('preview-lines').textContent();
  for (const name of ['Wool socks', 'Gift wrapping', 'Home delivery']) expect(lines).toContain(name);
  expect(await preview.getByTestId('preview-total').textContent()).toBe('447,00\u00a0kr');
  expect(await preview.getByRole('img', { name: /Order image vx-img-/ }).count()).toBe(1);
  expect(await stepPage().getByTestId('response-explanation').textContent()).toContain('Order found');
  await record('readback', prefix);

  const steps = Object.keys(STEP_NUMBERS) as StepId[];
  for (const id of steps) expect(await pill(id).getAttribute('data-state'), id).toBe('passed');
}

describe('guided quick start in Chromium against the embedded sandbox', () => {
  it('walks every step with ePayment in the light theme: token, payment and approval, image, category, receipt, read back', async () => {
    await chooseTheme(page, 'light');
    await walkQuickStart({ api: 'ePayment API', category: /^Ticket/, categoryType: 'TICKET', prefix: 'quickstart' });
  });

  it('explains the write-once rule when the same receipt is sent a second time', async () => {
    await open('receipt');
    await send('receipt', { status: 409, state: 'failed' });
    const explanation = await stepPage().getByTestId('response-explanation').textContent();
    expect(explanation).toContain('Order details are write-once');
    expect(explanation).toMatch(/Start a new order/);
    await capture('quickstart-6-receipt-write-once');
  });

  it('names a trailing comma typed into a body and keeps Send off until it is fixed', async () => {
    await open('category');
    const panel = page.getByRole('region', { name: 'Set the category' });
    // As a user would: click the last property's line, go to its end and type a comma.
    const lines = panel.locator('.cm-content .cm-line');
    const count = await lines.count();
    await lines.nth(count - 2).click();
    await page.keyboard.press('End');
    await page.keyboard.type(',');
    await expect.poll(() => page.locator('#qs-category-body-status').textContent()).toMatch(new RegExp(`Trailing comma after the last property at line ${count - 1}`));
    expect(await panel.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'quickstart-5-category-trailing-comma.png') });
    await panel.getByRole('button', { name: 'Reset to template' }).click();
    const discard = panel.getByRole('button', { name: 'Discard my edits' });
    if (await discard.isVisible()) await discard.click();
    await expect.poll(() => page.locator('#qs-category-body-status').textContent()).not.toMatch(/Trailing comma/);
    expect(await panel.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(false);
  });

  it('copies a step as a curl command with the keys as shell variables, never their values', async () => {
    await app.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin });
    await open('token');
    await stepPage().getByRole('button', { name: /Copy “Get an access token” as a curl command/ }).click();
    await expect.poll(() => stepPage().getByRole('button', { name: /as a curl command/ }).textContent()).toBe('Copied');
    const command = await page.evaluate(() => navigator.clipboard.readText());
    expect(command).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/accesstoken\/get' \\$/m);
    expect(command).not.toContain('Accept-Encoding');
    expect(command).toContain('-H "client_id: $VIPPS_CLIENT_ID"');
    expect(command).toContain('-H "client_secret: $VIPPS_CLIENT_SECRET"');
    expect(command).toContain('-H "Ocp-Apim-Subscription-Key: $VIPPS_SUBSCRIPTION_KEY"');
    expect(command).toContain("-H 'Merchant-Serial-Number: 123456'");
    expect(command).toMatch(/--data ''$/);
    expect(command).not.toMatch(/sandbox-demo-secret|••••/);
  });

  it('moves between steps with the arrow keys in the stepper', async () => {
    await open('token');
    await page.getByTestId('step-link-token').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('step-page-payment').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('step-link-payment');
    await page.keyboard.press('Home');
    await page.getByTestId('step-page-setup').waitFor();
  });

  it('walks every step again with eCom v2 in the dark theme, on a new order', async () => {
    await chooseTheme(page, 'dark');
    await walkQuickStart({ api: 'eCom API v2', category: /^Receipt/, categoryType: 'RECEIPT', prefix: 'quickstart-ecom-dark' });
  });

  it('runs all steps in one go with Recurring, using the chargeId as the order id', async () => {
    await open('image');
    await stepPage().getByRole('button', { name: 'Use the sample image' }).click();
    await stepPage().getByRole('button', { name: 'Remove image' }).waitFor();
    await open('payment');
    const recurring = stepPage().getByRole('radio', { name: /Recurring API v3/ });
    await recurring.click();
    await expect.poll(() => recurring.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Run all steps' }).click();
    const status = page.getByTestId('run-all-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^All 6 requests passed/);
    for (const id of ['token', 'payment', 'image', 'category', 'receipt', 'readback'] as const) {
      expect(await pill(id).getAttribute('data-state'), id).toBe('passed');
    }
    expect(await page.getByTestId('order-preview').getByTestId('preview-total').textContent()).toBe('447,00\u00a0kr');
    await page.screenshot({ path: path.join(screenshots, 'quickstart-run-all-recurring.png') });
    await open('payment');
    const orderId = await stepPage().getByTestId('order-id').textContent();
    expect(await stepPage().getByTestId('response-explanation').first().textContent()).toContain(`chargeId "${orderId}"`);
  });

  it('found no serious or critical accessibility problem on any step, in either theme', () => {
    expect(axeFindings).toEqual([]);
  });

  it('ran without console errors or Content-Security-Policy violations', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
