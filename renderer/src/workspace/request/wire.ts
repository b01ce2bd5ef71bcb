import type { HttpRequestInput, RequestHeader } from '../../../../shared/contract/requests';
import type { ApiRequest, KeyValue } from '../../../../shared/model/request';
import { fullUrl } from './url-params';

export type WireResult = { ok: true; request: HttpRequestInput } | { ok: false; reason: string };

const CONTENT_TYPE = 'content-type';

function hasHeader(headers: readonly RequestHeader[], name: string): boolean {
  return headers.some((header) => header.enabled !== false && header.name.trim().toLowerCase() === name);
}

function encodeForm(fields: readonly KeyValue[]): string {
  // Keep `{{variables}}` readable for the engine to fill; encode everything else as a form does.
  const encode = (text: string) => text.split(/(\{\{[^}]*\}\})/).map((part, i) => (i % 2 === 1 ? part : encodeURIComponent(part).replace(/%20/g, '+'))).join('');
  return fields
    .filter((field) => field.enabled && field.key !== '')
    .map((field) => `${encode(field.key)}=${encode(field.value)}`)
    .join('&');
}

function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The editor's request as the engine's send call takes it today: query joined into the URL,
 * only enabled headers, the body as text with the Content-Type it implies (unless the user set
 * one), and the auth as headers or the profile's Vipps auth.
 */
export function toWireRequest(request: ApiRequest): WireResult {
  const headers: RequestHeader[] = request.headers
    .filter((header) => header.key.trim() !== '')
    .map((header) => ({ name: header.key.trim(), value: header.value, enabled: header.enabled }));
  let body = '';
  const setType = (type: string) => {
    if (!hasHeader(headers, CONTENT_TYPE)) headers.push({ name: 'Content-Type', value: type, enabled: true });
  };
  switch (request.body.mode) {
    case 'none':
      break;
    case 'json':
      body = request.body.text;
      if (body.trim() !== '') setType('application/json');
      break;
    case 'text':
      body = request.body.text;
      if (body !== '') setType(request.body.contentType ?? 'text/plain');
      break;
    case 'form-urlencoded':
      body = encodeForm(request.body.fields);
      setType('application/x-www-form-urlencoded');
      break;
    case 'multipart':
    case 'binary':
      return { ok: false, reason: 'Multipart and file bodies are sent by the collection runner; use Run on this request, or switch the body to JSON, text or form.' };
  }
  let auth: 'profile' | 'none' = 'profile';
  switch (request.auth.type) {
    case 'inherit':
    case 'vipps':
      break;
    case 'none':
      auth = 'none';
      break;
    case 'bearer':
      auth = 'none';
      if (!hasHeader(headers, 'authorization')) headers.push({ name: 'Authorization', value: `Bearer ${request.auth.token}`, enabled: true });
      break;
    case 'basic':
      auth = 'none';
      if (/\{\{/.test(request.auth.username + request.auth.password)) {
        return { ok: false, reason: 'Basic auth with {{variables}} in the user name or password is filled by the collection runner; type the values, or use Run on this request.' };
      }
      if (!hasHeader(headers, 'authorization')) headers.push({ name: 'Authorization', value: `Basic ${utf8Base64(`${request.auth.username}:${request.auth.password}`)}`, enabled: true });
      break;
  }
  const url = fullUrl(request.url, request.params).trim();
  if (url === '') return { ok: false, reason: 'Type a URL first, for example {{baseUrl}}/epayment/v1/payments.' };
  return {
    ok: true,
    request: {
      method: request.method,
      url,
      headers,
      body,
      options: { timeoutMs: request.settings.timeoutMs, followRedirects: request.settings.followRedirects, maxRedirects: request.settings.maxRedirects, auth },
    },
  };
}
