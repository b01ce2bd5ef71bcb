import type { HttpRequest, HttpRequestInput } from '../contract/requests';
import type { KeyValue, RequestAuth, RequestBody, ApiRequest } from './request';
import type { RequestPayload } from './body';
import { newRequest } from './request';

/**
 * Converters between the one request model and the shapes that must differ on the wire: the
 * engine's resolved request (query in the URL, body as text, auth as the profile's or none).
 */

/** `a=1&b` → rows; values stay as typed (they may hold `{{variables}}`), only `+` and `%xx` are decoded. */
export function splitUrl(full: string): { url: string; params: KeyValue[] } {
  const hashless = full;
  const q = hashless.indexOf('?');
  if (q < 0) return { url: hashless, params: [] };
  const query = hashless.slice(q + 1);
  const params = query
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return { key: decodeComponent(key), value: decodeComponent(value), enabled: true };
    });
  return { url: hashless.slice(0, q), params };
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Encodes a query part but leaves `{{name}}` intact, so the engine can still fill it. */
function encodeKeepingVariables(text: string): string {
  return text
    .split(/(\{\{[^}]*\}\})/)
    .map((piece) => (piece.startsWith('{{') && piece.endsWith('}}') ? piece : encodeURIComponent(piece)))
    .join('');
}

export function joinUrl(url: string, params: readonly KeyValue[]): string {
  const enabled = params.filter((p) => p.enabled && p.key.length > 0);
  if (enabled.length === 0) return url;
  const query = enabled.map((p) => (p.value === '' ? encodeKeepingVariables(p.key) : `${encodeKeepingVariables(p.key)}=${encodeKeepingVariables(p.value)}`)).join('&');
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/**
 * The body as the engine sends it, and the Content-Type it implies when the request sets none.
 * Multipart and binary bodies go as a payload the engine builds when it sends (files are read
 * then, in the backend); it also picks their Content-Type, since only it knows the boundary.
 */
export function bodyForWire(body: RequestBody): { text: string; contentType?: string; payload?: RequestPayload } {
  switch (body.mode) {
    case 'none':
      return { text: '' };
    case 'json':
      return { text: body.text, contentType: 'application/json' };
    case 'text':
      return { text: body.text, contentType: body.contentType ?? 'text/plain' };
    case 'form-urlencoded':
      return {
        text: body.fields
          .filter((f) => f.enabled)
          .map((f) => `${encodeKeepingVariables(f.key)}=${encodeKeepingVariables(f.value)}`)
          .join('&'),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'multipart':
    case 'binary':
      return { text: '', payload: body };
  }
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The effective auth of a request: its own, or the nearest folder's or the collection's; the profile's Vipps auth at the top. */
export function resolveAuth(chain: readonly RequestAuth[]): RequestAuth {
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const auth = chain[i]!;
    if (auth.type !== 'inherit') return auth;
  }
  return { type: 'vipps' };
}

/**
 * The engine's wire shape of a model request. `auth` is the resolved one (see resolveAuth):
 * bearer and basic become an Authorization header (values may be `{{secret variables}}`), the
 * Vipps auth lets the engine add the profile's token and keys to the profile's host.
 */
export function toHttpRequest(request: ApiRequest, auth: RequestAuth, fill: (text: string) => string = (text) => text): HttpRequestInput {
  const headers = request.headers.filter((h) => h.key.trim().length > 0).map((h) => ({ name: h.key.trim(), value: h.value, enabled: h.enabled }));
  const has = (name: string) => headers.some((h) => h.enabled && h.name.toLowerCase() === name.toLowerCase());
  const body = bodyForWire(request.body);
  if (body.contentType && body.text.length > 0 && !has('Content-Type')) headers.push({ name: 'Content-Type', value: body.contentType, enabled: true });
  if (auth.type === 'bearer' && !has('Authorization')) headers.push({ name: 'Authorization', value: `Bearer ${auth.token}`, enabled: true });
  if (auth.type === 'basic' && !has('Authorization')) {
    // Base64 hides `{{variables}}` from the engine, so the caller fills them before encoding.
    headers.push({ name: 'Authorization', value: `Basic ${base64Utf8(`${fill(auth.username)}:${fill(auth.password)}`)}`, enabled: true });
  }
  return {
    method: request.method,
    url: joinUrl(request.url, request.params),
    headers,
    body: body.text,
    ...(body.payload ? { payload: body.payload } : {}),
    options: {
      timeoutMs: request.settings.timeoutMs,
      followRedirects: request.settings.followRedirects,
      maxRedirects: request.settings.maxRedirects,
      auth: auth.type === 'vipps' ? 'profile' : 'none',
    },
  };
}

/** A request typed as the engine's shape (the quick start's steps, a history entry) in the model. */
export function fromHttpRequest(http: Pick<HttpRequest, 'method' | 'url' | 'headers' | 'body'> & { options?: Partial<HttpRequest['options']> }, name: string): ApiRequest {
  const { url, params } = splitUrl(http.url);
  const contentType = http.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  const isJson = contentType === '' || /json/i.test(contentType);
  const body: RequestBody = http.body.length === 0 ? { mode: 'none' } : isJson ? { mode: 'json', text: http.body } : { mode: 'text', text: http.body, contentType };
  return newRequest({
    name,
    method: http.method,
    url,
    params,
    headers: http.headers.map((h) => ({ key: h.name, value: h.value, enabled: h.enabled ?? true })),
    body,
    auth: http.options?.auth === 'none' ? { type: 'none' } : { type: 'inherit' },
    settings: {
      timeoutMs: http.options?.timeoutMs ?? 30_000,
      followRedirects: http.options?.followRedirects ?? true,
      maxRedirects: http.options?.maxRedirects ?? 10,
    },
  });
}
