import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { SANDBOX_TRIGGER_EVENTS, type SandboxClock } from '../../../shared/contract/sandbox';
import { useExplorer } from '../api/ExplorerContext';
import { formatDateTime } from './sandbox-format';

const QUICK_STEPS = ['1m', '5m', '1h', '1d'];

function aheadText(clock: SandboxClock): string {
  const seconds = Math.round(clock.offsetMs / 1000);
  if (seconds === 0) return 'in step with this machine';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours > 0 ? `${hours} h ` : ''}${minutes} min ${seconds % 60} s ahead of this machine`;
}

/**
 * The test clock and events on demand, the same as `vipps-explorer sandbox clock` and
 * `sandbox trigger`: move time to see payments expire and charges fall due; make an event to
 * test a webhook receiver.
 */
export function TimeControls({ onChanged }: { onChanged(): void }) {
  const api = useExplorer();
  const ids = { by: useId(), event: useId(), problem: useId() };
  const [clock, setClock] = useState<SandboxClock | null>(null);
  const [by, setBy] = useState('1h');
  const [event, setEvent] = useState(SANDBOX_TRIGGER_EVENTS[6] ?? '');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');

  const load = useCallback(async () => {
    const answer = await api.getSandboxClock({});
    if (answer.ok) setClock(answer.value);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const move = async (input: { action: 'advance'; by: string } | { action: 'freeze' } | { action: 'resume' }) => {
    setBusy(true);
    setProblem('');
    const answer = await api.moveSandboxClock(input);
    setBusy(false);
    if (!answer.ok) {
      setProblem(answer.error.message);
      return;
    }
    setClock(answer.value.clock);
    const happened = answer.value.happened.length;
    setNote(input.action === 'advance' ? `Moved ${input.by} ahead; ${happened === 0 ? 'nothing fell due' : `${happened} thing${happened === 1 ? '' : 's'} happened: ${answer.value.happened.join('; ')}`}.` : input.action === 'freeze' ? 'The clock is frozen.' : 'The clock runs again.');
    onChanged();
  };

  const advance = (e: FormEvent) => {
    e.preventDefault();
    void move({ action: 'advance', by: by.trim() });
  };

  const trigger = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem('');
    const answer = await api.triggerSandboxEvent({ event });
    setBusy(false);
    if (!answer.ok) {
      setProblem(answer.error.message);
      return;
    }
    setNote(`Payment ${answer.value.reference} made; sent ${answer.value.events.join(', ')} to the registered webhooks.`);
    onChanged();
  };

  return (
    <section className="sb-card" aria-labelledby="sb-time-title">
      <h2 id="sb-time-title">Time and events</h2>
      <p className="sb-hint" data-testid="sandbox-clock">
        {clock ? `Sandbox time ${formatDateTime(clock.now)}, ${clock.frozen ? 'frozen, ' : ''}${aheadText(clock)}.` : 'Reading the sandbox clock…'}
      </p>
      <form className="sb-fault-form" onSubmit={advance} noValidate>
        <div className="sb-field">
          <label htmlFor={ids.by}>Advance the clock by</label>
          <input id={ids.by} value={by} onChange={(e) => setBy(e.target.value)} aria-describedby={problem ? ids.problem : undefined} />
          <span className="sb-hint">90s, 15m, 2h, 1d or 1h30m. Payments expire, tokens lapse and charges fall due on the way.</span>
        </div>
        <div className="sb-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Advance
          </button>
          {QUICK_STEPS.map((step) => (
            <button key={step} type="button" className="button-quiet" disabled={busy} onClick={() => void move({ action: 'advance', by: step })}>
              +{step}
            </button>
          ))}
          <button type="button" className="button-quiet" disabled={busy || !clock} onClick={() => void move(clock?.frozen ? { action: 'resume' } : { action: 'freeze' })}>
            {clock?.frozen ? 'Resume' : 'Freeze'}
          </button>
        </div>
      </form>
      <form className="sb-fault-form" onSubmit={(e) => void trigger(e)}>
        <div className="sb-field">
          <label htmlFor={ids.event}>Trigger an event</label>
          <select id={ids.event} value={event} onChange={(e) => setEvent(e.target.value)}>
            {SANDBOX_TRIGGER_EVENTS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <span className="sb-hint">Makes a payment in the demo sales unit and takes it to this event; each event on the way goes to the webhooks, signed.</span>
        </div>
        <div className="sb-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Trigger
          </button>
        </div>
      </form>
      {problem && (
        <p id={ids.problem} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p className="sb-hint" role="status">
        {note}
      </p>
    </section>
  );
}
