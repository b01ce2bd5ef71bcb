import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, COLOUR_RULES, type AxeFinding } from '../../helpers/axe';
import { chooseTheme, openApp, type AppSession } from '../e2e-app';

/**
 * axe-core on the controls issue 21 added, in the light and the dark theme, the same way
 * every-view.e2e.test.ts audits the rest: the environment switcher (and the top bar it sits in),
 * the New menu open, the shortcuts sheet, a pasted curl's notice, a widened and a collapsed sidebar.
 */

interface Finding extends AxeFinding {
  view: string;
  theme: 'light' | 'dark';
}

let app: AppSession;
let page: Page;
const findings: Finding[] = [];
const audited: string[] = [];

beforeAll(async () => {
  app = await openApp({ prefix: 'vx-a11y-habits-' });
  page = app.page;
  await app.browser.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('step-page-setup').waitFor();
});

afterAll(async () => {
  await app?.stop();
});

/** Every rule in the light theme, the colour rules in the dark one (the themes differ only in colours). */
async function audit(view: string, within?: string): Promise<void> {
  if (within) await page.locator(within).first().waitFor();
  for (const theme of ['light', 'dark'] as const) {
    await chooseTheme(page, theme);
    for (const finding of await axeFindings(page, { ...(theme === 'dark' ? { rules: COLOUR_RULES } : {}), ...(within ? { include: within } : {}) })) {
      if (finding.impact === 'serious' || finding.impact === 'critical') findings.push({ ...finding, view, theme });
    }
  }
  await chooseTheme(page, 'light');
  audited.push(view);
}

describe('accessibility of the workspace habits, in both themes (axe-core: no serious or critical finding)', () => {
  it('the top bar with the environment switcher, on the quick start and on a request', async () => {
    await page.getByLabel('Active environment').waitFor();
    await audit('quick start with the top bar', '.ws-topbar');
    await page.keyboard.press('Control+N');
    await page.getByLabel('URL', { exact: true }).waitFor();
    await audit('request view with the top bar');
  });

  it('the New menu, open', async () => {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menu', { name: 'New' }).waitFor();
    await audit('New menu open', '.ws-nav');
    await page.keyboard.press('Escape');
  });

  it('a pasted curl command’s notice with its fixes', async () => {
    await page.getByLabel('URL', { exact: true }).focus();
    await page.evaluate(() => navigator.clipboard.writeText(`curl -X POST https://apitest.vipps.no/x/YOUR-MSN -H "Authorization: bearer YOUR-ACCESS-TOKEN" -d '{"a": 1,}'`));
    await page.keyboard.press('Control+V');
    await page.getByRole('region', { name: 'Pasted curl command' }).waitFor();
    await audit('curl paste notice', '.curl-paste');
  });

  it('the shortcuts sheet', async () => {
    await page.keyboard.press('Control+/');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await audit('shortcuts sheet', '.shortcuts-sheet');
    await page.keyboard.press('Escape');
  });

  it('a widened sidebar, then a collapsed one', async () => {
    const edge = page.getByRole('separator', { name: 'Sidebar width' });
    await edge.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await audit('widened sidebar');
    // The Theme control sits in the sidebar: each theme is chosen with it shown, then the sidebar hidden for the look.
    for (const theme of ['light', 'dark'] as const) {
      await chooseTheme(page, theme);
      await page.getByRole('button', { name: 'Hide sidebar' }).click();
      await page.getByRole('button', { name: 'Show sidebar' }).waitFor();
      for (const finding of await axeFindings(page, theme === 'dark' ? { rules: COLOUR_RULES } : {})) {
        if (finding.impact === 'serious' || finding.impact === 'critical') findings.push({ ...finding, view: 'collapsed sidebar', theme });
      }
      await page.getByRole('button', { name: 'Show sidebar' }).click();
    }
    await chooseTheme(page, 'light');
    audited.push('collapsed sidebar');
  });

  it('About with its shortcut table', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'About', exact: true }).click();
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await audit('about with shortcuts');
  });

  it('found no serious or critical issue on any of them', () => {
    const report = findings.map((f) => `${f.view} [${f.theme}]: ${f.impact} ${f.id} (${f.help}) at ${f.targets.join(' | ')}`);
    if (report.length > 0) console.error(`axe findings:\n${report.join('\n')}`);
    expect(audited.length).toBe(8);
    expect(report).toEqual([]);
    expect(app.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
