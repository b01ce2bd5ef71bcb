import type { HistoryEntry, HistorySummary } from '../../../shared/contract/history';
import type { HttpMethod, SendResult } from '../../../shared/contract/requests';
import type { ErrorCode } from '../../../shared/errors';
import { statusMeaning, type StatusTone } from '../components/response/status-meaning';

/** The backend writes secrets into the history as «redacted:label»; this finds them in any text. */
export const REDACTED_PATTERN = /«redacted:[^»]*»/g;

export interface UrlParts {
  /** Host and port, e.g. "127.0.0.1:5123"; empty when the URL does not parse. */
  host: string;
  /** Path, query and fragment: the part that says which call it was. */
  path: string;
}

/** Splits a URL so the list can mute the host (the same on every row) and stress the path. */
export function splitUrl(url: string): UrlParts {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, path: `${parsed.pathname}${parsed.search}${parsed.hash}` };
  } catch {
    return { host: '', path: url };
  }
}

/** Short words for a send that got no HTTP answer, by the backend's error code. */
const NO_ANSWER_REASONS: Partial<Record<ErrorCode, string>> = {
  NETWORK: 'the server could not be reached',
  TIMEOUT: 'no answer in time',
  CANCELLED: 'cancelled',
  TLS: 'the secure connection failed',
  TOO_LARGE: 'the answer was too large',
  AUTH_FAILED: 'the keys were not accepted',
  UNRESOLVED_VARIABLE: 'a variable had no value',
};

export interface StatusBadge {
  text: string;
  tone: StatusTone | 'none';
  /** Said on hover and to screen readers, e.g. "404 Not Found" or "No answer: cancelled". */
  description: string;
}

export function statusBadge(summary: Pick<HistorySummary, 'status' | 'errorCode'>): StatusBadge {
  if (summary.status === undefined) {
    const reason = summary.errorCode ? (NO_ANSWER_REASONS[summary.errorCode] ?? summary.errorCode.toLowerCase().replace(/_/g, ' ')) : null;
    return { text: 'no answer', tone: 'none', description: reason ? `No answer: ${reason}` : 'No answer' };
  }
  const meaning = statusMeaning(summary.status);
  return { text: String(summary.status), tone: meaning.tone, description: `${summary.status} ${meaning.phrase}` };
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
const absolute = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/** "just now", "5 min. ago", "yesterday": how long ago, in the words a list wants. */
export function timeAgo(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 30) return relative.format(days, 'day');
  return absolute.format(new Date(then));
}

/** The full date and time, for the hover text and the details. */
export function absoluteTime(iso: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? iso : absolute.format(new Date(then));
}

const NO_TIMINGS = { dns: 0, connect: 0, tls: 0, firstByte: 0, total: 0 };

/**
 * A stored answer in the shape the response viewer reads, so the history shows it exactly as the
 * step pages showed it when it arrived (status meaning, body tree, headers, timings).
 */
export function storedResponseAsResult(entry: HistoryEntry): SendResult | null {
  const response = entry.response;
  if (!response) return null;
  return {
    requestId: entry.id,
    historyId: entry.id,
    sent: {
      method: entry.request.method as HttpMethod,
      url: entry.request.url,
      // A header the history redacted is marked secret, so the viewer shows it as masked.
      headers: entry.request.headers.map((header) => ({ ...header, auto: false, secret: header.value.startsWith('«redacted') })),
      body: entry.request.body,
      unresolved: [],
      toProfileHost: true,
    },
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    body: { kind: 'inline', text: response.body, encoding: 'utf8' },
    size: response.size,
    timings: entry.timings ?? NO_TIMINGS,
    redirects: [],
    retriedWithNewToken: false,
  };
}
