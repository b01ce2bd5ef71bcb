import { useRef, useState } from 'react';
import { useExplorer, useExplorerEvents } from '../api/ExplorerContext';
import { useQuickStartModel } from './context';
import { runAll, type RunAllHandle, type RunProgress } from './run-all';

/** "Run all steps" with a progress bar; it stops at the first step that fails and says why. */
export function RunAllBar() {
  const model = useQuickStartModel();
  const api = useExplorer();
  const events = useExplorerEvents();
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const run = useRef<RunAllHandle | null>(null);
  const running = progress?.phase === 'running';

  const start = async () => {
    // The run happens in the backend's runner; this bar only follows its events.
    setProgress({ phase: 'running', done: 0, total: 0, stepId: null, message: 'Starting…' });
    run.current = runAll(model, { ...api, ...events }, setProgress);
    const final = await run.current.done;
    run.current = null;
    setProgress(final);
  };

  return (
    <div className="qs-runall" role="group" aria-label="Run all steps">
      {running ? (
        <button
          type="button"
          className="button-secondary"
          onClick={() => run.current?.stop()}
        >
          Stop
        </button>
      ) : (
        <button type="button" className="button-primary" disabled={model.sendingKey !== null} onClick={() => void start()} title="Send steps 2 to 7 in order; the image only if one is picked">
          Run all steps
        </button>
      )}
      {!running &&
        (confirmingReset ? (
          <span className="qs-confirm" role="group" aria-label="Confirm start over">
            <span>Forget every result and edit, and start with a new order?</span>
            <button
              type="button"
              className="button-danger"
              onClick={() => {
                setConfirmingReset(false);
                setProgress(null);
                void model.startOver();
              }}
            >
              Start over
            </button>
            <button type="button" className="button-quiet" onClick={() => setConfirmingReset(false)}>
              Keep my progress
            </button>
          </span>
        ) : (
          <button type="button" className="button-quiet" disabled={model.sendingKey !== null} onClick={() => setConfirmingReset(true)}>
            Start over…
          </button>
        ))}
      {progress && (
        <>
          <progress max={progress.total} value={progress.done} aria-label="Run progress" />
          <p role="status" className={`qs-runall-message qs-runall-${progress.phase}`} data-testid="run-all-status">
            {progress.message}
          </p>
        </>
      )}
    </div>
  );
}
