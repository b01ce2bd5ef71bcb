import type { ApiRequest } from '../../../../shared/model/request';
import { KeyValueTable } from './KeyValueTable';

/** The query as rows; the URL field shows the enabled ones, and typing there updates these. */
export function ParamsPane({ request, onChange, unresolved }: { request: ApiRequest; onChange(next: ApiRequest): void; unresolved: readonly string[] }) {
  return (
    <div className="pane">
      <p className="section-hint">Query parameters. Switched-off rows stay here but leave the URL.</p>
      <KeyValueTable rows={request.params} onChange={(params) => onChange({ ...request, params })} noun="Param" label="Query parameters" unresolved={unresolved} />
    </div>
  );
}
