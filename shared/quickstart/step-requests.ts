import type { SavedRequest, QuickStartState } from '../contract/quickstart';
import type { HttpRequestInput } from '../contract/requests';
import { approveTemplateFor, requestKeyFor, templateFor, type RequestKey, type RequestTemplate } from './templates';
import type { RequestStepId, StepId } from './steps';

export function withImageFor(state: QuickStartState): boolean {
  return state.order.uploadedImageId !== undefined && state.order.uploadedImageId === state.order.imageId;
}

export function templateOf(key: RequestKey, state: QuickStartState): RequestTemplate {
  const context = { paymentApi: state.paymentApi, withImage: withImageFor(state) };
  if (key.startsWith('approve.')) return approveTemplateFor(state.paymentApi);
  if (key.startsWith('payment.')) return templateFor('payment', { ...context, paymentApi: key.slice('payment.'.length) as QuickStartState['paymentApi'] });
  return templateFor(key as Exclude<RequestStepId, 'payment'>, context);
}

export function templateRequest(template: RequestTemplate): HttpRequestInput {
  return {
    method: template.method,
    url: template.url,
    headers: template.headers.map((h) => ({ name: h.name, value: h.value, enabled: true })),
    body: template.body,
  };
}

/** The user's edited request if there is one, otherwise the step's template. */
export function requestOf(key: RequestKey, state: QuickStartState): HttpRequestInput {
  const edited = state.edits[key];
  return edited ? { method: edited.method, url: edited.url, headers: edited.headers, body: edited.body } : templateRequest(templateOf(key, state));
}

export const MAX_SAVED_BODY = 512 * 1024;

export function toSavedRequest(request: HttpRequestInput): SavedRequest | null {
  const body = request.body ?? '';
  if (body.length > MAX_SAVED_BODY) return null;
  return {
    method: request.method,
    url: request.url,
    headers: (request.headers ?? []).map((h) => ({ name: h.name, value: h.value, enabled: h.enabled ?? true })),
    body,
  };
}

export function sameRequest(a: HttpRequestInput, b: HttpRequestInput): boolean {
  return JSON.stringify(toSavedRequest(a)) === JSON.stringify(toSavedRequest(b));
}

/** The step a request belongs to; the test-only approve calls belong to no step. */
export function stepOfKey(key: RequestKey): StepId | null {
  if (key.startsWith('approve.')) return null;
  if (key.startsWith('payment.')) return 'payment';
  return key as StepId;
}

export function keyOfStep(step: RequestStepId, state: QuickStartState): RequestKey {
  return requestKeyFor(step, state.paymentApi);
}
