import type { HttpMethod } from '../contract/requests';
import type { PaymentApi } from './payment-apis';
import type { RequestStepId } from './steps';

/**
 * The request each step starts from. Values that change per run are `{{variables}}`:
 * `{{baseUrl}}` and `{{msn}}` come from the active profile; `{{orderId}}`, `{{imageId}}`,
 * `{{paymentType}}`, `{{idempotencyKey}}`, `{{agreementId}}` and `{{imageSrc}}` from the run.
 * Authorization, the subscription key, client_id/client_secret and the Vipps-System-* headers
 * are added by the request engine from the profile, so no secret is ever part of a template.
 */
export interface TemplateHeader {
  name: string;
  value: string;
}

export interface RequestTemplate {
  key: RequestKey;
  /** Shown above the editor and used as the history label. */
  label: string;
  method: HttpMethod;
  url: string;
  headers: TemplateHeader[];
  body: string;
}

export const REQUEST_KEYS = [
  'token',
  'payment.epayment',
  'payment.epayment-receipt',
  'payment.ecom',
  'payment.recurring',
  'approve.epayment',
  'approve.epayment-receipt',
  'approve.ecom',
  'approve.recurring',
  'image',
  'category',
  'receipt',
  'readback',
] as const;
export type RequestKey = (typeof REQUEST_KEYS)[number];

/** Written with JSON.stringify, so a template can never carry a trailing comma or a stray quote. */
function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

const MSN_HEADER: TemplateHeader = { name: 'Merchant-Serial-Number', value: '{{msn}}' };
const JSON_CONTENT: TemplateHeader = { name: 'Content-Type', value: 'application/json' };

/** The sample order: two products and shipping, 25 % VAT, 447.00 NOK in all. */
export const SAMPLE_RECEIPT = {
  orderLines: [
    {
      name: 'Wool socks',
      id: 'socks-grey-42',
      totalAmount: 29800,
      totalAmountExcludingTax: 23840,
      totalTaxAmount: 5960,
      taxRate: 2500,
      unitInfo: { unitPrice: 14900, quantity: '2', quantityUnit: 'PCS' },
    },
    {
      name: 'Gift wrapping',
      id: 'gift-wrap',
      totalAmount: 5000,
      totalAmountExcludingTax: 4000,
      totalTaxAmount: 1000,
      taxRate: 2500,
    },
    {
      name: 'Home delivery',
      id: 'shipping-home',
      totalAmount: 9900,
      totalAmountExcludingTax: 7920,
      totalTaxAmount: 1980,
      taxRate: 2500,
      isShipping: true,
    },
  ],
  bottomLine: {
    currency: 'NOK',
    receiptNumber: '{{orderId}}',
  },
};
export const SAMPLE_ORDER_TOTAL = 44700;

const tokenTemplate: RequestTemplate = {
  key: 'token',
  label: 'Get an access token',
  method: 'POST',
  url: '{{baseUrl}}/accesstoken/get',
  headers: [MSN_HEADER],
  body: '',
};

const EPAYMENT_BODY = {
  amount: { currency: 'NOK', value: SAMPLE_ORDER_TOTAL },
  paymentMethod: { type: 'WALLET' },
  customer: { phoneNumber: '4791234567' },
  reference: '{{orderId}}',
  userFlow: 'PUSH_MESSAGE',
  paymentDescription: 'Wool socks, gift wrapped',
};
const EPAYMENT_HEADERS = [JSON_CONTENT, MSN_HEADER, { name: 'Idempotency-Key', value: '{{idempotencyKey}}' }];

const paymentTemplates: Record<PaymentApi, RequestTemplate> = {
  epayment: {
    key: 'payment.epayment',
    label: 'Create an ePayment payment',
    method: 'POST',
    url: '{{baseUrl}}/epayment/v1/payments',
    headers: EPAYMENT_HEADERS,
    body: json(EPAYMENT_BODY),
  },
  // The sample order's lines go with the payment; Order Management keeps them as the order's receipt.
  'epayment-receipt': {
    key: 'payment.epayment-receipt',
    label: 'Create an ePayment payment with its order lines',
    method: 'POST',
    url: '{{baseUrl}}/epayment/v1/payments',
    headers: EPAYMENT_HEADERS,
    body: json({ ...EPAYMENT_BODY, receipt: SAMPLE_RECEIPT }),
  },
  ecom: {
    key: 'payment.ecom',
    label: 'Initiate an eCom payment',
    method: 'POST',
    url: '{{baseUrl}}/ecomm/v2/payments',
    headers: [JSON_CONTENT, MSN_HEADER],
    body: json({
      customerInfo: { mobileNumber: '91234567' },
      merchantInfo: {
        merchantSerialNumber: '{{msn}}',
        callbackPrefix: 'https://example.com/vipps/callbacks',
        fallBack: 'https://example.com/shop/orders/{{orderId}}',
      },
      transaction: {
        amount: SAMPLE_ORDER_TOTAL,
        orderId: '{{orderId}}',
        transactionText: 'Wool socks, gift wrapped',
      },
    }),
  },
  recurring: {
    key: 'payment.recurring',
    label: 'Draft a Recurring agreement with a first charge',
    method: 'POST',
    url: '{{baseUrl}}/recurring/v3/agreements',
    headers: [JSON_CONTENT, MSN_HEADER, { name: 'Idempotency-Key', value: '{{idempotencyKey}}' }],
    body: json({
      pricing: { type: 'LEGACY', currency: 'NOK', amount: SAMPLE_ORDER_TOTAL },
      interval: { unit: 'MONTH', count: 1 },
      merchantAgreementUrl: 'https://example.com/account/subscriptions',
      merchantRedirectUrl: 'https://example.com/shop/subscription-result',
      productName: 'Socks every month',
      phoneNumber: '4791234567',
      initialCharge: {
        amount: SAMPLE_ORDER_TOTAL,
        description: 'First box of socks',
        transactionType: 'DIRECT_CAPTURE',
        orderId: '{{orderId}}',
      },
    }),
  },
};

