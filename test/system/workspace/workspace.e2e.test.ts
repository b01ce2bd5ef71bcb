import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../../helpers/axe';
import { inViewport as insideWindow, openApp, screenshotDir as screenshots, showView as nav, type AppSession } from '../e2e-app';

let app: AppSession;
let page: Page;
let pageErrors: string[];
let dataDir: string;

beforeAll(async () => {
  app = await openApp({ prefix: 'vx-ws-' });
  ({ page, pageErrors, dataDir } = app);
  await nav(page, 'Requests');
});

afterAll(async () => {
  await app?.stop();
});

const tree = () => page.getByRole('tree', { name: 'Collections' });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A row by its name; a request's accessible name also says its method ("Get payment, GET"). */
const item = (name: string) => tree().getByRole('treeitem', { name: new RegExp(`^${escape(name)}(, [A-Z]+)?$`) });

/** The names of the tree's rows, top to bottom, with their level: "2 Orders". */
async function treeOutline(): Promise<string[]> {
  return tree()
    .getByRole('treeitem')
    .evaluateAll((rows) =>
      rows
        .map((row) => ({ top: new DOMMatrixReadOnly(getComputedStyle(row).transform).m42, text: `${row.getAttribute('aria-level')} ${row.querySelector('.tree-name, .tree-rename')?.textContent ?? ''}` }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.text),
    )
    .then((rows) => rows.filter((row) => !row.startsWith('1 Quick start')));
}

async function menu(on: Locator, entry: string): Promise<void> {
  await on.click({ button: 'right' });
  await page.getByRole('menuitem', { name: entry, exact: true }).click();
}

const inViewport = (locator: Locator) => insideWindow(page, locator);

describe('workspace in Chromium against the real backend', () => {
  it('sends a new request and shows the answer beside it without scrolling at 1280×800', async () => {
    await page.getByRole('button', { name: 'New request', exact: true }).first().click();
    await page.getByLabel('Method').selectOption('GET');
    await page.getByLabel('URL').fill('{{baseUrl}}/epayment/v1/payments/no-such-payment-1?expand=all');
    await expect.poll(() => page.getByRole('tab', { name: /^Params/ }).textContent()).toBe('Params (1)');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const status = page.getByTestId('response-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^\d{3}\b/);
    expect(await inViewport(status)).toBe(true);
    expect(await page.getByTestId('unsaved-marker').count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'workspace-request.png') });
  });

  it('saves it into a new collection with Ctrl+S, then renames, moves and reorders in the tree', async () => {
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.getByLabel('Request name').fill('Get payment');
    await dialog.getByLabel('Name of the new collection').fill('Team requests');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await item('Get payment').waitFor();
    expect(await page.getByTestId('unsaved-marker').count()).toBe(0);

    // A folder, renamed as it is made.
    await menu(item('Team requests'), 'New folder');
    const rename = tree().getByRole('textbox');
    await rename.fill('Orders');
    await rename.press('Enter');
    await item('Orders').waitFor();

    // A second request, renamed with F2 from the keyboard.
    await menu(item('Team requests'), 'New request');
    await item('New request').click();
    await page.keyboard.press('F2');
    await tree().getByRole('textbox').fill('List orders');
    await page.keyboard.press('Enter');
    await item('List orders').waitFor();

    // Drag "Get payment" into the folder, then "List orders" too, and put it first with Alt+↑.
    await item('Get payment').dragTo(item('Orders'));
    await expect.poll(treeOutline).toEqual(['1 Team requests', '2 Orders', '3 Get payment', '2 List orders']);
    await item('List orders').dragTo(item('Orders'));
    await expect.poll(treeOutline).toEqual(['1 Team requests', '2 Orders', '3 Get payment', '3 List orders']);
    await item('List orders').click();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(treeOutline).toEqual(['1 Team requests', '2 Orders', '3 List orders', '3 Get payment']);
    await page.screenshot({ path: path.join(screenshots, 'workspace-tree.png') });
  });

  it('keeps the collection, its order and the open tabs after a reload', async () => {
    await page.reload();
    await nav(page, 'Requests');
    await item('Team requests').click();
    await item('Orders').click();
    await expect.poll(treeOutline).toEqual(['1 Team requests', '2 Orders', '3 List orders', '3 Get payment']);
    const tabs = page.getByRole('navigation', { name: 'Open requests' });
    await expect.poll(() => tabs.getByTestId('request-tab').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Get payment'), expect.stringContaining('List orders')]));
    // The saved tab still points at the moved file: editing and saving it works.
    await tabs.getByTestId('request-tab').filter({ hasText: 'Get payment' }).getByRole('button').first().click();
    await page.getByLabel('URL').fill('{{baseUrl}}/epayment/v1/payments/another-1');
    await expect.poll(() => page.getByTestId('unsaved-marker').count()).toBe(1);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('unsaved-marker').count()).toBe(0);
  });

  it('finds a request by a word in its URL', async () => {
    await page.getByLabel('Search requests').fill('another-1');
    const hit = page.getByRole('button', { name: /Get payment/ }).filter({ hasText: 'url' });
    await hit.waitFor();
    await page.getByLabel('Search requests').fill('');
  });

  it('has no serious or critical accessibility issue in either theme', async () => {
    const findings: string[] = [];
    findings.push(...(await seriousAxeFindings(page, 'requests, light')));
    await item('Team requests').click({ button: 'right' });
    await page.getByRole('menu').waitFor();
    findings.push(...(await seriousAxeFindings(page, 'tree menu, light')));
    await page.keyboard.press('Escape');
    await page.getByLabel('Theme').selectOption('dark');
    findings.push(...(await seriousAxeFindings(page, 'requests, dark')));
    await page.screenshot({ path: path.join(screenshots, 'workspace-dark.png') });
    await page.getByLabel('Theme').selectOption('light');
    expect(findings, findings.join('\n')).toEqual([]);
    expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});

describe('runner and history views', () => {
  it('runs the collection in the runner view, with progress and a summary', async () => {
    await nav(page, 'Runner');
    await page.locator('#run-collection').selectOption({ label: 'Team requests' });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const summary = page.getByTestId('run-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/of 2/);
    expect(await page.getByTestId('run-row').count()).toBe(2);
    expect(await page.getByRole('progressbar').getAttribute('value')).toBe('2');
    const findings = await seriousAxeFindings(page, 'runner');
    expect(findings, findings.join('\n')).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'workspace-runner.png') });
  });

  it('opens a history entry and sends it again from a tab', async () => {
    await nav(page, 'History');
    const list = page.getByRole('listbox', { name: /Sent requests/ });
    await list.getByRole('option').first().click();
    await page.getByTestId('history-detail').waitFor();
    const findings = await seriousAxeFindings(page, 'history');
    expect(findings, findings.join('\n')).toEqual([]);
    const before = await list.getByRole('option').count();
    await page.getByRole('button', { name: 'Send again' }).click();
    // The history's own viewer shows a status too: wait for the one in the Requests view.
    await page.getByRole('region', { name: 'Requests' }).getByTestId('response-status').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Requests' }).getAttribute('aria-current')).toBe('page');
    await nav(page, 'History');
    await expect.poll(() => page.getByRole('listbox', { name: /Sent requests/ }).getByRole('option').count()).toBe(before + 1);
  });
});

