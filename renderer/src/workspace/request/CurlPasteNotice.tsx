import { findDefects, fixAll } from '../../../../shared/interop/curl';
import type { ApiRequest } from '../../../../shared/model/request';

export interface CurlPasteNoticeProps {
  request: ApiRequest;
  notes: readonly string[];
  ignoredCommands: number;
  onChange(next: ApiRequest): void;
  onUndo(): void;
  onDismiss(): void;
}

/**
 * Under the URL after a curl paste: what the command carried that needs fixing (read afresh from
 * the request, so a fix made here or by hand drops off the list), each with its one-click fix.
 */
export function CurlPasteNotice({ request, notes, ignoredCommands, onChange, onUndo, onDismiss }: CurlPasteNoticeProps) {
  const defects = findDefects(request);
  return (
    <section className="curl-paste" aria-label="Pasted curl command" role="region">
      <p role="status">
        The pasted curl command is now this request{defects.length > 0 ? `; ${defects.length === 1 ? 'one thing' : `${defects.length} things`} in it will not work as pasted:` : ', with nothing left to fix.'}
      </p>
      {defects.length > 0 && (
        <ul aria-label="Defects in the pasted command">
          {defects.map((defect) => (
            <li key={`${defect.kind}-${defect.message}`}>
              {defect.message}{' '}
              <button type="button" className="button-quiet" onClick={() => onChange(defect.fix.request)}>
                {defect.fix.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul aria-label="Left out of the pasted command">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {ignoredCommands > 0 && <p className="section-hint">The text held {ignoredCommands + 1} commands; this tab took the first. Import (in New) takes them all into a collection.</p>}
      <div className="curl-paste-actions">
        {defects.length > 1 && (
          <button type="button" className="button-secondary" onClick={() => onChange(fixAll(request))}>
            Fix all
          </button>
        )}
        <button type="button" className="button-quiet" onClick={onUndo} title="Put the pasted text back in the URL field (Ctrl/Cmd+Z there does the same)">
          Undo paste
        </button>
        <button type="button" className="button-quiet" onClick={onDismiss}>
          Done
        </button>
      </div>
    </section>
  );
}
