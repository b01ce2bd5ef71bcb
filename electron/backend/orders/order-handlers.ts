import type { Handlers } from '../dispatch';
import type { KnownPayments } from './known-payments';

export function createOrderHandlers(payments: KnownPayments): Pick<Handlers, 'checkOrderId'> {
  return {
    checkOrderId: async ({ orderId }) => payments.check(orderId),
  };
}
