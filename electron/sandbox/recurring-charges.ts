import { z } from 'zod';
import { validateWith } from '../../shared/vipps/issues';
import { validateCreateCharge } from '../../shared/vipps/recurring';
import type { Handler, Reply, RequestContext } from './context';
import { requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { digits, shortId } from './ids';
import { findAgreement, idempotentWrite, newCharge, notFound } from './recurring';
import { MAGIC_REFUSALS } from './customer-rules';
import { quote } from './text';
import { key, type ChargeRecord } from './state';

const JSON_UTF8 = 'application/json;charset=UTF-8';
const nowIso = (ctx: Pick<RequestContext, 'deps'>) => new Date(ctx.deps.now()).toISOString();
const AmountSchema = z.object({ amount: z.int().min(1), description: z.string().min(1).max(45) });

export const createCharge: Handler = (ctx) =>
  idempotentWrite(ctx, (input, idempotencyKey) => {
    const found = findAgreement(ctx);
    if (!('uuid' in found)) return found;
    const result = validateCreateCharge(input, { now: ctx.deps.now(), minDaysAhead: ctx.deps.config.chargeMinDaysAhead });
    if (!result.ok) {
      const tooSoon = result.issues.some((i) => i.name === 'due' && /after today/.test(i.reason));
      return problemReply('recurring', ctx.path, { ...validationProblem(result.issues), recurringType: tooSoon ? 'charge-due-too-soon' : 'validation-error' });
    }
    if (found.status !== 'ACTIVE') {
      return problemReply('recurring', ctx.path, { status: 400, title: 'The agreement is not active.', detail: `Agreement ${quote(found.id)} is ${found.status}; charges can only be created on an ACTIVE agreement.`, recurringType: 'charge-creation-failed' });
    }
    const request = result.value;
    const id = request.orderId ?? shortId('chr-', 10);
    const store = ctx.deps.store;
    if (store.charges.has(key(found.msn, id))) {
      return problemReply('recurring', ctx.path, { status: 409, title: 'The charge id is already in use.', detail: `A charge with id ${quote(id)} already exists for this sales unit; use a new orderId.`, recurringType: 'charge-creation-failed' });
    }
    const charge = newCharge(ctx, found, { id, amount: request.amount, description: request.description, due: `${request.due}T00:00:00Z`, retryDays: request.retryDays, type: 'RECURRING', transactionType: request.transactionType, externalId: request.externalId ?? null }, idempotencyKey);
    store.put('charges', key(found.msn, id), charge);
    return { status: 201, contentType: JSON_UTF8, body: { chargeId: id } };
  });

function chargeBody(c: ChargeRecord): unknown {
  return {
    id: c.id,
    agreementId: c.agreementId,
    amount: c.amount,
    currency: c.currency,
    description: c.description,
    due: c.due,
    status: c.status,
    type: c.type,
    transactionType: c.transactionType,
    transactionId: c.transactionId,
    retryDays: c.retryDays,
    // Without one sent, the service uses the charge id as the external id.
    externalId: c.externalId ?? c.id,
    failureReason: c.failureReason ?? null,
    summary: { captured: c.captured, refunded: c.refunded, cancelled: c.cancelled },
    history: c.history.map(({ idempotencyKey, ...event }) => (idempotencyKey === null ? event : { ...event, idempotencyKey })),
  };
}

/**
 * On its due date the service takes a charge from the user: DIRECT_CAPTURE becomes CHARGED,
 * RESERVE_CAPTURE RESERVED. The sandbox does it when the charge is next looked at.
 */
export function settleIfDue(ctx: Pick<RequestContext, 'deps'>, c: ChargeRecord): void {
  if ((c.status !== 'PENDING' && c.status !== 'DUE') || ctx.deps.now() < Date.parse(c.due)) return;
  const refusal = MAGIC_REFUSALS[c.amount];
  if (refusal !== undefined) {
    // Vipps' magic amounts refuse a charge as they refuse a payment; the retry days change nothing here.
    c.status = 'FAILED';
    c.failureReason = refusal;
    ctx.deps.store.touch('charges', key(c.msn, c.id));
    return;
  }
  const direct = c.transactionType === 'DIRECT_CAPTURE';
  c.status = direct ? 'CHARGED' : 'RESERVED';
  if (direct) c.captured = c.amount;
  c.transactionId = digits(10);
  // No request triggers this, so the event carries the key of the charge's creation.
  c.history.push({ occurred: nowIso(ctx), event: direct ? 'CAPTURE' : 'RESERVE', amount: c.amount, idempotencyKey: c.history[0]?.idempotencyKey ?? null, success: true });
  ctx.deps.store.touch('charges', key(c.msn, c.id));
}

function findCharge(ctx: RequestContext): ChargeRecord | Reply {
  const unit = requireUnit(ctx);
  const chargeId = ctx.params.chargeId ?? '';
  const charge = ctx.deps.store.charges.get(key(unit.msn, chargeId));
  const agreementId = ctx.params.agreementId;
  if (!charge || (agreementId !== undefined && charge.agreementId !== agreementId)) return notFound(ctx, 'Charge', chargeId);
  settleIfDue(ctx, charge);
  return charge;
}

export const getCharge: Handler = (ctx) => {
  const charge = findCharge(ctx);
  if (!('history' in charge)) return charge;
  return { status: 200, contentType: JSON_UTF8, body: chargeBody(charge) };
};

export const listCharges: Handler = (ctx) => {
  const found = findAgreement(ctx);
  if (!('uuid' in found)) return found;
  const status = ctx.query.get('status');
  const list: unknown[] = [];
  for (const c of ctx.deps.store.charges.values()) {
    if (c.msn !== found.msn || c.agreementId !== found.id) continue;
    settleIfDue(ctx, c);
    if (status === null || c.status === status) list.push(chargeBody(c));
  }
  return { status: 200, contentType: JSON_UTF8, body: list };
};

function illegal(ctx: RequestContext, c: ChargeRecord, what: string): Reply {
  return problemReply('recurring', ctx.path, { status: 400, title: `The charge cannot be ${what}.`, detail: `Charge ${quote(c.id)} is ${c.status}.`, recurringType: 'illegal-charge-status' });
}

/** Runs a charge operation with Idempotency-Key and replay, then saves the charge. */
function chargeWrite(ctx: RequestContext, run: (c: ChargeRecord, body: unknown, idempotencyKey: string) => Reply, optionalBody = false): Reply {
  return idempotentWrite(
    ctx,
    (input, idempotencyKey) => {
      const charge = findCharge(ctx);
      if (!('history' in charge)) return charge;
      const reply = run(charge, input, idempotencyKey);
      if (reply.status < 300) ctx.deps.store.touch('charges', key(charge.msn, charge.id));
      return reply;
    },
    { optionalBody },
  );
}

export const captureCharge: Handler = (ctx) =>
  chargeWrite(ctx, (c, input, idempotencyKey) => {
    const checked = validateWith(AmountSchema, input);
    if (!checked.ok) return problemReply('recurring', ctx.path, validationProblem(checked.issues));
    if (c.status !== 'RESERVED' && c.status !== 'PARTIALLY_CAPTURED') return illegal(ctx, c, 'captured');
    const left = c.amount - c.captured - c.cancelled;
    if (checked.value.amount > left) return problemReply('recurring', ctx.path, validationProblem([{ name: 'amount', reason: `At most ${left} can be captured.` }]));
    c.captured += checked.value.amount;
    c.status = c.captured === c.amount - c.cancelled ? 'CHARGED' : 'PARTIALLY_CAPTURED';
    c.history.push({ occurred: nowIso(ctx), event: 'CAPTURE', amount: checked.value.amount, idempotencyKey, success: true });
    return { status: 204, raw: '' };
  });

export const refundCharge: Handler = (ctx) =>
  chargeWrite(ctx, (c, input, idempotencyKey) => {
    const checked = validateWith(AmountSchema, input);
    if (!checked.ok) return problemReply('recurring', ctx.path, validationProblem(checked.issues));
    if (c.captured === 0) return illegal(ctx, c, 'refunded');
    const left = c.captured - c.refunded;
    if (checked.value.amount > left) return problemReply('recurring', ctx.path, validationProblem([{ name: 'amount', reason: `At most ${left} can be refunded.` }]));
    c.refunded += checked.value.amount;
    c.status = c.refunded === c.captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    c.history.push({ occurred: nowIso(ctx), event: 'REFUND', amount: checked.value.amount, idempotencyKey, success: true });
    return { status: 204, raw: '' };
  });

/** DELETE: a charge not yet (fully) taken is cancelled; what was captured stays captured. */
export const cancelCharge: Handler = (ctx) =>
  chargeWrite(
    ctx,
    (c, _input, idempotencyKey) => {
      const left = c.amount - c.captured - c.cancelled;
      const reservedOrPartly = c.status === 'RESERVED' || c.captured > 0;
      if (left <= 0 || !(['PENDING', 'DUE'].includes(c.status) || reservedOrPartly)) return illegal(ctx, c, 'cancelled');
      c.cancelled += left;
      if (c.captured === 0) c.status = 'CANCELLED';
      else if (c.status === 'PARTIALLY_CAPTURED') c.status = 'CHARGED';
      c.history.push({ occurred: nowIso(ctx), event: 'CANCEL', amount: left, idempotencyKey, success: true });
      return { status: 204, raw: '' };
    },
    true,
  );
