import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, COLOUR_RULES, type AxeFinding } from '../../helpers/axe';
import { chooseTheme, openApp, readmeScreenshot, showView, UPDATE_SCREENSHOTS, type AppSession } from '../e2e-app';

/**
 * axe-core on every view, dialog, menu and pane of the app, in the light and the dark theme,
 * with realistic content: a sent request, a saved collection, a finished run, history entries.
 * With UPDATE_SCREENSHOTS=1 it also writes the README's screenshots (1280×800) to docs/screenshots.
 */


interface Finding extends AxeFinding {
  view: string;
  theme: 'light' | 'dark';
}

let app: AppSession;
let page: Page;
const findings: Finding[] = [];
const audited: string[] = [];
let axeMs = 0;

beforeAll(async () => {
  app = await openApp({
    prefix: 'vx-a11y-',
    // A half-written file the app must move aside, so the notices bar has something to say.
    prepareDataDir: (dir) => fs.writeFileSync(path.join(dir, 'quickstart.json'), '{"schemaVersion": 1, "data": '),
  });
  page = app.page;
  await page.getByTestId('step-page-setup').waitFor();
});

afterAll(async () => {
  await app?.stop();
});

/**
 * axe on the page as it is now: every rule in the light theme, then the colour rules in the dark
 * theme. The themes differ only in colours (custom properties and color-scheme; see styles.css),
 * so the other rules would give the dark theme the same answers for twice the time.
 * `within` (a CSS selector) narrows a look at one pane or dialog whose surroundings were already
 * audited as they are. The page ends light.
 */
async function audit(view: string, within?: string): Promise<void> {
  if (within) await page.locator(within).first().waitFor();
  for (const theme of ['light', 'dark'] as const) {
    await chooseTheme(page, theme);
    const started = Date.now();
    const found = await axeFindings(page, { ...(theme === 'dark' ? { rules: COLOUR_RULES } : {}), ...(within ? { include: within } : {}) });
    axeMs += Date.now() - started;
    for (const finding of found) {
      if (finding.impact === 'serious' || finding.impact === 'critical') findings.push({ ...finding, view, theme });
    }
  }
  await chooseTheme(page, 'light');
  audited.push(view);
}

async function screenshot(name: string): Promise<void> {
  await readmeScreenshot(page, name);
}

const tree = () => page.getByRole('tree', { name: 'Collections' });
const item = (name: string) => tree().getByRole('treeitem', { name: new RegExp(`^${name}(, [A-Z]+)?$`) });
/** The open request tab: its line, panes and response. */
const REQUEST_AND_RESPONSE = '.requests-view';
const requestParts = () => page.getByRole('tablist', { name: 'Request parts' });
const responseViews = () => page.getByRole('tablist', { name: 'Response views' });

async function openMenu(on: Locator): Promise<void> {
  await on.click({ button: 'right' });
  await page.getByRole('menu').waitFor();
}

