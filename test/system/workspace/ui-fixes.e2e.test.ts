import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPageErrors } from '../../helpers/chromium';
import { callHost, spawnHost, type SpawnedHost } from '../../helpers/spawn-host';
import { tempDir } from '../../helpers/temp';
import { newRequest } from '../../../shared/model/request';
import { chooseTheme, inViewport, openApp, showView, type AppSession } from '../e2e-app';

/**
 * Issue 23's broken and rough spots that part B fixed, in Chromium at 1280×800 against the real
 * host, seen only through roles, labels and text: keys typed where no keychain works, and the
 * environment switch showing in the status bar at once.
 */

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('keys typed where the OS keychain cannot be used', () => {
  let browser: BrowserContext;
  let host: SpawnedHost;
  let page: Page;
  let dataDir: string;
  let pageErrors: string[];
  // Values that look like keys and appear nowhere else, so a copy on disk would be found.
  const clientId = 'nokeychain-client-7f3a9c1e';
  const clientSecret = 'nokeychain-secret-2b8d4e6f';
  const subscriptionKey = 'nokeychain-subscription-5c1a';

  beforeAll(async () => {
    dataDir = tempDir('vx-no-keychain-');
    // A session bus address that leads nowhere: keytar loads, and every Secret Service call fails
    // the way it does on a desktop with no keyring running.
    host = await spawnHost('web', ['--no-open', '--port', '0', '--data-dir', dataDir], { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/vx-no-bus', DISPLAY: '' });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    pageErrors = watchPageErrors(page);
    await page.goto(host.url);
    await page.getByTestId('step-page-setup').waitFor();
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
  });

  it('says why before a key is typed, refuses the save with the reason and keeps the typed key', async () => {
    await showView(page, 'Environments');
    await page.getByRole('button', { name: 'New environment…' }).click();
    const detail = page.locator('.env-detail');
    await detail.getByLabel('Name', { exact: true }).fill('Shop without keychain');
    await detail.getByLabel('Merchant Serial Number (MSN)').fill('112233');
    await detail.getByRole('button', { name: 'Create profile' }).click();

    const keys = page.getByRole('region', { name: 'Keys for Shop without keychain' });
    const reason = keys.getByRole('alert').filter({ hasText: 'Keys cannot be saved in the OS keychain.' });
    await reason.waitFor();
    expect(await reason.textContent()).toContain('D-Bus');

    const idField = keys.getByLabel('client_id', { exact: true });
    await idField.fill(clientId);
    await keys.getByRole('button', { name: 'Save', exact: true }).first().click();
    const refused = keys.getByRole('alert').filter({ hasText: 'Not saved' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('the OS keychain cannot be used');
    // Nothing vanished: the key is still where it was typed, and it is not shown as set.
    expect(await idField.inputValue()).toBe(clientId);
    expect(await keys.getByTestId('key-state-client_id').textContent()).toContain('not set');
  });

  it('keeps the typed keys in memory for this run once the user agrees, and writes none of them to disk', async () => {
    const keys = page.getByRole('region', { name: 'Keys for Shop without keychain' });
    await keys.getByLabel('client_secret', { exact: true }).fill(clientSecret);
    await keys.getByRole('button', { name: 'Keep keys in memory for this run and save the 2 typed keys' }).click();
    await expect.poll(() => keys.getByRole('status').filter({ hasText: 'client_id, client_secret kept in memory for this run.' }).count()).toBe(1);
    await expect.poll(() => keys.getByTestId('key-state-client_id').textContent()).toContain('set ••••9c1e');
    await expect.poll(() => keys.getByTestId('key-state-client_secret').textContent()).toContain('set ••••4e6f');
    expect(await keys.getByLabel('client_id', { exact: true }).inputValue()).toBe('');
    expect(await keys.getByText('Keys are kept in memory for this run only').count()).toBe(1);

    // From now on a single key saves to memory straight away.
    await keys.getByLabel('Subscription key (Ocp-Apim-Subscription-Key)').fill(subscriptionKey);
    await keys.getByLabel('Subscription key (Ocp-Apim-Subscription-Key)').press('Enter');
    await expect.poll(() => keys.getByRole('status').filter({ hasText: 'subscription_key' }).count()).toBe(1);
    await expect.poll(() => keys.getByTestId('key-state-subscription_key').textContent()).toContain('set ••••5c1a');

    // The backend agrees: all three keys are set for this run, and the page never learnt a value.
    const listed = await callHost<{ profiles: Array<{ name: string; secrets: Record<string, { set: boolean }> }> }>(host, 'listProfiles', {});
    expect(listed.ok && listed.value.profiles.find((p) => p.name === 'Shop without keychain')?.secrets).toMatchObject({ client_id: { set: true }, client_secret: { set: true }, subscription_key: { set: true } });
    const onDisk = filesUnder(dataDir).filter((file) => {
      const text = fs.readFileSync(file).toString('latin1');
      return [clientId, clientSecret, subscriptionKey].some((value) => text.includes(value));
    });
    expect(onDisk).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('folds the "keychain cannot be used" notice into one line of the status bar once read', async () => {
    const banner = page.getByRole('region', { name: 'Notices' }).getByTestId('notice').filter({ hasText: 'keychain' });
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
    const tall = (await banner.boundingBox())!.height;
    await banner.getByRole('button', { name: /^Got it/ }).click();
    await expect.poll(() => banner.count()).toBe(0);
    // Still there to read, on the status bar's one line, and it opens again from there.
    const statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
    const line = statusBar.getByRole('button', { name: /1 notice: .*keychain/ });
    expect(await line.count()).toBe(1);
    const lineHeight = (await line.boundingBox())!.height;
    const barHeight = (await statusBar.boundingBox())!.height;
    console.log(`keychain notice: ${tall.toFixed(0)} px as a banner, ${lineHeight.toFixed(0)} px line in a ${barHeight.toFixed(0)} px status bar once read`);
    expect(lineHeight).toBeLessThan(24);
    expect(barHeight).toBeLessThan(40);
    await line.click();
    await expect.poll(() => banner.count()).toBe(1);
  });
});

describe('the environment switch', () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ prefix: 'vx-ui-fixes-' });
    page = app.page;
    await page.getByTestId('step-page-setup').waitFor();
    // Set-up behind the UI: a second profile to switch to (keys go to the session's real keychain).
    const created = await callHost(app.host, 'createProfile', {
      name: 'Switch target',
      environment: 'test',
      msn: '223344',
      secrets: { client_id: 'switch-client', client_secret: 'switch-secret-value', subscription_key: 'switch-subscription' },
    });
    expect(created.ok).toBe(true);
    // A collection long enough to scroll, with the request to find in a folder at its end.
    const collection = await callHost<{ id: string }>(app.host, 'createCollection', { name: 'Tree fixes' });
    if (!collection.ok) throw new Error(collection.error.message);
    const addRequest = (parentPath: string, name: string, url: string) =>
      callHost(app.host, 'createItem', { collectionId: collection.value.id, parentPath, item: { kind: 'request', name, source: { kind: 'request', request: newRequest({ name, url }) } } });
    for (let i = 1; i <= 40; i++) await addRequest('', `Filler ${String(i).padStart(2, '0')}`, `{{baseUrl}}/filler/${i}`);
    const folder = await callHost<{ path: string }>(app.host, 'createItem', { collectionId: collection.value.id, parentPath: '', item: { kind: 'folder', name: 'Deep folder' } });
    if (!folder.ok) throw new Error(folder.error.message);
    for (const [name, url] of [['First in folder', '/first'], ['Needle request', '/needle-7c2e'], ['Last in folder', '/last']] as const) await addRequest(folder.value.path, name, `{{baseUrl}}${url}`);
    await page.reload();
    await page.getByTestId('step-page-setup').waitFor();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('brings the read-back answer into view after Run all, as Send does', async () => {
    // The smallest window the issue walked: the read-back page's answer starts below its fold.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('button', { name: 'Run all steps' }).click();
    await expect.poll(() => page.getByTestId('run-all-status').textContent(), { timeout: 90_000 }).toMatch(/^All \d+ requests passed/);
    const answer = page.getByTestId('step-page-readback').getByTestId('response-status');
    await expect.poll(() => answer.textContent()).toMatch(/^200\b/);
    console.log('read-back status box after Run all', JSON.stringify(await answer.boundingBox()));
    await expect.poll(() => inViewport(page, answer)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows in the status bar within 200 ms of the choice, and settles on the backend’s answer', async () => {
    const switcher = page.getByLabel('Active environment', { exact: true });
    await expect.poll(() => switcher.locator('option').count()).toBe(2);
    const statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
    expect(await statusBar.textContent()).toContain('Sandbox');

    // Timed in the page: from the change event to the status bar naming the chosen profile.
    await page.evaluate(() => {
      const timing: { changedAt?: number; shownAt?: number } = {};
      (window as unknown as { switchTiming: typeof timing }).switchTiming = timing;
      const select = document.getElementById('env-switcher-select')!;
      select.addEventListener('change', () => (timing.changedAt = performance.now()), { capture: true });
      const bar = document.querySelector('[aria-label="Status bar"]')!;
      const seen = () => {
        if (timing.changedAt !== undefined && timing.shownAt === undefined && bar.textContent?.includes('Switch target')) timing.shownAt = performance.now();
      };
      new MutationObserver(seen).observe(bar, { subtree: true, childList: true, characterData: true });
    });
    // A desktop keyring can take seconds to answer (1.3 s and 4.4 s in the issue; this test
    // session's keyring answers in about 50 ms). Holding the switch's call for 1.5 s on its way
    // to the real backend makes a status bar that waits for the backend miss the 200 ms.
    let held = 0;
    await page.route('**/rpc/setActiveProfile', async (route) => {
      held += 1;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await switcher.selectOption({ label: 'Switch target · Test' });
    const timing = await page.waitForFunction(() => {
      const t = (window as unknown as { switchTiming: { changedAt?: number; shownAt?: number } }).switchTiming;
      return t.shownAt !== undefined && t.changedAt !== undefined ? t.shownAt - t.changedAt : null;
    });
    const shownMs = (await timing.jsonValue()) as number;
    console.log(`environment switch shown in the status bar after ${shownMs.toFixed(1)} ms`);
    expect(shownMs).toBeLessThan(200);
    // While the backend works, the status bar says so.
    expect(await statusBar.getByRole('status').filter({ hasText: 'Switching to Switch target…' }).count()).toBe(1);
    expect(held).toBe(1);

    // Then the backend's own answer holds it, and the progress text is gone.
    await expect.poll(() => statusBar.getByText(/^Switching to/).count(), { timeout: 10_000 }).toBe(0);
    expect(await statusBar.getByTestId('active-environment').textContent()).toContain('Switch target');
    await page.unroute('**/rpc/setActiveProfile');
    await page.waitForTimeout(300);
    expect(await statusBar.getByTestId('active-environment').textContent()).toContain('Switch target');
    const active = await callHost<{ activeProfileId: string; profiles: Array<{ id: string; name: string }> }>(app.host, 'listProfiles', {});
    expect(active.ok && active.value.profiles.find((p) => p.id === active.value.activeProfileId)?.name).toBe('Switch target');
  });

  it('reveals a search hit in the tree, and offers Move up and Move down in the tree’s menu', async () => {
    const tree = page.getByRole('tree', { name: 'Collections' });
    await page.getByLabel('Search requests').fill('needle-7c2e');
    await page.getByRole('button', { name: /Needle request/ }).click();
    // The request opened, the search gave way to the tree, and the hit is unfolded, selected and in view.
    await expect.poll(() => page.getByTestId('request-tab').filter({ hasText: 'Needle request' }).count()).toBe(1);
    expect(await page.getByLabel('Search requests').inputValue()).toBe('');
    const needle = tree.getByRole('treeitem', { name: 'Needle request, GET' });
    await expect.poll(() => needle.getAttribute('aria-selected'), { timeout: 5_000 }).toBe('true');
    expect(await tree.getByRole('treeitem', { name: 'Deep folder' }).getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => inViewport(page, needle)).toBe(true);
    expect(await needle.getAttribute('aria-posinset')).toBe('2');

    // The menu names both moves and the keys that do the same.
    await needle.click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions for Needle request' });
    const up = menu.getByRole('menuitem', { name: 'Move up' });
    expect(await up.getAttribute('aria-keyshortcuts')).toBe('Alt+ArrowUp');
    expect(await menu.getByRole('menuitem', { name: 'Move down' }).textContent()).toContain('Alt+↓');
    await up.click();
    await expect.poll(() => tree.getByRole('treeitem', { name: 'Needle request, GET' }).getAttribute('aria-posinset')).toBe('1');
    // At the top, only the way down is offered.
    await tree.getByRole('treeitem', { name: 'Needle request, GET' }).click({ button: 'right' });
    expect(await menu.getByRole('menuitem', { name: 'Move up' }).count()).toBe(0);
    await menu.getByRole('menuitem', { name: 'Move down' }).click();
    await expect.poll(() => tree.getByRole('treeitem', { name: 'Needle request, GET' }).getAttribute('aria-posinset')).toBe('2');
  });

  it('keeps the quick start’s text inside its columns at 1024 and 1280 px in the dark theme, and the search placeholder whole', async () => {
    await showView(page, 'Quick start');
    await chooseTheme(page, 'dark');
    const overflow: string[] = [];
    for (const width of [1024, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const step of ['payment', 'category']) {
        await page.getByTestId(`step-link-${step}`).click();
        await page.getByTestId(`step-page-${step}`).waitFor();
        // "About this step" (in the guide column) and the step's cards must end where their column ends.
        const found = await page.evaluate(() => {
          const out: string[] = [];
          for (const column of ['.qs-guide', '.qs-page']) {
            const edge = document.querySelector(column)!.getBoundingClientRect().right;
            for (const child of document.querySelectorAll<HTMLElement>(`${column} > *, ${column} .qs-intro, ${column} .qs-card, ${column} .qs-request`)) {
              const right = child.getBoundingClientRect().right;
              if (right > edge + 1) out.push(`${column} ${child.tagName.toLowerCase()}.${child.className} ends at ${Math.round(right)} px, its column at ${Math.round(edge)} px`);
            }
          }
          return out;
        });
        overflow.push(...found.map((line) => `${width} px, ${step}: ${line}`));
      }
    }
    expect(overflow).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await chooseTheme(page, 'light');

    // The narrowest sidebar still shows the search field's whole placeholder.
    const resizer = page.getByRole('separator', { name: /sidebar/i });
    await resizer.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await page.locator('#sidebar').boundingBox())!.width).toBeLessThanOrEqual(205);
    const fits = await page.getByLabel('Search requests').evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      return { text: context.measureText(input.placeholder).width, room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
    });
    expect(fits.text).toBeLessThan(fits.room);
  });

  it('puts the focus on the saved request in the tree once the save dialog closes, one Shift+F10 from Run', async () => {
    await page.keyboard.press('Control+N');
    await page.keyboard.type('{{baseUrl}}/epayment/v1/payments/focus-after-save');
    await page.getByRole('button', { name: /^Save/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.getByLabel('Request name').fill('Focus after save');
    await expect.poll(() => dialog.getByLabel('Collection', { exact: true }).locator('option:checked').textContent()).toBe('Tree fixes');
    await dialog.getByLabel('Request name').press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);

    const focused = () => page.evaluate(() => {
      const active = document.activeElement;
      const row = active?.getAttribute('aria-activedescendant') ? document.getElementById(active.getAttribute('aria-activedescendant')!) : null;
      return `${active?.getAttribute('role')} ${active?.getAttribute('aria-label')}: ${row?.getAttribute('aria-label') ?? ''}`;
    });
    await expect.poll(focused).toBe('tree Collections: Focus after save, GET');
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Actions for Focus after save' });
    expect(await menu.getByRole('menuitem', { name: 'Run', exact: true }).count()).toBe(1);
    await page.keyboard.press('Escape');

    // Cancel gives the focus back to what opened the dialog.
    await page.getByRole('button', { name: 'New request' }).first().click();
    await page.keyboard.type('{{baseUrl}}/epayment/v1/payments/focus-after-cancel');
    const save = page.getByRole('button', { name: /^Save/ }).first();
    await save.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => save.evaluate((button) => button === document.activeElement)).toBe(true);
  });
});
