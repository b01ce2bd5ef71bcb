import { useEffect, useState } from 'react';
import type { TokenInfo } from '../../../../shared/contract/profiles';
import type { ExplorerError } from '../../../../shared/errors';
import { useExplorer } from '../../api/ExplorerContext';
import { useQuickStartModel } from '../context';
import { RequestPanel } from '../RequestPanel';

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '–';
}

/** The token call plus what the engine knows about the token it keeps, and a deliberate reveal. */
export function TokenPage() {
  const api = useExplorer();
  const model = useQuickStartModel();
  const [info, setInfo] = useState<TokenInfo | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [error, setError] = useState<ExplorerError | null>(null);
  const lastResult = model.results.token?.result;

  useEffect(() => {
    void api.getTokenInfo({}).then((answer) => (answer.ok ? setInfo(answer.value) : setError(answer.error)));
    setRevealed(null);
  }, [api, lastResult, model.activeProfile?.id]);

  const reveal = async () => {
    const answer = await api.revealToken({});
    if (answer.ok) {
      setRevealed(answer.value.accessToken);
      setError(null);
    } else {
      setError(answer.error);
    }
  };

  return (
    <div className="qs-page-body">
      <RequestPanel requestKey="token" idPrefix="qs-token" />
      <section className="qs-card" aria-labelledby="token-info-title">
        <h3 id="token-info-title">The token this app keeps for {model.activeProfile?.name ?? 'the profile'}</h3>
        {info && (
          <dl className="qs-facts" data-testid="token-info">
            <div>
              <dt>State</dt>
              <dd>{info.state === 'valid' ? 'valid' : info.state === 'expired' ? 'expired' : 'none yet'}</dd>
            </div>
            <div>
              <dt>Expires</dt>
              <dd>{when(info.expiresAt)}</dd>
            </div>
            <div>
              <dt>Lifetime</dt>
              <dd>{info.lifetimeSeconds ? `${Math.round(info.lifetimeSeconds / 60)} minutes` : '–'}</dd>
            </div>
            <div>
              <dt>Renewed by itself at</dt>
              <dd>{when(info.renewsAt)}</dd>
            </div>
          </dl>
        )}
        {revealed ? (
          <div className="qs-reveal">
            <label htmlFor="revealed-token">Access token (treat it like a password)</label>
            <textarea id="revealed-token" readOnly rows={4} value={revealed} spellCheck={false} />
            <button type="button" className="button-quiet" onClick={() => setRevealed(null)}>
              Hide the token
            </button>
          </div>
        ) : (
          <button type="button" className="button-quiet" disabled={info?.state !== 'valid'} onClick={() => void reveal()}>
            Reveal token
          </button>
        )}
        {error && <p role="alert" className="qs-error">{error.message}</p>}
      </section>
    </div>
  );
}
