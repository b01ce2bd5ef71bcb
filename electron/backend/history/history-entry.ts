import { randomUUID } from 'node:crypto';
import type { HistoryEntry } from '../../../shared/contract/history';
import type { HeaderLine, Timings } from '../../../shared/contract/requests';
import type { ExplorerError } from '../../../shared/errors';
import { redactUserinfo } from '../../../shared/url-userinfo';
import { truncate, type Redactor } from './redactor';

export interface RecordedExchange {
  profileId: string;
  profileName: string;
  runId?: string;
  label?: string;
  time: Date;
  request: { method: string; url: string; headers: HeaderLine[]; body: string };
  response?: {
    status: number;
    statusText: string;
    headers: HeaderLine[];
    /** The whole body as text, or its beginning when it was too large to keep in memory. */
    bodyText: string;
    /** The body is not text; only its size is recorded. */
    binary: boolean;
    size: number;
    /** bodyText is only the beginning of the body. */
    partial: boolean;
  };
  error?: Pick<ExplorerError, 'code' | 'message'>;
  timings?: Timings;
}

/** One history entry with every secret replaced by a placeholder; redaction happens before any cut. */
export function buildHistoryEntry(exchange: RecordedExchange, redactor: Redactor, bodyCap: number): HistoryEntry {
  const requestBody = truncate(redactor.text(exchange.request.body), bodyCap);
  const entry: HistoryEntry = {
    id: randomUUID(),
    time: exchange.time.toISOString(),
    profileId: exchange.profileId,
    profileName: exchange.profileName,
    request: {
      method: exchange.request.method,
      url: redactUserinfo(redactor.text(exchange.request.url)),
      headers: redactor.headers(exchange.request.headers),
      body: requestBody.text,
      bodyTruncated: requestBody.truncated,
    },
  };
  if (exchange.runId) entry.runId = exchange.runId;
  if (exchange.label) entry.label = exchange.label;
  const response = exchange.response;
  if (response) {
    const body = response.binary
      ? { text: `«binary body, ${response.size} bytes»`, truncated: false }
      : truncate(redactor.text(response.bodyText), bodyCap);
    entry.response = {
      status: response.status,
      statusText: response.statusText,
      headers: redactor.headers(response.headers),
      body: body.text,
      bodyTruncated: body.truncated || (response.partial && !response.binary),
      size: response.size,
    };
  }
  if (exchange.error) entry.error = { code: exchange.error.code, message: redactUserinfo(redactor.text(exchange.error.message)) };
  if (exchange.timings) entry.timings = exchange.timings;
  return entry;
}
