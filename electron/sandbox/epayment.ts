import { ForceApproveSchema, validateCreatePayment } from '../../shared/vipps/epayment';
import { validateWith } from '../../shared/vipps/issues';
import type { LenientRule } from '../../shared/vipps/lenient';
import { checkEpaymentReference } from '../../shared/vipps/patterns';
import type { Receipt } from '../../shared/vipps/receipt';
import type { Handler, Reply, RequestContext } from './context';
import { requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { digits, shortId } from './ids';
import { readIdempotencyKey, withIdempotency } from './idempotency';
import { receiptExists } from './order-management';
import { actOnNewPayment, approvePayment } from './customer';
import { recordEvent } from './epayment-events';
import { parseJsonBody, requestFingerprint } from './request-body';
import { quote } from './text';
import { key, type EpaymentRecord } from './state';

export const CREATE_LENIENCY: readonly LenientRule[] = [
  { path: ['reference'], wants: 'string' },
  { path: ['customer', 'phoneNumber'], wants: 'string' },
];
const APPROVE_LENIENCY: readonly LenientRule[] = [{ path: ['customer', 'phoneNumber'], wants: 'string' }];

function landingUrl(ctx: RequestContext, kind: 'payment' | 'qr'): string {
  return `${ctx.deps.baseUrl()}/__sandbox/landing?kind=${kind}&token=${shortId('', 24)}`;
}

function redirectFor(ctx: RequestContext, userFlow: string): string | null {
  if (userFlow === 'PUSH_MESSAGE') return null;
  return landingUrl(ctx, userFlow === 'QR' ? 'qr' : 'payment');
}

export const createPayment: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const idem = readIdempotencyKey(ctx);
  if ('reply' in idem) return idem.reply;
  const body = parseJsonBody(ctx, { lenient: CREATE_LENIENCY });
  if (!body.ok) return body.reply;
  return withIdempotency(ctx, idem.key, requestFingerprint(ctx, body.value), () => {
    const result = validateCreatePayment(body.value, { now: ctx.deps.now() });
    if (!result.ok) return problemReply('epayment', ctx.path, validationProblem(result.issues));
    const request = result.value;
    const store = ctx.deps.store;
    const k = key(unit.msn, request.reference);
    if (store.epayments.has(k)) {
      return problemReply('epayment', ctx.path, {
        status: 409,
        title: 'The reference is already in use.',
        detail: `A payment with reference ${quote(request.reference)} already exists for MSN ${unit.msn}. Every payment needs a new reference.`,
      });
    }
    if (request.receipt !== undefined && receiptExists(store, unit.msn, 'ecom', request.reference)) {
      return problemReply('epayment', ctx.path, {
        status: 409,
        title: 'A receipt already exists for this reference.',
        detail: `Order Management already holds a receipt for ${quote(request.reference)}; receipts cannot be replaced. Leave out receipt, or use a new reference.`,
      });
    }
    const nowMs = ctx.deps.now();
    const now = new Date(nowMs).toISOString();
    const record: EpaymentRecord = {
      msn: unit.msn,
      reference: request.reference,
      pspReference: digits(10),
      amount: { currency: request.amount.currency, value: request.amount.value },
      state: 'CREATED',
      paymentMethodType: request.paymentMethod.type,
      userFlow: request.userFlow,
      redirectUrl: redirectFor(ctx, request.userFlow),
      profileScope: request.profile?.scope ?? null,
      sub: null,
      metadata: request.metadata ?? null,
      paymentDescription: request.paymentDescription ?? null,
      createdAt: now,
      authorizedAt: null,
      expiresAtMs: request.expiresAt ? Date.parse(request.expiresAt) : nowMs + ctx.deps.config.paymentExpirySeconds * 1000,
      captured: 0,
      refunded: 0,
      cancelled: 0,
      events: [],
    };
    recordEvent(ctx, record, 'CREATED', record.amount.value, idem.key);
    store.put('epayments', k, record);
    actOnNewPayment(ctx, record, request.customer?.phoneNumber ?? null);
    if (request.receipt !== undefined) {
      const order = store.order(unit.msn, 'ecom', request.reference, true);
      order.receipt = request.receipt as Receipt;
      order.receiptCreatedAt = now;
      order.receiptSource = 'epayment';
      store.touch('orders', key(unit.msn, 'ecom', request.reference));
    }
    const created: Record<string, string> = { reference: record.reference };
    if (record.redirectUrl) created.redirectUrl = record.redirectUrl;
    return { status: 201, body: created };
  });
};

