import { useId, useState, type FormEvent } from 'react';
import type { ProfileView } from '../../../../shared/contract/profiles';
import { useExplorer } from '../../api/ExplorerContext';
import { changesOf, EnvironmentVariablesTable, rowsOf, type EnvironmentVariableRow } from './EnvironmentVariablesTable';
import { allowedHostsOf, keyHostTextsOf, SecretHostsFields } from './SecretHostsFields';
import { SaveOutcome, type SaveMessage } from '../../components/common/SaveOutcome';
import { KeychainChoice, useKeychainStatus } from '../../quickstart/pages/KeychainChoice';

/** An environment's own values: MSN, the Vipps-System headers and free variables. */
export function EnvironmentForm({ profile, onSaved }: { profile: ProfileView; onSaved(): void }) {
  const api = useExplorer();
  // Ids of our own, so no other form on the page (the quick start's stays mounted) can take its labels.
  const ids = useId();
  const [msn, setMsn] = useState(profile.msn);
  const [customBaseUrl, setCustomBaseUrl] = useState(profile.customBaseUrl ?? '');
  const [system, setSystem] = useState(profile.system);
  const [variables, setVariables] = useState<EnvironmentVariableRow[]>(() => rowsOf(profile));
  const [keyHosts, setKeyHosts] = useState(() => keyHostTextsOf(profile));
  const [message, setMessage] = useState<SaveMessage | null>(null);
  // Read only after a refusal: most saves hold no secret, and those need no keychain.
  const keychain = useKeychainStatus(false);
  const [keychainRefused, setKeychainRefused] = useState(false);

  const submit = async () => {
    const answer = await api.updateProfile({
      id: profile.id,
      changes: {
        msn,
        system,
        ...changesOf(variables),
        allowedHosts: allowedHostsOf(keyHosts, variables),
        ...(profile.environment === 'custom' ? { customBaseUrl } : {}),
      },
    });
    const refusedByKeychain = !answer.ok && answer.error.code === 'KEYCHAIN_UNAVAILABLE';
    setKeychainRefused(refusedByKeychain);
    if (refusedByKeychain) void keychain.read();
    setMessage(
      answer.ok
        ? { ok: true, text: 'Saved.' }
        : { ok: false, text: refusedByKeychain ? 'Not saved: a secret value needs the OS keychain, which cannot be used (see above). What you typed is still here.' : answer.error.message },
    );
    if (answer.ok) {
      // Typed secret values are in the keychain now; the form forgets them.
      setVariables(rowsOf(answer.value));
      // The hosts as stored (normal form, each once), so the form shows what now applies.
      setKeyHosts(keyHostTextsOf(answer.value));
      onSaved();
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  const systemField = (key: keyof ProfileView['system'], label: string) => (
    <>
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <input id={`${ids}-${key}`} type="text" value={system[key]} onChange={(e) => setSystem({ ...system, [key]: e.target.value })} />
    </>
  );

  return (
    <form className="env-form" onSubmit={save} aria-label={`Environment ${profile.name}`}>
      <h3>{profile.name}</h3>
      <div className="env-grid">
        <span>Base URL</span>
        {profile.environment === 'custom' ? (
          <input aria-label="Base URL" type="text" value={customBaseUrl} onChange={(e) => setCustomBaseUrl(e.target.value)} />
        ) : (
          <code>{profile.baseUrl}</code>
        )}
        <label htmlFor={`${ids}-msn`}>Merchant Serial Number</label>
        <input id={`${ids}-msn`} type="text" inputMode="numeric" value={msn} onChange={(e) => setMsn(e.target.value)} />
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
      <SecretHostsFields profile={profile} keyHosts={keyHosts} onKeyHostsChange={setKeyHosts} rows={variables} onRowsChange={setVariables} />
      {keychainRefused && <KeychainChoice keychain={keychain} onKeptInMemory={() => void submit()} />}
      <div className="env-actions">
        <button type="submit" className="button-primary">
          Save environment
        </button>
        <SaveOutcome message={message} />
      </div>
    </form>
  );
}
