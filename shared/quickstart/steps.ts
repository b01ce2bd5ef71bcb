/**
 * The guided quick start, in the order Vipps publishes it. The texts are ours; the facts and
 * numbers (limits, patterns, which call overwrites and which is write-once) follow the Order
 * Management spec and guide (see ../shared/reference/vipps-apis.md §3 and §7).
 */

export const STEP_IDS = ['setup', 'token', 'payment', 'image', 'category', 'receipt', 'readback'] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface DocLink {
  label: string;
  url: string;
}

export interface StepRule {
  /** A short name for the rule, e.g. "Write-once". */
  label: string;
  detail: string;
}

export interface StepDefinition {
  id: StepId;
  /** 1-based position, as the stepper shows it. */
  number: number;
  title: string;
  optional: boolean;
  /** One line for the stepper's tooltip and the "run all" progress. */
  summary: string;
  /** What the step does and why it matters, one paragraph per entry. */
  explanation: string[];
  rules: StepRule[];
  docs: DocLink[];
  /** The call in METHOD /path form, or null for the setup step. */
  endpoint: string | null;
}

const SITE = 'https://developer.vippsmobilepay.com';
export const DOCS = {
  gettingStarted: { label: 'Getting started with Vipps MobilePay', url: `${SITE}/docs/getting-started/` },
  apiKeys: { label: 'API keys and the merchant portal', url: `${SITE}/docs/knowledge-base/api-keys/` },
  omGuide: { label: 'Order Management API guide', url: `${SITE}/docs/APIs/order-management-api/order-management-api-guide/` },
  omQuickStart: { label: 'Order Management quick start (Vipps)', url: `${SITE}/docs/APIs/order-management-api/order-management-api-quick-start/` },
  accessToken: { label: 'Access token API: POST /accesstoken/get', url: `${SITE}/api/access-token/#operation/fetchAuthorizationTokenUsingPost` },
  epaymentCreate: { label: 'ePayment API: create a payment', url: `${SITE}/api/epayment/#tag/CreatePayments/operation/createPayment` },
  ecomInitiate: { label: 'eCom API: initiate a payment', url: `${SITE}/api/ecom/#tag/Vipps-eCom-API/operation/initiatePaymentV3UsingPOST` },
  recurringAgreement: { label: 'Recurring API: draft an agreement', url: `${SITE}/api/recurring/#tag/Agreement-v3-endpoints/operation/DraftAgreementV3` },
  omImage: { label: 'Order Management: upload an image', url: `${SITE}/api/order-management/#tag/Image/operation/post-image` },
  omCategory: { label: 'Order Management: set the category', url: `${SITE}/api/order-management/#tag/Category/operation/put-category-v2` },
  omReceipt: { label: 'Order Management: add order lines', url: `${SITE}/api/order-management/#tag/Orderlines/operation/post-receipt-v2` },
  omGetOrder: { label: 'Order Management: get the order', url: `${SITE}/api/order-management/#tag/Order/operation/get-order-v2` },
} satisfies Record<string, DocLink>;

export const CATEGORY_MEANINGS = {
  GENERAL: { label: 'General', use: 'Anything else about the order; the fallback when no other category fits.' },
  RECEIPT: { label: 'Receipt', use: 'A page where the customer gets a valid proof of purchase.' },
  ORDER_CONFIRMATION: { label: 'Order confirmation', use: 'The order and its status, such as a "My orders" page.' },
  DELIVERY: { label: 'Delivery', use: 'Where the parcel is: your own tracking page or the carrier’s.' },
  TICKET: { label: 'Ticket', use: 'A ticket for an event, a trip or transport.' },
  BOOKING: { label: 'Booking', use: 'A reservation and its status: travel, rental, "My bookings".' },
} as const;

