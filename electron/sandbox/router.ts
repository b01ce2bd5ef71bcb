import type { ApiKind, Handler } from './context';
import * as ecom from './ecom';
import * as ecomModify from './ecom-modify';
import * as epayment from './epayment';
import * as epaymentModify from './epayment-modify';
import * as charges from './recurring-charges';
import { getUserinfo } from './userinfo';
import * as webhooks from './webhooks-api';
import * as om from './order-management';
import * as recurring from './recurring';
import { getAccessToken } from './token-endpoint';

interface RouteDef {
  method: string;
  path: string;
  api: ApiKind;
  handler: Handler;
}

const ROUTES: RouteDef[] = [
  { method: 'POST', path: '/accesstoken/get', api: 'token', handler: getAccessToken },
  { method: 'POST', path: '/ecomm/v2/payments', api: 'ecom', handler: ecom.initiatePayment },
  { method: 'GET', path: '/ecomm/v2/payments/:orderId/details', api: 'ecom', handler: ecom.getPaymentDetails },
  { method: 'POST', path: '/ecomm/v2/payments/:orderId/capture', api: 'ecom', handler: ecomModify.capturePayment },
  { method: 'PUT', path: '/ecomm/v2/payments/:orderId/cancel', api: 'ecom', handler: ecomModify.cancelPayment },
  { method: 'POST', path: '/ecomm/v2/payments/:orderId/refund', api: 'ecom', handler: ecomModify.refundPayment },
  { method: 'POST', path: '/ecomm/v2/integration-test/payments/:orderId/approve', api: 'ecom', handler: ecom.forceApprove },
  { method: 'POST', path: '/epayment/v1/payments', api: 'epayment', handler: epayment.createPayment },
  { method: 'GET', path: '/epayment/v1/payments/:reference', api: 'epayment', handler: epayment.getPayment },
  { method: 'GET', path: '/epayment/v1/payments/:reference/events', api: 'epayment', handler: epayment.getPaymentEvents },
  { method: 'POST', path: '/epayment/v1/payments/:reference/capture', api: 'epayment', handler: epaymentModify.capturePayment },
  { method: 'POST', path: '/epayment/v1/payments/:reference/cancel', api: 'epayment', handler: epaymentModify.cancelPayment },
  { method: 'POST', path: '/epayment/v1/payments/:reference/refund', api: 'epayment', handler: epaymentModify.refundPayment },
  { method: 'POST', path: '/epayment/v1/test/payments/:reference/approve', api: 'epayment', handler: epayment.forceApprove },
  { method: 'POST', path: '/recurring/v3/agreements', api: 'recurring', handler: recurring.createAgreement },
  { method: 'GET', path: '/recurring/v3/agreements', api: 'recurring', handler: recurring.listAgreements },
  { method: 'GET', path: '/recurring/v3/agreements/:agreementId', api: 'recurring', handler: recurring.getAgreement },
  { method: 'PATCH', path: '/recurring/v3/agreements/:agreementId', api: 'recurring', handler: recurring.updateAgreement },
  { method: 'PATCH', path: '/recurring/v3/agreements/:agreementId/accept', api: 'recurring', handler: recurring.forceAcceptAgreement },
  { method: 'POST', path: '/recurring/v3/agreements/:agreementId/charges', api: 'recurring', handler: charges.createCharge },
  { method: 'GET', path: '/recurring/v3/agreements/:agreementId/charges', api: 'recurring', handler: charges.listCharges },
  { method: 'GET', path: '/recurring/v3/agreements/:agreementId/charges/:chargeId', api: 'recurring', handler: charges.getCharge },
  { method: 'DELETE', path: '/recurring/v3/agreements/:agreementId/charges/:chargeId', api: 'recurring', handler: charges.cancelCharge },
  { method: 'POST', path: '/recurring/v3/agreements/:agreementId/charges/:chargeId/capture', api: 'recurring', handler: charges.captureCharge },
  { method: 'POST', path: '/recurring/v3/agreements/:agreementId/charges/:chargeId/refund', api: 'recurring', handler: charges.refundCharge },
  { method: 'GET', path: '/recurring/v3/charges/:chargeId', api: 'recurring', handler: charges.getCharge },
  { method: 'GET', path: '/vipps-userinfo-api/userinfo/:sub', api: 'userinfo', handler: getUserinfo },
  { method: 'POST', path: '/webhooks/v1/webhooks', api: 'webhooks', handler: webhooks.registerWebhook },
  { method: 'GET', path: '/webhooks/v1/webhooks', api: 'webhooks', handler: webhooks.listWebhooks },
  { method: 'DELETE', path: '/webhooks/v1/webhooks/:id', api: 'webhooks', handler: webhooks.deleteWebhook },
  { method: 'POST', path: '/order-management/v1/images', api: 'om', handler: om.postImage },
  { method: 'PUT', path: '/order-management/v2/:paymentType/categories/:orderId', api: 'om', handler: om.putCategory },
  { method: 'POST', path: '/order-management/v2/:paymentType/receipts/:orderId', api: 'om', handler: om.postReceipt },
  { method: 'GET', path: '/order-management/v2/:paymentType/:orderId', api: 'om', handler: om.getOrder },
];

