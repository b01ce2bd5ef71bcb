import { useState, type KeyboardEvent } from 'react';
import { httpMethods, type HttpMethod, type HttpRequestInput, type ResolvedRequest } from '../../../../shared/contract/requests';
import { scanVariables } from '../../../../shared/variables';
import '../components.css';
import { BodyEditor } from './lazy-editors';
import { checkBody } from './body-check';
import { HeadersEditor, type EditableHeader } from './HeadersEditor';
import type { RuleIssue } from './types';
import { UrlField } from './UrlField';

export type { RuleIssue } from './types';

export interface RequestEditorProps {
  request: HttpRequestInput;
  onChange(next: HttpRequestInput): void;
  preview: ResolvedRequest | null;
  rules?: (body: unknown) => RuleIssue[];
  sending: boolean;
  onSend(): void;
  onCancel(): void;
  onReset?(): void;
  readOnlyMethod?: boolean;
  idPrefix: string;
}

/** Methods whose requests normally carry a body; for the others an empty body is the norm. */
const BODY_METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH'];

function userContentType(headers: readonly EditableHeader[]): string | null {
  const header = headers.find((h) => h.enabled !== false && h.name.trim().toLowerCase() === 'content-type');
  return header ? header.value : null;
}

export function RequestEditor({ request, onChange, preview, rules, sending, onSend, onCancel, onReset, readOnlyMethod, idPrefix }: RequestEditorProps) {
  const [edited, setEdited] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const headers = request.headers ?? [];
  const body = request.body ?? '';
  const contentType = userContentType(headers);
  const check = checkBody(body, contentType, rules);
  const unnamedHeader = headers.some((h) => h.name.trim() === '');
  const sendBlock = check.sendBlock ?? (unnamedHeader ? 'A header row has no name: give it one or remove the row.' : null);
  const unresolved = (preview?.unresolved ?? []).map((name) => name.replace(/^\{\{\s*|\s*\}\}$/g, ''));
  const inUrl = new Set(scanVariables(request.url).map((v) => v.name));
  const unresolvedElsewhere = unresolved.filter((name) => !inUrl.has(name));
  const autoHeaders = (preview?.headers ?? []).filter((h) => h.auto);
  const ids = { method: `${idPrefix}-method`, url: `${idPrefix}-url`, block: `${idPrefix}-send-block` };

  const change = (next: Partial<HttpRequestInput>) => {
    setEdited(true);
    onChange({ ...request, ...next });
  };
  const send = () => {
    if (!sending && !sendBlock) onSend();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      send();
    }
  };
  const reset = () => {
    setConfirmingReset(false);
    setEdited(false);
    onReset?.();
  };

  return (
    <section className="request-editor" aria-label="Request" onKeyDown={onKeyDown}>
      <div className="request-line">
        <label htmlFor={ids.method} className="visually-hidden">
          Method
        </label>
        <select
          id={ids.method}
          className="method-select"
          value={request.method}
          disabled={readOnlyMethod}
          title={readOnlyMethod ? 'This step always uses this method.' : undefined}
          onChange={(event) => change({ method: event.target.value as HttpMethod })}
        >
          {httpMethods.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
        <label htmlFor={ids.url} className="visually-hidden">
          URL
        </label>
        <UrlField id={ids.url} value={request.url} onChange={(url) => change({ url })} unresolved={unresolved} />
        {sending ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button-primary"
            onClick={send}
            disabled={Boolean(sendBlock)}
            aria-describedby={sendBlock ? ids.block : undefined}
            title={sendBlock ?? 'Send (Ctrl+Enter)'}
          >
            Send
          </button>
        )}
      </div>
      {sending && (
        <p className="section-hint" role="status">
          Sending…
        </p>
      )}
      {sendBlock && !sending && (
        <p id={ids.block} className="send-block">
          Send is off until this is fixed: {sendBlock}
        </p>
      )}
      {unresolvedElsewhere.length > 0 && (
        <p className="field-error">
          Used in the headers or body without a value: {unresolvedElsewhere.map((n) => `{{${n}}}`).join(', ')}. Nobody defines{' '}
          {unresolvedElsewhere.length === 1 ? 'it' : 'them'}, and sending stops at the first one.
        </p>
      )}
      {preview && !preview.toProfileHost && (
        <p className="section-hint">This URL is not on the profile's host, so no token or keys are added to it.</p>
      )}
      <HeadersEditor headers={headers} onChange={(next) => change({ headers: next })} autoHeaders={autoHeaders} idPrefix={idPrefix} />
      <BodyEditor
        value={body}
        onChange={(next) => change({ body: next })}
        check={check}
        rules={rules}
        contentType={contentType}
        bodyExpected={BODY_METHODS.includes(request.method)}
        onSend={send}
        idPrefix={idPrefix}
      />
      {onReset && (
        <div className="request-actions">
          {confirmingReset ? (
            <div className="confirm" role="group" aria-label="Confirm reset">
              <span>Your edits to this request will be lost.</span>
              <button type="button" className="button-danger" onClick={reset}>
                Discard my edits
              </button>
              <button type="button" className="button-quiet" onClick={() => setConfirmingReset(false)} autoFocus>
                Keep editing
              </button>
            </div>
          ) : (
            <button type="button" className="button-quiet" onClick={() => (edited ? setConfirmingReset(true) : reset())}>
              Reset to template
            </button>
          )}
        </div>
      )}
    </section>
  );
}
