import { z } from 'zod';
import { validateWith } from '../../shared/vipps/issues';
import type { Handler, Reply, RequestContext } from './context';
import { header, requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { findOrder, transactionSummary } from './ecom';
import { logEntry } from './ecom-log';
import { parseJsonBody } from './request-body';
import { quote } from './text';
import { key, type EcomRecord } from './state';

const ALREADY_PROCESSED = '92';
const JSON_UTF8 = 'application/json;charset=UTF-8';

const ActionSchema = z.object({
  merchantInfo: z.object({ merchantSerialNumber: z.string().regex(/^\d{4,6}$/) }),
  transaction: z.object({ amount: z.int().min(0).optional(), transactionText: z.string().min(1).max(100) }),
  shouldReleaseRemainingFunds: z.boolean().optional(),
});
type Action = z.infer<typeof ActionSchema>;

function refuse(ctx: RequestContext, detail: string): Reply {
  return problemReply('ecom', ctx.path, { status: 400, title: 'The operation is not possible now.', detail, ecom: { group: 'Payment', code: ALREADY_PROCESSED } });
}

/** Reads the action body and the order, checking the body's MSN against the keys'. */
function prepare(ctx: RequestContext, requestIdRequired: boolean): { record: EcomRecord; action: Action; requestId: string | null } | Reply {
  const unit = requireUnit(ctx);
  const requestId = header(ctx, 'x-request-id') ?? null;
  if (requestIdRequired && !requestId) return problemReply('ecom', ctx.path, validationProblem([{ name: 'X-Request-Id', reason: 'This header is required here: a unique id per operation, reused only on retries.' }]));
  if (requestId !== null && requestId.length > 40) return problemReply('ecom', ctx.path, validationProblem([{ name: 'X-Request-Id', reason: 'May be at most 40 characters long.' }]));
  const body = parseJsonBody(ctx);
  if (!body.ok) return body.reply;
  const checked = validateWith(ActionSchema, body.value);
  if (!checked.ok) return problemReply('ecom', ctx.path, validationProblem(checked.issues));
  if (checked.value.merchantInfo.merchantSerialNumber !== unit.msn) {
    return problemReply('ecom', ctx.path, { status: 403, title: 'Wrong merchant serial number.', detail: `merchantInfo.merchantSerialNumber is not ${unit.msn}, the MSN of your keys.`, ecom: { group: 'Merchant', code: 'merchantSerialNumber' } });
  }
  const record = findOrder(ctx);
  if (!('orderId' in record)) return record;
  return { record, action: checked.value, requestId };
}

function transactionInfo(ctx: RequestContext, amount: number, status: string, text: string) {
  const entry = { amount, status, timeStamp: new Date(ctx.deps.now()).toISOString(), transactionText: text };
  return entry;
}

export const capturePayment: Handler = (ctx) => {
  const ready = prepare(ctx, true);
  if (!('record' in ready)) return ready;
  const { record, action, requestId } = ready;
  if (record.status !== 'RESERVE') return refuse(ctx, `Payment ${quote(record.orderId)} is ${record.status}; only a reserved payment can be captured.`);
  if (record.captureRefused) return refuse(ctx, `The customer's bank refused the capture of ${quote(record.orderId)} (the sandbox's test number 99000004 approves and then has every capture refused).`);
  const remaining = record.amount - record.captured;
  const amount = action.transaction.amount || remaining;
  if (amount > remaining) return refuse(ctx, `At most ${remaining} can be captured: ${record.amount} reserved, ${record.captured} captured so far.`);
  const log = logEntry(ctx, record, 'CAPTURE', requestId, amount, action.transaction.transactionText);
  record.captured += amount;
  record.log.push(log);
  ctx.deps.store.touch('ecomPayments', key(record.msn, record.orderId));
  return { status: 200, contentType: JSON_UTF8, body: { orderId: record.orderId, transactionInfo: { ...transactionInfo(ctx, amount, 'Captured', log.transactionText), transactionId: log.transactionId }, transactionSummary: transactionSummary(record) } };
};

export const refundPayment: Handler = (ctx) => {
  const ready = prepare(ctx, true);
  if (!('record' in ready)) return ready;
  const { record, action, requestId } = ready;
  const refundable = record.captured - record.refunded;
  if (refundable <= 0) return refuse(ctx, `Payment ${quote(record.orderId)} has nothing captured that is not refunded yet.`);
  const amount = action.transaction.amount || refundable;
  if (amount > refundable) return refuse(ctx, `At most ${refundable} can be refunded: ${record.captured} captured, ${record.refunded} refunded so far.`);
  const log = logEntry(ctx, record, 'REFUND', requestId, amount, action.transaction.transactionText);
  record.refunded += amount;
  record.log.push(log);
  ctx.deps.store.touch('ecomPayments', key(record.msn, record.orderId));
  return { status: 200, contentType: JSON_UTF8, body: { orderId: record.orderId, transaction: { ...transactionInfo(ctx, amount, 'Refund', log.transactionText), transactionId: log.transactionId }, transactionSummary: transactionSummary(record) } };
};

/** An initiated or reserved payment with nothing captured; after a partial capture only with shouldReleaseRemainingFunds. */
export const cancelPayment: Handler = (ctx) => {
  const ready = prepare(ctx, false);
  if (!('record' in ready)) return ready;
  const { record, action, requestId } = ready;
  if (record.status !== 'INITIATE' && record.status !== 'RESERVE') return refuse(ctx, `Payment ${quote(record.orderId)} is ${record.status}; it cannot be cancelled again.`);
  if (record.captured > 0 && action.shouldReleaseRemainingFunds !== true) {
    return refuse(ctx, `Payment ${quote(record.orderId)} is partly captured; send shouldReleaseRemainingFunds: true to release the rest.`);
  }
  const amount = record.status === 'RESERVE' ? record.amount - record.captured : record.amount;
  const log = logEntry(ctx, record, record.status === 'RESERVE' ? 'CANCEL' : 'VOID', requestId, amount, action.transaction.transactionText);
  record.status = 'CANCEL';
  record.log.push(log);
  ctx.deps.store.touch('ecomPayments', key(record.msn, record.orderId));
  return { status: 200, contentType: JSON_UTF8, body: { orderId: record.orderId, transactionInfo: { ...transactionInfo(ctx, amount, 'Cancelled', log.transactionText), transactionId: log.transactionId }, transactionSummary: transactionSummary(record) } };
};