interface CompiledRoute extends RouteDef {
  /** Lower-case literal per segment, or null where a parameter sits. */
  literals: Array<string | null>;
  names: Array<string | null>;
}

export type RouteMatch =
  | { kind: 'found'; route: RouteDef; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[]; api: ApiKind }
  | { kind: 'bad-path'; api: ApiKind }
  | { kind: 'none' };

const BY_LENGTH = new Map<number, CompiledRoute[]>();
for (const route of ROUTES) {
  const segments = route.path.slice(1).split('/');
  const compiled: CompiledRoute = {
    ...route,
    literals: segments.map((s) => (s.startsWith(':') ? null : s.toLowerCase())),
    names: segments.map((s) => (s.startsWith(':') ? s.slice(1) : null)),
  };
  const list = BY_LENGTH.get(segments.length) ?? [];
  list.push(compiled);
  BY_LENGTH.set(segments.length, list);
}

/**
 * Path literals match without regard to case (the gateway does the same: the quick start calls
 * /accessToken/get); parameters keep their case. A trailing slash is tolerated where nothing
 * could stand after it (Vipps' own eCom collection posts to /ecomm/v2/payments/), but where an
 * operation of the same method takes a parameter in that place the slash is that parameter left
 * empty: `GET …/charges/` is Get Charge with an unset `{{chargeId}}`, never List Charges, and an
 * empty segment matches no operation, so it answers 404 as the real gateway does.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch {
  const trailing = rawPath.length > 1 && rawPath.endsWith('/');
  if (trailing && takesParameterAfter(method, rawPath.slice(1, -1).split('/'))) return { kind: 'none' };
  const path = trailing ? rawPath.slice(0, -1) : rawPath;
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '')) return { kind: 'none' };
  const candidates = BY_LENGTH.get(segments.length);
  if (!candidates) return { kind: 'none' };
  const lower = segments.map((s) => s.toLowerCase());
  const allowed: string[] = [];
  let api: ApiKind | null = null;
  for (const route of candidates) {
    if (!route.literals.every((lit, i) => lit === null || lit === lower[i])) continue;
    api ??= route.api;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    for (let i = 0; i < segments.length; i++) {
      const name = route.names[i];
      if (!name) continue;
      try {
        params[name] = decodeURIComponent(segments[i] ?? '');
      } catch {
        return { kind: 'bad-path', api: route.api };
      }
    }
    return { kind: 'found', route, params };
  }
  return api ? { kind: 'wrong-method', allowed, api } : { kind: 'none' };
}

/** Whether an operation of this method has a parameter right after these segments. */
function takesParameterAfter(method: string, segments: string[]): boolean {
  const lower = segments.map((s) => s.toLowerCase());
  const longer = BY_LENGTH.get(segments.length + 1) ?? [];
  return longer.some((route) => route.method === method && route.literals[segments.length] === null && lower.every((seg, i) => route.literals[i] === null || route.literals[i] === seg));
}

export function routeList(): Array<{ method: string; path: string; api: ApiKind }> {
  return ROUTES.map(({ method, path, api }) => ({ method, path, api }));
}
