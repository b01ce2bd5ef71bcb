import { useState } from 'react';
import type { SendResult } from '../../../../shared/contract/requests';
import { FILE_PAGE_BYTES, useResponseBodyReader } from './body-reader';
import { headerValue } from './useResponseBody';

const EXTENSIONS: Array<[RegExp, string]> = [
  [/json/i, 'json'],
  [/xml/i, 'xml'],
  [/html/i, 'html'],
  [/png/i, 'png'],
  [/jpe?g/i, 'jpg'],
  [/pdf/i, 'pdf'],
  [/text/i, 'txt'],
];

export function suggestedFileName(result: SendResult): string {
  const type = headerValue(result, 'content-type') ?? '';
  const ext = EXTENSIONS.find(([pattern]) => pattern.test(type))?.[1] ?? 'bin';
  const last = result.sent.url.split('?')[0]?.split('/').filter(Boolean).pop() ?? 'response';
  const base = last.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60) || 'response';
  return `${base}-${result.status}.${ext}`;
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves the body as received. The browser's (or the desktop window's) own download asks where;
 * a large body is read from the backend a page at a time into the file's parts.
 */
export function SaveBodyButton({ result }: { result: SendResult }) {
  const read = useResponseBodyReader();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const body = result.body;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const parts: BlobPart[] = [];
      if (body.kind === 'inline') parts.push(body.encoding === 'base64' ? base64Bytes(body.text) : body.text);
      else {
        if (!read) throw new Error('This window cannot read large response bodies.');
        for (let offset = 0; ; ) {
          const page = await read({ responseId: body.responseId, offset, length: FILE_PAGE_BYTES });
          if (!page.ok) throw new Error(page.error.message);
          parts.push(page.value.text);
          if (page.value.done || page.value.nextOffset <= offset) break;
          offset = page.value.nextOffset;
        }
      }
      const url = URL.createObjectURL(new Blob(parts, { type: headerValue(result, 'content-type') ?? 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedFileName(result);
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  if (result.size === 0) return null;
  return (
    <>
      <button type="button" className="button-quiet" disabled={busy} onClick={() => void save()}>
        {busy ? 'Saving…' : 'Save body to a file'}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
