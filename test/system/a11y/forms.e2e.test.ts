import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, CONTROL_NAME_RULE, formControlNameFindings } from '../../helpers/axe';
import { openApp, showView, type AppSession } from '../e2e-app';

/**
 * Every form control on the add-profile form has an accessible name the browser itself gives it
 * (issue 23, broken 4): in Environments while the quick start's copy of the same form stays
 * mounted and hidden, and in the quick start. The audit is axe plus our own check (see
 * formControlNameFindings); the last test shows that check failing on the defect as it was.
 */

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await openApp({ prefix: 'vx-forms-' });
  page = app.page;
  await page.getByTestId('step-page-setup').waitFor();
});

afterAll(async () => {
  await app?.stop();
});

/** axe's serious and critical findings in `within`, our name check included. */
async function seriousIn(within: string): Promise<string[]> {
  return (await axeFindings(page, { include: within }))
    .filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')
    .map((finding) => `${finding.id}: ${finding.help} at ${finding.targets.join(', ')}`);
}

describe('the add-profile form names every control', () => {
  it('in Environments, with the quick start’s copy mounted and hidden, each label names the visible input', async () => {
    await showView(page, 'Environments');
    // "New environment…" opens the add-profile form with the focus in its first field.
    await page.getByRole('button', { name: 'New environment…' }).click();
    const form = page.locator('.env-detail form');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Name');
    // Typing through the label lands in the field the user sees (the defect: it landed in the hidden quick start copy).
    await form.getByLabel('Name', { exact: true }).fill('Label check');
    expect(await form.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Label check');
    await form.getByLabel('Merchant Serial Number (MSN)').fill('654321');
    expect(await form.getByRole('textbox', { name: 'Merchant Serial Number (MSN)' }).inputValue()).toBe('654321');
    await form.getByRole('combobox', { name: 'Environment' }).selectOption('custom');
    await form.getByRole('textbox', { name: 'Base URL' }).fill('http://127.0.0.1:9');

    // Every control the form shows (the custom base URL included) is counted, and each one has a name.
    const controls = await form.locator('input:visible, select:visible').count();
    expect(controls).toBe(4);
    expect(await formControlNameFindings(page, '.env-detail')).toEqual([]);
    expect(await seriousIn('.env-detail')).toEqual([]);
  });

  it('in the quick start, the same form’s labels name its own inputs', async () => {
    await showView(page, 'Quick start');
    await page.getByTestId('step-page-setup').waitFor();
    const details = page.locator('.qs-host details', { hasText: 'Add a profile for your own sales unit' });
    await details.getByText('Add a profile for your own sales unit').click();
    await details.getByLabel('Name', { exact: true }).fill('Quick start label check');
    expect(await details.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Quick start label check');
    expect(await formControlNameFindings(page, '.qs-host')).toEqual([]);
    expect(await seriousIn('.qs-host details')).toEqual([]);
  });

  it('the audit fails on the defect as it was: two copies of a form sharing ids, one hidden', async () => {
    // The old markup, planted beside the app: the hidden copy comes first, as the quick start's did.
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.id = 'planted-defect';
      host.innerHTML = `
        <div hidden><label for="planted-name">Name</label><input id="planted-name"></div>
        <form><label for="planted-name">Name</label><input id="planted-name" placeholder="My shop, test"></form>`;
      document.body.append(host);
    });
    try {
      // axe's own rules let it pass (the reason the defect went unnoticed)…
      const axeOnly = (await axeFindings(page, { include: '#planted-defect' })).filter((finding) => finding.id !== CONTROL_NAME_RULE);
      expect(axeOnly.filter((finding) => finding.id === 'label')).toEqual([]);
      // …and our check names the unlabelled input, the repeated id and the label that names nothing visible.
      const ours = (await formControlNameFindings(page, '#planted-defect')).map((finding) => finding.help);
      expect(ours).toEqual(
        expect.arrayContaining([
          expect.stringContaining('has no label'),
          expect.stringContaining('shares its id "planted-name"'),
          expect.stringContaining('label "Name" names no visible control'),
        ]),
      );
    } finally {
      await page.evaluate(() => document.getElementById('planted-defect')?.remove());
    }
  });
});
