import { useId, useState, type FormEvent } from 'react';
import type { ProfileView, SecretField } from '../../../../shared/contract/profiles';
import type { ExplorerError } from '../../../../shared/errors';
import { useExplorer } from '../../api/ExplorerContext';
import { KeychainChoice, useKeychainStatus } from './KeychainChoice';

const FIELDS: Array<{ field: SecretField; label: string; hint: string }> = [
  { field: 'client_id', label: 'client_id', hint: 'Identifies the sales unit when fetching a token.' },
  { field: 'client_secret', label: 'client_secret', hint: 'The password that goes with client_id.' },
  { field: 'subscription_key', label: 'Subscription key (Ocp-Apim-Subscription-Key)', hint: 'Sent with every call, including the token request.' },
];

function stateText(state: ProfileView['secrets'][SecretField]): string {
  return state.set ? `set ••••${state.last4 ?? ''}` : 'not set';
}

/**
 * Write-only key fields: what is typed goes to the keychain (or, with the user's consent, to
 * memory for this run) and is never shown again; the page only learns whether a key is set and
 * how it ends. A key the backend refused stays in its field with the reason beside it, so
 * nothing typed is dropped without a word.
 */
export function ProfileKeys({ profile, onSaved }: { profile: ProfileView; onSaved(): void }) {
  const api = useExplorer();
  // Both the quick start and Environments show this form at once (one of them hidden): ids of its own.
  const ids = useId();
  const keychain = useKeychainStatus(profile.environment !== 'sandbox');
  const [values, setValues] = useState<Partial<Record<SecretField, string>>>({});
  const [refused, setRefused] = useState<Partial<Record<SecretField, string>>>({});
  const [error, setError] = useState<ExplorerError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (profile.environment === 'sandbox') {
    return (
      <section className="qs-card" aria-labelledby={`${ids}-sandbox-title`}>
        <h3 id={`${ids}-sandbox-title`}>Sandbox keys</h3>
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

  const inMemory = keychain.status?.state === 'memory';
  const place = () => (inMemory ? 'kept in memory for this run' : 'saved in the keychain');

  /** Saves the typed keys of `fields`; each refused one keeps its value and gets the reason. */
  const saveFields = async (fields: SecretField[], where: string) => {
    const done: SecretField[] = [];
    let lastError: ExplorerError | null = null;
    for (const field of fields) {
      const value = values[field]?.trim();
      if (!value) continue;
      const answer = await api.setProfileSecret({ id: profile.id, field, value });
      if (answer.ok) {
        done.push(field);
        setValues((all) => ({ ...all, [field]: '' }));
        setRefused(({ [field]: _gone, ...rest }) => rest);
      } else {
        lastError = answer.error;
        setRefused((all) => ({ ...all, [field]: `Not saved: ${answer.error.code === 'KEYCHAIN_UNAVAILABLE' ? 'the OS keychain cannot be used (see above). Your key is still in the field.' : answer.error.message}` }));
      }
    }
    if (lastError?.code === 'KEYCHAIN_UNAVAILABLE') void keychain.read();
    setError(lastError && lastError.code !== 'KEYCHAIN_UNAVAILABLE' ? lastError : null);
    setSaved(done.length > 0 ? `${done.join(', ')} ${where}.` : null);
    if (done.length > 0) onSaved();
  };

  const save = (event: FormEvent, field: SecretField) => {
    event.preventDefault();
    void saveFields([field], place());
  };

  const typed = FIELDS.filter(({ field }) => values[field]?.trim()).map(({ field }) => field);

  return (
    <section className="qs-card" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Keys for {profile.name}</h3>
      <p>
        {inMemory
          ? 'Each key is kept in memory for this run only. It is never shown again, only whether it is set and its last four characters.'
          : 'Each key goes straight to the keychain. It is never shown again, only whether it is set and its last four characters.'}
      </p>
      <KeychainChoice keychain={keychain} pendingKeys={typed.length} onKeptInMemory={() => void saveFields(typed, 'kept in memory for this run')} />
      {FIELDS.map(({ field, label, hint }) => {
        const id = `${ids}-${field}`;
        return (
          <form key={field} className="qs-key-row" onSubmit={(event) => save(event, field)}>
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={values[field] ?? ''}
              aria-describedby={`${id}-state${refused[field] ? ` ${id}-refused` : ''}`}
              aria-invalid={refused[field] ? true : undefined}
              onChange={(event) => setValues((all) => ({ ...all, [field]: event.target.value }))}
            />
            <button type="submit" className="button-quiet" disabled={!values[field]?.trim()}>
              Save
            </button>
            <span id={`${id}-state`} className="qs-key-state" data-testid={`key-state-${field}`}>
              {stateText(profile.secrets[field])}
              <span className="qs-hint"> · {hint}</span>
            </span>
            {refused[field] && (
              <span id={`${id}-refused`} className="qs-key-state qs-error" role="alert">
                {refused[field]}
              </span>
            )}
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