/** Every file under a folder whose bytes contain the text. */
function filesContaining(root: string, text: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (fs.readFileSync(full).includes(text)) found.push(full);
    }
  };
  walk(root);
  return found;
}

describe('variables', () => {
  it('keeps a collection’s secret variable in the keychain, and shows a plain one in the URL’s popover', async () => {
    await nav(page, 'Requests');
    await menu(item('Team requests'), 'Settings and variables');
    const settings = page.getByRole('region', { name: /^Collection “Team requests”/ });
    await settings.getByRole('button', { name: 'Add variable' }).click();
    await settings.getByLabel('Variable 1 name').fill('paymentRef');
    await settings.getByLabel('Variable 1 value').fill('pay-ref-1234');
    await settings.getByRole('button', { name: 'Add variable' }).click();
    await settings.getByLabel('Variable 2 name').fill('partnerToken');
    await settings.getByLabel('Variable 2 value').fill('very-secret-partner-token-42');
    await settings.getByLabel('Variable partnerToken is secret').check();
    await settings.getByRole('button', { name: 'Save variables' }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toBe('Saved.');
    expect(filesContaining(dataDir, 'very-secret-partner-token-42')).toEqual([]);
    const findings = [...(await seriousAxeFindings(page, 'environments'))];
    expect(findings, findings.join('\n')).toEqual([]);

    await item('Get payment').click();
    const url = page.getByLabel('URL');
    await url.fill('{{baseUrl}}/epayment/v1/payments/{{paymentRef}}');
    await url.press('ArrowLeft');
    await url.press('ArrowLeft');
    await url.press('ArrowLeft');
    const popover = page.getByTestId('variable-popover');
    await expect.poll(() => popover.textContent()).toContain('pay-ref-1234');
    expect(await popover.textContent()).toContain('collection “Team requests”');
  });
});
