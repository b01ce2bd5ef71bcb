import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../../helpers/axe';
import { chooseTheme, inViewport as insideWindow, openApp, screenshotDir as screenshots, showView, type AppSession } from '../e2e-app';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await openApp({ prefix: 'vx-guided-' });
  page = app.page;
  await page.getByTestId('step-page-setup').waitFor();
});

afterAll(async () => {
  await app?.stop();
});

const work = () => page.locator('article.qs-page');
const pill = (id: string) => page.getByTestId(`step-state-${id}`);

/** The element's bounding box lies wholly inside the 1280×800 window. */
const inViewport = (locator: Locator) => insideWindow(page, locator);

/** Presses Enter where Next left the focus (the step's Send) and checks the answer is on screen. */
async function sendWithEnter(id: string, status: RegExp): Promise<void> {
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send');
  await page.keyboard.press('Enter');
  await expect.poll(() => pill(id).getAttribute('data-state'), { timeout: 20_000 }).toBe('passed');
  const shown = work().locator('.qs-request').getByTestId('response-status').first();
  await expect.poll(() => shown.textContent()).toMatch(status);
  const inside = await inViewport(shown);
  if (!inside) await page.screenshot({ path: path.join(screenshots, `workspace-quickstart-${id}-status-outside.png`) });
  expect(inside, `${id}: the response status is inside the window`).toBe(true);
  // The panes scroll, never the window: a scrolled window hides the tabs and leaves a blank strip.
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop), `${id}: the window itself is not scrolled`).toBe(0);
}

async function next(): Promise<void> {
  await work().getByRole('button', { name: /^Next: step/ }).click();
}

describe('the guided quick start inside the workspace at 1280×800', () => {
  it('walks the steps with Next and Enter, each answer in view, and marks Setup passed', async () => {
    await page.getByRole('button', { name: /^Continue with Sandbox/ }).click();
    await page.getByTestId('step-page-token').waitFor();
    await work().getByRole('button', { name: 'Send', exact: true }).first().focus();
    await sendWithEnter('token', /^200\b/);
    expect(await pill('setup').getAttribute('data-state')).toBe('passed');
    await next();
    await page.getByTestId('step-page-payment').waitFor();
    expect(await inViewport(page.locator('#qs-step-title'))).toBe(true);
    await sendWithEnter('payment', /^201\b/);
    await next();
    await page.getByTestId('step-page-image').waitFor();
    await work().getByRole('button', { name: 'Use the sample image' }).click();
    await work().getByRole('button', { name: 'Send', exact: true }).first().focus();
    await sendWithEnter('image', /^200\b/);
    for (const [id, status] of [
      ['category', /^200\b/],
      ['receipt', /^201\b/],
      ['readback', /^200\b/],
    ] as const) {
      await next();
      await page.getByTestId(`step-page-${id}`).waitFor();
      await sendWithEnter(id, status);
    }
    await page.screenshot({ path: path.join(screenshots, 'workspace-quickstart.png') });
  });

  it('keeps the answers after another view and after a reload', async () => {
    await showView(page, 'History');
    await showView(page, 'Quick start');
    await expect.poll(() => work().locator('.qs-request').getByTestId('response-status').first().textContent()).toMatch(/^200\b/);
    await page.reload();
    await page.getByTestId('step-page-readback').waitFor();
    await expect.poll(() => work().locator('.qs-request').getByTestId('response-status').first().textContent(), { timeout: 15_000 }).toMatch(/^200\b/);
  });

  it('runs all steps with the bundled sample image included', async () => {
    await work().getByRole('button', { name: 'Remove image' }).click().catch(() => undefined);
    await page.getByTestId('step-link-image').click();
    const remove = work().getByRole('button', { name: 'Remove image' });
    if (await remove.count()) await remove.click();
    expect(await page.getByTestId('run-all-image').textContent()).toContain('bundled sample image');
    await page.getByRole('button', { name: 'Run all steps' }).click();
    await expect.poll(() => page.getByTestId('run-all-status').textContent(), { timeout: 60_000 }).toMatch(/^All 6 requests passed/);
    expect(await pill('image').getAttribute('data-state')).toBe('passed');
  });

  it('has no serious or critical accessibility issue in either theme', async () => {
    const findings = [...(await seriousAxeFindings(page, 'quick start, light'))];
    await chooseTheme(page, 'dark');
    findings.push(...(await seriousAxeFindings(page, 'quick start, dark')));
    await chooseTheme(page, 'light');
    expect(findings, findings.join('\n')).toEqual([]);
    expect(app.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
