import type { QuickStartState } from '../contract/quickstart';
import { PAYMENT_API_INFO } from './payment-apis';

/**
 * The `{{…}}` values a quick-start request is filled with, besides the profile's `baseUrl` and
 * `msn`. The image's base64 is added only when the image step is sent, never stored.
 */
export function runVariables(state: Pick<QuickStartState, 'order' | 'paymentApi'>): Record<string, string> {
  const { order } = state;
  const vars: Record<string, string> = {
    orderId: order.orderId,
    imageId: order.imageId,
    idempotencyKey: order.idempotencyKey,
    paymentType: PAYMENT_API_INFO[state.paymentApi].omPaymentType,
  };
  if (order.agreementId) vars.agreementId = order.agreementId;
  if (order.chargeId) vars.chargeId = order.chargeId;
  return vars;
}
