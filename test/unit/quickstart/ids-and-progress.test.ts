import { describe, expect, it } from 'vitest';
import {
  applyOutcome,
  extractValues,
  firstFailure,
  initialQuickStart,
  isPortableOrderId,
  newImageId,
  newOrderIds,
  randomBytes,
  recordStep,
  replaceImageId,
  runVariables,
  startNewOrder,
} from '../../../shared/quickstart';
import { EPAYMENT_REFERENCE_PATTERN, ECOM_ORDER_ID_PATTERN, IMAGE_ID_PATTERN, OM_ORDER_ID_PATTERN, RECURRING_ORDER_ID_PATTERN } from '../../../shared/vipps';
import { QuickStartStateSchema } from '../../../shared/contract/quickstart';

const T0 = new Date('2025-03-01T10:20:30.123Z');

describe('new order ids', () => {
  it('match the ePayment, eCom, Recurring and Order Management patterns', () => {
    for (let i = 0; i < 200; i++) {
      const ids = newOrderIds(T0, randomBytes());
      expect(ids.orderId).toMatch(EPAYMENT_REFERENCE_PATTERN);
      expect(ids.orderId).toMatch(ECOM_ORDER_ID_PATTERN);
      expect(ids.orderId).toMatch(RECURRING_ORDER_ID_PATTERN);
      expect(ids.orderId).toMatch(OM_ORDER_ID_PATTERN);
      expect(isPortableOrderId(ids.orderId)).toBe(true);
      expect(ids.imageId).toMatch(IMAGE_ID_PATTERN);
      expect(ids.imageId.length).toBeLessThanOrEqual(128);
      expect(ids.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ids.idempotencyKey).not.toMatch(/[#?/\\]/);
    }
  });

  it('are a pure function of the time and the random bytes', () => {
    const bytes = new Uint8Array(24).fill(9);
    expect(newOrderIds(T0, bytes)).toEqual(newOrderIds(T0, bytes));
    expect(newOrderIds(T0, bytes).orderId).not.toBe(newOrderIds(T0, new Uint8Array(24).fill(10)).orderId);
    expect(newOrderIds(T0, bytes).createdAt).toBe(T0.toISOString());
  });

  it('refuses too few random bytes instead of making guessable ids', () => {
    expect(() => newOrderIds(T0, new Uint8Array(4))).toThrow(/24 random bytes/);
  });

  it('gives a new image id that still fits the pattern', () => {
    expect(newImageId(T0, randomBytes(4))).toMatch(IMAGE_ID_PATTERN);
  });
});

describe('step state transitions', () => {
  const at = '2025-03-01T10:21:00.000Z';
  it('moves not-run → sent → passed on a 2xx and keeps the status and time', () => {
    const sent = applyOutcome({ state: 'not-run' }, { kind: 'sent' }, at);
    expect(sent.state).toBe('sent');
    expect(applyOutcome(sent, { kind: 'answered', status: 201 }, at)).toEqual({ state: 'passed', status: 201, at });
  });

  it('marks any non-2xx answer as failed with its status', () => {
    for (const status of [301, 400, 401, 404, 409, 500]) {
      expect(applyOutcome({ state: 'sent' }, { kind: 'answered', status }, at)).toEqual({ state: 'failed', status, at });
    }
  });

  it('fails a step that got no answer, but puts a cancelled one back to not-run', () => {
    expect(applyOutcome({ state: 'sent' }, { kind: 'no-answer', cancelled: false, message: 'Timed out' }, at)).toEqual({ state: 'failed', at, note: 'Timed out' });
    expect(applyOutcome({ state: 'sent' }, { kind: 'no-answer', cancelled: true, message: 'Cancelled' }, at).state).toBe('not-run');
  });

  it('keeps the token and setup on a new order but resets the order’s own steps', () => {
    let state = initialQuickStart(newOrderIds(T0, randomBytes()), at);
    for (const id of ['setup', 'token', 'payment', 'image', 'category', 'receipt', 'readback'] as const) {
      state = recordStep(state, id, { kind: 'answered', status: 200 }, at);
    }
    const fresh = newOrderIds(T0, randomBytes());
    const next = startNewOrder(state, fresh, at, 'ecom');
    expect(next.order.orderId).toBe(fresh.orderId);
    expect(next.paymentApi).toBe('ecom');
    expect(next.steps.token.state).toBe('passed');
    expect(next.steps.setup.state).toBe('passed');
    for (const id of ['payment', 'image', 'category', 'receipt', 'readback'] as const) expect(next.steps[id].state).toBe('not-run');
    expect(QuickStartStateSchema.safeParse(next).success).toBe(true);
  });

  it('hands extracted ids on to later steps', () => {
    const state = initialQuickStart(newOrderIds(T0, randomBytes()), at, 'recurring');
    const extracted = extractValues('payment.recurring', 201, JSON.stringify({ agreementId: 'agr_1', chargeId: 'chr-9', uuid: 'u' }));
    const next = recordStep(state, 'payment', { kind: 'answered', status: 201 }, at, extracted);
    expect(next.order).toMatchObject({ orderId: 'chr-9', chargeId: 'chr-9', agreementId: 'agr_1' });
    expect(runVariables(next)).toMatchObject({ orderId: 'chr-9', paymentType: 'recurring', agreementId: 'agr_1' });
  });

  it('takes the ePayment reference, the eCom orderId and the uploaded imageId from 2xx answers only', () => {
    expect(extractValues('payment.epayment', 201, '{"reference":"ref-12345678"}')).toEqual({ orderId: 'ref-12345678' });
    expect(extractValues('payment.ecom', 200, '{"orderId":"o-1","url":"x"}')).toEqual({ orderId: 'o-1' });
    expect(extractValues('image', 200, '{"imageId":"img-1"}')).toEqual({ uploadedImageId: 'img-1' });
    expect(extractValues('payment.epayment', 409, '{"reference":"ref-12345678"}')).toEqual({});
    expect(extractValues('payment.epayment', 201, 'not json')).toEqual({});
  });

  it('forgets the uploaded image when a new imageId is chosen', () => {
    let state = initialQuickStart(newOrderIds(T0, randomBytes()), at);
    state = recordStep(state, 'image', { kind: 'answered', status: 200 }, at, { uploadedImageId: state.order.imageId });
    const next = replaceImageId(state, 'vx-img-new', at);
    expect(next.order.imageId).toBe('vx-img-new');
    expect(next.order.uploadedImageId).toBeUndefined();
    expect(next.steps.image.state).toBe('not-run');
  });

  it('names the first step that did not pass after a run', () => {
    let state = initialQuickStart(newOrderIds(T0, randomBytes()), at);
    state = recordStep(state, 'token', { kind: 'answered', status: 200 }, at);
    state = recordStep(state, 'payment', { kind: 'answered', status: 400 }, at);
    expect(firstFailure(state, ['token', 'payment', 'category'])).toEqual({ stepId: 'payment', record: { state: 'failed', status: 400, at } });
    expect(firstFailure(state, ['token'])).toBeNull();
  });
});
