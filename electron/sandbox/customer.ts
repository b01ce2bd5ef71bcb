import type { RequestContext } from './context';
import { customerActFor, type CustomerAct } from './customer-rules';
import { logEntry } from './ecom-log';
import { recordEvent } from './epayment-events';
import { digits } from './ids';
import { key, type AgreementRecord, type CustomerNote, type EcomRecord, type EpaymentRecord } from './state';
import { grantProfile } from './userinfo';

type Ctx = Pick<RequestContext, 'deps'>;

const isoNow = (ctx: Ctx) => new Date(ctx.deps.now()).toISOString();

function note(ctx: Ctx, decision: CustomerAct): CustomerNote {
  return { act: decision.act, why: decision.why, decidedAt: isoNow(ctx), actedAt: null };
}

/** CREATED → AUTHORIZED, as the user approving in the app does; shared with force approve. */
export function approvePayment(ctx: Ctx, p: EpaymentRecord): void {
  p.state = 'AUTHORIZED';
  p.authorizedAt = isoNow(ctx);
  if (p.profileScope) p.sub = grantProfile(ctx, p.msn, p.profileScope);
  recordEvent(ctx, p, 'AUTHORIZED', p.amount.value, null);
  ctx.deps.store.touch('epayments', key(p.msn, p.reference));
}

function abortPayment(ctx: Ctx, p: EpaymentRecord): void {
  p.state = 'ABORTED';
  recordEvent(ctx, p, 'ABORTED', p.amount.value, null);
  ctx.deps.store.touch('epayments', key(p.msn, p.reference));
}

/** INITIATE → RESERVE; shared with eCom's force approve. */
export function approveEcom(ctx: Ctx, record: EcomRecord, requestId: string | null): void {
  record.status = 'RESERVE';
  record.log.push(logEntry(ctx, record, 'RESERVE', requestId));
  if (record.scope) record.sub = grantProfile(ctx, record.msn, record.scope);
  ctx.deps.store.touch('ecomPayments', key(record.msn, record.orderId));
}

/** PENDING → ACTIVE, and the initial charge is taken; shared with Recurring's force accept. */
export function acceptAgreement(ctx: Ctx, a: AgreementRecord, phoneNumber: string | null, idempotencyKey: string | null): void {
  a.status = 'ACTIVE';
  a.start = isoNow(ctx);
  if (phoneNumber) a.phoneNumber = phoneNumber;
  if (a.scope) a.sub = grantProfile(ctx, a.msn, a.scope);
  const initialKey = a.initialChargeId ? key(a.msn, a.initialChargeId) : null;
  const initial = initialKey ? ctx.deps.store.charges.get(initialKey) : undefined;
  if (initial && initialKey) {
    const direct = initial.transactionType === 'DIRECT_CAPTURE';
    initial.status = direct ? 'CHARGED' : 'RESERVED';
    if (direct) initial.captured = initial.amount;
    initial.transactionId = digits(10);
    initial.history.push({ occurred: isoNow(ctx), event: direct ? 'CAPTURE' : 'RESERVE', amount: initial.amount, idempotencyKey, success: true });
    ctx.deps.store.touch('charges', initialKey);
  }
  ctx.deps.store.touch('agreements', key(a.msn, a.id));
}

/**
 * Runs `act` now or, for a customer who takes their time, at that sandbox time. A delayed act
 * only happens if the record is still waiting for the customer by then.
 */
function perform(ctx: Ctx, decision: CustomerAct, label: string, customer: CustomerNote, act: () => boolean): void {
  const run = () => {
    if (act()) customer.actedAt = isoNow(ctx);
  };
  const afterMs = decision.act === 'approve' ? decision.afterMs : 0;
  if (afterMs === 0) run();
  else ctx.deps.agenda.add(ctx.deps.now() + afterMs, label, run);
}

/** The simulated customer's turn on a payment just created (only with `customer: 'auto'`). */
export function actOnNewPayment(ctx: Ctx, p: EpaymentRecord, phoneNumber: string | null): void {
  if (ctx.deps.config.customer !== 'auto') return;
  const decision = customerActFor({ amount: p.amount.value, phoneNumber });
  const customer = note(ctx, decision);
  p.customer = customer;
  if (decision.act === 'ignore') return;
  if (decision.act === 'approve' && decision.failCapture) p.captureRefused = true;
  perform(ctx, decision, `customer ${decision.act}s payment ${p.reference}`, customer, () => {
    if (p.state !== 'CREATED' || ctx.deps.now() >= p.expiresAtMs) return false;
    if (decision.act === 'approve') approvePayment(ctx, p);
    else abortPayment(ctx, p);
    return true;
  });
}

export function actOnNewEcomPayment(ctx: Ctx, record: EcomRecord): void {
  if (ctx.deps.config.customer !== 'auto') return;
  const decision = customerActFor({ amount: record.amount, phoneNumber: record.mobileNumber });
  const customer = note(ctx, decision);
  record.customer = customer;
  if (decision.act === 'ignore') return;
  if (decision.act === 'approve' && decision.failCapture) record.captureRefused = true;
  perform(ctx, decision, `customer ${decision.act}s eCom payment ${record.orderId}`, customer, () => {
    if (record.status !== 'INITIATE') return false;
    if (decision.act === 'approve') approveEcom(ctx, record, null);
    else {
      record.status = 'CANCEL';
      record.log.push({ ...logEntry(ctx, record, 'CANCEL', null), operationSuccess: false });
      ctx.deps.store.touch('ecomPayments', key(record.msn, record.orderId));
    }
    return true;
  });
}

/** The customer's answer to a new agreement: the initial charge's amount (or the price) counts as the amount. */
export function actOnNewAgreement(ctx: Ctx, a: AgreementRecord, initialAmount: number | null): void {
  if (ctx.deps.config.customer !== 'auto') return;
  const decision = customerActFor({ amount: initialAmount ?? a.pricing.amount ?? 0, phoneNumber: a.phoneNumber });
  const customer = note(ctx, decision);
  a.customer = customer;
  if (decision.act === 'ignore') return;
  perform(ctx, decision, `customer ${decision.act}s agreement ${a.id}`, customer, () => {
    if (a.status !== 'PENDING') return false;
    if (decision.act === 'approve') acceptAgreement(ctx, a, null, null);
    else {
      a.status = 'STOPPED';
      a.stop = isoNow(ctx);
      ctx.deps.store.touch('agreements', key(a.msn, a.id));
    }
    return true;
  });
}
