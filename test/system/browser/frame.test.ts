import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, watchPageErrors } from '../../helpers/chromium';
import { repoRoot, spawnHost } from '../../helpers/spawn-host';
import { tempDir } from '../../helpers/temp';

const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
let browser: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('browser host in a real Chromium', () => {
  it('renders the app frame with the active environment in the status bar and no CSP violation', async () => {
    const dataDir = tempDir('vx-sys-');
    const host = await spawnHost('web', ['--no-open', '--port', '0', '--data-dir', dataDir]);
    try {
      const page = await browser.newPage();
      const errors = watchPageErrors(page);
      await page.goto(host.url);
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      const env = page.getByTestId('active-environment');
      await expect.poll(() => env.textContent()).toContain('Sandbox');
      expect(new URL(page.url()).hash).toBe('');
      await page.screenshot({ path: path.join(screenshots, 'frame.png') });
      expect(errors).toEqual([]);
    } finally {
      await host.stop();
    }
  });

  it('starts after the settings file was corrupted by hand, keeps it beside renamed and shows the notice', async () => {
    const dataDir = tempDir('vx-sys-');
    const first = await spawnHost('web', ['--no-open', '--port', '0', '--data-dir', dataDir]);
    await first.stop();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{ "schemaVersion": 1, "data": { "theme": ');
    const host = await spawnHost('web', ['--no-open', '--port', '0', '--data-dir', dataDir]);
    try {
      const moved = fs.readdirSync(dataDir).filter((name) => /^settings\.corrupt-.+\.json$/.test(name));
      expect(moved).toHaveLength(1);
      expect(fs.readFileSync(path.join(dataDir, moved[0]!), 'utf8')).toContain('"theme": ');
      const page = await browser.newPage();
      await page.goto(host.url);
      const notice = page.getByTestId('notice').first();
      await notice.waitFor();
      expect(await notice.textContent()).toContain(moved[0]);
      await page.screenshot({ path: path.join(screenshots, 'corrupt-store-notice.png') });
    } finally {
      await host.stop();
    }
  });

  it('npm start explains in one line why Electron cannot start and serves the app through the browser host', async () => {
    const dataDir = tempDir('vx-sys-');
    const host = await spawnHost('start', ['--no-open', '--port', '0', '--data-dir', dataDir], { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' });
    try {
      const lines = host.output().split('\n').filter((line) => line.startsWith('Electron cannot start here:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/browser host instead\.$/);
      const page = await browser.newPage();
      await page.goto(host.url);
      await page.getByTestId('active-environment').waitFor();
    } finally {
      await host.stop();
    }
  });
});
