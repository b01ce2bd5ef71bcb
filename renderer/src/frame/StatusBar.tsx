import type { ExplorerError } from '../../../shared/errors';
import { useEffect } from 'react';
import type { AppStatus } from '../api/useStatus';
import { clearPendingEnvironment, usePendingEnvironment } from './pending-environment';
import { unreadNotices } from './read-notices';

const KIND_LABEL: Record<AppStatus['environment']['kind'], string> = {
  sandbox: 'Sandbox',
  test: 'Test',
  production: 'Production',
  custom: 'Custom',
};

export function StatusBar({ status, error, hostLabel }: { status: AppStatus | null; error: ExplorerError | null; hostLabel: string }) {
  const pending = usePendingEnvironment();
  const confirmed = status?.environment;
  // The backend's answer takes over once it names the profile the user picked.
  useEffect(() => {
    if (pending && confirmed?.profileId === pending.profileId) clearPendingEnvironment();
  }, [pending, confirmed]);
  const env = pending ?? confirmed;
  return (
    <footer className="status-bar" role="contentinfo" aria-label="Status bar">
      {env ? (
        <span className={`env-badge env-${env.kind}`} data-testid="active-environment" title={env.baseUrl} aria-busy={pending ? true : undefined}>
          <span className="env-kind">{KIND_LABEL[env.kind]}</span>
          <span className="env-name">{env.profileName}</span>
          <span className="env-url">{env.baseUrl}</span>
        </span>
      ) : (
        <span className="env-badge env-unknown">{error ? 'Backend unreachable' : 'Connecting…'}</span>
      )}
      {pending && (
        <span className="status-progress" role="status">
          <span className="status-spinner" aria-hidden="true" />
          Switching to {pending.profileName}…
        </span>
      )}
      {error && <span className="status-error" role="alert">{error.message}</span>}
      <NoticeSummary notices={status?.notices ?? []} />
      <span className="status-spacer" />
      <span className="status-host">{hostLabel}</span>
    </footer>
  );
}

/**
 * Every notice the backend holds (the sandbox's included) is counted here, on one line, whichever
 * view is open; clicking it shows the full texts above the view again.
 */
function NoticeSummary({ notices }: { notices: AppStatus['notices'] }) {
  if (notices.length === 0) return null;
  const latest = notices[notices.length - 1]!;
  return (
    <span className={`status-notices status-notices-${latest.level}`} role="status" data-testid="status-notices">
      <button type="button" className="status-notices-button" title={`${latest.message} (click to show in full)`} onClick={() => unreadNotices(notices.map((n) => n.id))}>
        {notices.length === 1 ? '1 notice' : `${notices.length} notices`}: {latest.message}
      </button>
    </span>
  );
}
