import { z } from 'zod';
import { method } from './define';

export const PaymentSourceSchema = z.enum(['session', 'history', 'sandbox']);

export const OrderIdCheckSchema = z.object({
  /** Where a payment with this id was seen: this session's sends, the history, the embedded sandbox. Empty: none. */
  matches: z.array(PaymentSourceSchema),
  /** The newest payment ids known, newest first, to offer instead. */
  recent: z.array(z.string()),
});
export type OrderIdCheck = z.infer<typeof OrderIdCheckSchema>;

export const ordersContract = {
  checkOrderId: method({
    summary: 'Whether a payment with this orderId (or ePayment reference) is known, before a category, receipt or read-back is sent for it.',
    input: z.object({ orderId: z.string().min(1).max(200) }).strict(),
    output: OrderIdCheckSchema,
  }),
};
