import { findTrailingCommas, fixTrailingCommas, parseJsonOrNull, positionAt } from '../../json';
import type { ApiRequest } from '../../model/request';

/**
 * Mistakes that pasted curl commands often carry (the published Order Management quick start
 * has all four), each with a one-click fix: the whole request as it is once fixed.
 */
export type DefectKind = 'trailing-comma' | 'bearer-scheme' | 'placeholder' | 'order-id-mismatch' | 'fixed-host' | 'json-as-form';

export interface Defect {
  kind: DefectKind;
  message: string;
  fix: { label: string; request: ApiRequest };
}

/** Placeholders the docs use, and the variable each one stands for. */
const KNOWN_PLACEHOLDERS: Record<string, string> = {
  'YOUR-CLIENT-ID': 'client_id',
  'YOUR-CLIENT-SECRET': 'client_secret',
  'YOUR-SUBSCRIPTION-KEY': 'Ocp-Apim-Subscription-Key',
  'YOUR-MSN': 'merchantSerialNumber',
  'YOUR-ACCESS-TOKEN': 'access_token',
  'PAYMENT-ORDER-ID': 'orderId',
};
const PLACEHOLDER = /\bYOUR-[A-Z0-9]+(?:-[A-Z0-9]+)*\b|\bPAYMENT-ORDER-ID\b/g;
/** A JSON string value the docs cut short, e.g. "iVBORw0… <truncated>". */
const CUT_SHORT = /"([\w-]+)"(\s*:\s*)"[^"\n]*<(?:truncated|[a-z][a-z -]*)>[^"\n]*"/gi;
const VIPPS_HOSTS = /^https:\/\/(apitest|api)\.vipps\.no(?=\/|$)/i;

function placeholderVariable(placeholder: string): string {
  return KNOWN_PLACEHOLDERS[placeholder] ?? placeholder.replace(/^YOUR-/, '').toLowerCase().replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A placeholder and the variable its fix puts in name the same order. */
function sameOrder(id: string): string {
  return KNOWN_PLACEHOLDERS[id] ? `{{${KNOWN_PLACEHOLDERS[id]}}}` : id;
}

/** Apply one text change to every place a request holds text (URL, params, headers, body). */
function mapText(request: ApiRequest, change: (text: string) => string): ApiRequest {
  const body = request.body.mode === 'json' || request.body.mode === 'text' ? { ...request.body, text: change(request.body.text) } : request.body;
  return {
    ...request,
    url: change(request.url),
    params: request.params.map((p) => ({ ...p, value: change(p.value) })),
    headers: request.headers.map((h) => ({ ...h, value: change(h.value) })),
    body,
  };
}

const bodyText = (request: ApiRequest) => (request.body.mode === 'json' || request.body.mode === 'text' ? request.body.text : '');
const allText = (request: ApiRequest) => [request.url, ...request.params.map((p) => p.value), ...request.headers.map((h) => h.value), bodyText(request)].join('\n');

/** The order id (or ePayment reference) a request acts on, if it names one. */
export function orderIdOf(request: ApiRequest): string | undefined {
  const url = request.url;
  const fromUrl =
    url.match(/\/order-management\/v\d+\/[^/]+\/(?:categories|receipts)\/([^/?#]+)/i)?.[1] ??
    url.match(/\/order-management\/v\d+\/(?!images)[^/]+\/(?!categories|receipts)([^/?#]+)\/?$/i)?.[1] ??
    url.match(/\/ecomm\/v2\/payments\/([^/?#]+)\/(?:details|capture|cancel|refund)/i)?.[1] ??
    url.match(/\/epayment\/v1\/payments\/([^/?#]+)/i)?.[1];
  if (fromUrl) return decodeURIComponent(fromUrl);
  const body = parseJsonOrNull(fixTrailingCommas(bodyText(request))) as { transaction?: { orderId?: unknown }; reference?: unknown } | null;
  const fromBody = body?.transaction?.orderId ?? body?.reference;
  return typeof fromBody === 'string' ? fromBody : undefined;
}

/** The body text, when a JSON object or array goes out labelled as a form only because no Content-Type was given. */
function jsonSentAsForm(request: ApiRequest): string | undefined {
  if (request.body.mode !== 'text' || request.body.contentType?.toLowerCase() !== 'application/x-www-form-urlencoded') return undefined;
  if (request.headers.some((h) => h.enabled && h.key.toLowerCase() === 'content-type')) return undefined;
  const text = request.body.text;
  // Trailing commas do not make it less meant as JSON; the trailing-comma fix follows this one.
  const value = parseJsonOrNull(fixTrailingCommas(text));
  return value !== null && typeof value === 'object' ? text : undefined;
}

/** The defects of one request; `earlierOrderId` is the id the commands before it used. */
export function findDefects(request: ApiRequest, earlierOrderId?: string): Defect[] {
  const defects: Defect[] = [];
  const text = bodyText(request);
  const jsonAsForm = jsonSentAsForm(request);
  if (jsonAsForm !== undefined) {
    defects.push({
      kind: 'json-as-form',
      message: 'curl sends this JSON as a form (application/x-www-form-urlencoded), because the command gives no Content-Type; a JSON API answers 400 or 415.',
      fix: { label: 'Add Content-Type: application/json', request: { ...request, headers: [...request.headers, { key: 'Content-Type', value: 'application/json', enabled: true }], body: { mode: 'json', text: jsonAsForm } } },
    });
  }
  const commas = request.body.mode === 'json' ? findTrailingCommas(text) : [];
  if (commas.length > 0) {
    defects.push({
      kind: 'trailing-comma',
      message: `The JSON body has ${commas.length === 1 ? 'a trailing comma' : `${commas.length} trailing commas`} (line ${commas.map((c) => positionAt(text, c.offset).line).join(', ')}); JSON allows none, and the server answers 400.`,
      fix: { label: 'Remove the trailing commas', request: { ...request, body: { mode: 'json', text: fixTrailingCommas(text) } } },
    });
  }
  const auth = request.headers.find((h) => h.key.toLowerCase() === 'authorization' && /^\s*\w*Bearer\s/i.test(h.value) && !/^\s*Bearer\s/.test(h.value));
  if (auth) {
    const scheme = auth.value.trim().split(/\s+/)[0]!;
    defects.push({
      kind: 'bearer-scheme',
      message: `The Authorization header uses the scheme "${scheme}"; the server expects "Bearer" and answers 401.`,
      fix: { label: `Write "Bearer" instead of "${scheme}"`, request: { ...request, headers: request.headers.map((h) => (h === auth ? { ...h, value: h.value.replace(/^\s*\w*Bearer\s/i, 'Bearer ') } : h)) } },
    });
  }
  const placeholders = [...new Set([...allText(request).matchAll(PLACEHOLDER)].map((m) => m[0]))];
  for (const placeholder of placeholders) {
    const variable = placeholderVariable(placeholder);
    defects.push({
      kind: 'placeholder',
      message: `"${placeholder}" is a placeholder from the docs, not a value. It becomes {{${variable}}}, which your profile or an earlier step fills.`,
      fix: { label: `Use {{${variable}}}`, request: mapText(request, (t) => t.split(placeholder).join(`{{${variable}}}`)) },
    });
  }
  for (const match of text.matchAll(CUT_SHORT)) {
    const key = match[1]!;
    defects.push({
      kind: 'placeholder',
      message: `The "${key}" value was cut short in the docs ("<…>" is still in it); it cannot be sent as it is. It becomes {{${key}}}, for you to fill.`,
      fix: { label: `Use {{${key}}}`, request: { ...request, body: { mode: 'json', text: text.replace(match[0], `"${key}"${match[2]}"{{${key}}}"`) } } },
    });
  }
  const orderId = orderIdOf(request);
  if (earlierOrderId !== undefined && orderId !== undefined && sameOrder(orderId) !== sameOrder(earlierOrderId)) {
    const target = sameOrder(earlierOrderId);
    defects.push({
      kind: 'order-id-mismatch',
      message: `This request uses the order id "${orderId}", but the earlier steps used "${earlierOrderId}"; it would act on another order (404).`,
      fix: { label: `Use ${target}`, request: mapText(request, (t) => t.split(orderId).join(target)) },
    });
  }
  if (VIPPS_HOSTS.test(request.url)) {
    defects.push({
      kind: 'fixed-host',
      message: 'The URL names a Vipps host, so it ignores the profile you choose (the embedded sandbox included).',
      fix: { label: 'Use {{base_url}}', request: { ...request, url: request.url.replace(VIPPS_HOSTS, '{{base_url}}') } },
    });
  }
  return defects;
}

/** Defects of commands pasted together: an order id is checked against the first one used. */
export function findDefectsInSequence(requests: readonly ApiRequest[]): Defect[][] {
  let first: string | undefined;
  return requests.map((request) => {
    const defects = findDefects(request, first);
    first ??= orderIdOf(request);
    return defects;
  });
}

/** Every fix applied, one after another, until none is left (the "fix all" button). */
export function fixAll(request: ApiRequest, earlierOrderId?: string): ApiRequest {
  let current = request;
  for (let round = 0; round < 20; round++) {
    const [next] = findDefects(current, earlierOrderId);
    if (!next) break;
    current = next.fix.request;
  }
  return current;
}
