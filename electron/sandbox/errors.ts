import type { ValidationIssue } from '../../shared/vipps/issues';
import type { ApiKind, Reply } from './context';
import { traceParent, uuid } from './ids';

export type EcomErrorGroup = 'Authentication' | 'Payment' | 'InvalidRequest' | 'VippsError' | 'User' | 'Merchant';

/** An API-neutral description of a failure; each API renders it in its own body shape. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  issues?: ValidationIssue[];
  /** Recurring problem identifier, the part after `#` in its `type` URL. */
  recurringType?: string;
  /** eCom error group and code for failures that are not field validation. */
  ecom?: { group: EcomErrorGroup; code: string };
}

const RFC7231_SECTION: Record<number, string> = {
  400: '6.5.1',
  403: '6.5.3',
  404: '6.5.4',
  405: '6.5.5',
  409: '6.5.8',
  413: '6.5.11',
  415: '6.5.13',
  500: '6.6.1',
  502: '6.6.3',
  503: '6.6.4',
};

const RECURRING_PROBLEMS = 'https://developer.vippsmobilepay.com/docs/APIs/recurring-api/vipps-recurring-api-problems';
const JSON_UTF8 = 'application/json;charset=UTF-8';
const PROBLEM_JSON = 'application/problem+json';

function defaultRecurringType(status: number): string {
  if (status === 401 || status === 403) return 'not-authorized';
  if (status >= 500) return 'internal-error';
  return 'validation-error';
}

/** OM `ErrorResponse`, served as problem+json like ASP.NET's ProblemDetails. */
function orderManagementBody(p: Problem): unknown {
  const section = RFC7231_SECTION[p.status];
  return {
    type: `https://datatracker.ietf.org/doc/html/rfc7231${section ? `#section-${section}` : ''}`,
    title: p.title,
    detail: p.detail,
    instance: traceParent(),
    invalidParams: p.issues ?? [],
  };
}

function epaymentBody(p: Problem, path: string): unknown {
  return {
    type: `https://httpstatuses.io/${p.status}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: path,
    traceId: traceParent(),
    extraDetails: p.issues ?? [],
  };
}

function recurringBody(p: Problem, path: string): unknown {
  return {
    type: `${RECURRING_PROBLEMS}#${p.recurringType ?? defaultRecurringType(p.status)}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: path,
    contextId: uuid(),
    extraDetails: (p.issues ?? []).map((i) => ({ field: i.name, text: i.reason })),
  };
}

function ecomBody(p: Problem): unknown {
  const contextId = uuid();
  if (p.issues && p.issues.length > 0) {
    return p.issues.map((i) => ({ errorGroup: 'InvalidRequest', errorCode: i.name, errorMessage: i.reason, contextId }));
  }
  const group = p.ecom?.group ?? (p.status >= 500 ? 'VippsError' : 'InvalidRequest');
  return [{ errorGroup: group, errorCode: p.ecom?.code ?? String(p.status), errorMessage: p.detail, contextId }];
}

const MAX_TEXT = 500;
const MAX_ISSUES = 50;
const cap = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/** Whatever a caller sent that an answer repeats (paths, field names, reasons) is cut short, so a large input never comes back larger. */
function capped(p: Problem, path: string): { p: Problem; path: string } {
  const issues = p.issues?.slice(0, MAX_ISSUES).map((i) => ({ name: cap(i.name), reason: cap(i.reason) }));
  return { p: { ...p, title: cap(p.title), detail: cap(p.detail), ...(issues ? { issues } : {}) }, path: cap(path) };
}

/** Renders a problem in the body shape and content type of the API that was called. */
export function problemReply(api: ApiKind, rawPath: string, raw: Problem): Reply {
  const { p, path } = capped(raw, rawPath);
  switch (api) {
    case 'om':
      return { status: p.status, body: orderManagementBody(p), contentType: PROBLEM_JSON };
    case 'epayment':
    case 'webhooks':
    case 'userinfo':
      return { status: p.status, body: epaymentBody(p, path), contentType: PROBLEM_JSON };
    case 'recurring':
      return { status: p.status, body: recurringBody(p, path), contentType: JSON_UTF8 };
    case 'ecom':
      return { status: p.status, body: ecomBody(p), contentType: JSON_UTF8 };
    case 'token':
      return gatewayError(p.status, p.detail);
  }
}

/** The API gateway's own body (Azure API Management), used for key and token failures. */
export function gatewayError(status: number, message: string): Reply {
  return { status, body: { statusCode: status, message }, contentType: 'application/json' };
}

function aadTimestamp(nowMs: number): string {
  return new Date(nowMs).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

/** Azure AD's body for a refused client_id/client_secret on the token endpoint. */
export function aadError(status: number, error: string, code: number, description: string, nowMs: number): Reply {
  const traceId = uuid();
  const correlationId = uuid();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${aadTimestamp(nowMs)}`,
      error_codes: [code],
      timestamp: aadTimestamp(nowMs),
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    contentType: 'application/json; charset=utf-8',
  };
}

export function validationProblem(issues: ValidationIssue[], detail?: string): Problem {
  return {
    status: 400,
    title: 'The request did not pass validation.',
    detail: detail ?? `${issues.length} field${issues.length === 1 ? '' : 's'} failed validation: ${issues.map((i) => i.name).join(', ')}.`,
    issues,
  };
}
