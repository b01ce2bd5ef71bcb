import type { ExplorerError } from '../../../shared/errors';
import type { AppStatus } from '../api/useStatus';

const KIND_LABEL: Record<AppStatus['environment']['kind'], string> = {
  sandbox: 'Sandbox',
  test: 'Test',
  production: 'Production',
  custom: 'Custom',
};

export function StatusBar({ status, error, hostLabel }: { status: AppStatus | null; error: ExplorerError | null; hostLabel: string }) {
  const env = status?.environment;
  return (
    <footer className="status-bar" role="contentinfo" aria-label="Status bar">
      {env ? (
        <span className={`env-badge env-${env.kind}`} data-testid="active-environment" title={env.baseUrl}>
          <span className="env-kind">{KIND_LABEL[env.kind]}</span>
          <span className="env-name">{env.profileName}</span>
          <span className="env-url">{env.baseUrl}</span>
        </span>
      ) : (
        <span className="env-badge env-unknown">{error ? 'Backend unreachable' : 'Connecting…'}</span>
      )}
      {error && <span className="status-error" role="alert">{error.message}</span>}
      <span className="status-spacer" />
      <span className="status-host">{hostLabel}</span>
    </footer>
  );
}
