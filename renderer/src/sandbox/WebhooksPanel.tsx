import type { SandboxWebhooks } from '../../../shared/contract/sandbox';
import { formatDateTime } from './sandbox-format';

const OUTCOME_WORDS: Record<string, string> = { pending: 'waiting to retry', delivered: 'delivered', failed: 'failed, gave up', held: 'held: not on this machine' };

function attemptText(a: SandboxWebhooks['deliveries'][number]['attempts'][number]): string {
  return a.error ? (a.status !== null ? `${a.status}: ${a.error}` : a.error) : `${a.status ?? ''} in ${a.durationMs} ms`;
}

/** Registered webhooks and every delivery with its attempts, so a developer can test their endpoint offline. */
export function WebhooksPanel({ webhooks }: { webhooks: SandboxWebhooks }) {
  return (
    <div className="sb-webhooks">
      {webhooks.webhooks.length === 0 ? (
        <p className="sb-empty">
          No webhooks registered. Register one with <code>POST /webhooks/v1/webhooks</code> and a URL on this machine (for example{' '}
          <code>http://127.0.0.1:3000/vipps-webhooks</code>); the sandbox then sends it signed ePayment events.
        </p>
      ) : (
        <ul className="sb-list" data-testid="sandbox-webhooks">
          {webhooks.webhooks.map((w) => (
            <li key={w.id}>
              <code>{w.url}</code> (MSN {w.msn}): {w.events.join(', ')}
            </li>
          ))}
        </ul>
      )}
      {webhooks.deliveries.length === 0 ? (
        <p className="sb-empty">No deliveries yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Webhook deliveries">
          <table className="sb-table" data-testid="sandbox-deliveries">
            <caption className="visually-hidden">Webhook deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Reference</th>
                <th scope="col">To</th>
                <th scope="col">Outcome</th>
                <th scope="col">Attempts</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <tbody>
              {webhooks.deliveries.map((d) => (
                <tr key={d.id} data-outcome={d.outcome}>
                  <td><code>{d.event}</code></td>
                  <td><code>{d.reference}</code></td>
                  <td><code className="sb-wrap">{d.url}</code></td>
                  <td><span className={`sb-status sb-status-${d.outcome === 'delivered' ? 'ok' : d.outcome === 'failed' ? 'server-error' : 'client-error'}`}>{OUTCOME_WORDS[d.outcome]}</span></td>
                  <td>
                    <ol className="sb-attempts">
                      {d.outcome === 'held' && d.heldReason ? <li>{d.heldReason}</li> : null}
                      {d.attempts.map((a, i) => (
                        <li key={i}>{attemptText(a)}</li>
                      ))}
                    </ol>
                  </td>
                  <td>{formatDateTime(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
