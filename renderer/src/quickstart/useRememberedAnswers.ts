import { useEffect, useRef } from 'react';
import type { ExplorerApi } from '../../../shared/contract';
import type { RequestKey } from '../../../shared/quickstart/templates';
import { storedResponseAsResult } from '../history/history-format';
import type { useQuickStart } from './useQuickStart';

type Model = ReturnType<typeof useQuickStart>;

/**
 * Keeps each step's last answer across views and restarts: the history entry of every answer
 * is remembered for the current order, and read back (redacted, as the history keeps it) when
 * the quick start opens without it.
 */
export function useRememberedAnswers(api: ExplorerApi, model: Model): void {
  const remembered = useRef<Record<string, string>>({});
  const restoredFor = useRef<string | null>(null);
  const orderId = model.state?.order.orderId ?? null;
  const { showRunResult } = model;
  const resultsRef = useRef(model.results);
  resultsRef.current = model.results;

  useEffect(() => {
    if (!orderId || restoredFor.current === orderId) return;
    restoredFor.current = orderId;
    let live = true;
    void api.getQuickStartAnswers({}).then(async (answer) => {
      if (!live || !answer.ok || answer.value.orderId !== orderId) return;
      remembered.current = { ...answer.value.answers };
      for (const [key, historyId] of Object.entries(answer.value.answers)) {
        if (resultsRef.current[key as RequestKey]) continue;
        const entry = await api.getHistoryEntry({ id: historyId });
        if (!live || !entry.ok) continue;
        showRunResult(key as RequestKey, storedResponseAsResult(entry.value), entry.value.error ? { code: entry.value.error.code, message: entry.value.error.message } : null);
      }
    });
    return () => {
      live = false;
    };
  }, [api, orderId, showRunResult]);

  useEffect(() => {
    if (!orderId) return;
    for (const [key, outcome] of Object.entries(model.results)) {
      const historyId = outcome?.result?.historyId;
      if (!historyId || remembered.current[key] === historyId) continue;
      remembered.current[key] = historyId;
      void api.rememberQuickStartAnswer({ orderId, requestKey: key, historyId });
    }
  }, [api, orderId, model.results]);
}
