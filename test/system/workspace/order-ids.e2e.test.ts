import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callHost } from '../../helpers/spawn-host';
import { openApp, showView, type AppSession } from '../e2e-app';

let app: AppSession;
let page: Page;

const KNOWN = 'e2e-known-ref-0001';

beforeAll(async () => {
  app = await openApp({ prefix: 'vx-order-ids-' });
  page = app.page;
  // The payment is made as the page would make it, on the Sandbox profile the app starts with.
  const created = await callHost<{ status: number }>(app.host, 'sendRequest', {
    request: {
      method: 'POST',
      url: '{{baseUrl}}/epayment/v1/payments',
      headers: [{ name: 'Content-Type', value: 'application/json', enabled: true }],
      body: JSON.stringify({ amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, reference: KNOWN, userFlow: 'QR' }),
    },
  });
  expect(created.ok && created.value.status).toBe(201);
  await showView(page, 'Requests');
});

afterAll(async () => {
  await app?.stop();
});

const warning = () => page.getByRole('alert', { name: 'Order id matches no payment' });

describe('an orderId that matches no payment, in the request editor', () => {
  it('gives no warning for the reference of a payment the app made', async () => {
    await page.getByRole('button', { name: 'New request', exact: true }).first().click();
    await page.getByLabel('Method').selectOption('PUT');
    await page.getByLabel('URL').fill(`{{baseUrl}}/order-management/v2/ecom/categories/${KNOWN}`);
    // The check follows the preview (a quarter second after typing stops); give it ample time to speak.
    await page.waitForTimeout(1_500);
    expect(await warning().count()).toBe(0);
  });

  it('warns for an id no payment has, offers the known ones, and one click puts it in the URL', async () => {
    await page.getByLabel('URL').fill('{{baseUrl}}/order-management/v2/ecom/categories/e2e-typo-ref-0001');
    await warning().waitFor();
    expect(await warning().textContent()).toContain('attaches it to nothing until a payment with that id exists');
    await warning().getByRole('button', { name: `Use order id ${KNOWN}` }).click();
    await expect.poll(() => page.getByLabel('URL').inputValue()).toBe(`{{baseUrl}}/order-management/v2/ecom/categories/${KNOWN}`);
    await expect.poll(() => warning().count(), { timeout: 5_000 }).toBe(0);
  });
});
