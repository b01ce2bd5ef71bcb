import { useCallback, useEffect, useState } from 'react';
import type { ProfileView } from '../../../../shared/contract/profiles';
import { NewProfileForm } from '../../quickstart/pages/NewProfileForm';
import { ProfileKeys } from '../../quickstart/pages/ProfileKeys';
import { useWorkspace } from '../workspace-context';
import { ContainerSettingsEditor } from './ContainerSettingsEditor';
import { EnvironmentForm } from './EnvironmentForm';

/** Environments (a sales unit's profile: base URL, MSN, keys, Vipps-System values, variables) and a collection's or folder's settings. */
export function EnvironmentsView() {
  const ws = useWorkspace();
  const { api } = ws;
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await api.listProfiles({});
    if (!answer.ok) return setError(answer.error.message);
    setProfiles(answer.value.profiles);
    setSelected((current) => current ?? answer.value.activeProfileId);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const profile = profiles.find((p) => p.id === selected) ?? null;
  return (
    <section className="view environments-view" aria-labelledby="env-title">
      <h1 id="env-title">Environments and variables</h1>
      {ws.settingsTarget && <ContainerSettingsEditor key={`${ws.settingsTarget.collectionId}:${ws.settingsTarget.path}`} target={ws.settingsTarget} />}
      <h2 className="env-heading">Environments</h2>
      <p className="lead">An environment is one sales unit in one place (Sandbox, Test, Production or your own URL). Its keys go to the OS keychain and never come back to this window.</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="env-layout">
        <ul className="env-list" aria-label="Environments">
          {profiles.map((p) => (
            <li key={p.id}>
              <button type="button" className={`nav-item ${p.id === selected ? 'active' : ''}`} aria-current={p.id === selected ? 'true' : undefined} onClick={() => setSelected(p.id)}>
                {p.name} <span className="section-hint">({p.environment}{p.active ? ', in use' : ''})</span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="button-quiet" onClick={() => setAdding((v) => !v)}>
              New environment…
            </button>
          </li>
        </ul>
        <div className="env-detail">
          {adding && (
            <NewProfileForm
              startOpen
              onCreated={(id) => {
                setAdding(false);
                setSelected(id);
                void load();
              }}
            />
          )}
          {profile && !adding && (
            <>
              <EnvironmentForm key={profile.id} profile={profile} onSaved={() => void load()} />
              {!profile.builtIn && <ProfileKeys profile={profile} onSaved={() => void load()} />}
              {!profile.active && (
                <button
                  type="button"
                  className="button-secondary"
                  onClick={async () => {
                    const answer = await api.setActiveProfile({ id: profile.id });
                    if (!answer.ok) setError(answer.error.message);
                    await load();
                  }}
                >
                  Use this environment
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
