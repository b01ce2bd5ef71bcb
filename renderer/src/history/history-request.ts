import type { HistoryEntry } from '../../../shared/contract/history';
import { isCredentialHeader } from '../../../shared/http/credential-headers';
import { fromHttpRequest } from '../../../shared/model/convert';
import type { ApiRequest } from '../../../shared/model/request';

/** Headers the engine or the HTTP stack adds by itself; an editable copy leaves them to it again. */
const ADDED_WHEN_SENT = /^(host|content-length|connection|accept-encoding|user-agent|vipps-system-.*|merchant-serial-number)$/i;
const REDACTED = '«redacted';

/**
 * A past send as an editable request: keys, tokens and the automatic headers are left out (the
 * engine adds them again), and the environment's base URL becomes `{{baseUrl}}`, so it works
 * after a restart, when the sandbox listens on another port.
 */
export function historyAsRequest(entry: HistoryEntry, baseUrl: string | null): ApiRequest {
  const url = baseUrl && entry.request.url.startsWith(baseUrl) ? `{{baseUrl}}${entry.request.url.slice(baseUrl.replace(/\/$/, '').length)}` : entry.request.url;
  const headers = entry.request.headers
    .filter((h) => !isCredentialHeader(h.name) && !ADDED_WHEN_SENT.test(h.name) && !h.value.includes(REDACTED))
    .map((h) => ({ ...h, enabled: true }));
  const name = entry.label ?? `${entry.request.method} ${new URL(entry.request.url, 'http://x').pathname}`;
  const method = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const).find((m) => m === entry.request.method.toUpperCase()) ?? 'GET';
  return fromHttpRequest({ method, url, headers, body: entry.request.body }, name.slice(0, 200));
}
