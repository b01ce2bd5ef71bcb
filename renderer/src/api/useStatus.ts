import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import type { ExplorerError } from '../../../shared/errors';
import { useExplorer } from './ExplorerContext';

export type AppStatus = MethodOutput<'getStatus'>;

/** The status bar's data, refreshed on an interval and whenever the window regains focus. */
export function useStatus(intervalMs = 5000) {
  const api = useExplorer();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<ExplorerError | null>(null);

  const refresh = useCallback(async () => {
    const result = await api.getStatus({});
    if (result.ok) {
      setStatus(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), intervalMs);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh, intervalMs]);

  return { status, error, refresh };
}
