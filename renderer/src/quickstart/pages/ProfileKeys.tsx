import { useState, type FormEvent } from 'react';
import type { ProfileView, SecretField } from '../../../../shared/contract/profiles';
import type { ExplorerError } from '../../../../shared/errors';
import { useExplorer } from '../../api/ExplorerContext';

const FIELDS: Array<{ field: SecretField; label: string; hint: string }> = [
  { field: 'client_id', label: 'client_id', hint: 'Identifies the sales unit when fetching a token.' },
  { field: 'client_secret', label: 'client_secret', hint: 'The password that goes with client_id.' },
  { field: 'subscription_key', label: 'Subscription key (Ocp-Apim-Subscription-Key)', hint: 'Sent with every call, including the token request.' },
];

function stateText(state: ProfileView['secrets'][SecretField]): string {
  return state.set ? `set ••••${state.last4 ?? ''}` : 'not set';
}

/**
 * Write-only key fields: what is typed goes to the keychain and is never shown again; the page
 * only learns whether a key is set and how it ends.
 */
export function ProfileKeys({ profile, onSaved }: { profile: ProfileView; onSaved(): void }) {
  const api = useExplorer();
  const [values, setValues] = useState<Partial<Record<SecretField, string>>>({});
  const [error, setError] = useState<ExplorerError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (profile.environment === 'sandbox') {
    return (
      <section className="qs-card" aria-labelledby="sandbox-keys-title">
        <h3 id="sandbox-keys-title">Sandbox keys</h3>
        <p>The Sandbox profile comes with demo keys that only open the sandbox inside this app. Nothing to enter.</p>
        <dl className="qs-facts" data-testid="sandbox-keys">
          {FIELDS.map(({ field, label }) => (
            <div key={field}>
              <dt>{label}</dt>
              <dd>{stateText(profile.secrets[field])}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  const save = async (event: FormEvent, field: SecretField) => {
    event.preventDefault();
    const value = values[field]?.trim();
    if (!value) return;
    const answer = await api.setProfileSecret({ id: profile.id, field, value });
    setValues((all) => ({ ...all, [field]: '' }));
    if (answer.ok) {
      setError(null);
      setSaved(`${field} saved in the keychain.`);
      onSaved();
    } else {
      setError(answer.error);
      setSaved(null);
    }
  };

  return (
    <section className="qs-card" aria-labelledby="profile-keys-title">
      <h3 id="profile-keys-title">Keys for {profile.name}</h3>
      <p>Each key goes straight to the keychain. It is never shown again, only whether it is set and its last four characters.</p>
      {FIELDS.map(({ field, label, hint }) => {
        const id = `key-${field}`;
        return (
          <form key={field} className="qs-key-row" onSubmit={(event) => void save(event, field)}>
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={values[field] ?? ''}
              aria-describedby={`${id}-state`}
              onChange={(event) => setValues((all) => ({ ...all, [field]: event.target.value }))}
            />
            <button type="submit" className="button-quiet" disabled={!values[field]?.trim()}>
              Save
            </button>
            <span id={`${id}-state`} className="qs-key-state" data-testid={`key-state-${field}`}>
              {stateText(profile.secrets[field])}
              <span className="qs-hint"> · {hint}</span>
            </span>
          </form>
        );
      })}
      <p role="status" className="qs-hint">
        {saved}
      </p>
      {error && (
        <p role="alert" className="qs-error">
          {error.message}
        </p>
      )}
    </section>
  );
}