const amount = (currency: string, value: number) => ({ currency, value });

export function aggregate(p: EpaymentRecord) {
  const c = p.amount.currency;
  return {
    authorizedAmount: amount(c, p.authorizedAt ? p.amount.value : 0),
    cancelledAmount: amount(c, p.cancelled),
    capturedAmount: amount(c, p.captured),
    refundedAmount: amount(c, p.refunded),
  };
}

function paymentBody(p: EpaymentRecord): unknown {
  return {
    aggregate: aggregate(p),
    amount: p.amount,
    state: p.state,
    paymentMethod: { type: p.paymentMethodType },
    profile: p.sub ? { sub: p.sub } : {},
    pspReference: p.pspReference,
    ...(p.redirectUrl ? { redirectUrl: p.redirectUrl } : {}),
    reference: p.reference,
    ...(p.metadata ? { metadata: p.metadata } : {}),
  };
}

/** A CREATED payment nobody approved in time becomes EXPIRED when it is next looked at, or when the clock moves past it. */
export function expireIfDue(ctx: Pick<RequestContext, 'deps'>, p: EpaymentRecord): void {
  if (p.state !== 'CREATED' || ctx.deps.now() < p.expiresAtMs) return;
  p.state = 'EXPIRED';
  recordEvent(ctx, p, 'EXPIRED', p.amount.value, null);
  ctx.deps.store.touch('epayments', key(p.msn, p.reference));
}

export function findPayment(ctx: RequestContext): EpaymentRecord | Reply {
  const unit = requireUnit(ctx);
  const reference = ctx.params.reference ?? '';
  const issue = checkEpaymentReference(reference);
  if (issue) return problemReply('epayment', ctx.path, validationProblem([issue]));
  const payment = ctx.deps.store.epayments.get(key(unit.msn, reference));
  if (!payment) {
    return problemReply('epayment', ctx.path, {
      status: 404,
      title: 'Payment not found.',
      detail: `No payment with reference ${quote(reference)} exists for MSN ${unit.msn}. References are case-sensitive and belong to one sales unit.`,
    });
  }
  expireIfDue(ctx, payment);
  return payment;
}

export const getPayment: Handler = (ctx) => {
  const found = findPayment(ctx);
  if (!('reference' in found)) return found;
  return { status: 200, body: paymentBody(found) };
};

export const getPaymentEvents: Handler = (ctx) => {
  const found = findPayment(ctx);
  if (!('reference' in found)) return found;
  return {
    status: 200,
    body: found.events.map((e) => ({ reference: found.reference, pspReference: found.pspReference, name: e.name, amount: e.amount, timestamp: e.timestamp, idempotencyKey: e.idempotencyKey, success: e.success })),
  };
};

/** Test-only: acts as the user approving in the app, moving CREATED to AUTHORIZED. */
export const forceApprove: Handler = (ctx) => {
  const found = findPayment(ctx);
  if (!('reference' in found)) return found;
  const body = parseJsonBody(ctx, { optional: true, lenient: APPROVE_LENIENCY });
  if (!body.ok) return body.reply;
  const checked = validateWith(ForceApproveSchema, body.value);
  if (!checked.ok) return problemReply('epayment', ctx.path, validationProblem(checked.issues));
  if (found.state === 'AUTHORIZED' && found.customer?.act === 'approve' && found.cancelled === 0) {
    // Flows written for the test environment approve here; the simulated customer got there first.
    ctx.notes.push('Already approved by the simulated customer; answered as if this call approved it.');
    return { status: 200, raw: '' };
  }
  if (found.state !== 'CREATED') {
    return problemReply('epayment', ctx.path, {
      status: 400,
      title: 'The payment cannot be approved.',
      detail: `Payment ${quote(found.reference)} is ${found.state}; only a CREATED payment can be approved.`,
    });
  }
  approvePayment(ctx, found);
  return { status: 200, raw: '' };
};
