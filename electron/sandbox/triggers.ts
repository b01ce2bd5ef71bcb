import { SANDBOX_TRIGGER_EVENTS } from '../../shared/contract/sandbox';
import { approvePayment } from './customer';
import type { SandboxDeps } from './context';
import { recordEvent } from './epayment-events';
import { digits, shortId } from './ids';
import { key, type EpaymentRecord } from './state';

/** How to reach each event from a new payment, in the steps the real service would take. */
const PATHS: Record<string, Array<'approve' | 'abort' | 'expire' | 'terminate' | 'cancel' | 'capture' | 'refund'>> = {
  created: [],
  authorized: ['approve'],
  aborted: ['abort'],
  expired: ['expire'],
  terminated: ['terminate'],
  cancelled: ['approve', 'cancel'],
  captured: ['approve', 'capture'],
  refunded: ['approve', 'capture', 'refund'],
};

export const TRIGGER_EVENTS: readonly string[] = SANDBOX_TRIGGER_EVENTS;

export type TriggerResult = { ok: true; reference: string; events: string[] } | { ok: false; reason: string };

/**
 * Like `stripe trigger`: makes a payment in the sales unit and drives it to the named event,
 * so every event on the way is recorded and delivered, signed, to the registered webhooks.
 */
export function triggerEvent(deps: SandboxDeps, msn: string, event: string): TriggerResult {
  const name = /^epayments\.payment\.([a-z]+)\.v1$/.exec(event)?.[1];
  const steps = name === undefined ? undefined : PATHS[name];
  if (!steps) return { ok: false, reason: `Unknown event "${event.slice(0, 80)}". The sandbox can trigger: ${TRIGGER_EVENTS.join(', ')}.` };
  const ctx = { deps };
  const nowMs = deps.now();
  const amount = 10_000;
  const p: EpaymentRecord = {
    msn,
    reference: `trigger-${shortId('', 12)}`,
    pspReference: digits(10),
    amount: { currency: 'NOK', value: amount },
    state: 'CREATED',
    paymentMethodType: 'WALLET',
    userFlow: 'WEB_REDIRECT',
    redirectUrl: null,
    profileScope: null,
    sub: null,
    metadata: { triggeredBy: 'sandbox trigger' },
    paymentDescription: `Triggered ${event}`,
    createdAt: new Date(nowMs).toISOString(),
    authorizedAt: null,
    expiresAtMs: nowMs + deps.config.paymentExpirySeconds * 1000,
    captured: 0,
    refunded: 0,
    cancelled: 0,
    events: [],
  };
  deps.store.put('epayments', key(msn, p.reference), p);
  recordEvent(ctx, p, 'CREATED', amount, null);
  for (const step of steps) {
    if (step === 'approve') approvePayment(ctx, p);
    else if (step === 'abort' || step === 'expire' || step === 'terminate') {
      p.state = step === 'abort' ? 'ABORTED' : step === 'expire' ? 'EXPIRED' : 'TERMINATED';
      recordEvent(ctx, p, p.state, amount, null);
    } else if (step === 'cancel') {
      p.cancelled = amount;
      recordEvent(ctx, p, 'CANCELLED', amount, null);
    } else if (step === 'capture') {
      p.captured = amount;
      recordEvent(ctx, p, 'CAPTURED', amount, null);
    } else {
      p.refunded = amount;
      recordEvent(ctx, p, 'REFUNDED', amount, null);
    }
  }
  deps.store.touch('epayments', key(msn, p.reference));
  return { ok: true, reference: p.reference, events: p.events.map((e) => `epayments.payment.${e.name.toLowerCase()}.v1`) };
}
