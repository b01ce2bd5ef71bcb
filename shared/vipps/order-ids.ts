import { parseJsonOrNull } from '../json';

/**
 * Which order an Order Management call is about, and which payment a payment call makes or
 * names. The OM API takes a category or receipt for any orderId and keeps it until a payment
 * with that id turns up, so a typo in the id fails silently; these readers let the editor and
 * the CLI compare the id with the payments they know.
 */

export type OrderCallKind = 'category' | 'receipt' | 'read';

export interface OrderCall {
  kind: OrderCallKind;
  /** The path's `{paymentType}` as written (ecom, ECOM, recurring…). */
  paymentType: string;
  orderId: string;
}

const OM_ORDER_PATH = /\/order-management\/v2\/([^/?#]+)\/(?:(categories|receipts)\/)?([^/?#]+)\/?$/;

/** The path of a URL or a URL template (`{{baseUrl}}/…`), without query or fragment. */
function pathOf(url: string): string {
  const cut = url.search(/[?#]/);
  const bare = cut === -1 ? url : url.slice(0, cut);
  try {
    return new URL(bare).pathname;
  } catch {
    return bare;
  }
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The OM call a request makes: PUT …/categories/{orderId}, POST …/receipts/{orderId} or
 * GET …/{orderId}. Null for any other request, and for ids still holding a `{{variable}}`
 * (the caller asks again once it is filled).
 */
export function orderCallOf(method: string, url: string): OrderCall | null {
  const match = OM_ORDER_PATH.exec(pathOf(url));
  if (!match) return null;
  const [, paymentType, section, rawId] = match as unknown as [string, string, string | undefined, string];
  const verb = method.toUpperCase();
  const kind: OrderCallKind | null =
    section === 'categories' ? (verb === 'PUT' ? 'category' : null) : section === 'receipts' ? (verb === 'POST' ? 'receipt' : null) : verb === 'GET' ? 'read' : null;
  const orderId = decoded(rawId);
  // `GET …/ecom/receipts` with no id is not a read-back of an order named "receipts".
  if (kind === 'read' && (orderId === 'categories' || orderId === 'receipts')) return null;
  if (!kind || orderId.includes('{{') || decoded(paymentType).includes('{{')) return null;
  return { kind, paymentType: decoded(paymentType), orderId };
}

// Paths that name an existing payment: ePayment's `reference` is the orderId OM uses for it.
const PAYMENT_PATHS = [
  /\/epayment\/v1\/payments\/([^/?#]+)(?:\/[a-z]+)?\/?$/,
  /\/ecomm\/v2\/payments\/([^/?#]+)\/(?:details|capture|cancel|refund)\/?$/,
  /\/recurring\/v3\/(?:agreements\/[^/?#]+\/)?charges\/([^/?#]+)(?:\/[a-z]+)?\/?$/,
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && !value.includes('{{') ? value : null;
}

/**
 * The payment id a request creates or names: the `reference` of an ePayment create, the
 * `transaction.orderId` of an eCom initiate, or the id in a payment's (or charge's) own path.
 * The answer's body is read too, since a Recurring charge's id is chosen by the server.
 */
export function paymentIdOf(request: { method: string; url: string; body?: string; responseBody?: string }): string | null {
  const path = pathOf(request.url);
  const verb = request.method.toUpperCase();
  if (verb === 'POST' && /\/epayment\/v1\/payments\/?$/.test(path)) {
    const body = parseJsonOrNull(request.body ?? '');
    return isRecord(body) ? nonEmpty(body.reference) : null;
  }
  if (verb === 'POST' && /\/ecomm\/v2\/payments\/?$/.test(path)) {
    const body = parseJsonOrNull(request.body ?? '');
    return isRecord(body) && isRecord(body.transaction) ? nonEmpty(body.transaction.orderId) : null;
  }
  if (verb === 'POST' && /\/recurring\/v3\/agreements\/[^/?#]+\/charges\/?$/.test(path)) {
    const answer = parseJsonOrNull(request.responseBody ?? '');
    return isRecord(answer) ? nonEmpty(answer.chargeId) : null;
  }
  for (const pattern of PAYMENT_PATHS) {
    const match = pattern.exec(path);
    if (match) {
      const id = decoded(match[1]!);
      return id.includes('{{') ? null : id;
    }
  }
  return null;
}

const CALL_WORDS: Record<OrderCallKind, string> = {
  category: 'category',
  receipt: 'receipt',
  read: 'read-back',
};

/** What to tell someone about to send an OM call for an id no known payment has. */
export function unmatchedOrderIdWarning(call: OrderCall): string {
  const what = call.kind === 'read' ? 'This read-back asks' : `This ${CALL_WORDS[call.kind]} is sent`;
  const consequence =
    call.kind === 'read'
      ? 'the API answers 404 until a payment with that id exists.'
      : 'the API accepts it and attaches it to nothing until a payment with that id exists.';
  return `${what} for order "${call.orderId}", which matches no payment this session, the history or the sandbox knows: ${consequence} Check the id (for ePayment it is the payment's reference).`;
}

const OM_ORDER_SEGMENT = /(\/order-management\/v2\/[^/?#]+\/(?:(?:categories|receipts)\/)?)([^/?#]+)(\/?(?:[?#].*)?)$/;

/** The URL text with the OM call's orderId replaced (a `{{variable}}` there included), or null when it names none. */
export function withOrderId(url: string, orderId: string): string | null {
  const match = OM_ORDER_SEGMENT.exec(url);
  if (!match) return null;
  return `${url.slice(0, match.index)}${match[1]}${encodeURIComponent(orderId)}${match[3]}`;
}
