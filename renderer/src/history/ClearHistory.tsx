import { useEffect, useRef, useState } from 'react';
import type { ExplorerError } from '../../../shared/errors';
import { plural } from '../components/common/format';

export interface ClearHistoryProps {
  /** Entries in the whole history, when known (no filter applied); the question names the number. */
  count: number | null;
  disabled: boolean;
  onClear(): Promise<ExplorerError | null>;
  onCleared(): void;
}

/**
 * "Clear history" asks first, in place: the question and its two answers replace the button,
 * the safe answer takes the focus and Escape backs out, so a stray Enter clears nothing.
 */
export function ClearHistory({ count, disabled, onClear, onCleared }: ClearHistoryProps) {
  const [phase, setPhase] = useState<'idle' | 'asking' | 'clearing'>('idle');
  const [error, setError] = useState<string | null>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (phase === 'asking') keepButton.current?.focus();
    else if (phase === 'idle' && wasAsking.current) clearButton.current?.focus();
    wasAsking.current = phase !== 'idle';
  }, [phase]);

  const clear = async () => {
    setPhase('clearing');
    const failure = await onClear();
    if (failure) {
      setError(failure.message);
      setPhase('asking');
      return;
    }
    setError(null);
    wasAsking.current = false;
    setPhase('idle');
    onCleared();
  };

  if (phase === 'idle') {
    return (
      <button ref={clearButton} type="button" className="button-quiet" disabled={disabled} onClick={() => setPhase('asking')}>
        Clear history…
      </button>
    );
  }
  const what = count === null ? 'every entry (not only those shown)' : `all ${plural(count, 'entry', 'entries')}`;
  return (
    <div
      role="group"
      aria-labelledby="history-clear-question"
      className="confirm history-confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && phase === 'asking') {
          event.preventDefault();
          setPhase('idle');
        }
      }}
    >
      <span id="history-clear-question">Remove {what} from the history? This cannot be undone.</span>
      <button type="button" className="button-danger" disabled={phase === 'clearing'} onClick={() => void clear()}>
        {phase === 'clearing' ? 'Clearing…' : 'Yes, clear the history'}
      </button>
      <button ref={keepButton} type="button" className="button-secondary" disabled={phase === 'clearing'} onClick={() => setPhase('idle')}>
        Keep it
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
