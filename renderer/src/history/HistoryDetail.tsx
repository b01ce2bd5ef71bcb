import { useEffect, useMemo, useState } from 'react';
import type { HistoryEntry } from '../../../shared/contract/history';
import type { ExplorerError } from '../../../shared/errors';
import { useExplorer } from '../api/ExplorerContext';
import { CopyButton } from '../components/common/CopyButton';
import { ResponseViewer } from '../components/response/ResponseViewer';
import { absoluteTime, splitUrl, storedResponseAsResult } from './history-format';
import { HistoryActions } from './HistoryActions';
import { RecordedRequest } from './RecordedRequest';

type Loaded = { id: string; entry: HistoryEntry; error: null } | { id: string; entry: null; error: ExplorerError };

export interface HistoryDetailProps {
  id: string;
  onDelete(): void;
  deleting: boolean;
  deleteError: string | null;
}

/** One past send as recorded: the request as it went out and the answer as it came back. */
export function HistoryDetail({ id, onDelete, deleting, deleteError }: HistoryDetailProps) {
  const api = useExplorer();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    // Arrowing through the list asks for many entries; only the last one asked for is shown.
    let current = true;
    void api.getHistoryEntry({ id }).then((answer) => {
      if (!current) return;
      setLoaded(answer.ok ? { id, entry: answer.value, error: null } : { id, entry: null, error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, id]);

  // While the next entry loads, the last one stays in view (marked busy) so arrowing through
  // the list does not make the pane jump.
  const entry = loaded?.entry ?? null;
  const busy = loaded?.id !== id;
  const result = useMemo(() => (entry ? storedResponseAsResult(entry) : null), [entry]);

  if (!loaded || (busy && !entry)) {
    return (
      <section className="history-detail" aria-label="Entry details">
        <p role="status" className="history-note">
          Loading the entry…
        </p>
      </section>
    );
  }
  if (!entry) {
    return (
      <section className="history-detail" aria-label="Entry details">
        <p role="alert" className="field-error">
          {loaded.error?.message}
        </p>
      </section>
    );
  }

  const title = entry.label ?? `${entry.request.method} ${splitUrl(entry.request.url).path}`;
  return (
    <section className="history-detail" aria-labelledby="history-detail-title" aria-busy={busy || undefined} data-testid="history-detail">
      <header className="history-detail-header">
        <div>
          <h2 id="history-detail-title" className="history-detail-title">
            {title}
          </h2>
          <p className="history-note">
            Sent <time dateTime={entry.time}>{absoluteTime(entry.time)}</time> with the profile {entry.profileName}
          </p>
        </div>
        <button type="button" className="button-quiet" onClick={onDelete} disabled={deleting || busy}>
          {deleting ? 'Deleting…' : 'Delete this entry'}
        </button>
      </header>
      {deleteError && (
        <p role="alert" className="field-error">
          {deleteError}
        </p>
      )}
      <HistoryActions entry={entry} />
      <p className="history-redaction-hint">
        Keys and tokens are never stored; they show as <span className="history-redacted">«redacted»</span>.
      </p>
      <RecordedRequest request={entry.request} />
      {/* Not a landmark: the response viewer inside is already the region named "Response". */}
      <div className="history-section">
        <div className="history-body-heading">
          <h3 id="history-response-title" className="history-section-title">
            Response
          </h3>
          {entry.response && entry.response.body !== '' && <CopyButton label="Copy body" ariaLabel="Copy the response body" text={entry.response.body} />}
        </div>
        {result || entry.error ? (
          <ResponseViewer result={result} error={entry.error ?? null} idPrefix="history-response" />
        ) : (
          <p className="history-note">No answer was recorded for this request.</p>
        )}
        {entry.response?.bodyTruncated && <p className="history-note">The body was longer than the history keeps; this is its beginning.</p>}
      </div>
    </section>
  );
}
