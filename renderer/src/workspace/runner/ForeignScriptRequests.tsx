import type { ForeignScriptRequest } from '../../../../shared/model/run';

/**
 * What a request's scripts sent with pm.sendRequest to hosts other than the profile's. Scripts of
 * an imported collection are someone else's code, so where they reached out to is shown on the
 * row, refused sends (a secret would have gone along) in the error colour.
 */
export function ForeignScriptRequests({ requests }: { requests: readonly ForeignScriptRequest[] | undefined }) {
  if (!requests || requests.length === 0) return null;
  return (
    <ul className="run-foreign" aria-label="Script requests to other hosts">
      {requests.map((request, i) => (
        <li key={i} className={request.refused ? 'run-bad' : undefined}>
          ↗ script sent {request.method} to {request.host}: {request.refused ? 'refused, it would carry a secret there' : (request.status ?? request.error ?? 'no answer')}
        </li>
      ))}
    </ul>
  );
}
