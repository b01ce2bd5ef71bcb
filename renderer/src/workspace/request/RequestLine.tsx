import type { KeyboardEvent, ReactNode } from 'react';
import { httpMethods, type HttpMethod } from '../../../../shared/contract/requests';
import type { ApiRequest } from '../../../../shared/model/request';
import { VariableField } from '../variables/VariableField';
import { editUrl, fullUrl } from './url-params';

export interface RequestLineProps {
  request: ApiRequest;
  onChange(next: ApiRequest): void;
  sending: boolean;
  sendBlock: string | null;
  unresolved: readonly string[];
  onSend(): void;
  onCancel(): void;
  onSave(): void;
  dirty: boolean;
  idPrefix: string;
  /** More actions (e.g. the interop helper's "Code" snippet button). */
  actions?: ReactNode;
}

/** Method, URL (query in step with the Params rows), Send and Save. */
export function RequestLine({ request, onChange, sending, sendBlock, unresolved, onSend, onCancel, onSave, dirty, idPrefix, actions }: RequestLineProps) {
  const onUrlKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      if (!sending && !sendBlock) onSend();
    }
  };
  return (
    <div className="request-line ws-request-line">
      <label htmlFor={`${idPrefix}-method`} className="visually-hidden">
        Method
      </label>
      <select id={`${idPrefix}-method`} className={`method-select method-${request.method.toLowerCase()}`} value={request.method} onChange={(e) => onChange({ ...request, method: e.target.value as HttpMethod })}>
        {httpMethods.map((method) => (
          <option key={method} value={method}>
            {method}
          </option>
        ))}
      </select>
      <VariableField
        id={`${idPrefix}-url`}
        className="ws-url"
        ariaLabel="URL"
        placeholder="{{baseUrl}}/path"
        value={fullUrl(request.url, request.params)}
        onChange={(text) => onChange({ ...request, ...editUrl(text, request.params) })}
        unresolved={unresolved}
        onKeyDown={onUrlKey}
        describedBy={sendBlock ? `${idPrefix}-send-block` : undefined}
      />
      {sending ? (
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : (
        <button type="button" className="button-primary" onClick={onSend} disabled={Boolean(sendBlock)} title={sendBlock ?? 'Send (Ctrl+Enter)'}>
          Send
        </button>
      )}
      <button type="button" className="button-secondary" onClick={onSave} title="Save (Ctrl+S)" aria-label={dirty ? 'Save (unsaved changes)' : 'Save'}>
        Save
      </button>
      {actions}
    </div>
  );
}
