import { useEffect, useMemo, useRef, useState } from 'react';
import { formatCount, plural } from '../components/common/format';
import '../components/components.css';
import { ClearHistory } from './ClearHistory';
import { HistoryDetail } from './HistoryDetail';
import { HistoryFilterBar } from './HistoryFilterBar';
import { isFiltered, NO_FILTERS, queryFor, type HistoryFilters } from './history-filters';
import { HistoryList } from './HistoryList';
import './history.css';
import { HISTORY_PAGE, useDebounced, useHistoryList } from './useHistoryList';

/** Typing in the filters asks the backend once the keys rest this long. */
const FILTER_DELAY_MS = 250;
/** "2 min ago" is recomputed this often while the view is open. */
const CLOCK_TICK_MS = 30_000;

/** Every send, newest first, with filters, the details of one entry, delete and clear. */
export function HistoryView() {
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  // What is typed waits for a pause; a choice in a select applies at once.
  const text = useDebounced(filters.text, FILTER_DELAY_MS);
  const code = useDebounced(filters.code, FILTER_DELAY_MS);
  const queryKey = JSON.stringify(queryFor({ ...filters, text, code }));
  const query = useMemo(() => JSON.parse(queryKey) as ReturnType<typeof queryFor>, [queryKey]);
  const filtered = isFiltered(query);
  const list = useHistoryList(query);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => window.clearInterval(timer);
  }, []);

  const select = (id: string) => {
    setSelectedId(id);
    setDeleteError(null);
  };

  const refresh = () => {
    setNow(Date.now());
    void list.refresh();
  };

  const deleteSelected = async () => {
    if (!selectedId) return;
    const index = list.entries.findIndex((entry) => entry.id === selectedId);
    setDeleting(true);
    const failure = await list.remove(selectedId);
    setDeleting(false);
    if (failure) {
      setDeleteError(failure.message);
      return;
    }
    // The next entry down takes the place of the deleted one, as in a mail client.
    const next = index >= 0 ? (list.entries[index + 1] ?? list.entries[index - 1]) : undefined;
    setSelectedId(next?.id ?? null);
    listRef.current?.focus();
  };

  const empty = list.loaded && list.entries.length === 0 && !list.error;
  const failedFirst = list.loaded && list.entries.length === 0 && list.error !== null;
  return (
    <section className="view history-view" aria-labelledby="history-title">
      <header className="history-header">
        <div>
          <h1 id="history-title" ref={headingRef} tabIndex={-1}>
            History
          </h1>
          <p className="lead">Every request the app sends is kept here with its answer, newest first, so you can read it again later.</p>
        </div>
        <div className="history-actions">
          <button type="button" className="button-quiet" onClick={refresh} disabled={list.loading}>
            {list.loading && list.loaded ? 'Refreshing…' : 'Refresh'}
          </button>
          <ClearHistory
            count={filtered ? null : list.total}
            disabled={!filtered && list.total === 0}
            onClear={list.clear}
            onCleared={() => {
              setSelectedId(null);
              headingRef.current?.focus();
            }}
          />
        </div>
      </header>

      <HistoryFilterBar filters={filters} onChange={setFilters} />

      <p className="history-count" role="status">
        {!list.loaded ? 'Loading the history…' : failedFirst || (empty && !filtered) ? '' : countLine(list.entries.length, list.total, filtered)}
      </p>
      {list.error && (
        <p role="alert" className="field-error">
          {list.error.message}
        </p>
      )}

      {empty ? (
        <div className="history-empty" data-testid="history-empty">
          {filtered ? (
            <>
              <h2>Nothing matches these filters</h2>
              <button type="button" className="button-quiet" onClick={() => setFilters(NO_FILTERS)}>
                Clear the filters
              </button>
            </>
          ) : (
            <>
              <h2>No requests yet</h2>
              <p>
                Each request you send is recorded here with its answer: every Send in the quick start and every step of “Run all steps”. Keys and
                tokens are left out. Send one, then come back or press Refresh.
              </p>
            </>
          )}
        </div>
      ) : failedFirst ? null : (
        <div className="history-panes">
          <div className="history-list-pane">
            <HistoryList entries={list.entries} total={list.total} selectedId={selectedId} onSelect={select} now={now} listRef={listRef} />
            {list.entries.length < list.total && (
              <button type="button" className="button-quiet history-more" onClick={() => void list.loadMore()} disabled={list.loading}>
                {list.loading ? 'Loading…' : `Load ${formatCount(Math.min(HISTORY_PAGE, list.total - list.entries.length))} more`}
              </button>
            )}
          </div>
          <div className="history-detail-pane">
            {selectedId ? (
              <HistoryDetail id={selectedId} onDelete={() => void deleteSelected()} deleting={deleting} deleteError={deleteError} />
            ) : (
              <p className="history-note history-pick">Choose a request in the list (or focus the list and use the arrow keys) to see what was sent and what came back.</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function countLine(shown: number, total: number, filtered: boolean): string {
  const matching = filtered ? `${plural(total, 'entry', 'entries')} match` : plural(total, 'entry', 'entries');
  return shown < total ? `${matching}; showing the newest ${formatCount(shown)}.` : `${matching}.`;
}