/** Test-environment shortcuts that act as the customer approving in the app. */
const approveTemplates: Record<PaymentApi, RequestTemplate> = {
  epayment: {
    key: 'approve.epayment',
    label: 'Approve the ePayment payment (test only)',
    method: 'POST',
    url: '{{baseUrl}}/epayment/v1/test/payments/{{orderId}}/approve',
    headers: [JSON_CONTENT, MSN_HEADER],
    body: json({ customer: { phoneNumber: '4791234567' } }),
  },
  'epayment-receipt': {
    key: 'approve.epayment-receipt',
    label: 'Approve the ePayment payment (test only)',
    method: 'POST',
    url: '{{baseUrl}}/epayment/v1/test/payments/{{orderId}}/approve',
    headers: [JSON_CONTENT, MSN_HEADER],
    body: json({ customer: { phoneNumber: '4791234567' } }),
  },
  ecom: {
    key: 'approve.ecom',
    label: 'Approve the eCom payment (test only)',
    method: 'POST',
    url: '{{baseUrl}}/ecomm/v2/integration-test/payments/{{orderId}}/approve',
    headers: [JSON_CONTENT, MSN_HEADER],
    body: json({ customerPhoneNumber: '91234567' }),
  },
  recurring: {
    key: 'approve.recurring',
    label: 'Accept the Recurring agreement (test only)',
    method: 'PATCH',
    url: '{{baseUrl}}/recurring/v3/agreements/{{agreementId}}/accept',
    headers: [JSON_CONTENT, MSN_HEADER, { name: 'Idempotency-Key', value: '{{$guid}}' }],
    body: json({ phoneNumber: '4791234567' }),
  },
};

const imageTemplate: RequestTemplate = {
  key: 'image',
  label: 'Upload an image',
  method: 'POST',
  url: '{{baseUrl}}/order-management/v1/images',
  headers: [JSON_CONTENT, MSN_HEADER],
  body: json({ imageId: '{{imageId}}', src: '{{imageSrc}}', type: 'base64' }),
};

export function categoryBody(options: { withImage: boolean; category?: string; orderDetailsUrl?: string }): string {
  return json({
    category: options.category ?? 'GENERAL',
    orderDetailsUrl: options.orderDetailsUrl ?? 'https://example.com/shop/orders/{{orderId}}',
    ...(options.withImage ? { imageId: '{{imageId}}' } : {}),
  });
}

function categoryTemplate(withImage: boolean): RequestTemplate {
  return {
    key: 'category',
    label: 'Set the category',
    method: 'PUT',
    url: '{{baseUrl}}/order-management/v2/{{paymentType}}/categories/{{orderId}}',
    headers: [JSON_CONTENT, MSN_HEADER],
    body: categoryBody({ withImage }),
  };
}

const receiptTemplate: RequestTemplate = {
  key: 'receipt',
  label: 'Add the order details',
  method: 'POST',
  url: '{{baseUrl}}/order-management/v2/{{paymentType}}/receipts/{{orderId}}',
  headers: [JSON_CONTENT, MSN_HEADER],
  body: json(SAMPLE_RECEIPT),
};

const readbackTemplate: RequestTemplate = {
  key: 'readback',
  label: 'Read the order back',
  method: 'GET',
  url: '{{baseUrl}}/order-management/v2/{{paymentType}}/{{orderId}}',
  headers: [MSN_HEADER],
  body: '',
};

export interface TemplateContext {
  paymentApi: PaymentApi;
  /** Whether the category should name the image (an image was uploaded for this order). */
  withImage: boolean;
}

export function requestKeyFor(step: RequestStepId, paymentApi: PaymentApi): RequestKey {
  return step === 'payment' ? `payment.${paymentApi}` : step;
}

export function templateFor(step: RequestStepId, context: TemplateContext): RequestTemplate {
  switch (step) {
    case 'token':
      return tokenTemplate;
    case 'payment':
      return paymentTemplates[context.paymentApi];
    case 'image':
      return imageTemplate;
    case 'category':
      return categoryTemplate(context.withImage);
    case 'receipt':
      return receiptTemplate;
    case 'readback':
      return readbackTemplate;
  }
}

export function approveTemplateFor(paymentApi: PaymentApi): RequestTemplate {
  return approveTemplates[paymentApi];
}

/** Every template, for tests and for exporting the quick start as a collection. */
export function allTemplates(): RequestTemplate[] {
  return [
    tokenTemplate,
    ...Object.values(paymentTemplates),
    ...Object.values(approveTemplates),
    imageTemplate,
    categoryTemplate(true),
    categoryTemplate(false),
    receiptTemplate,
    readbackTemplate,
  ];
}
