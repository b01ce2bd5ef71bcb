import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../unit/engine/harness';
import { openApp, showView, type AppSession } from '../e2e-app';

const HOOK_KEY = 'e2e-hook-secret-5d19c3a7';

let app: AppSession;
let page: Page;
let pageErrors: string[];
let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => json(res, 200, { path: req.url }));
  app = await openApp({ prefix: 'vx-secret-hosts-' });
  ({ page, pageErrors } = app);
});

afterAll(async () => {
  await app?.stop();
  await server?.close();
});

/** The server listens on 127.0.0.1, the Sandbox profile's host; "localhost" names the same machine as another host. */
const foreignUrl = () => `http://localhost:${server.port}/hook?k={{hookKey}}`;

async function send(): Promise<void> {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

describe('a secret stays on its allowed hosts, in Chromium against the real backend and keychain', () => {
  it('refuses to send a secret variable to another host, in the response panel, and sends it once the user allows that host in the environment form', async () => {
    await showView(page, 'Environments');
    const form = page.getByRole('form', { name: 'Environment Sandbox' });
    await form.getByRole('button', { name: 'Add variable' }).click();
    await form.getByLabel('Variable 1 name').fill('hookKey');
    await form.getByLabel('Variable 1 value').fill(HOOK_KEY);
    await form.getByLabel('Variable hookKey is secret').check();
    await form.getByRole('button', { name: 'Save environment' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved.');
    // The form says where the secret may go by default.
    expect(await form.getByText('(on any port)', { exact: false }).textContent()).toContain('127.0.0.1');

    await showView(page, 'Requests');
    await page.getByRole('button', { name: 'New request', exact: true }).first().click();
    await page.getByLabel('URL').fill(foreignUrl());
    await send();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not sent' });
    await refusal.waitFor();
    const message = await refusal.textContent();
    expect(message).toContain('secret variable hookKey of profile “Sandbox” may only go to 127.0.0.1; this request goes to localhost');
    expect(message).toContain('Add localhost to the secret');
    expect(server.requests).toHaveLength(0);

    await showView(page, 'Environments');
    const hosts = form.getByLabel('Allowed hosts for hookKey');
    await hosts.fill('localhost');
    await form.getByRole('button', { name: 'Save environment' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved.');
    expect(await hosts.inputValue()).toBe('localhost');

    await showView(page, 'Requests');
    await send();
    const status = page.getByTestId('response-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^200\b/);
    expect(server.requests.map((r) => r.url)).toEqual([`/hook?k=${HOOK_KEY}`]);
    expect(await page.locator('body').innerText()).not.toContain(HOOK_KEY);
    expect(pageErrors).toEqual([]);
  });
});
