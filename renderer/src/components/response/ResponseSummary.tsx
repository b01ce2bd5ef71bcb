import type { SendResult } from '../../../../shared/contract/requests';
import { formatBytes, plural } from '../common/format';
import { statusMeaning } from './status-meaning';
import { SaveBodyButton } from './SaveBodyButton';
import { TimingBar } from './TimingBar';

/** Status with its meaning in words, time and size: the three things read first. */
export function ResponseSummary({ result }: { result: SendResult }) {
  const meaning = statusMeaning(result.status);
  const phrase = result.statusText || meaning.phrase;
  return (
    <div className="response-summary">
      <p className={`response-status response-status-${meaning.tone}`} data-testid="response-status">
        <strong className="status-code">
          {result.status} {phrase}
        </strong>{' '}
        <span className="status-meaning">{meaning.meaning}</span>
      </p>
      <div className="response-facts">
        <TimingBar timings={result.timings} secure={/^https:/i.test(result.sent.url)} />
        <span>
          Size <strong>{formatBytes(result.size)}</strong>
        </span>
        {result.redirects.length > 0 && (
          <span title={result.redirects.map((hop) => `${hop.status} ${hop.from} → ${hop.to}`).join('\n')}>
            Followed {plural(result.redirects.length, 'redirect')}
            {result.redirects.some((hop) => hop.credentialsDropped) && ' (keys and token left out after leaving the profile host)'}
          </span>
        )}
        <SaveBodyButton result={result} />
      </div>
      {result.retriedWithNewToken && (
        <p className="response-note">The first answer was 401, so a fresh access token was fetched and the request sent once more.</p>
      )}
    </div>
  );
}
