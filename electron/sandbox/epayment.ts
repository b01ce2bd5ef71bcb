import { ForceApproveSchema, validateCreatePayment } from '../../shared/vipps/epayment';
import { validateWith } from '../../shared/vipps/issues';
import { checkEpaymentReference } from '../../shared/vipps/patterns';
import type { Receipt } from '../../shared/vipps/receipt';
import type { Handler, Reply, RequestContext } from './context';
import { requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { digits, shortId } from './ids';
import { readIdempotencyKey, withIdempotency } from './idempotency';
import { receiptExists } from './order-management';
import { parseJsonBody, requestFingerprint } from './request-body';
import { key, type EpaymentRecord } from './state';

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
  const body = parseJsonBody(ctx);
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
        detail: `A payment with reference "${request.reference}" already exists for MSN ${unit.msn}. Every payment needs a new reference.`,
      });
    }
    if (request.receipt !== undefined && receiptExists(store, unit.msn, 'ecom', request.reference)) {
      return problemReply('epayment', ctx.path, {
        status: 409,
        title: 'A receipt already exists for this reference.',
        detail: `Order Management already holds a receipt for "${request.reference}"; receipts cannot be replaced. Leave out receipt, or use a new reference.`,
      });
    }
    const now = new Date(ctx.deps.now()).toISOString();
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
    };
    store.epayments.set(k, record);
    if (request.receipt !== undefined) {
      const order = store.order(unit.msn, 'ecom', request.reference, true);
      order.receipt = request.receipt as Receipt;
      order.receiptCreatedAt = now;
      order.receiptSource = 'epayment';
    }
    store.changed();
    const created: Record<string, string> = { reference: record.reference };
    if (record.redirectUrl) created.redirectUrl = record.redirectUrl;
    return { status: 201, body: created };
  });
};

function zero(currency: string) {
  return { currency, value: 0 };
}

function paymentBody(p: EpaymentRecord): unknown {
  const authorized = p.state === 'AUTHORIZED' ? p.amount : zero(p.amount.currency);
  return {
    aggregate: {
      authorizedAmount: authorized,
      cancelledAmount: zero(p.amount.currency),
      capturedAmount: zero(p.amount.currency),
      refundedAmount: zero(p.amount.currency),
    },
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

function findPayment(ctx: RequestContext): EpaymentRecord | Reply {
  const unit = requireUnit(ctx);
  const reference = ctx.params.reference ?? '';
  const issue = checkEpaymentReference(reference);
  if (issue) return problemReply('epayment', ctx.path, validationProblem([issue]));
  const payment = ctx.deps.store.epayments.get(key(unit.msn, reference));
  if (!payment) {
    return problemReply('epayment', ctx.path, {
      status: 404,
      title: 'Payment not found.',
      detail: `No payment with reference "${reference}" exists for MSN ${unit.msn}. References are case-sensitive and belong to one sales unit.`,
    });
  }
  return payment;
}

export const getPayment: Handler = (ctx) => {
  const found = findPayment(ctx);
  if (!('reference' in found)) return found;
  return { status: 200, body: paymentBody(found) };
};

/** Test-only: acts as the user approving in the app, moving CREATED to AUTHORIZED. */
export const forceApprove: Handler = (ctx) => {
  const found = findPayment(ctx);
  if (!('reference' in found)) return found;
  const body = parseJsonBody(ctx, { optional: true });
  if (!body.ok) return body.reply;
  const checked = validateWith(ForceApproveSchema, body.value);
  if (!checked.ok) return problemReply('epayment', ctx.path, validationProblem(checked.issues));
  if (found.state !== 'CREATED') {
    return problemReply('epayment', ctx.path, {
      status: 400,
      title: 'The payment cannot be approved.',
      detail: `Payment "${found.reference}" is ${found.state}; only a CREATED payment can be approved.`,
    });
  }
  found.state = 'AUTHORIZED';
  found.authorizedAt = new Date(ctx.deps.now()).toISOString();
  if (found.profileScope) found.sub = shortId('sub-', 20);
  ctx.deps.store.changed();
  return { status: 200, raw: '' };
};
