import type { HttpMethod } from '../../../shared/contract/requests';
import { hasUserinfo, redactUserinfo, USERINFO_REFUSED } from '../../../shared/url-userinfo';
import { fail } from '../failure';

/** Parses the URL a request will go to; anything but a full http(s) URL stops the send with advice. */
export function parseTargetUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('INVALID_INPUT', `"${redactUserinfo(url)}" is not a full URL. Start it with {{baseUrl}} or with https://.`);
  }
  if (parsed.username || parsed.password || hasUserinfo(url)) fail('INVALID_INPUT', USERINFO_REFUSED);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    fail('INVALID_INPUT', `Only http and https URLs can be sent, not ${parsed.protocol.replace(':', '')}. Start the URL with {{baseUrl}} or with https://.`);
  }
  return parsed;
}

/** The last answers of originOf: every send asks for its profile's base URL's, the same few strings over and over. */
const ORIGINS = new Map<string, string | undefined>();
const KEPT_ORIGINS = 64;

/** Scheme, host and port: the unit credentials are bound to (a different port is a different host). */
export function originOf(url: string): string | undefined {
  if (ORIGINS.has(url)) return ORIGINS.get(url);
  let origin: string | undefined;
  try {
    origin = new URL(url).origin;
    if (origin === 'null') origin = undefined;
  } catch {
    origin = undefined;
  }
  if (ORIGINS.size >= KEPT_ORIGINS) ORIGINS.clear();
  ORIGINS.set(url, origin);
  return origin;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The gateway matches paths case-insensitively; the quick start itself writes /accessToken/get. */
export function isTokenEndpoint(url: URL): boolean {
  return /\/accesstoken\/get\/?$/i.test(url.pathname);
}

const EPAYMENT_IDEMPOTENT = /\/epayment\/v1\/payments(\/[^/]+\/(cancel|capture|refund))?\/?$/i;
const RECURRING_V3 = /\/recurring\/v3\//i;

/**
 * Where the API rejects a request without an Idempotency-Key: ePayment create, cancel, capture
 * and refund, and every state-changing Recurring v3 call. A UUID (36 characters) fits both
 * APIs' limits (ePayment ≤ 50; Recurring 1–40 without # ? / \).
 */
export function requiresIdempotencyKey(method: HttpMethod, url: URL): boolean {
  if (method === 'POST' && EPAYMENT_IDEMPOTENT.test(url.pathname)) return true;
  return (method === 'POST' || method === 'PATCH' || method === 'DELETE') && RECURRING_V3.test(url.pathname);
}

export function isStateChanging(method: HttpMethod): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}
