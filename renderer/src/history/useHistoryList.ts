import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistorySummary } from '../../../shared/contract/history';
import type { ExplorerError } from '../../../shared/errors';
import { useExplorer } from '../api/ExplorerContext';
import type { HistoryQuery } from './history-filters';

/** Entries fetched per page; "Load more" asks for the next page. */
export const HISTORY_PAGE = 100;
/** listHistory's own ceiling for one call. */
const MAX_LIMIT = 500;

export interface HistoryListState {
  entries: HistorySummary[];
  /** How many entries match the filters, loaded or not. */
  total: number;
  loading: boolean;
  /** False until the first answer, so the empty state does not flash before it. */
  loaded: boolean;
  error: ExplorerError | null;
}

const INITIAL: HistoryListState = { entries: [], total: 0, loading: true, loaded: false, error: null };

/**
 * The filtered history, newest first, a page at a time. Answers that arrive after a newer
 * question (the user kept typing) are dropped, so the list always matches the filters shown.
 */
export function useHistoryList(query: HistoryQuery) {
  const api = useExplorer();
  const [state, setState] = useState<HistoryListState>(INITIAL);
  const generation = useRef(0);
  const loadedCount = useRef(0);
  loadedCount.current = state.entries.length;

  const fetchPage = useCallback(
    async (offset: number, limit: number, keep: HistorySummary[]) => {
      const mine = ++generation.current;
      setState((previous) => ({ ...previous, loading: true }));
      const answer = await api.listHistory({ ...query, offset, limit });
      if (mine !== generation.current) return;
      if (!answer.ok) {
        setState((previous) => ({ ...previous, loading: false, loaded: true, error: answer.error }));
        return;
      }
      // New sends shift every later entry down by one, so a next page can repeat the last rows.
      const known = new Set(keep.map((entry) => entry.id));
      const entries = [...keep, ...answer.value.entries.filter((entry) => !known.has(entry.id))];
      setState({ entries, total: answer.value.total, loading: false, loaded: true, error: null });
    },
    [api, query],
  );

  /**
   * Fetches again from the top, at least as many rows as the user had loaded, rounded up to a
   * whole page: new sends land on top, and the rows they push down should stay in the list.
   */
  const refresh = useCallback(() => {
    const pages = Math.floor(loadedCount.current / HISTORY_PAGE) + 1;
    return fetchPage(0, Math.min(MAX_LIMIT, pages * HISTORY_PAGE), []);
  }, [fetchPage]);

  const loadMore = useCallback(() => fetchPage(loadedCount.current, HISTORY_PAGE, state.entries), [fetchPage, state.entries]);

  // A new query (and the first mount) starts from the first page.
  useEffect(() => {
    void fetchPage(0, HISTORY_PAGE, []);
  }, [fetchPage]);

  const remove = useCallback(
    async (id: string): Promise<ExplorerError | null> => {
      const answer = await api.deleteHistoryEntry({ id });
      if (!answer.ok) return answer.error;
      setState((previous) => {
        const entries = previous.entries.filter((entry) => entry.id !== id);
        return { ...previous, entries, total: Math.max(0, previous.total - (previous.entries.length - entries.length)) };
      });
      return null;
    },
    [api],
  );

  const clear = useCallback(async (): Promise<ExplorerError | null> => {
    generation.current++;
    const answer = await api.clearHistory({});
    if (!answer.ok) return answer.error;
    setState({ entries: [], total: 0, loading: false, loaded: true, error: null });
    return null;
  }, [api]);

  return { ...state, refresh, loadMore, remove, clear };
}

/** The value, once it has stopped changing for `ms`; typing in a filter asks once, not per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
