import type { ReactNode } from 'react';
import type { HistoryEntry } from '../../../shared/contract/history';
import { CopyButton } from '../components/common/CopyButton';
import { REDACTED_PATTERN } from './history-format';
import { HeadersView } from '../components/response/HeadersView';

/** Marks the backend's «redacted:…» placeholders so they read as stand-ins, not as values. */
export function withRedactions(text: string): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(REDACTED_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <span key={at} className="history-redacted">
        {match[0]}
      </span>,
    );
    last = at + match[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The request as it went out, with the headers the app added (keys and token as placeholders). */
export function RecordedRequest({ request }: { request: HistoryEntry['request'] }) {
  return (
    <section className="history-section" aria-labelledby="history-request-title">
      <h3 id="history-request-title" className="history-section-title">
        Request
      </h3>
      <div className="history-request-line">
        <strong className="history-method">{request.method}</strong>
        <code className="history-full-url" data-testid="history-request-url">
          {withRedactions(request.url)}
        </code>
        <CopyButton label="Copy URL" ariaLabel="Copy the request URL" text={request.url} />
      </div>
      <h4 className="history-subtitle">Headers ({request.headers.length})</h4>
      <HeadersView
        headers={request.headers}
        caption="Request headers"
        emptyText="No headers were sent."
        className="history-headers"
        renderValue={withRedactions}
      />
      <div className="history-body-heading">
        <h4 className="history-subtitle">Body</h4>
        {request.body !== '' && <CopyButton label="Copy body" ariaLabel="Copy the request body" text={request.body} />}
      </div>
      {request.body === '' ? (
        <p className="history-note">The request had no body.</p>
      ) : (
        <pre className="raw-body-text history-request-body" tabIndex={0} role="region" aria-label="Request body as sent">
          {withRedactions(request.body)}
        </pre>
      )}
      {request.bodyTruncated && <p className="history-note">The body was longer than the history keeps; this is its beginning.</p>}
    </section>
  );
}
