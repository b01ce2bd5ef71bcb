import type { RequestContext } from './context';
import type { EpaymentEvent, EpaymentRecord } from './state';

/** Records an event on the payment and sends it to the sales unit's webhooks. */
export function recordEvent(ctx: Pick<RequestContext, 'deps'>, p: EpaymentRecord, name: EpaymentEvent['name'], value: number, idempotencyKey: string | null): void {
  const event: EpaymentEvent = { name, amount: { currency: p.amount.currency, value }, timestamp: new Date(ctx.deps.now()).toISOString(), idempotencyKey, success: true };
  p.events.push(event);
  ctx.deps.webhooks.emit(p.msn, `epayments.payment.${name.toLowerCase()}.v1`, p.reference, {
    msn: p.msn,
    reference: p.reference,
    pspReference: p.pspReference,
    name,
    amount: event.amount,
    timestamp: event.timestamp,
    idempotencyKey,
    success: true,
  });
}

