import { useId, useState, type FormEvent } from 'react';
import type { EnvironmentKind } from '../../../../shared/contract/app';
import type { ExplorerError } from '../../../../shared/errors';
import { useExplorer } from '../../api/ExplorerContext';

/** Adds a profile for the user's own sales unit; its keys are entered afterwards, one by one. */
export function NewProfileForm({ onCreated, startOpen = false }: { onCreated(id: string): void; /** Asked for ("New environment…"): open, with the focus in Name. */ startOpen?: boolean }) {
  const api = useExplorer();
  // The quick start keeps its copy of this form mounted (hidden) while Environments shows another;
  // fixed ids would make every label name the first copy's input, so each copy gets its own.
  const ids = useId();
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState<Exclude<EnvironmentKind, 'sandbox'>>('test');
  const [msn, setMsn] = useState('');
  const [customBaseUrl, setCustomBaseUrl] = useState('');
  const [error, setError] = useState<ExplorerError | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await api.createProfile({
      name: name.trim() || `${environment === 'production' ? 'Production' : 'Test'} ${msn}`,
      environment,
      msn: msn.trim(),
      ...(environment === 'custom' ? { customBaseUrl: customBaseUrl.trim() } : {}),
    });
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(null);
    setName('');
    setMsn('');
    onCreated(answer.value.id);
  };

  return (
    <details className="qs-card" open={startOpen || undefined}>
      <summary>Add a profile for your own sales unit</summary>
      <form className="qs-form" onSubmit={(event) => void create(event)}>
        <label htmlFor={`${ids}-name`}>Name</label>
        <input id={`${ids}-name`} autoFocus={startOpen} value={name} placeholder="My shop, test" onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${ids}-environment`}>Environment</label>
        <select id={`${ids}-environment`} value={environment} onChange={(e) => setEnvironment(e.target.value as typeof environment)}>
          <option value="test">Test (apitest.vipps.no)</option>
          <option value="production">Production (api.vipps.no)</option>
          <option value="custom">Custom base URL</option>
        </select>
        {environment === 'custom' && (
          <>
            <label htmlFor={`${ids}-url`}>Base URL</label>
            <input id={`${ids}-url`} type="url" value={customBaseUrl} placeholder="https://…" onChange={(e) => setCustomBaseUrl(e.target.value)} />
          </>
        )}
        <label htmlFor={`${ids}-msn`}>Merchant Serial Number (MSN)</label>
        <input id={`${ids}-msn`} inputMode="numeric" value={msn} placeholder="4 to 6 digits" onChange={(e) => setMsn(e.target.value)} />
        {environment === 'production' && (
          <p className="qs-production-warning" role="note">
            A Production profile sends real requests for real customers. Use it only when you mean to.
          </p>
        )}
        <div>
          <button type="submit" className="button-primary">
            Create profile
          </button>
        </div>
        {error && (
          <p role="alert" className="qs-error">
            {error.message}
          </p>
        )}
      </form>
    </details>
  );
}
