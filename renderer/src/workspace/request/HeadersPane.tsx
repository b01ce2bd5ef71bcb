import type { PreviewHeader } from '../../../../shared/contract/requests';
import type { ApiRequest } from '../../../../shared/model/request';
import { KeyValueTable } from './KeyValueTable';

const MASK = '••••••••';

/** The user's headers, and below them, folded away, the ones the app adds when sending. */
export function HeadersPane({
  request,
  onChange,
  autoHeaders,
  unresolved,
}: {
  request: ApiRequest;
  onChange(next: ApiRequest): void;
  autoHeaders: readonly PreviewHeader[];
  unresolved: readonly string[];
}) {
  const overriding = (name: string) => request.headers.find((h) => h.enabled && h.key.trim().toLowerCase() === name.toLowerCase());
  const override = (auto: PreviewHeader) => onChange({ ...request, headers: [...request.headers, { key: auto.name, value: auto.secret ? '' : auto.value, enabled: true }] });
  return (
    <div className="pane">
      <KeyValueTable rows={request.headers} onChange={(headers) => onChange({ ...request, headers })} noun="Header" label="Request headers" unresolved={unresolved} />
      <details className="auto-headers" data-testid="auto-headers">
        <summary>
          Added automatically ({autoHeaders.length}){' '}
          <span className="section-hint">token, keys, Vipps-System values, Content-Type</span>
        </summary>
        {autoHeaders.length === 0 ? (
          <p className="section-hint">None for this request as it stands (the preview updates as you type).</p>
        ) : (
          <table className="kv-table auto-headers-table" aria-label="Headers added automatically">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {autoHeaders.map((auto) => {
                const replaced = overriding(auto.name);
                return (
                  <tr key={auto.name} className={replaced ? 'header-replaced' : undefined}>
                    <th scope="row">{auto.name}</th>
                    <td>
                      <code>{auto.secret ? MASK : auto.value}</code>
                      {replaced && <span className="section-hint"> replaced by your header</span>}
                    </td>
                    <td>
                      {!replaced && (
                        <button type="button" className="button-quiet" aria-label={`Override ${auto.name}`} onClick={() => override(auto)}>
                          Override
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </details>
    </div>
  );
}
