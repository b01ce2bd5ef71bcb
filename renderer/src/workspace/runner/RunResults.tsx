import { formatBytes, formatDuration } from '../../components/common/format';
import { useWorkspace } from '../workspace-context';
import { doneCount, expectedCount, type RunProgress } from './run-progress';
import { ForeignScriptRequests } from './ForeignScriptRequests';

const OUTCOME: Record<string, string> = {
  running: 'Running',
  completed: 'Completed',
  'stopped-on-failure': 'Stopped at a failure',
  cancelled: 'Cancelled',
};

/** Live progress, one row per request sent, and the summary once the run ends. */
export function RunResults({ progress, collectionId }: { progress: RunProgress; collectionId: string }) {
  const ws = useWorkspace();
  const done = doneCount(progress);
  const expected = Math.max(expectedCount(progress), done);
  const summary = progress.summary;

  const exportRun = async () => {
    const answer = await ws.api.getRun({ runId: progress.runId });
    if (!answer.ok) return;
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(answer.value, null, 2)}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `run-${answer.value.name.replace(/[^A-Za-z0-9_-]+/g, '-')}-${answer.value.startedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <section className="run-results" aria-label="Run results">
      <div className="run-progress">
        <label htmlFor="run-progress-bar">
          {summary ? OUTCOME[summary.outcome] : progress.current ? `Sending “${progress.current.name}”` : 'Starting…'} · {done} of {expected} requests
        </label>
        <progress id="run-progress-bar" max={Math.max(1, expected)} value={done} />
      </div>
      {summary && (
        <div className="run-summary" data-testid="run-summary" role="status">
          <strong>{OUTCOME[summary.outcome]}</strong>
          <span>
            Requests: {summary.requests.passed} passed, {summary.requests.failed} failed of {summary.requests.total}
          </span>
          <span>
            Assertions: {summary.assertions.passed} passed, {summary.assertions.failed} failed
          </span>
          <span>Time: {formatDuration(summary.totalTimeMs)}</span>
          <button type="button" className="button-quiet" onClick={() => void exportRun()}>
            Export run as JSON
          </button>
        </div>
      )}
      <table className="run-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            {progress.iterations > 1 && <th scope="col">Iteration</th>}
            <th scope="col">Request</th>
            <th scope="col">Status</th>
            <th scope="col">Time</th>
            <th scope="col">Size</th>
            <th scope="col">Assertions</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.results.map((result) => (
            <tr key={`${result.iteration}-${result.index}`} className={result.passed ? 'run-passed' : 'run-failed'} data-testid="run-row">
              <td>{result.index + 1}</td>
              {progress.iterations > 1 && <td>{result.iteration + 1}</td>}
              <td>
                <span className={`method-badge method-${result.method.toLowerCase()}`}>{result.method}</span> {result.name}
                <div className="run-url">{result.url}</div>
                <ForeignScriptRequests requests={result.foreignScriptRequests} />
              </td>
              <td>
                <span className={result.passed ? 'run-ok' : 'run-bad'}>{result.skipped ? 'skipped' : (result.status ?? result.error?.code ?? '—')}</span>
                <span className="visually-hidden">{result.passed ? ' passed' : ' failed'}</span>
                {result.error && <div className="run-error">{result.error.message}</div>}
              </td>
              <td>{formatDuration(result.timeMs)}</td>
              <td>{formatBytes(result.size)}</td>
              <td>
                {result.assertions.length === 0 ? (
                  <span className="section-hint">none</span>
                ) : (
                  <ul className="run-assertions">
                    {result.assertions.map((a, i) => (
                      <li key={i} className={a.passed ? 'run-ok' : 'run-bad'}>
                        {a.skipped ? '○' : a.passed ? '✓' : '✗'} {a.name}
                        {a.message && <span className="section-hint"> {a.message}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={`Open ${result.name} as a tab`}
                  onClick={() => {
                    ws.tabs.openItem(collectionId, result.path, result.name);
                    ws.showView('requests');
                  }}
                >
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {progress.console.length > 0 && (
        <details className="run-console">
          <summary>Console ({progress.console.length})</summary>
          <pre>{progress.console.map((line) => `[${line.level}] ${line.message}`).join('\n')}</pre>
        </details>
      )}
    </section>
  );
}
