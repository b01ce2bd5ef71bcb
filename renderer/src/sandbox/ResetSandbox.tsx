import { useEffect, useRef, useState } from 'react';
import { useExplorer } from '../api/ExplorerContext';

/** "Reset sandbox" behind an inline confirmation, since it forgets everything at once. */
export function ResetSandbox({ onReset }: { onReset(): void }) {
  const api = useExplorer();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus goes to the safe choice when the question opens, and back to the opener when it closes.
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const reset = async () => {
    setBusy(true);
    const answer = await api.resetSandbox({});
    setBusy(false);
    setConfirming(false);
    if (answer.ok) {
      setNote({ kind: 'done', text: 'The sandbox was reset: it holds nothing, and its log is empty.' });
      onReset();
    } else {
      setNote({ kind: 'failed', text: answer.error.message });
    }
  };

  return (
    <div className="sb-reset">
      {confirming ? (
        <div className="confirm sb-confirm" role="group" aria-label="Confirm reset">
          <span>Forget every image, order, payment, agreement and charge, and the request log? Faults and issued tokens stay as they are.</span>
          <button type="button" className="button-danger" disabled={busy} onClick={() => void reset()}>
            Reset sandbox
          </button>
          <button ref={keep} type="button" className="button-quiet" disabled={busy} onClick={() => setConfirming(false)}>
            Keep everything
          </button>
        </div>
      ) : (
        <button
          ref={opener}
          type="button"
          className="button-secondary"
          onClick={() => {
            setNote(null);
            setConfirming(true);
          }}
        >
          Reset sandbox…
        </button>
      )}
      <p className={note?.kind === 'failed' ? 'field-error' : 'sb-hint'} role="status">
        {note?.text ?? ''}
      </p>
    </div>
  );
}
