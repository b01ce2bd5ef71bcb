import { useId, useState, type FormEvent } from 'react';
import { SANDBOX_ERROR_STATUSES, type SandboxFaults, type SandboxFaultSettings } from '../../../shared/contract/sandbox';
import { useExplorer } from '../api/ExplorerContext';
import { describeFaults } from './sandbox-format';

export const NO_GLOBAL_FAULTS: Partial<SandboxFaultSettings> = { latencyMs: 0, errorRate: 0, failTokenEndpoint: false };

interface Draft {
  latency: string;
  share: string;
  status: SandboxFaultSettings['errorStatus'];
  failToken: boolean;
}

function draftOf(faults: SandboxFaults): Draft {
  return { latency: String(faults.latencyMs), share: String(Math.round(faults.errorRate * 1000) / 10), status: faults.errorStatus, failToken: faults.failTokenEndpoint };
}

function keyOf(faults: SandboxFaultSettings): string {
  return `${faults.latencyMs}|${faults.errorRate}|${faults.errorStatus}|${faults.failTokenEndpoint}`;
}

/** The draft as settings, or the first field that is out of range, in words. */
function settingsOf(draft: Draft): { ok: true; value: SandboxFaultSettings } | { ok: false; field: 'latency' | 'share'; message: string } {
  const latency = Number(draft.latency);
  if (draft.latency.trim() === '' || !Number.isInteger(latency) || latency < 0 || latency > 60_000) {
    return { ok: false, field: 'latency', message: 'Latency is a whole number of milliseconds from 0 to 60000.' };
  }
  const share = Number(draft.share);
  if (draft.share.trim() === '' || !Number.isFinite(share) || share < 0 || share > 100) {
    return { ok: false, field: 'share', message: 'The error share is a percentage from 0 to 100.' };
  }
  return { ok: true, value: { latencyMs: latency, errorRate: share / 100, errorStatus: draft.status, failTokenEndpoint: draft.failToken } };
}

/** Says, while any fault is on, that the sandbox is answering differently on purpose. */
export function FaultBanner({ faults, onTurnOff, busy }: { faults: SandboxFaults; onTurnOff(): void; busy: boolean }) {
  return (
    <div aria-live="polite">
      {faults.active && (
        <div className="callout callout-warning sb-fault-banner" data-testid="sandbox-fault-banner">
          <p className="callout-title">
            <strong>Faults are on: the sandbox is misbehaving on purpose.</strong>
          </p>
          <ul>
            {describeFaults(faults).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" className="button-secondary" disabled={busy} onClick={onTurnOff}>
            Turn faults off
          </button>
        </div>
      )}
    </div>
  );
}

/** Latency, a share of failing calls, their status and a failing token endpoint, applied together. */
export function FaultControls({ faults, onChanged }: { faults: SandboxFaults; onChanged(faults: SandboxFaults): void }) {
  const api = useExplorer();
  const [draft, setDraft] = useState<Draft>(() => draftOf(faults));
  const [problem, setProblem] = useState<{ field: 'latency' | 'share' | null; message: string } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const ids = { latency: `${id}-latency`, share: `${id}-share`, status: `${id}-status`, token: `${id}-token`, problem: `${id}-problem` };

  // Faults changed elsewhere (the banner's button, another window) replace the draft; a reload
  // that brings the same values back must not wipe what the user is typing.
  const faultsKey = keyOf(faults);
  const [draftFor, setDraftFor] = useState(faultsKey);
  if (draftFor !== faultsKey) {
    setDraftFor(faultsKey);
    setDraft(draftOf(faults));
    setNote('');
  }

  const apply = async (settings: Partial<SandboxFaultSettings>, done: string) => {
    setBusy(true);
    const answer = await api.setSandboxFaults(settings);
    setBusy(false);
    if (!answer.ok) {
      setProblem({ field: null, message: answer.error.message });
      return;
    }
    setProblem(null);
    setNote(done);
    // Marked as ours, so the sync above keeps the note instead of treating it as a change from elsewhere.
    setDraftFor(keyOf(answer.value));
    setDraft(draftOf(answer.value));
    onChanged(answer.value);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = settingsOf(draft);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      setNote('');
      return;
    }
    void apply(checked.value, 'Faults applied. They last until you change them or the app restarts.');
  };

  const invalid = (field: 'latency' | 'share') => (problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': ids.problem } : {});

  return (
    <section className="sb-card" aria-labelledby="sb-faults-title">
      <h2 id="sb-faults-title">Fault injection</h2>
      <p className="sb-hint">Make the sandbox slow or failing, to see how your integration (or this app) copes. Applies to every sales unit.</p>
      <form className="sb-fault-form" onSubmit={submit} noValidate>
        <div className="sb-field">
          <label htmlFor={ids.latency}>Latency (ms)</label>
          <input id={ids.latency} type="number" inputMode="numeric" min={0} max={60000} step={50} value={draft.latency} onChange={(e) => setDraft({ ...draft, latency: e.target.value })} {...invalid('latency')} />
          <span className="sb-hint">Added to every API answer.</span>
        </div>
        <div className="sb-field">
          <label htmlFor={ids.share}>Error share (%)</label>
          <input id={ids.share} type="number" inputMode="decimal" min={0} max={100} step={1} value={draft.share} onChange={(e) => setDraft({ ...draft, share: e.target.value })} {...invalid('share')} />
          <span className="sb-hint">Of API calls, answered with the error status instead of being handled.</span>
        </div>
        <div className="sb-field">
          <label htmlFor={ids.status}>Error status</label>
          <select id={ids.status} value={draft.status} onChange={(e) => setDraft({ ...draft, status: Number(e.target.value) as Draft['status'] })}>
            {SANDBOX_ERROR_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <div className="sb-field sb-field-check">
          <input id={ids.token} type="checkbox" checked={draft.failToken} onChange={(e) => setDraft({ ...draft, failToken: e.target.checked })} />
          <label htmlFor={ids.token}>Token endpoint fails (with the error status)</label>
        </div>
        <div className="sb-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            Apply faults
          </button>
          <button type="button" className="button-quiet" disabled={busy} onClick={() => void apply(NO_GLOBAL_FAULTS, 'Faults turned off.')}>
            Turn all faults off
          </button>
        </div>
      </form>
      {problem && (
        <p id={ids.problem} className="field-error" role="alert">
          {problem.message}
        </p>
      )}
      <p className="sb-hint" role="status">
        {note}
      </p>
    </section>
  );
}
