import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPageErrors } from '../../helpers/chromium';
import { repoRoot, spawnHost, type SpawnedHost } from '../../helpers/spawn-host';
import { tempDir } from '../../helpers/temp';
import { seriousAxeFindings } from '../../helpers/axe';

const fixture = path.join(repoRoot, 'test', 'unit', 'interop', 'fixtures', 'sandbox-flow.postman_collection.json');

let browser: BrowserContext;
let host: SpawnedHost;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  host = await spawnHost('web', ['--no-open', '--port', '0', '--data-dir', tempDir('vx-interop-')]);
  page = await browser.newPage();
  pageErrors = watchPageErrors(page);
  await page.goto(host.url);
  await openImportDialog();
});

async function openImportDialog(): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Requests', exact: true }).click();
  // The collections header carries the import/export button (registered in the workspace's slot).
  await page.getByRole('button', { name: 'Import / export', exact: true }).click();
  await dialog().waitFor();
}

const dialog = () => page.getByRole('dialog', { name: 'Import and export' });

afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

describe('import and run in Chromium against the real backend', () => {
  it('imports a Postman file chosen in the file picker, runs it on the sandbox, and every request and test passes', async () => {
    await page.locator('input[type="file"]').setInputFiles(fixture);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await expect.poll(() => preview.textContent()).toContain('3 requests');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Imported 3 requests into “Sandbox flow”');
    // The next import goes into the collection just made, not into yet another new one.
    expect(await dialog().getByRole('combobox', { name: /^Import into/ }).locator('option:checked').textContent()).toBe('Sandbox flow');
    expect(await seriousAxeFindings(page, 'import dialog after an import')).toEqual([]);
    // Run is where the eye already is (the result is scrolled into view and its Run focused) ...
    const run = page.getByRole('button', { name: 'Run “Sandbox flow”' });
    await expect.poll(() => run.evaluate((button) => button === document.activeElement)).toBe(true);
    await run.click();
    // ... and it follows the run in the Runner, as Postman's does: the dialog closes, the run shows live.
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Runner', level: 1 }).waitFor();
    await expect.poll(async () => (await page.getByTestId('run-summary').textContent().catch(() => '')) ?? '', { timeout: 60_000 }).toMatch(/Requests: 3 passed, 0 failed of 3.*Assertions: 4 passed, 0 failed/);
    expect(await page.getByRole('combobox', { name: 'Collection' }).locator('option:checked').textContent()).toBe('Sandbox flow');
    // The workspace's tree shows the new collection at once.
    await expect.poll(() => page.getByRole('tree', { name: 'Collections' }).textContent()).toContain('Sandbox flow');
    await openImportDialog();
  });

  it('takes pasted curl, names its defects and fixes them all with one button', async () => {
    await page.getByRole('textbox', { name: 'Pasted text' }).fill(`curl -X PUT https://apitest.vipps.no/order-management/v2/ecom/categories/PAYMENT-ORDER-ID \\\n -H "Authorization: YOUBearer YOUR-ACCESS-TOKEN" \\\n -d '{"category": "GENERAL",}'`);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.textContent()).toContain('curl sends this JSON as a form');
    expect(await preview.textContent()).toContain('"YOUBearer"');
    await page.getByRole('button', { name: 'Fix all' }).click();
    await expect.poll(() => preview.textContent()).toContain('{{base_url}}/order-management/v2/ecom/categories/{{orderId}}');
    expect(await page.getByRole('button', { name: 'Fix all' }).count()).toBe(0);
  });

  it('drops a file on the drop zone, read by its bytes: UTF-16 LE with a BOM, as PowerShell writes it', async () => {
    const text = JSON.stringify({ name: 'Dropped env', values: [{ key: 'region', value: 'eu', enabled: true }] });
    const utf16 = [0xff, 0xfe, ...[...Buffer.from(text, 'utf16le')]];
    const transfer = await page.evaluateHandle((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'dropped.postman_environment.json', { type: 'application/json' }));
      return data;
    }, utf16);
    await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('Dropped env');
    expect(pageErrors).toEqual([]);
  });

  it('exports the imported collection as Postman v2.1, and shows a request as code', async () => {
    await dialog().getByRole('tab', { name: 'Export' }).click();
    await dialog().getByRole('combobox', { name: 'Collection' }).selectOption({ label: 'Sandbox flow' });
    const download = page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Export as Postman v2.1' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Sandbox-flow.postman_collection.json');
    await dialog().getByRole('button', { name: 'Close' }).click();

    const tree = page.getByRole('tree', { name: 'Collections' });
    await tree.getByRole('treeitem', { name: /^Sandbox flow/ }).click();
    await tree.getByRole('treeitem', { name: /^Get Payment Details/ }).click();
    await page.getByRole('button', { name: 'Code', exact: true }).click();
    const code = page.getByRole('dialog', { name: /Code for/ });
    await code.getByRole('combobox', { name: 'Language' }).selectOption('node-fetch');
    await expect.poll(() => code.getByTestId('snippet-code').textContent()).toContain('process.env.VIPPS_ACCESS_TOKEN');
    expect(pageErrors).toEqual([]);
  });
});
