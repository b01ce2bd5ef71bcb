import { STANDALONE_SANDBOX_COMMAND, type SandboxOverview } from '../../../shared/contract/sandbox';
import { CopyButton } from '../components/common/CopyButton';
import { formatBytes, formatCount, plural } from '../components/common/format';
import { formatDateTime } from './sandbox-format';

function CopyableValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="sb-copyable">
      <dt>{label}</dt>
      <dd>
        <code data-testid={testId}>{value}</code>
        <CopyButton text={value} label="Copy" ariaLabel={`Copy ${label}`} />
      </dd>
    </div>
  );
}

function tokenLifetime(seconds: number): string {
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  if (seconds % 60 === 0) return plural(seconds / 60, 'minute');
  return plural(seconds, 'second');
}

/** Where the sandbox answers, the keys that open it, and how it is set up. */
export function OverviewPanel({ overview }: { overview: SandboxOverview }) {
  const { demoKeys, settings, counts } = overview;
  return (
    <section className="sb-card" aria-labelledby="sb-overview-title">
      <h2 id="sb-overview-title">Where it answers</h2>
      <dl className="sb-facts">
        {overview.baseUrl && <CopyableValue label="Base URL" value={overview.baseUrl} testId="sandbox-base-url" />}
        <CopyableValue label="Run it on its own" value={STANDALONE_SANDBOX_COMMAND} />
        {overview.startedAt && (
          <div>
            <dt>Started</dt>
            <dd>{formatDateTime(overview.startedAt)}</dd>
          </div>
        )}
      </dl>
      <p className="sb-hint">
        The standalone sandbox is the same program on a fixed port, for scripts, curl or another API client. It keeps its own data, separate from this one.
      </p>

      <h3>Demo keys</h3>
      {demoKeys ? (
        <>
          <p className="sb-hint">
            Published test values that open this local sandbox and nothing else, so they are safe to show and share. Real keys never appear here.
          </p>
          <dl className="sb-facts" data-testid="sandbox-demo-keys">
            <CopyableValue label="client_id" value={demoKeys.clientId} />
            <CopyableValue label="client_secret" value={demoKeys.clientSecret} />
            <CopyableValue label="Ocp-Apim-Subscription-Key" value={demoKeys.subscriptionKey} />
            <CopyableValue label="Merchant-Serial-Number" value={demoKeys.msn} />
          </dl>
        </>
      ) : (
        <p className="sb-hint">The sandbox's config file turned the demo sales unit off; use the keys of a unit it lists.</p>
      )}
      {overview.salesUnits.some((unit) => !unit.demo) && (
        <p className="sb-hint">
          Other sales units from the config file: {overview.salesUnits.filter((u) => !u.demo).map((u) => `${u.name} (MSN ${u.msn})`).join(', ')}.
        </p>
      )}

      {settings && (
        <details className="sb-settings">
          <summary>How it behaves</summary>
          <dl className="sb-facts">
            <div><dt>Access tokens last</dt><dd>{tokenLifetime(settings.tokenLifetimeSeconds)}</dd></div>
            <div><dt>Wrong client_id or secret</dt><dd>answered with {settings.badClientCredentialsStatus}</dd></div>
            <div><dt>“bearer” in lower case</dt><dd>{settings.strictBearerCase ? 'refused' : 'accepted'}</dd></div>
            <div><dt>Category names an unknown image</dt><dd>answered with {settings.unknownImageIdStatus}</dd></div>
            <div><dt>Image size limit</dt><dd>{settings.checkImageSize ? formatBytes(settings.maxImageBytes) : 'not checked'}</dd></div>
            <div><dt>Minimum image height</dt><dd>{settings.checkImageHeight ? `${settings.minImageHeight} px` : 'not checked'}</dd></div>
            <div><dt>Malformed JSON to eCom</dt><dd>answered with {settings.ecomMalformedJsonStatus}</dd></div>
            <div><dt>Recurring charge due at least</dt><dd>{plural(settings.chargeMinDaysAhead, 'day')} ahead</dd></div>
            <div><dt>Request log keeps</dt><dd>the last {plural(settings.requestLogSize, 'request')}</dd></div>
          </dl>
        </details>
      )}

      <h3>What it holds</h3>
      <ul className="sb-counts" data-testid="sandbox-counts">
        <li>{plural(counts.orders, 'order')}</li>
        <li>{plural(counts.images, 'image')}</li>
        <li>{plural(counts.payments, 'payment')}</li>
        <li>{plural(counts.agreements, 'agreement')}</li>
        <li>{plural(counts.charges, 'charge')}</li>
        <li>{formatCount(counts.requestsSeen)} requests answered since start</li>
      </ul>
      {overview.notices.map((notice) => (
        <p key={notice} className="callout callout-warning">
          {notice}
        </p>
      ))}
    </section>
  );
}
