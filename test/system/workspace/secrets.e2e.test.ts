import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, json, startServer, type TestServer } from '../../unit/engine/harness';
import { openApp, showView, type AppSession } from '../e2e-app';

const COLLECTION_SECRET = 'e2e-collection-secret-7c41a9';
const ENV_SECRET = 'e2e-environment-secret-2b8d50';

let app: AppSession;
let page: Page;
let pageErrors: string[];
let dataDir: string;
let server: TestServer;

beforeAll(async () => {
  // The echo answers with what it got, so the test can see the page never shows it.
  server = await startServer((req, res) => json(res, 200, { path: req.url, auth: req.headers.authorization ?? null }));
  app = await openApp({ prefix: 'vx-secrets-' });
  ({ page, pageErrors, dataDir } = app);
});

afterAll(async () => {
  await app?.stop();
  await server?.close();
});

const nav = (name: string) => showView(page, name);
const tree = () => page.getByRole('tree', { name: 'Collections' });
const item = (name: string) => tree().getByRole('treeitem', { name: new RegExp(`^${name}(, [A-Z]+)?$`) });
async function menu(on: Locator, entry: string): Promise<void> {
  await on.click({ button: 'right' });
  await page.getByRole('menuitem', { name: entry, exact: true }).click();
}
/** Puts the URL field's caret inside the first occurrence of `{{name}}`, as a user clicking into it would. */
async function caretInto(url: Locator, name: string): Promise<void> {
  await url.evaluate((element, variable) => {
    const input = element as HTMLInputElement;
    const at = input.value.indexOf(`{{${variable}}}`) + 3;
    input.focus();
    input.setSelectionRange(at, at);
  }, name);
  await url.press('ArrowRight');
}

describe('secret variables from the editor, in Chromium against the real backend and keychain', () => {
  it('keeps an environment secret write-only in the environment editor', async () => {
    await nav('Environments');
    const form = page.getByRole('form', { name: 'Environment Sandbox' });
    await form.getByRole('button', { name: 'Add variable' }).click();
    await form.getByLabel('Variable 1 name').fill('envKey');
    await form.getByLabel('Variable 1 value').fill(ENV_SECRET);
    await form.getByLabel('Variable envKey is secret').check();
    await form.getByRole('button', { name: 'Save environment' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved.');
    const value = form.getByLabel('Variable 1 value');
    expect(await value.inputValue()).toBe('');
    expect(await value.getAttribute('type')).toBe('password');
    expect(await value.getAttribute('placeholder')).toContain(ENV_SECRET.slice(-4));
  });

  it('sends a saved request with a secret collection variable and a secret environment variable, with an unsaved edit, masking both', async () => {
    await nav('Requests');
    await page.getByRole('button', { name: 'New request', exact: true }).first().click();
    const url = page.getByLabel('URL');
    await url.fill(`${server.url}/saved/{{apiToken}}`);
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.getByLabel('Request name').fill('Hook');
    await dialog.getByLabel('Name of the new collection').fill('Secret requests');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await item('Hook').waitFor();

    await menu(item('Secret requests'), 'Settings and variables');
    const settings = page.getByRole('region', { name: /^Collection “Secret requests”/ });
    await settings.getByRole('button', { name: 'Add variable' }).click();
    await settings.getByLabel('Variable 1 name').fill('apiToken');
    await settings.getByLabel('Variable 1 value').fill(COLLECTION_SECRET);
    await settings.getByLabel('Variable apiToken is secret').check();
    await settings.getByRole('button', { name: 'Save variables' }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toBe('Saved.');

    await nav('Requests');
    await item('Hook').click();
    // The unsaved edit: another path, and the environment secret as a query value.
    await url.fill(`${server.url}/edited/{{apiToken}}?k={{envKey}}`);
    await expect.poll(() => page.getByTestId('unsaved-marker').count()).toBe(1);

    const popover = page.getByTestId('variable-popover');
    await caretInto(url, 'apiToken');
    await expect.poll(() => popover.textContent()).toContain('collection “Secret requests”');
    expect(await popover.textContent()).toContain('secret, kept in the keychain');
    await caretInto(url, 'envKey');
    await expect.poll(() => popover.textContent()).toContain('environment “Sandbox”');
    expect(await popover.textContent()).toContain('secret, kept in the keychain');

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const status = page.getByTestId('response-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^200\b/);
    expect(server.requests.map((r) => r.url)).toEqual([`/edited/${COLLECTION_SECRET}?k=${ENV_SECRET}`]);
    await page.getByRole('tab', { name: /^Tests/ }).waitFor();
    // The echo carried both values back; the window shows placeholders.
    const shown = await page.locator('body').innerText();
    expect(shown).not.toContain(COLLECTION_SECRET);
    expect(shown).not.toContain(ENV_SECRET);
    expect(await page.content()).not.toContain(ENV_SECRET);
    expect(filesUnder(dataDir).filter((file) => fs.readFileSync(file).toString('latin1').includes(COLLECTION_SECRET) || fs.readFileSync(file).toString('latin1').includes(ENV_SECRET))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
