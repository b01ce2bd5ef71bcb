import { z } from 'zod';
import { EpaymentAmountSchema } from '../../shared/vipps/epayment';
import { validateWith } from '../../shared/vipps/issues';
import type { Handler, Reply, RequestContext } from './context';
import { problemReply, validationProblem } from './errors';
import { aggregate, findPayment } from './epayment';
import { recordEvent } from './epayment-events';
import { readIdempotencyKey, withIdempotency } from './idempotency';
import { parseJsonBody, requestFingerprint } from './request-body';
import { MAGIC_REFUND_REFUSALS } from './customer-rules';
import { quote } from './text';
import { key, type EpaymentRecord } from './state';

const ModificationSchema = z.object({ modificationAmount: EpaymentAmountSchema });
const CancelSchema = z.object({ cancelTransactionOnly: z.boolean().optional() });

function conflict(ctx: RequestContext, title: string, detail: string): Reply {
  return problemReply('epayment', ctx.path, { status: 400, title, detail });
}

function modificationReply(p: EpaymentRecord): Reply {
  return { status: 200, body: { amount: p.amount, state: p.state, aggregate: aggregate(p), pspReference: p.pspReference, reference: p.reference } };
}

/** Idempotency-Key, the payment, then the operation; the same key and body replays the answer. */
function modify(ctx: RequestContext, run: (p: EpaymentRecord, body: unknown, idempotencyKey: string) => Reply, optionalBody = false): Reply {
  const idem = readIdempotencyKey(ctx);
  if ('reply' in idem) return idem.reply;
  const body = parseJsonBody(ctx, { optional: optionalBody });
  if (!body.ok) return body.reply;
  return withIdempotency(ctx, idem.key, requestFingerprint(ctx, body.value), () => {
    const found = findPayment(ctx);
    if (!('reference' in found)) return found;
    const reply = run(found, body.value, idem.key);
    if (reply.status < 300) ctx.deps.store.touch('epayments', key(found.msn, found.reference));
    return reply;
  });
}

function readAmount(ctx: RequestContext, p: EpaymentRecord, body: unknown): number | Reply {
  const checked = validateWith(ModificationSchema, body);
  if (!checked.ok) return problemReply('epayment', ctx.path, validationProblem(checked.issues));
  const { currency, value } = checked.value.modificationAmount;
  if (currency !== p.amount.currency) {
    return problemReply('epayment', ctx.path, validationProblem([{ name: 'modificationAmount.currency', reason: `The payment is in ${p.amount.currency}; modifications must use the same currency.` }]));
  }
  if (value <= 0) return problemReply('epayment', ctx.path, validationProblem([{ name: 'modificationAmount.value', reason: 'The amount must be more than 0.' }]));
  return value;
}

export const capturePayment: Handler = (ctx) =>
  modify(ctx, (p, body, idempotencyKey) => {
    const value = readAmount(ctx, p, body);
    if (typeof value !== 'number') return value;
    if (p.state !== 'AUTHORIZED') return conflict(ctx, 'The payment cannot be captured.', `Payment ${quote(p.reference)} is ${p.state}; only an AUTHORIZED payment can be captured.`);
    if (p.captureRefused) return conflict(ctx, 'The capture was refused.', `The customer's bank refused the capture of ${quote(p.reference)} (the sandbox's test number 99000004 approves and then has every capture refused).`);
    const capturable = p.amount.value - p.captured - p.cancelled;
    if (value > capturable) {
      return conflict(ctx, 'The amount is more than can be captured.', `At most ${capturable} can be captured: ${p.amount.value} authorised, ${p.captured} captured and ${p.cancelled} cancelled so far.`);
    }
    p.captured += value;
    recordEvent(ctx, p, 'CAPTURED', value, idempotencyKey);
    return modificationReply(p);
  });

export const refundPayment: Handler = (ctx) =>
  modify(ctx, (p, body, idempotencyKey) => {
    const value = readAmount(ctx, p, body);
    if (typeof value !== 'number') return value;
    const refusal = MAGIC_REFUND_REFUSALS[value];
    if (refusal !== undefined) return conflict(ctx, 'The refund was refused.', `Refund amount ${value} is a test amount: ${refusal}.`);
    const refundable = p.captured - p.refunded;
    if (value > refundable) {
      return conflict(ctx, 'The amount is more than can be refunded.', `At most ${refundable} can be refunded: ${p.captured} captured and ${p.refunded} refunded so far.`);
    }
    p.refunded += value;
    recordEvent(ctx, p, 'REFUNDED', value, idempotencyKey);
    return modificationReply(p);
  });

/**
 * CREATED → TERMINATED. On an AUTHORIZED payment the part not yet captured is cancelled; the
 * state stays AUTHORIZED (the API guide draws it as moving cancelledAmount only).
 */
export const cancelPayment: Handler = (ctx) =>
  modify(
    ctx,
    (p, body, idempotencyKey) => {
      const checked = validateWith(CancelSchema, body);
      if (!checked.ok) return problemReply('epayment', ctx.path, validationProblem(checked.issues));
      if (p.state === 'CREATED') {
        p.state = 'TERMINATED';
        recordEvent(ctx, p, 'TERMINATED', p.amount.value, idempotencyKey);
        return modificationReply(p);
      }
      if (p.state !== 'AUTHORIZED') return conflict(ctx, 'The payment cannot be cancelled.', `Payment ${quote(p.reference)} is ${p.state}; there is nothing left to cancel.`);
      const remaining = p.amount.value - p.captured - p.cancelled;
      if (remaining <= 0) return conflict(ctx, 'Nothing is left to cancel.', `Payment ${quote(p.reference)} has been captured or cancelled in full.`);
      if (p.captured > 0 && checked.value.cancelTransactionOnly === true) {
        return conflict(ctx, 'The payment cannot be cancelled.', 'cancelTransactionOnly cancels only a payment with nothing captured; this one has captures.');
      }
      p.cancelled += remaining;
      recordEvent(ctx, p, 'CANCELLED', remaining, idempotencyKey);
      return modificationReply(p);
    },
    true,
  );
