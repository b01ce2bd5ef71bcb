import type { ResolvedRequest, SendResult } from '../../../shared/contract/requests';
import type { RecordedExchange } from '../history/history-entry';
import type { Redactor } from '../history/redactor';
import { describeBody } from './body-text';
import type { ExchangeOutcome } from './redirects';
import type { CollectedBody } from './response-bodies';
import { addTimings } from './timings';

/**
 * The finished exchange twice over: as the renderer sees it (tokens and keys replaced even in
 * the response, because the renderer only gets a token through revealToken), and as the history
 * will record it (redacted again there, by name as well as by value).
 */
export function shapeResponse(input: {
  outcome: ExchangeOutcome;
  collected: CollectedBody;
  redactor: Redactor;
  /** False for the backend's own callers (the runner), which need the answer as it came. */
  redactResult?: boolean;
  requestId: string;
  retried: boolean;
  sent: ResolvedRequest;
}): { result: Omit<SendResult, 'historyId'>; recorded: NonNullable<RecordedExchange['response']> } {
  const { outcome, collected } = input;
  const redactor = input.redactResult === false ? undefined : input.redactor;
  const { response } = outcome;
  const contentType = response.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const described = describeBody(collected, contentType);
  const body: SendResult['body'] =
    collected.kind === 'file'
      ? { kind: 'file', responseId: collected.responseId, size: collected.size }
      : described.binary
        ? { kind: 'inline', text: collected.bytes.toString('base64'), encoding: 'base64' }
        : { kind: 'inline', text: redactor ? redactor.text(described.text) : described.text, encoding: 'utf8' };
  return {
    result: {
      requestId: input.requestId,
      sent: input.sent,
      status: response.status,
      statusText: response.statusText,
      headers: redactor ? response.headers.map((h) => ({ name: h.name, value: redactor.byValue(h.value) })) : response.headers,
      body,
      size: collected.size,
      timings: addTimings(outcome.earlier, response.timings.result()),
      redirects: outcome.redirects,
      retriedWithNewToken: input.retried,
    },
    recorded: {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      bodyText: described.text,
      binary: described.binary,
      size: collected.size,
      partial: collected.kind === 'file',
    },
  };
}
