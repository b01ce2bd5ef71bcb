import { useState, type FormEvent } from 'react';
import type { ProfileView } from '../../../../shared/contract/profiles';
import { useExplorer } from '../../api/ExplorerContext';
import { changesOf, EnvironmentVariablesTable, rowsOf, type EnvironmentVariableRow } from './EnvironmentVariablesTable';
import { SaveOutcome, type SaveMessage } from '../../components/common/SaveOutcome';

/** An environment's own values: MSN, the Vipps-System headers and free variables. */
export function EnvironmentForm({ profile, onSaved }: { profile: ProfileView; onSaved(): void }) {
  const api = useExplorer();
  const [msn, setMsn] = useState(profile.msn);
  const [customBaseUrl, setCustomBaseUrl] = useState(profile.customBaseUrl ?? '');
  const [system, setSystem] = useState(profile.system);
  const [variables, setVariables] = useState<EnvironmentVariableRow[]>(() => rowsOf(profile));
  const [message, setMessage] = useState<SaveMessage | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await api.updateProfile({
      id: profile.id,
      changes: {
        msn,
        system,
        ...changesOf(variables),
        ...(profile.environment === 'custom' ? { customBaseUrl } : {}),
      },
    });
    setMessage(answer.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: answer.error.message });
    if (answer.ok) {
      // Typed secret values are in the keychain now; the form forgets them.
      setVariables(rowsOf(answer.value));
      onSaved();
    }
  };

  const systemField = (key: keyof ProfileView['system'], label: string) => (
    <>
      <label htmlFor={`env-${key}`}>{label}</label>
      <input id={`env-${key}`} type="text" value={system[key]} onChange={(e) => setSystem({ ...system, [key]: e.target.value })} />
    </>
  );

  return (
    <form className="env-form" onSubmit={(e) => void save(e)} aria-label={`Environment ${profile.name}`}>
      <h3>{profile.name}</h3>
      <div className="env-grid">
        <span>Base URL</span>
        {profile.environment === 'custom' ? (
          <input aria-label="Base URL" type="text" value={customBaseUrl} onChange={(e) => setCustomBaseUrl(e.target.value)} />
        ) : (
          <code>{profile.baseUrl}</code>
        )}
        <label htmlFor="env-msn">Merchant Serial Number</label>
        <input id="env-msn" type="text" inputMode="numeric" value={msn} onChange={(e) => setMsn(e.target.value)} />
        {systemField('name', 'Vipps-System-Name')}
        {systemField('version', 'Vipps-System-Version')}
        {systemField('pluginName', 'Vipps-System-Plugin-Name')}
        {systemField('pluginVersion', 'Vipps-System-Plugin-Version')}
      </div>
      <h4>Variables</h4>
      <p className="section-hint">
        Values every request can use as <code>{'{{name}}'}</code>. Mark tokens and passwords secret: their values go to the OS keychain, are masked everywhere
        and never come back to this window. Leave a secret’s value empty to keep it, type to replace it, or remove the row to delete it.
      </p>
      <EnvironmentVariablesTable rows={variables} onChange={setVariables} />
      <div className="env-actions">
        <button type="submit" className="button-primary">
          Save environment
        </button>
        <SaveOutcome message={message} />
      </div>
    </form>
  );
}
