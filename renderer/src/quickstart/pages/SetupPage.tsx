import { useState } from 'react';
import type { ProfileView } from '../../../../shared/contract/profiles';
import type { ExplorerError } from '../../../../shared/errors';
import { useExplorer } from '../../api/ExplorerContext';
import { clearPendingEnvironment, showPendingEnvironment } from '../../frame/pending-environment';
import { useQuickStartModel } from '../context';
import { NewProfileForm } from './NewProfileForm';
import { ProfileKeys } from './ProfileKeys';

const KIND_LABEL: Record<ProfileView['environment'], string> = { sandbox: 'Sandbox', test: 'Test', production: 'Production', custom: 'Custom' };

function keysReady(profile: ProfileView): boolean {
  return profile.environment === 'sandbox' || Object.values(profile.secrets).every((s) => s.set);
}

export function SetupPage({ onEnvironmentChanged }: { onEnvironmentChanged(): void }) {
  const api = useExplorer();
  const model = useQuickStartModel();
  const { profiles, activeProfile } = model;
  const [error, setError] = useState<ExplorerError | null>(null);

  const choose = async (id: string) => {
    // The status bar names the choice at once; the backend's answer follows.
    const chosen = profiles.find((p) => p.id === id);
    if (chosen) showPendingEnvironment({ profileId: chosen.id, profileName: chosen.name, kind: chosen.environment, baseUrl: chosen.baseUrl || 'embedded sandbox' });
    const answer = await api.setActiveProfile({ id });
    if (!answer.ok) {
      clearPendingEnvironment();
      setError(answer.error);
    } else setError(null);
    await model.refreshProfiles();
    onEnvironmentChanged();
  };

  return (
    <div className="qs-page-body">
      <div className="qs-callout qs-callout-info" role="note">
        <p>
          <strong>Order Management is not served in Vipps’ test environment any more</strong>: the current guide lists it for production only. The
          built-in Sandbox answers these calls the way the test environment used to, so it is the safe place to try them.
        </p>
      </div>
      <fieldset className="qs-card">
        <legend>Send requests with this profile</legend>
        <div className="qs-choice-list">
          {profiles.map((profile) => (
            <label key={profile.id} className={`qs-choice ${profile.environment === 'production' ? 'is-production' : ''}`}>
              <input type="radio" name="active-profile" value={profile.id} checked={profile.active} onChange={() => void choose(profile.id)} />
              <span className="qs-choice-title">
                {profile.name} <span className={`qs-env qs-env-${profile.environment}`}>{KIND_LABEL[profile.environment]}</span>
              </span>
              <span className="qs-hint">
                MSN {profile.msn} · {profile.baseUrl || 'not running'}
                {!keysReady(profile) && ' · keys missing'}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {error && <p role="alert" className="qs-error">{error.message}</p>}
      {activeProfile?.environment === 'production' && (
        <div className="qs-production-warning" role="alert" data-testid="production-warning">
          <strong>Production.</strong> Every request from here on goes to the live Vipps MobilePay API for MSN {activeProfile.msn}: payments can move real
          money and order details show up in real customers’ apps. Receipts cannot be taken back.
        </div>
      )}
      {activeProfile && <ProfileKeys profile={activeProfile} onSaved={() => void model.refreshProfiles()} />}
      <NewProfileForm onCreated={(id) => void choose(id)} />
      <div className="qs-actions">
        <button
          type="button"
          className="button-primary"
          disabled={!activeProfile || !keysReady(activeProfile)}
          onClick={() => {
            void model.markSetupDone();
            model.goTo('token');
          }}
        >
          Continue with {activeProfile?.name ?? 'this profile'}
        </button>
        {activeProfile && !keysReady(activeProfile) && <span className="qs-hint">Enter all three keys first.</span>}
      </div>
    </div>
  );
}
