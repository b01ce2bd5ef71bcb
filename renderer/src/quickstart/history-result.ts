import type { HistoryEntry } from '../../../shared/contract/history';
import type { SendResult } from '../../../shared/contract/requests';

/**
 * A step's answer as the history kept it (redacted, bodies capped), in the shape the response
 * viewer shows. "Run all steps" runs in the backend, so its answers reach the page this way.
 */
export function resultFromHistory(entry: HistoryEntry): SendResult | null {
  const response = entry.response;
  if (!response) return null;
  const method = entry.request.method.toUpperCase() as SendResult['sent']['method'];
  return {
    requestId: entry.id,
    historyId: entry.id,
    sent: {
      method,
      url: entry.request.url,
      headers: entry.request.headers.map((h) => ({ ...h, auto: false, secret: h.value.startsWith('«redacted') })),
      body: entry.request.body,
      unresolved: [],
      toProfileHost: true,
    },
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    body: { kind: 'inline', text: response.body, encoding: 'utf8' },
    size: response.size,
    timings: entry.timings ?? { dns: 0, connect: 0, tls: 0, firstByte: 0, total: 0 },
    redirects: [],
    retriedWithNewToken: false,
  };
}
