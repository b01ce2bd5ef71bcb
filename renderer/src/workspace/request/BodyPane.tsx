import { useState } from 'react';
import type { ApiRequest, BodyMode, RequestBody } from '../../../../shared/model/request';
import { BodyEditor } from '../../components/request/lazy-editors';
import { checkBody } from '../../components/request/body-check';
import { formatBytes } from '../../components/common/format';
import { CodeArea } from '../../components/request/lazy-editors';
import { KeyValueTable } from './KeyValueTable';

const MODES: ReadonlyArray<{ mode: BodyMode; label: string }> = [
  { mode: 'none', label: 'None' },
  { mode: 'json', label: 'JSON' },
  { mode: 'text', label: 'Text' },
  { mode: 'form-urlencoded', label: 'Form' },
  { mode: 'multipart', label: 'Multipart' },
  { mode: 'binary', label: 'File' },
];

/** Largest file taken into a request body; the request model caps inline bytes near this. */
export const MAX_FILE_BODY_BYTES = 20 * 1024 * 1024;

/** Switching modes keeps what can be kept: text moves between JSON and Text. */
function switchBody(body: RequestBody, mode: BodyMode): RequestBody {
  const text = body.mode === 'json' || body.mode === 'text' ? body.text : '';
  switch (mode) {
    case 'none':
      return { mode };
    case 'json':
      return { mode, text };
    case 'text':
      return { mode, text };
    case 'form-urlencoded':
      return { mode, fields: body.mode === 'form-urlencoded' ? body.fields : [] };
    case 'multipart':
      return { mode, parts: body.mode === 'multipart' ? body.parts : [] };
    case 'binary':
      return body.mode === 'binary' ? body : { mode };
  }
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function BodyPane({ request, onChange, onSend, idPrefix, unresolved }: { request: ApiRequest; onChange(next: ApiRequest): void; onSend(): void; idPrefix: string; unresolved: readonly string[] }) {
  const body = request.body;
  const setBody = (next: RequestBody) => onChange({ ...request, body: next });
  const [fileError, setFileError] = useState<string | null>(null);
  const contentType = request.headers.find((h) => h.enabled && h.key.trim().toLowerCase() === 'content-type')?.value ?? null;

  return (
    <div className="pane">
      <fieldset className="body-modes">
        <legend className="visually-hidden">Body type</legend>
        {MODES.map(({ mode, label }) => (
          <label key={mode} className={`body-mode ${body.mode === mode ? 'body-mode-on' : ''}`}>
            <input type="radio" name={`${idPrefix}-body-mode`} value={mode} checked={body.mode === mode} onChange={() => setBody(switchBody(body, mode))} />
            {label}
          </label>
        ))}
      </fieldset>
      {body.mode === 'none' && <p className="section-hint">This request is sent without a body.</p>}
      {body.mode === 'json' && (
        <BodyEditor
          value={body.text}
          onChange={(text) => setBody({ mode: 'json', text })}
          check={checkBody(body.text, contentType)}
          contentType={contentType}
          bodyExpected={['POST', 'PUT', 'PATCH'].includes(request.method)}
          onSend={onSend}
          idPrefix={idPrefix}
        />
      )}
      {body.mode === 'text' && (
        <>
          <label className="inline-field">
            Content-Type{' '}
            <input type="text" value={body.contentType ?? ''} placeholder="text/plain" onChange={(e) => setBody({ ...body, contentType: e.target.value || undefined })} />
          </label>
          <CodeArea value={body.text} onChange={(text) => setBody({ ...body, text })} label="Request body as text" />
        </>
      )}
      {body.mode === 'form-urlencoded' && (
        <KeyValueTable rows={body.fields} onChange={(fields) => setBody({ mode: 'form-urlencoded', fields })} noun="Field" label="Form fields" unresolved={unresolved} />
      )}
      {body.mode === 'multipart' && (
        <>
          <KeyValueTable
            rows={body.parts.filter((part) => part.kind === 'text').map((part) => ({ key: part.key, value: part.kind === 'text' ? part.value : '', enabled: part.enabled }))}
            onChange={(rows) => setBody({ mode: 'multipart', parts: [...rows.map((row) => ({ kind: 'text' as const, ...row })), ...body.parts.filter((part) => part.kind === 'file')] })}
            noun="Part"
            label="Multipart text parts"
            unresolved={unresolved}
          />
          {body.parts
            .filter((part) => part.kind === 'file')
            .map((part) => (
              <p key={`${part.key}-${part.kind === 'file' ? part.path : ''}`} className="section-hint">
                File part <code>{part.key}</code>: {part.kind === 'file' ? part.path : ''}
              </p>
            ))}
        </>
      )}
      {body.mode === 'binary' && (
        <div className="file-body">
          <label className="inline-field">
            File{' '}
            <input
              type="file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                if (file.size > MAX_FILE_BODY_BYTES) {
                  setFileError(`${file.name} is ${formatBytes(file.size)}; a request body can hold up to ${formatBytes(MAX_FILE_BODY_BYTES)}.`);
                  return;
                }
                setFileError(null);
                void readAsBase64(file).then(
                  (base64) => setBody({ mode: 'binary', base64, contentType: file.type || 'application/octet-stream' }),
                  (cause: unknown) => setFileError(cause instanceof Error ? cause.message : String(cause)),
                );
              }}
            />
          </label>
          {body.path && <p className="section-hint">Read from {body.path} when sent.</p>}
          {body.base64 && (
            <p className="section-hint">
              {formatBytes(Math.floor((body.base64.length * 3) / 4))} of {body.contentType ?? 'application/octet-stream'} attached.
            </p>
          )}
          {fileError && (
            <p className="field-error" role="alert">
              {fileError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
