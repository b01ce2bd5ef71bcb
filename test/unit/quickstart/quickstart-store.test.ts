import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQuickStartHandlers } from '../../../electron/backend/quickstart/quickstart-handlers';
import { dispatch, type Handlers } from '../../../electron/backend/dispatch';
import { confStoreFactory } from '../../../electron/backend/store/conf-factory';
import { NoticeBoard } from '../../../electron/backend/store/notices';
import { isPortableOrderId } from '../../../shared/quickstart';
import { tempDir } from '../../helpers/temp';

function open(dataDir: string) {
  const handlers = createQuickStartHandlers({ storeFactory: confStoreFactory, dataDir, notices: new NoticeBoard() }) as unknown as Handlers;
  return (method: string, input: unknown) => dispatch(handlers, method, input, { host: 'test' });
}

async function value(call: Promise<{ ok: boolean; value?: unknown; error?: unknown }>) {
  const answer = await call;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as Awaited<ReturnType<Handlers['getQuickStart']>>;
}

const edit = { method: 'PUT', url: '{{baseUrl}}/x', headers: [{ name: 'A', value: 'b', enabled: true }], body: '{"category":"TICKET"}' };

describe('quick-start store (quickstart.json)', () => {
  it('starts with a fresh order, every step not run, on the setup step, and writes its file', async () => {
    const dir = tempDir();
    const state = await value(open(dir)('getQuickStart', {}));
    expect(isPortableOrderId(state.order.orderId)).toBe(true);
    expect(state.paymentApi).toBe('epayment');
    expect(state.currentStep).toBe('setup');
    expect(Object.values(state.steps).every((s) => s.state === 'not-run')).toBe(true);
    expect(fs.existsSync(path.join(dir, 'quickstart.json'))).toBe(true);
  });

  it('keeps step results, extracted ids, edits and the current step across a restart', async () => {
    const dir = tempDir();
    const call = open(dir);
    await value(call('recordQuickStartStep', { stepId: 'payment', outcome: { kind: 'answered', status: 201 }, extracted: { orderId: 'ref-from-server' } }));
    await value(call('saveQuickStart', { currentStep: 'category', edits: { category: edit } }));
    const again = await value(open(dir)('getQuickStart', {}));
    expect(again.steps.payment).toMatchObject({ state: 'passed', status: 201 });
    expect(again.order.orderId).toBe('ref-from-server');
    expect(again.currentStep).toBe('category');
    expect(again.edits.category?.body).toBe('{"category":"TICKET"}');
  });

  it('puts an edited request back to its template when saved as null', async () => {
    const call = open(tempDir());
    await value(call('saveQuickStart', { edits: { category: edit, receipt: { ...edit, method: 'POST' } } }));
    const state = await value(call('saveQuickStart', { edits: { category: null } }));
    expect(Object.keys(state.edits)).toEqual(['receipt']);
  });

  it('gives a new order fresh ids and resets its steps but keeps the token, and switches the payment API', async () => {
    const call = open(tempDir());
    const before = await value(call('recordQuickStartStep', { stepId: 'token', outcome: { kind: 'answered', status: 200 } }));
    await value(call('recordQuickStartStep', { stepId: 'receipt', outcome: { kind: 'answered', status: 201 } }));
    const after = await value(call('newQuickStartOrder', { paymentApi: 'recurring' }));
    expect(after.order.orderId).not.toBe(before.order.orderId);
    expect(after.order.idempotencyKey).not.toBe(before.order.idempotencyKey);
    expect(after.paymentApi).toBe('recurring');
    expect(after.steps.token.state).toBe('passed');
    expect(after.steps.receipt.state).toBe('not-run');
  });

  it('refuses an unknown step and an edited body too large to keep, naming the field', async () => {
    const call = open(tempDir());
    const unknown = await call('recordQuickStartStep', { stepId: 'refund', outcome: { kind: 'done' } });
    expect(unknown.ok).toBe(false);
    const huge = await call('saveQuickStart', { edits: { image: { ...edit, body: 'x'.repeat(600 * 1024) } } });
    expect(huge).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(huge)).toContain('edits.image.body');
  });
});
