import { useEffect, useRef, useState } from 'react';
import type { ExplorerApi } from '../../../shared/contract';
import type { RunSummary } from '../../../shared/model/run';

export interface RunState {
  running: boolean;
  summary: RunSummary | null;
  error: string | null;
  start(api: ExplorerApi, collectionId: string): Promise<void>;
}

/** Starts a run and follows it until it ends (by asking for its summary; the runner view has the live events). */
export function useRun(): RunState {
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  const start = async (api: ExplorerApi, collectionId: string) => {
    setRunning(true);
    setError(null);
    setSummary(null);
    const started = await api.startRun({ collectionId });
    if (!started.ok) {
      setRunning(false);
      setError(started.error.message);
      return;
    }
    while (alive.current) {
      const current = await api.getRun({ runId: started.value.runId });
      if (!current.ok) {
        setError(current.error.message);
        break;
      }
      setSummary(current.value);
      if (current.value.outcome !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    setRunning(false);
  };
  return { running, summary, error, start };
}

/** Requests run, passed and failed, and why each failure failed. */
export function RunSummaryView({ state }: { state: RunState }) {
  const { summary, error, running } = state;
  if (error) return <p role="alert">{error}</p>;
  if (!summary) return running ? <p role="status">Running…</p> : null;
  const failed = summary.results.filter((r) => !r.passed);
  return (
    <div data-testid="run-summary" role="status">
      <p>
        {running ? 'Running: ' : ''}
        {summary.requests.total} run, {summary.requests.passed} passed, {summary.requests.failed} failed
        {summary.assertions.total > 0 ? ` (tests: ${summary.assertions.passed} of ${summary.assertions.total} passed)` : ''}.
      </p>
      {failed.length > 0 && (
        <ul className="import-notes">
          {failed.map((r) => (
            <li key={`${r.iteration}-${r.index}`}>
              {r.name}: {r.error ? r.error.message : r.assertions.some((a) => !a.passed) ? `tests failed: ${r.assertions.filter((a) => !a.passed).map((a) => a.name).join(', ')}` : `HTTP ${r.status ?? ''} ${r.statusText ?? ''}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