describe('accessibility of every view, in both themes (axe-core: no serious or critical finding)', () => {
  it('the audit sees a planted problem in either theme (so a clean result means something)', async () => {
    await page.evaluate(() => {
      const canary = document.createElement('div');
      canary.id = 'a11y-canary';
      // Near-white text on white and a button with no name: both must be reported. (Styles go
      // through the CSSOM: the page's Content-Security-Policy refuses inline style attributes.)
      const faint = document.createElement('p');
      faint.textContent = 'Barely there';
      faint.style.color = '#f4f4f4';
      faint.style.background = '#ffffff';
      canary.append(faint, document.createElement('button'));
      document.querySelector('main')!.prepend(canary);
    });
    try {
      for (const theme of ['light', 'dark'] as const) {
        await chooseTheme(page, theme);
        const ids = (await axeFindings(page, { include: '#a11y-canary', ...(theme === 'dark' ? { rules: COLOUR_RULES } : {}) })).map((f) => f.id);
        expect(ids, theme).toContain('color-contrast');
        if (theme === 'light') expect(ids).toContain('button-name');
      }
    } finally {
      await chooseTheme(page, 'light');
      await page.evaluate(() => document.getElementById('a11y-canary')?.remove());
    }
  });

  it('quick start: first run with the notices bar, then a sent step', async () => {
    await page.getByTestId('notice').first().waitFor();
    await audit('quick start setup, with a notice');
    const notices = page.getByTestId('notice');
    for (let left = await notices.count(); left > 0; left--) {
      await page.getByRole('button', { name: 'Dismiss this notice' }).first().click();
      await expect.poll(() => notices.count()).toBe(left - 1);
    }
    await page.getByRole('button', { name: /^Continue with Sandbox/ }).click();
    await page.getByTestId('step-page-token').waitFor();
    await page.locator('article.qs-page').getByRole('button', { name: 'Send', exact: true }).first().click();
    await page.locator('article.qs-page').getByTestId('response-status').first().waitFor({ timeout: 20_000 });
    await audit('quick start token step, answered');
    if (UPDATE_SCREENSHOTS) {
      // For the picture: the answer's top in view inside the guide's pane.
      await page.locator('article.qs-page').getByTestId('response-status').first().evaluate((status) => status.scrollIntoView({ block: 'start' }));
      await screenshot('workspace-quickstart');
    }
  });

  it('requests: a sent request, every request pane and every response view', async () => {
    await showView(page, 'Requests');
    await page.getByRole('button', { name: 'New request', exact: true }).first().click();
    const requests = page.getByRole('region', { name: 'Requests' });
    await requests.getByLabel('Method').selectOption('POST');
    await requests.getByLabel('URL').fill('{{baseUrl}}/accesstoken/get?note=a11y');
    await requests.getByRole('button', { name: 'Send', exact: true }).click();
    await requests.getByTestId('response-status').waitFor({ timeout: 20_000 });
    await audit('request Params, response Body tree');
    await screenshot('workspace-request');
    if (UPDATE_SCREENSHOTS) {
      await chooseTheme(page, 'dark');
      await screenshot('workspace-dark');
      await chooseTheme(page, 'light');
    }

    await requestParts().getByRole('tab', { name: /^Headers/ }).click();
    await page.getByTestId('auto-headers').locator('summary').click();
    await responseViews().getByRole('tab', { name: /^Raw$/ }).click();
    await audit('request Headers with the automatic ones open, response Raw', REQUEST_AND_RESPONSE);

    await requestParts().getByRole('tab', { name: /^Auth$/ }).click();
    const authType = requests.getByLabel('Type', { exact: true });
    await authType.selectOption('bearer');
    await responseViews().getByRole('tab', { name: /^Headers/ }).click();
    await audit('request Auth (bearer), response Headers', REQUEST_AND_RESPONSE);
    await authType.selectOption('inherit');

    for (const pane of [/^Scripts/, /^Docs$/]) {
      await requestParts().getByRole('tab', { name: pane }).click();
      await audit(`request ${pane.source}`, REQUEST_AND_RESPONSE);
    }
    // Two checks on the answer, so the runner later shows assertions (and its picture, results).
    await requestParts().getByRole('tab', { name: /^Scripts/ }).click();
    await requests.getByRole('radio', { name: /^Tests/ }).check();
    await requests.getByLabel('Test script').fill(
      "pm.test('a bearer token came back', () => pm.expect(pm.response.json().token_type).to.eql('Bearer'));\n" +
        "pm.test('it lasts an hour', () => pm.expect(pm.response.json().expires_in).to.eql('3600'));\n",
    );
    await responseViews().getByRole('tab', { name: /^Body$/ }).click();

    // The caret inside {{baseUrl}} opens the variable's popover.
    const url = requests.getByLabel('URL');
    await url.focus();
    await url.press('Home');
    for (let i = 0; i < 4; i++) await url.press('ArrowRight');
    await page.getByTestId('variable-popover').waitFor();
    await audit('variable popover on the URL', REQUEST_AND_RESPONSE);
    await url.press('End');
    await page.getByTestId('variable-popover').waitFor({ state: 'detached' });
    await requestParts().getByRole('tab', { name: /^Body/ }).click();
    for (const mode of ['JSON', 'Text', 'Form', 'Multipart', 'File']) {
      await page.getByRole('radio', { name: mode, exact: true }).check();
      await audit(`request Body ${mode}`, REQUEST_AND_RESPONSE);
    }
    await page.getByRole('radio', { name: 'None', exact: true }).check();

    // Nobody listens on port 9: the error panel instead of an answer.
    await url.fill('http://127.0.0.1:9/closed');
    await requests.getByRole('button', { name: 'Send', exact: true }).click();
    await requests.getByRole('alert').first().waitFor({ timeout: 20_000 });
    await audit('request that got no answer (error panel)', REQUEST_AND_RESPONSE);
    await url.fill('{{baseUrl}}/accesstoken/get?note=a11y');
    await requests.getByRole('button', { name: 'Send', exact: true }).click();
    await requests.getByTestId('response-status').waitFor({ timeout: 20_000 });
  });

  it('the Code dialog and the Save dialog', async () => {
    await page.getByRole('button', { name: 'Code', exact: true }).click();
    const code = page.getByRole('dialog', { name: /^Code for/ });
    await code.waitFor();
    await audit('Code dialog', '[role="dialog"]');
    await code.getByRole('button', { name: 'Close' }).click();

    await page.keyboard.press('Control+s');
    const save = page.getByRole('dialog', { name: 'Save request' });
    await save.waitFor();
    await save.getByLabel('Request name').fill('Get a token');
    await save.getByLabel('Name of the new collection').fill('Team requests');
    await audit('Save dialog', '[role="dialog"]');
    await save.getByRole('button', { name: 'Save', exact: true }).click();
    await item('Get a token').waitFor();
  });

  it('the collections tree, its context menu and the collection settings editor', async () => {
    await openMenu(item('Team requests'));
    await page.getByRole('menuitem', { name: 'New request', exact: true }).click();
    await item('New request').waitFor();
    await openMenu(item('Team requests'));
    await audit('tree context menu', '.frame-side');
    await page.keyboard.press('Escape');
    await screenshot('workspace-tree');

    await openMenu(item('Team requests'));
    await page.getByRole('menuitem', { name: 'Settings and variables', exact: true }).click();
    const settings = page.getByRole('region', { name: /^Collection “Team requests”/ });
    await settings.getByRole('button', { name: 'Add variable' }).click();
    await settings.getByLabel('Variable 1 name').fill('orderRef');
    await settings.getByLabel('Variable 1 value').fill('acme-order-1001');
    await settings.getByRole('button', { name: 'Save variables' }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toBe('Saved.');
    await audit('collection settings editor');
  });

  it('the import and export dialog', async () => {
    await page.getByRole('button', { name: 'Import / export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import and export' });
    await dialog.waitFor();
    await audit('Import dialog', '[role="dialog"]');
    await dialog.getByRole('tab', { name: 'Export' }).click();
    await audit('Export dialog', '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('environments: the editor and the new-environment form', async () => {
    await showView(page, 'Environments');
    await page.getByRole('heading', { name: 'Environments', exact: true }).waitFor();
    await audit('environments editor');
    // A plain and a stored secret variable, so the audit and the picture include both kinds of row.
    const form = page.getByRole('form', { name: 'Environment Sandbox' });
    await form.getByRole('button', { name: 'Add variable' }).click();
    await form.getByLabel('Variable 1 name').fill('callbackPrefix');
    await form.getByLabel('Variable 1 value').fill('https://example.test/vipps');
    await form.getByRole('button', { name: 'Add variable' }).click();
    await form.getByLabel('Variable 2 name').fill('webhookSecret');
    await form.getByLabel('Variable 2 value').fill('a11y-audit-secret-value-9f3e');
    await form.getByLabel('Variable webhookSecret is secret').check();
    await form.getByRole('button', { name: 'Save environment' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved.');
    await audit('environment with a secret variable', '.env-detail');
    await form.getByLabel('Variable 2 value').scrollIntoViewIfNeeded();
    await screenshot('workspace-environments');
    // "New environment…" opens the add-profile form with the focus in its first field.
    await page.getByRole('button', { name: 'New environment…' }).click();
    // By their labels: the quick start's copy of this form stays mounted, hidden, and must not take them.
    const newForm = page.locator('.env-detail');
    await newForm.getByLabel('Name', { exact: true }).fill('Acme test');
    await newForm.getByLabel('Environment', { exact: true }).selectOption('production');
    await newForm.getByLabel('Merchant Serial Number (MSN)').fill('123456');
    await audit('new environment form (Production)', '.env-detail');
    await newForm.getByLabel('Environment', { exact: true }).selectOption('test');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('button', { name: /^Acme test/ }).waitFor();
    await audit('own environment with its keys form', '.env-detail');
  });

  it('runner: idle, running, and with results', async () => {
    await showView(page, 'Runner');
    await page.locator('#run-collection').selectOption({ label: 'Team requests' });
    await audit('runner, idle', '.runner-view');
    // The run order, unfolded: a checkbox and two move buttons per request, each with its name.
    await page.getByText(/^Run order:/).click();
    const order = page.getByRole('list', { name: 'Run order' });
    await order.waitFor();
    expect(await order.getByRole('checkbox').count()).toBeGreaterThan(0);
    await audit('runner, run order open', '.runner-view');
    // A long delay holds the run between its two requests while axe looks at it.
    await page.locator('#run-delay').fill('20000');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel' }).waitFor();
    await audit('runner, running', '.runner-view');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await page.locator('#run-delay').fill('0');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('run-summary').textContent()).toMatch(/Assertions: 2 passed, 0 failed/);
    await audit('runner, with results');
    await screenshot('workspace-runner');
  });

  it('history with an entry open', async () => {
    await showView(page, 'History');
    await page.getByRole('listbox', { name: /Sent requests/ }).getByRole('option').first().click();
    await page.getByTestId('history-detail').waitFor();
    await audit('history with detail');
    await screenshot('history');
  });

  it('sandbox and about', async () => {
    await showView(page, 'Sandbox');
    await page.getByRole('region', { name: 'Sandbox', exact: true }).waitFor();
    await audit('sandbox');
    await screenshot('sandbox');
    await showView(page, 'About');
    await page.getByRole('heading', { name: 'About this app' }).waitFor();
    await audit('about');
  });

  it('found no serious or critical issue on any of them', () => {
    const report = findings.map((f) => `${f.view} [${f.theme}]: ${f.impact} ${f.id} (${f.help}) at ${f.targets.join(' | ')}`);
    console.log(`axe looked at ${audited.length} views and states in two themes in ${(axeMs / 1000).toFixed(1)} s`);
    if (report.length > 0) console.error(`axe findings:\n${report.join('\n')}`);
    expect(audited.length).toBeGreaterThanOrEqual(20);
    expect(report).toEqual([]);
    expect(app.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
