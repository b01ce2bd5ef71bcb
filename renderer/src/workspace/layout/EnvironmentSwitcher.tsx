import { useCallback, useEffect, useState } from 'react';
import type { ExplorerApi } from '../../../../shared/contract';
import type { ProfileView } from '../../../../shared/contract/profiles';
import { clearPendingEnvironment, showPendingEnvironment } from '../../frame/pending-environment';

const KIND: Record<ProfileView['environment'], string> = { sandbox: 'Sandbox', test: 'Test', production: 'Production', custom: 'Custom' };

export interface EnvironmentSwitcherProps {
  api: ExplorerApi;
  /** What the rest of the app knows as active (the status bar's answer), so a switch made elsewhere shows here too. */
  activeId?: string;
  /** After a switch: the status bar, the quick start and every `{{variable}}` popover read the profile again. */
  onSwitched(profile: ProfileView): void;
}

/**
 * The active profile, always at the top right, as Postman, Insomnia and Bruno keep it: a native
 * select, so the keyboard, screen readers and type-ahead work as everywhere else.
 */
export function EnvironmentSwitcher({ api, activeId, onSwitched }: EnvironmentSwitcherProps) {
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [active, setActive] = useState<string>('');
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await api.listProfiles({});
    if (!answer.ok) {
      setError(`The profiles could not be read: ${answer.error.message}`);
      return;
    }
    setProfiles(answer.value.profiles);
    setActive(answer.value.activeProfileId);
  }, [api]);

  // Read again whenever the app reports another active profile (a switch in Environments or the quick start).
  useEffect(() => {
    void load();
  }, [load, activeId]);

  const choose = async (id: string) => {
    const before = active;
    // The choice shows at once; the slower work behind it says so with "Switching…".
    setActive(id);
    setPending(id);
    setError(null);
    // The status bar shows the choice in the same frame, before the backend has answered.
    const chosen = profiles.find((p) => p.id === id);
    if (chosen) showPendingEnvironment({ profileId: chosen.id, profileName: chosen.name, kind: chosen.environment, baseUrl: chosen.baseUrl || 'embedded sandbox' });
    const answer = await api.setActiveProfile({ id });
    setPending(null);
    if (!answer.ok) {
      clearPendingEnvironment();
      setActive(before);
      setError(`Still on the previous profile: ${answer.error.message}`);
      return;
    }
    onSwitched(answer.value);
  };

  const current = profiles.find((p) => p.id === active);
  const kind = current?.environment ?? 'sandbox';
  return (
    <div className={`env-switcher env-switcher-${kind}`} data-testid="environment-switcher">
      <label htmlFor="env-switcher-select" className="env-switcher-label">
        Active environment
      </label>
      {current && (
        <span className={`env-switcher-kind env-switcher-kind-${kind}`} aria-hidden="true">
          {KIND[kind]}
        </span>
      )}
      <select
        id="env-switcher-select"
        value={active}
        disabled={profiles.length === 0}
        onChange={(event) => void choose(event.target.value)}
        title={current ? `${current.name} (${KIND[current.environment]}): ${current.baseUrl}` : 'Reading the profiles…'}
        aria-describedby={error ? 'env-switcher-error' : undefined}
      >
        {profiles.length === 0 && <option value="">Reading…</option>}
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name} · {KIND[profile.environment]}
          </option>
        ))}
      </select>
      {pending && (
        <span role="status" className="env-switcher-pending">
          Switching…
        </span>
      )}
      {error && (
        <span id="env-switcher-error" role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
