import { useRef, useState } from 'react';
import { useExplorer, useExplorerEvents } from '../api/ExplorerContext';
import { loadSampleImage } from '../components/image/sample-image';
import { useQuickStartModel } from './context';

const SKIP_IMAGE_KEY = 'vipps-explorer.quickstart.skip-image';

/** The choice to leave the image out of "Run all steps" outlives a reload. */
function readSkipImage(): boolean {
  try {
    return globalThis.localStorage?.getItem(SKIP_IMAGE_KEY) === 'yes';
  } catch {
    return false;
  }
}

function writeSkipImage(skip: boolean): void {
  try {
    if (skip) globalThis.localStorage?.setItem(SKIP_IMAGE_KEY, 'yes');
    else globalThis.localStorage?.removeItem(SKIP_IMAGE_KEY);
  } catch {
    // Storage refused: the choice lasts until the page reloads.
  }
}
import { runAll, type RunAllHandle, type RunProgress } from './run-all';

/** "Run all steps" with a progress bar; it stops at the first step that fails and says why. */
export function RunAllBar() {
  const model = useQuickStartModel();
  const api = useExplorer();
  const events = useExplorerEvents();
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [skipImage, setSkipImage] = useState(() => readSkipImage());
  const run = useRef<RunAllHandle | null>(null);
  const running = progress?.phase === 'running';

  const start = async () => {
    // The run happens in the backend's runner; this bar only follows its events.
    setProgress({ phase: 'running', done: 0, total: 0, stepId: null, message: 'Starting…' });
    // The optional image step is part of the run: the user's picture, or the bundled sample.
    let image = skipImage ? null : model.image;
    if (!skipImage && !image) {
      image = await loadSampleImage();
      model.setImage(image);
    }
    run.current = runAll(model, { ...api, ...events }, setProgress, image);
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
        <button type="button" className="button-primary" disabled={model.sendingKey !== null} onClick={() => void start()} title="Send steps 2 to 7 in order">
          Run all steps
        </button>
      )}
      {!running && (
        <label className="qs-inline-check">
          <input
            type="checkbox"
            checked={skipImage}
            onChange={(event) => {
              setSkipImage(event.target.checked);
              writeSkipImage(event.target.checked);
            }}
          />{' '}
          Leave out the optional image
        </label>
      )}
      {!running && !skipImage && (
        <span className="qs-hint qs-runall-image" data-testid="run-all-image">
          Uploads {model.image ? `“${model.image.fileName}”` : 'the bundled sample image'} in step 4.
        </span>
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