export const STEPS: readonly StepDefinition[] = [
  {
    id: 'setup',
    number: 1,
    title: 'Setup',
    optional: false,
    summary: 'Pick the sales unit and environment the requests go to.',
    explanation: [
      'Every call in this walk-through is made for one sales unit, identified by its Merchant Serial Number (MSN) and its three keys: client_id, client_secret and the subscription key (Ocp-Apim-Subscription-Key). A profile holds the MSN and the environment; the keys go to your operating system’s keychain and never into a file.',
      'The built-in Sandbox profile works straight away: it talks to a copy of the Vipps test environment that runs inside this app, with demo keys. Order Management is no longer offered in Vipps’ own test environment (the current guide lists it for production only), so the Sandbox is the place to try these calls without touching real customers.',
    ],
    rules: [
      { label: 'Keys belong together', detail: 'The keys and the MSN must come from the same sales unit and the same environment; test keys against production (or the other way round) are answered with 401.' },
      { label: 'Production is real', detail: 'With a Production profile every request below changes real orders that customers see in the Vipps app.' },
    ],
    docs: [DOCS.gettingStarted, DOCS.apiKeys, DOCS.omGuide],
    endpoint: null,
  },
  {
    id: 'token',
    number: 2,
    title: 'Access token',
    optional: false,
    summary: 'Trade the sales unit’s keys for a short-lived bearer token.',
    explanation: [
      'The payment and Order Management APIs do not take your keys on each call. Instead you exchange client_id, client_secret and the subscription key for an access token, then send that token as "Authorization: Bearer <token>" together with the subscription key.',
      'This app fills in the key headers for you from the keychain and keeps the token until shortly before it runs out, so later steps reuse it. Sending this step fetches a fresh one so you can see the exchange.',
    ],
    rules: [
      { label: 'POST with an empty body', detail: 'The call is POST /accesstoken/get with no body; the keys travel as headers.' },
      { label: 'Lifetime', detail: 'A token lasts 1 hour in the test environment and 24 hours in production. Read expires_in / expires_on (they arrive as strings) rather than assuming.' },
      { label: 'Bearer, capital B', detail: 'Later calls must say "Bearer " before the token; a missing or misspelled scheme is the most common cause of 401.' },
    ],
    docs: [DOCS.accessToken],
    endpoint: 'POST /accesstoken/get',
  },
  {
    id: 'payment',
    number: 3,
    title: 'Create a payment',
    optional: false,
    summary: 'Start a payment whose id the order details will be attached to.',
    explanation: [
      'Order details hang off a payment’s id. Here you create that payment with the ePayment API (recommended), the older eCom API, or the Recurring API. "New order" picks fresh ids for the whole run, because each id can only be used once.',
      'Order Management itself never checks that the payment exists: you can add the category and the receipt before the payment is created, or for an id that never becomes a payment. Creating it here simply makes the run look like a real purchase.',
    ],
    rules: [
      { label: 'ePayment reference', detail: 'reference: 8 to 50 characters, letters, digits and "-" only. Needs an Idempotency-Key header (at most 50 characters) and the Merchant-Serial-Number header.' },
      { label: 'eCom orderId', detail: 'transaction.orderId: 1 to 50 characters, letters, digits and "-". merchantInfo.merchantSerialNumber in the body must be the same MSN as in the header and the keys.' },
      { label: 'Recurring chargeId', detail: 'An agreement with an initial charge: the charge’s orderId becomes its chargeId, which is what Order Management uses (with payment type recurring).' },
      { label: 'Amounts', detail: 'Whole numbers in minor units: 447.00 NOK is written 44700.' },
    ],
    docs: [DOCS.epaymentCreate, DOCS.ecomInitiate, DOCS.recurringAgreement],
    endpoint: 'POST /epayment/v1/payments',
  },
  {
    id: 'image',
    number: 4,
    title: 'Upload an image',
    optional: true,
    summary: 'Store a picture the app can show next to the order.',
    explanation: [
      'An image is uploaded on its own, under an imageId you choose, and only shows up once a category points at it (next step). One image can serve many orders, such as your logo, or you can upload one per order, such as a ticket.',
      'This step is optional: skip it and the category simply has no picture.',
    ],
    rules: [
      { label: 'Format and size', detail: 'PNG or JPEG only, at most 2 MB, sent as plain base64 text in src (no "data:" prefix) with type "base64".' },
      { label: 'Height', detail: 'At least 167 pixels high; square images look best.' },
      { label: 'imageId', detail: '1 to 128 characters of letters, digits, "-", "_" and ".".' },
      { label: 'No overwrite', detail: 'An uploaded image cannot be replaced: uploading again under the same imageId is refused. Pick a new imageId instead.' },
    ],
    docs: [DOCS.omImage, DOCS.omGuide],
    endpoint: 'POST /order-management/v1/images',
  },
  {
    id: 'category',
    number: 5,
    title: 'Set the category',
    optional: false,
    summary: 'Tell the app what kind of link the order has, and attach the image.',
    explanation: [
      'The category decides how the payment is presented in the customer’s payment history: which label its button gets and where that button leads (orderDetailsUrl). It can also name the image from the previous step.',
      'Use the payment type ecom for ePayment and eCom payments and recurring for Recurring charges; the orderId is the payment’s reference, orderId or chargeId.',
    ],
    rules: [
      { label: 'Six categories', detail: 'GENERAL, RECEIPT, ORDER_CONFIRMATION, DELIVERY, TICKET or BOOKING, in capitals.' },
      { label: 'orderDetailsUrl', detail: 'Required: a full URL (https) that opens in the phone’s browser.' },
      { label: 'Overwrites', detail: 'A payment has one category. Sending again replaces all of it, including imageId, so you can re-run this step freely.' },
      { label: 'Image first', detail: 'An imageId must name an image that was already uploaded for this sales unit.' },
    ],
    docs: [DOCS.omCategory, DOCS.omGuide],
    endpoint: 'PUT /order-management/v2/{paymentType}/categories/{orderId}',
  },
  {
    id: 'receipt',
    number: 6,
    title: 'Add the order details',
    optional: false,
    summary: 'Attach the order lines and totals the customer sees.',
    explanation: [
      'The receipt lists what was bought: one entry per product (and one for shipping), each with its amount, tax and tax rate, plus a bottom line with the currency. The app adds up the lines itself; bottom-line totals are not sent.',
      'Order details can be written once per order. To try this step again, start a new order so the run has a fresh orderId.',
    ],
    rules: [
      { label: 'Line arithmetic', detail: 'For every line: totalAmount = totalAmountExcludingTax + totalTaxAmount, with totalAmount including tax and after discount.' },
      { label: 'Minor units', detail: 'All amounts are whole numbers of øre or cents (10.00 = 1000); no decimals, no negative amounts (mark returns with isReturn).' },
      { label: 'Tax rate', detail: 'taxRate is in hundredths of a percent: 2500 = 25 %, 1500 = 15 %, 1250 = 12.5 %. The older taxPercentage takes whole percent.' },
      { label: 'Write-once', detail: 'A second receipt for the same orderId is refused with 409 Conflict; there is no update or delete.' },
      { label: 'Currency', detail: 'bottomLine.currency is NOK, DKK or EUR; at least one order line is required.' },
    ],
    docs: [DOCS.omReceipt, DOCS.omGuide],
    endpoint: 'POST /order-management/v2/{paymentType}/receipts/{orderId}',
  },
  {
    id: 'readback',
    number: 7,
    title: 'Read the order back',
    optional: false,
    summary: 'Fetch what Order Management holds for the order.',
    explanation: [
      'One GET returns both the category and the receipt stored for the orderId, which is how you check what the customer will see. Images come back as their imageId, not as pictures.',
      'Below the response you see our drawing of how such an order looks in a payment history on the phone.',
    ],
    rules: [
      { label: 'Same id, same type', detail: 'Use the same orderId and payment type as in the previous steps; anything else finds nothing (404).' },
      { label: 'GET has no body', detail: 'Send no body and no Content-Type with this call.' },
    ],
    docs: [DOCS.omGetOrder, DOCS.omGuide, DOCS.omQuickStart],
    endpoint: 'GET /order-management/v2/{paymentType}/{orderId}',
  },
];

export function stepById(id: StepId): StepDefinition {
  const step = STEPS.find((s) => s.id === id);
  if (!step) throw new Error(`Unknown quick-start step "${id}".`);
  return step;
}

export function isStepId(value: string): value is StepId {
  return (STEP_IDS as readonly string[]).includes(value);
}

/** The steps that send a request (all but setup). */
export const REQUEST_STEP_IDS = STEP_IDS.filter((id) => id !== 'setup') as Exclude<StepId, 'setup'>[];
export type RequestStepId = Exclude<StepId, 'setup'>;
