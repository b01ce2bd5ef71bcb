import type { OmPaymentType } from '../vipps/patterns';

/** The payment APIs a quick-start order can be created with; ePayment is the one Vipps recommends today. */
export const PAYMENT_APIS = ['epayment', 'epayment-receipt', 'ecom', 'recurring'] as const;
export type PaymentApi = (typeof PAYMENT_APIS)[number];

export interface PaymentApiInfo {
  id: PaymentApi;
  label: string;
  /** What the payment API itself calls the id that Order Management calls `orderId`. */
  idName: 'reference' | 'orderId' | 'chargeId';
  /** The `{paymentType}` path value Order Management wants for payments of this API. */
  omPaymentType: OmPaymentType;
  description: string;
}

export const PAYMENT_API_INFO: Record<PaymentApi, PaymentApiInfo> = {
  epayment: {
    id: 'epayment',
    label: 'ePayment API',
    idName: 'reference',
    omPaymentType: 'ecom',
    description:
      'The current API for one-off payments. Its id is called reference (8 to 50 letters, digits or dashes); Order Management uses the same value as orderId, under the payment type ecom.',
  },
  'epayment-receipt': {
    id: 'epayment-receipt',
    label: 'ePayment API, order lines in the payment',
    idName: 'reference',
    omPaymentType: 'ecom',
    description:
      'The same ePayment call, with the order lines and bottom line sent inside the payment as receipt. Order Management stores them with the payment, so the separate order-details step is not sent (a second receipt would be refused as write-once) and the read-back still shows the lines.',
  },
  ecom: {
    id: 'ecom',
    label: 'eCom API v2',
    idName: 'orderId',
    omPaymentType: 'ecom',
    description:
      'The older API the published quick start uses. Its transaction.orderId (1 to 50 letters, digits or dashes) is the orderId Order Management expects, under the payment type ecom.',
  },
  recurring: {
    id: 'recurring',
    label: 'Recurring API v3',
    idName: 'chargeId',
    omPaymentType: 'recurring',
    description:
      'Subscriptions. The agreement is created with a first charge; that charge’s chargeId (the orderId you gave it) is what Order Management uses, under the payment type recurring.',
  },
};

export function isPaymentApi(value: string): value is PaymentApi {
  return (PAYMENT_APIS as readonly string[]).includes(value);
}

/** Whether the order lines travel inside the payment, so the separate receipt step must not be sent. */
export function receiptSentWithPayment(api: PaymentApi): boolean {
  return api === 'epayment-receipt';
}
