import { useEffect, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { ApiRequest } from '../../../../shared/model/request';
import { VariableField } from '../variables/VariableField';
import { onUrlFocusRequest } from '../layout/focus-url';
import { CurlPasteNotice } from './CurlPasteNotice';
import { MethodPicker } from './MethodPicker';
import { looksLikeCurl, readPastedCurl, type PastedCurl } from './curl-paste';
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

interface PasteState extends PastedCurl {
  text: string;
  before: ApiRequest;
}

/** Method, URL (query in step with the Params rows), Send and Save; a curl command pasted into the URL becomes the request. */
export function RequestLine({ request, onChange, sending, sendBlock, unresolved, onSend, onCancel, onSave, dirty, idPrefix, actions }: RequestLineProps) {
  const urlId = `${idPrefix}-url`;
  // Ctrl/Cmd+N, T and L ask for the URL field, possibly before this tab is shown.
  useEffect(
    () =>
      onUrlFocusRequest(() => {
        const input = document.getElementById(urlId);
        if (!(input instanceof HTMLInputElement)) return false;
        input.focus();
        input.select();
        return true;
      }),
    [urlId],
  );
  const [pasted, setPasted] = useState<PasteState | null>(null);
  const [pasteError, setPasteError] = useState<string | null>(null);

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).id !== urlId) return;
    const text = event.clipboardData.getData('text/plain');
    if (!looksLikeCurl(text)) return;
    const read = readPastedCurl(text, request);
    if ('error' in read) {
      // The text goes in as pasted, so nothing is lost; the reason says what to change.
      setPasteError(`This looks like a curl command but could not be read: ${read.error}`);
      return;
    }
    event.preventDefault();
    setPasteError(null);
    setPasted({ ...read, text, before: request });
    onChange(read.request);
  };
  /** Back to the request before the paste, with the pasted text in the URL field, as a plain paste would have left it. */
  const undoPaste = () => {
    if (!pasted) return;
    const text = pasted.text.replace(/\s*\\?\r?\n\s*/g, ' ').trim();
    onChange({ ...pasted.before, ...editUrl(text, pasted.before.params) });
    setPasted(null);
  };

  const onUrlKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (pasted && (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      undoPaste();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      if (!sending && !sendBlock) onSend();
    }
  };
  return (
    <div className="ws-request-line-wrap" onPasteCapture={onPaste}>
    <div className="request-line ws-request-line">
      <MethodPicker id={`${idPrefix}-method`} value={request.method} onChange={(method) => onChange({ ...request, method })} />
      <VariableField
        id={urlId}
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
      {pasteError && (
        <p className="field-error" role="alert">
          {pasteError}
        </p>
      )}
      {pasted && <CurlPasteNotice request={request} notes={pasted.notes} ignoredCommands={pasted.ignoredCommands} onChange={onChange} onUndo={undoPaste} onDismiss={() => setPasted(null)} />}
    </div>
  );
}
