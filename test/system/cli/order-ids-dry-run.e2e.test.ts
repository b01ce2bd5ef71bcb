import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_RECEIPT } from '../../../shared/quickstart/templates';
import { tempDir } from '../../helpers/temp';
import { writeCollection } from './collection-writer';
import { backgroundSandbox, vippsExplorer, type BackgroundSandbox } from './run-command';

const json = [{ key: 'Content-Type', value: 'application/json', enabled: true }];
const goodReceipt = { ...SAMPLE_RECEIPT, bottomLine: { currency: 'NOK', receiptNumber: 'R-1' } };
const brokenReceipt = structuredClone(goodReceipt);
brokenReceipt.orderLines[0]!.totalTaxAmount = 1;

/** Flow: create an ePayment, then a category and a receipt for {{orderId}}; Broken: a receipt whose tax does not add up. */
function writeOrderFlow(directory: string): Promise<void> {
  return writeCollection(directory, 'Order flow', async ({ folder, add }) => {
    const flow = await folder('Flow');
    const broken = await folder('Broken');
    const payment = { amount: { currency: 'NOK', value: 1000 }, paymentMethod: { type: 'WALLET' }, reference: '{{reference}}', userFlow: 'QR' };
    await add(flow.path, { name: 'Create payment', method: 'POST', url: '{{baseUrl}}/epayment/v1/payments', auth: { type: 'vipps' }, headers: json, body: { mode: 'json', text: JSON.stringify(payment) } });
    await add(flow.path, { name: 'Set category', method: 'PUT', url: '{{baseUrl}}/order-management/v2/ecom/categories/{{orderId}}', auth: { type: 'vipps' }, headers: json, body: { mode: 'json', text: '{"category":"GENERAL","orderDetailsUrl":"https://example.com/orders/1"}' } });
    await add(flow.path, { name: 'Send receipt', method: 'POST', url: '{{baseUrl}}/order-management/v2/ecom/receipts/{{orderId}}', auth: { type: 'vipps' }, headers: json, body: { mode: 'json', text: JSON.stringify(goodReceipt) } });
    await add(broken.path, { name: 'Bad receipt', method: 'POST', url: '{{baseUrl}}/order-management/v2/ecom/receipts/{{orderId}}', auth: { type: 'vipps' }, headers: json, body: { mode: 'json', text: JSON.stringify(brokenReceipt) } });
  });
}

const NO_PAYMENT = 'which matches no payment';

describe('orderIds with no payment, and --dry-run (spawned from the build)', () => {
  let collection: string;
  let sandbox: BackgroundSandbox;
  let dataDir: string;
  beforeAll(async () => {
    collection = path.join(tempDir('vx-cli-orders-'), 'order-flow');
    fs.mkdirSync(collection);
    await writeOrderFlow(collection);
    sandbox = await backgroundSandbox();
    // A profile on the standalone sandbox (keys in the real keychain), so its request log shows what a run sends.
    dataDir = tempDir('vx-cli-orders-data-');
    const { clientId, clientSecret, subscriptionKey, msn } = sandbox.keys;
    const add = await vippsExplorer(['profiles', 'add', 'Local sandbox', '--env', 'custom', '--base-url', sandbox.baseUrl, '--msn', msn, '--data-dir', dataDir], { VIPPS_CLIENT_ID: clientId, VIPPS_CLIENT_SECRET: clientSecret, VIPPS_SUBSCRIPTION_KEY: subscriptionKey });
    expect(add.code, add.stderr).toBe(0);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  /** The API calls the sandbox has seen (its log also lists reads of the log itself, which are left out). */
  const logged = async (): Promise<number> => {
    const answer = (await (await fetch(`${sandbox.baseUrl}/__sandbox/log`)).json()) as { entries: Array<{ path: string }> };
    return answer.entries.filter((entry) => !entry.path.startsWith('/__sandbox')).length;
  };

  it('reports no warning when the orderId is the reference of the payment the run made', async () => {
    const outcome = await vippsExplorer(['run', 'collection', collection, '--env', 'sandbox', '--folder', 'Flow', '--env-var', 'reference=cli-known-ref-0001', '--env-var', 'orderId=cli-known-ref-0001']);
    expect(outcome.stdout).toContain('ok PUT Set category');
    expect(outcome.stdout).not.toContain(NO_PAYMENT);
    expect(outcome.code).toBe(0);
  });

  it('warns in the report, under the request, when the orderId matches no payment', async () => {
    const outcome = await vippsExplorer(['run', 'collection', collection, '--env', 'sandbox', '--folder', 'Flow', '--env-var', 'reference=cli-known-ref-0002', '--env-var', 'orderId=cli-typo-ref-0002']);
    expect(outcome.stdout).toMatch(/ok PUT Set category[^\n]*\n {4}! This category is sent for order "cli-typo-ref-0002", which matches no payment/);
    expect(outcome.stdout).toContain('attaches it to nothing until a payment with that id exists');
  });

  it('--dry-run checks each request, sends nothing (the sandbox log stays empty) and exits 0 when all keep the rules', async () => {
    const args = ['run', 'collection', collection, '--folder', 'Flow', '--profile', 'Local sandbox', '--data-dir', dataDir, '--env-var', 'reference=cli-dry-ref-0003', '--env-var', 'orderId=cli-dry-ref-0003'];
    const before = await logged();
    const dry = await vippsExplorer([...args, '--dry-run']);
    expect(dry.stdout).toContain('ok POST Create payment  (an ePayment create: the rules pass)');
    expect(dry.stdout).toContain('ok PUT Set category  (an Order Management category: the rules pass)');
    expect(dry.stdout).toContain('ok POST Send receipt  (an Order Management receipt: the rules pass)');
    expect(dry.stdout).toContain('Checked 3 requests: 3 keep the rules, 0 break them. Nothing was sent.');
    expect(dry.stdout).not.toContain(NO_PAYMENT);
    expect(dry.code).toBe(0);
    expect(await logged()).toBe(before);
    // The same run without --dry-run does reach the sandbox, so the log would have shown a send.
    const sent = await vippsExplorer(args);
    expect(sent.code, sent.stdout).toBe(0);
    expect(await logged()).toBeGreaterThan(before);
  });

  it('--dry-run exits 1 and names the broken rule when a request breaks one', async () => {
    const dry = await vippsExplorer(['run', 'collection', collection, '--folder', 'Broken', '--profile', 'Local sandbox', '--data-dir', dataDir, '--env-var', 'orderId=cli-dry-ref-0004', '--dry-run']);
    expect(dry.stdout).toContain('FAIL POST Bad receipt  (an Order Management receipt: 1 rule broken)');
    expect(dry.stdout).toContain('orderLines[0].totalTaxAmount');
    expect(dry.stdout).toContain(`! This receipt is sent for order "cli-dry-ref-0004", ${NO_PAYMENT}`);
    expect(dry.code).toBe(1);
  });
});
