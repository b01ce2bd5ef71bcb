import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, watchPageErrors } from '../helpers/chromium';
import { repoRoot, spawnHost, type SpawnedHost } from '../helpers/spawn-host';
import { tempDir } from '../helpers/temp';

/**
 * The set-up every end-to-end suite shares: a browser host on a fresh data folder (spawned under
 * the real keyring that `npm run test:system` provides), Debian's Chromium, and one page on the
 * app with its console errors collected. One module, so the suites cannot drift apart.
 */

/** Where suites write screenshots for a failing or reviewed run (not the README's). */
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/**
 * The README's pictures (docs/screenshots) are rewritten only when asked for with
 * UPDATE_SCREENSHOTS=1, so an ordinary test run never changes tracked files.
 */
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const readmeShots = path.join(repoRoot, 'docs', 'screenshots');

export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  if (!UPDATE_SCREENSHOTS) return;
  fs.mkdirSync(readmeShots, { recursive: true });
  await page.screenshot({ path: path.join(readmeShots, `${name}.png`) });
}

export interface AppSession {
  browser: BrowserContext;
  host: SpawnedHost;
  page: Page;
  /** Console errors and CSP violations seen so far. */
  pageErrors: string[];
  dataDir: string;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** The temp folders' prefix, e.g. "vx-guided-". */
  prefix: string;
  viewport?: { width: number; height: number };
  /** Runs on the empty data folder before the host starts (to plant files the app must cope with). */
  prepareDataDir?(dataDir: string): void;
  /** Extra environment for the host (e.g. VIPPS_EXPLORER_TEST_PRODUCTION_URL). */
  env?: NodeJS.ProcessEnv;
}

export async function openApp(options: AppOptions): Promise<AppSession> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const browser = await launchChromium();
  const dataDir = tempDir(options.prefix);
  options.prepareDataDir?.(dataDir);
  let host: SpawnedHost;
  try {
    host = await spawnHost('web', ['--no-open', '--port', '0', '--data-dir', dataDir], options.env);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const page = await browser.newPage();
  await page.setViewportSize(options.viewport ?? { width: 1280, height: 800 });
  const pageErrors = watchPageErrors(page);
  await page.goto(host.url);
  return {
    browser,
    host,
    page,
    pageErrors,
    dataDir,
    async stop() {
      await host.stop();
      await browser.close();
    },
  };
}

/** The element's bounding box lies wholly inside the page's window. */
export async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

/** Picks a theme with the app's own Theme control and waits until the page wears it. */
export async function chooseTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByLabel('Theme').selectOption(theme);
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
}

/** Clicks a view in the sidebar's main navigation. */
export async function showView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
}
