import { readVippsProblem } from '../vipps/problems';
import type { ValidationIssue } from '../vipps/issues';
import type { RequestKey } from './templates';
import { parseJsonOrNull } from '../json';

/** What the response viewer shows above a response: a verdict in plain words. */
export interface ResponseExplanation {
  tone: 'ok' | 'warning' | 'error';
  title: string;
  text: string;
  fieldIssues?: ValidationIssue[];
}

export interface AnsweredRequest {
  status: number;
  /** The response body as text, or null when it was too large to keep in memory. */
  bodyText: string | null;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Field problems in whichever error format the API uses (see readVippsProblem). */
export function fieldIssuesOf(body: unknown): ValidationIssue[] {
  return readVippsProblem(body)?.fieldIssues ?? [];
}

/** The server's own one-line reason, whatever the format. */
function serverReason(body: unknown): string | null {
  const problem = readVippsProblem(body);
  return problem ? (problem.detail ?? problem.title) : null;
}

function withReason(sentence: string, body: unknown): string {
  const reason = serverReason(body);
  return reason ? `${sentence} The server said: “${reason}”` : sentence;
}

function isPaymentKey(key: RequestKey): boolean {
  return key.startsWith('payment.');
}

function success(key: RequestKey, status: number, body: unknown): ResponseExplanation {
  const value = record(body);
  switch (key) {
    case 'token': {
      const seconds = Number(value?.expires_in);
      const lifetime = Number.isFinite(seconds) && seconds > 0 ? ` It is valid for ${Math.round(seconds / 60)} minutes (expires_in ${seconds} s).` : '';
      return { tone: 'ok', title: 'Access token received', text: `The keys were accepted and a bearer token came back.${lifetime} The app keeps it and sends it with the next steps.` };
    }
    case 'payment.epayment-receipt':
      return { tone: 'ok', title: 'Payment created with its order lines', text: `The payment exists with reference "${text(value?.reference) ?? '?'}", and its order lines are stored in Order Management under that value as orderId, with payment type ecom. The order-details step is therefore left out.` };
    case 'payment.epayment':
      return { tone: 'ok', title: 'Payment created', text: `The payment exists with reference "${text(value?.reference) ?? '?'}". Order Management will use this value as orderId, with payment type ecom.` };
    case 'payment.ecom':
      return { tone: 'ok', title: 'Payment initiated', text: `eCom accepted orderId "${text(value?.orderId) ?? '?'}". The next steps attach order details to this id, with payment type ecom.` };
    case 'payment.recurring': {
      const chargeId = text(value?.chargeId);
      return chargeId
        ? { tone: 'ok', title: 'Agreement and first charge created', text: `Agreement "${text(value?.agreementId) ?? '?'}" has a first charge with chargeId "${chargeId}". Order Management uses that chargeId as orderId, with payment type recurring.` }
        : { tone: 'warning', title: 'Agreement created without a charge', text: 'The agreement has no initial charge, so there is no chargeId to attach order details to. Add initialCharge with an orderId to the body and start a new order.' };
    }
    case 'approve.epayment':
    case 'approve.epayment-receipt':
    case 'approve.ecom':
      return { tone: 'ok', title: 'Payment approved', text: 'The test shortcut acted as the customer approving the payment in the app. Nothing else changes for Order Management.' };
    case 'approve.recurring':
      return { tone: 'ok', title: 'Agreement accepted', text: 'The test shortcut acted as the customer accepting the agreement in the app.' };
    case 'image':
      return { tone: 'ok', title: 'Image stored', text: `Image "${text(value?.imageId) ?? '?'}" is stored for this sales unit. It cannot be replaced; the category in the next step can point at it.` };
    case 'category':
      return { tone: 'ok', title: 'Category set', text: 'The payment now has this category. Sending again replaces it completely, so you can change it and re-send as often as you like.' };
    case 'receipt':
      return { tone: 'ok', title: 'Order details stored', text: `Status ${status}: the receipt is attached. It can never be changed or sent again for this orderId; to try again, start a new order.` };
    case 'readback': {
      const has = [record(value?.category) ? 'a category' : null, record(value?.receipt) ? 'order details' : null].filter(Boolean);
      return { tone: 'ok', title: 'Order found', text: has.length > 0 ? `Order Management holds ${has.join(' and ')} for this order. The preview below draws them the way a customer sees them.` : 'The order exists but holds neither a category nor order details yet.' };
    }
  }
}

function conflict(key: RequestKey, body: unknown): ResponseExplanation {
  const fieldIssues = fieldIssuesOf(body);
  if (key === 'receipt') {
    return { tone: 'error', title: 'Order details are write-once', text: withReason('This orderId already has a receipt, and receipts can never be replaced. Start a new order to get a fresh orderId, then send the receipt again.', body), fieldIssues };
  }
  if (key === 'image') {
    return { tone: 'error', title: 'This imageId is taken', text: withReason('An image with this imageId already exists, and images cannot be overwritten. Choose a new imageId (the "New image id" button does it) and upload again, or use the existing image as it is.', body), fieldIssues };
  }
  if (isPaymentKey(key)) {
    return { tone: 'error', title: 'The id or the Idempotency-Key was used before', text: withReason('Each payment needs an id that was never used before, and one Idempotency-Key cannot be reused for a different request. Start a new order for fresh ids.', body), fieldIssues };
  }
  return { tone: 'error', title: 'Conflict', text: withReason('The server refused the request because it clashes with what is stored already.', body), fieldIssues };
}

function notFound(key: RequestKey, body: unknown): ResponseExplanation {
  const fieldIssues = fieldIssuesOf(body);
  if (key === 'category') {
    const aboutImage = fieldIssues.some((i) => /imageid/i.test(i.name)) || /image/i.test(serverReason(body) ?? '');
    return aboutImage
      ? { tone: 'error', title: 'Unknown imageId', text: withReason('The category names an image that has not been uploaded for this sales unit. Upload it in step 4 first, or remove imageId from the body.', body), fieldIssues }
      : { tone: 'error', title: 'Not found', text: withReason('Check the payment type in the URL (ecom or recurring) and the orderId.', body), fieldIssues };
  }
  if (key === 'readback') {
    return { tone: 'error', title: 'Nothing stored for this order', text: withReason('No category or order details exist for this orderId and payment type. Use the same orderId and payment type as in steps 5 and 6, and send at least one of them first.', body), fieldIssues };
  }
  if (key.startsWith('approve.')) {
    return { tone: 'error', title: 'Payment not found', text: withReason('There is no payment with this id for this sales unit yet. Send step 3 first.', body), fieldIssues };
  }
  return { tone: 'error', title: 'Not found', text: withReason('The server found nothing at this URL. Check the path, the payment type and the id.', body), fieldIssues };
}

function unauthorized(key: RequestKey, body: unknown): ResponseExplanation {
  const problem = record(body);
  const clientRefused = text(problem?.error) !== null || text(problem?.error_description) !== null;
  const subject = clientRefused
    ? 'client_id and client_secret were not accepted.'
    : key === 'token'
      ? 'The token endpoint refused the keys.'
      : 'The API did not accept the token or the subscription key.';
  return {
    tone: 'error',
    title: 'Not authorised (401): check the keys and the token',
    text: withReason(
      `${subject} Check that client_id, client_secret and the subscription key belong to the same sales unit and environment as the MSN (test keys do not work in production), that the Authorization header reads "Bearer <token>", and fetch a new token in step 2.`,
      body,
    ),
  };
}

/**
 * Explains a step's response for the person at the screen: what it means for the quick start
 * and what to do next. Field problems from a 400 are passed on so the editor can mark them.
 */
export function explainResponse(key: RequestKey, answer: AnsweredRequest): ResponseExplanation {
  const { status } = answer;
  const body = parseJsonOrNull(answer.bodyText);
  if (status >= 200 && status < 300) return success(key, status, body);
  const fieldIssues = fieldIssuesOf(body);
  switch (status) {
    case 400: {
      const count = fieldIssues.length;
      return {
        tone: 'error',
        title: count > 0 ? `The request was refused: ${count} field${count === 1 ? '' : 's'} to fix` : 'The request was refused (400)',
        text: withReason(count > 0 ? 'Each field below says what the API expects. Fix them in the body and send again.' : 'The server could not accept the request as it is. Check the body for invalid JSON, missing fields and wrong types.', body),
        fieldIssues,
      };
    }
    case 401:
      return unauthorized(key, body);
    case 403:
      return { tone: 'error', title: 'Forbidden (403)', text: withReason('The keys are valid but not allowed to do this: the sales unit may lack this product, or the MSN in the header or body belongs to another sales unit.', body), fieldIssues };
    case 404:
      return notFound(key, body);
    case 409:
      return conflict(key, body);
    case 429:
      return { tone: 'warning', title: 'Too many requests (429)', text: 'The API is rate limiting this sales unit. Wait a little and send again.' };
    default:
      if (status >= 500) {
        return { tone: 'warning', title: `Server error (${status})`, text: withReason('The fault is on the server side. Try again in a moment; if it keeps happening, the service may be down.', body) };
      }
      return { tone: 'warning', title: `Unexpected status ${status}`, text: withReason('The quick start does not expect this answer here.', body), fieldIssues };
  }
}
