import type { Timings } from '../../../../shared/contract/requests';
import { formatDuration } from '../common/format';

const ALL_PHASES = [
  { key: 'dns', label: 'DNS lookup' },
  { key: 'connect', label: 'Connect' },
  { key: 'tls', label: 'TLS handshake' },
  { key: 'firstByte', label: 'Waiting for the first byte' },
  { key: 'download', label: 'Download' },
] as const;

/** Where the time went, as a proportional bar with the numbers beside it (the bar alone is decoration). */
export function TimingBar({ timings, secure = true }: { timings: Timings; secure?: boolean }) {
  // A plain-http request has no TLS handshake; a 0 ms row would only say something untrue.
  const PHASES = secure ? ALL_PHASES : ALL_PHASES.filter((phase) => phase.key !== 'tls');
  const phases = { ...timings, download: Math.max(0, timings.total - timings.dns - timings.connect - timings.tls - timings.firstByte) };
  const total = Math.max(timings.total, 0.001);
  return (
    <details className="timing">
      <summary>
        Time <strong>{formatDuration(timings.total)}</strong>
        <span className="timing-bar" aria-hidden="true" title="Open for the breakdown">
          {PHASES.map((phase) => (
            <span key={phase.key} className={`timing-${phase.key}`} style={{ width: `${(phases[phase.key] / total) * 100}%` }} />
          ))}
        </span>
      </summary>
      <dl className="timing-list">
        {PHASES.map((phase) => (
          <div key={phase.key}>
            <dt>
              <span className={`timing-swatch timing-${phase.key}`} aria-hidden="true" />
              {phase.label}
            </dt>
            <dd>{formatDuration(phases[phase.key])}</dd>
          </div>
        ))}
        <div>
          <dt>Total</dt>
          <dd>{formatDuration(timings.total)}</dd>
        </div>
      </dl>
    </details>
  );
}
