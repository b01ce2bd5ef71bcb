import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/backend';
import type { RunEvent, RunSummary } from '../../../shared/model/run';
import { testBackend, type TestBackend } from '../engine/harness';
import { pngImage } from '../engine/quickstart-run';

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The quick start as a built-in collection, run by the backend's runner with no renderer at all. */
describe('the quick start through the runner, on the embedded sandbox', () => {
  let t: TestBackend;
  let client: InProcessClient;
  beforeAll(async () => {
    t = await testBackend({ sandbox: { inMemory: true } });
    client = createInProcessClient(t.backend, 'test');
  });
  afterAll(async () => t?.dispose());

  const run = async (variables: Record<string, string> = {}): Promise<{ summary: RunSummary; events: RunEvent[] }> => {
    const events: RunEvent[] = [];
    const stop = client.subscribe('run', (event) => events.push(event));
    const { runId } = ok(await client.startRun({ collectionId: 'quickstart', stopOnFailure: true, variables }));
    const summary = await t.backend.runner.finished(runId);
    stop();
    return { summary, events };
  };

  it('lists the quick start as a built-in, read-only collection whose requests carry the step texts', async () => {
    const { collections } = ok(await client.listCollections({}));
    expect(collections[0]).toMatchObject({ id: 'quickstart', builtIn: true, readOnly: true, requestCount: 6 });
    const tree = ok(await client.getCollectionTree({ collectionId: 'quickstart' }));
    expect(tree.items.map((node) => node.path)).toEqual(['token.yaml', 'payment.yaml', 'image.yaml', 'category.yaml', 'receipt.yaml', 'readback.yaml']);
    const { request } = ok(await client.getRequest({ collectionId: 'quickstart', path: 'receipt.yaml' }));
    expect(request.description).toContain('### Rules');
    expect(await client.renameItem({ collectionId: 'quickstart', path: 'receipt.yaml', name: 'Mine' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('runs every step in order, hands the payment’s reference on, and records each step with its last answer', async () => {
    const { summary, events } = await run({ imageSrc: pngImage().toString('base64') });
    expect(summary.outcome).toBe('completed');
    expect(summary.results.map((r) => [r.path, r.status])).toEqual([
      ['token.yaml', 200],
      ['payment.yaml', 201],
      ['image.yaml', 200],
      ['category.yaml', 200],
      ['receipt.yaml', 201],
      ['readback.yaml', 200],
    ]);
    expect(events.filter((e) => e.type === 'request-finished')).toHaveLength(6);
    const state = ok(await client.getQuickStart({}));
    expect(state.order.uploadedImageId).toBe(state.order.imageId);
    for (const step of ['token', 'payment', 'image', 'category', 'receipt', 'readback'] as const) {
      expect(state.steps[step], step).toMatchObject({ state: 'passed', historyId: expect.any(String) });
    }
    const readback = ok(await client.getHistoryEntry({ id: state.steps.readback.historyId! }));
    expect(JSON.parse(readback.response!.body)).toMatchObject({ category: { imageId: state.order.imageId } });
  });

  it('stops at the first failure: a second receipt for the same order is refused as write-once', async () => {
    const { summary } = await run();
    expect(summary.outcome).toBe('stopped-on-failure');
    expect(summary.results.map((r) => [r.path, r.status ?? null, r.skipped])).toEqual([
      ['token.yaml', 200, false],
      ['payment.yaml', 201, false],
      ['image.yaml', null, true],
      ['category.yaml', 200, false],
      ['receipt.yaml', 409, false],
    ]);
    expect(ok(await client.getQuickStart({})).steps.receipt).toMatchObject({ state: 'failed', status: 409 });
  });

  it('checks a step’s rules before sending it and stops without sending a body the API would refuse', async () => {
    ok(await client.newQuickStartOrder({}));
    const { request } = ok(await client.getRequest({ collectionId: 'quickstart', path: 'receipt.yaml' }));
    const broken = { ...request, body: { mode: 'json' as const, text: '{"orderLines": [], "bottomLine": {"currency": "NOK",}}' } };
    ok(await client.saveRequest({ collectionId: 'quickstart', path: 'receipt.yaml', request: broken }));
    const { summary } = await run();
    const receipt = summary.results.at(-1)!;
    expect(receipt).toMatchObject({ path: 'receipt.yaml', passed: false, assertions: [{ name: 'body', passed: false, message: expect.stringMatching(/trailing comma/i) }] });
    expect(receipt.status).toBeUndefined();
    ok(await client.saveQuickStart({ edits: { receipt: null } }));
  });

  it('saves the quick start as an ordinary collection of files', async () => {
    const copy = ok(await client.copyCollection({ collectionId: 'quickstart', name: 'My Order Management flow' }));
    expect(copy).toMatchObject({ builtIn: false, readOnly: false, requestCount: 6 });
    expect(fs.readdirSync(copy.location).sort()).toEqual(['category.yaml', 'collection.yaml', 'image.yaml', 'payment.yaml', 'readback.yaml', 'receipt.yaml', 'token.yaml']);
    expect(fs.readFileSync(path.join(copy.location, 'payment.yaml'), 'utf8')).toContain('  - variable: orderId\n    from: json\n    path: $.reference');
    ok(await client.renameItem({ collectionId: copy.id, path: 'receipt.yaml', name: 'Send the receipt' }));
  });

  it('sends the order lines inside the ePayment payment when that variant is chosen, skips the write-once receipt step, and reads the lines back', async () => {
    ok(await client.newQuickStartOrder({ paymentApi: 'epayment-receipt' }));
    const { summary } = await run();
    expect(summary.outcome).toBe('completed');
    expect(summary.results.map((r) => [r.path, r.status ?? null, r.skipped])).toEqual([
      ['token.yaml', 200, false],
      ['payment.yaml', 201, false],
      ['image.yaml', null, true],
      ['category.yaml', 200, false],
      ['receipt.yaml', null, true],
      ['readback.yaml', 200, false],
    ]);
    const state = ok(await client.getQuickStart({}));
    expect(state.paymentApi).toBe('epayment-receipt');
    expect(state.steps.receipt.state).toBe('not-run');
    const payment = ok(await client.getHistoryEntry({ id: state.steps.payment.historyId! }));
    expect(JSON.parse(payment.request.body ?? '{}')).toMatchObject({ reference: state.order.orderId, receipt: { bottomLine: { receiptNumber: state.order.orderId } } });
    const readback = JSON.parse(ok(await client.getHistoryEntry({ id: state.steps.readback.historyId! })).response!.body);
    expect(readback.receipt.orderLines.map((line: { id: string }) => line.id)).toEqual(['socks-grey-42', 'gift-wrap', 'shipping-home']);
    expect(readback.receipt.bottomLine).toMatchObject({ currency: 'NOK', receiptNumber: state.order.orderId });
    expect(readback.category).toMatchObject({ category: 'GENERAL' });
  });
});
