import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from '../e2e-app';

/**
 * Issue 21's walk, counted: from the first screen, a new request sent, saved into a new
 * collection and run. Postman users did it in 9 clicks and 6 key presses; the goal is at most 6
 * clicks. Every click goes through `click`, so the count is the walk's, not a guess.
 */

let app: AppSession;
let page: Page;
let clicks = 0;
const steps: string[] = [];

async function click(locator: Locator, what: string, options: { button?: 'right' } = {}): Promise<void> {
  await locator.click(options);
  clicks += 1;
  steps.push(what);
}

beforeAll(async () => {
  app = await openApp({ prefix: 'vx-six-' });
  page = app.page;
  await page.getByTestId('step-page-setup').waitFor();
});

afterAll(async () => {
  await app?.stop();
});

describe('from the first screen to a run, by mouse and the usual keys', () => {
  it('new request, send, save into a new collection and run it takes at most 6 clicks', async () => {
    // New request: Ctrl+N, the focus is already in the URL (no click).
    await page.keyboard.press('Control+N');
    await page.keyboard.type('{{baseUrl}}/epayment/v1/payments/six-clicks-1');
    await click(page.getByRole('button', { name: 'Send', exact: true }), 'Send');
    await expect.poll(() => page.getByTestId('response-status').textContent(), { timeout: 20_000 }).toMatch(/^\d{3}/);

    await click(page.getByRole('button', { name: /^Save/ }).first(), 'Save');
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.getByLabel('Request name').fill('Get one payment');
    // A fresh data folder has only the built-in quick start, so "New collection…" is chosen already.
    expect(await dialog.getByLabel('Collection', { exact: true }).inputValue()).not.toBe('');
    await click(dialog.getByRole('button', { name: 'Save', exact: true }), 'Save in the dialog');
    await expect.poll(() => dialog.count()).toBe(0);

    const tree = page.getByRole('tree', { name: 'Collections' });
    await click(tree.getByRole('treeitem', { name: 'My requests' }), 'Open the menu of the new collection', { button: 'right' });
    await click(page.getByRole('menuitem', { name: 'Run all', exact: true }), 'Run all');
    await click(page.getByRole('button', { name: 'Run', exact: true }), 'Run');
    const summary = page.getByTestId('run-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/Requests: \d passed, \d failed of 1(?!\d)/);

    expect(steps).toHaveLength(clicks);
    expect(clicks, steps.join(', ')).toBeLessThanOrEqual(6);
  });
});
