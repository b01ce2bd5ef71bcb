import { useCallback, useEffect, useState } from 'react';
import type { SendResult } from '../../../../shared/contract/requests';
import { CopyButton } from '../common/CopyButton';
import { formatBytes, formatCount } from '../common/format';
import { useResponseBodyReader } from './body-reader';
import { looksLikeJsonText, prettyJson, PRETTY_LIMIT_CHARS } from './pretty-json';

/** Characters shown per step; a long single-line body laid out at once would stall the window. */
export const RAW_PAGE_CHARS = 128 * 1024;
const RAW_PAGE_BYTES = 256 * 1024;

interface RawState {
  text: string;
  /** For file bodies: where the next page starts. */
  nextOffset: number;
  totalSize: number;
  done: boolean;
  loading: boolean;
  error: string | null;
}

export interface RawBodyViewProps {
  body: SendResult['body'];
  label: string;
}

/** The body as received, shown a page at a time with "Show more". */
export function RawBodyView({ body, label }: RawBodyViewProps) {
  const read = useResponseBodyReader();
  const [shown, setShown] = useState(RAW_PAGE_CHARS);
  const [pretty, setPretty] = useState(true);
  const [file, setFile] = useState<RawState>({ text: '', nextOffset: 0, totalSize: 0, done: false, loading: false, error: null });

  const loadPage = useCallback(
    async (responseId: string, offset: number) => {
      if (!read) {
        setFile((state) => ({ ...state, error: 'This window cannot read large response bodies.' }));
        return;
      }
      setFile((state) => ({ ...state, loading: true }));
      const page = await read({ responseId, offset, length: RAW_PAGE_BYTES });
      if (!page.ok) {
        setFile((state) => ({ ...state, loading: false, error: page.error.message }));
        return;
      }
      setFile((state) => ({
        text: offset === 0 ? page.value.text : state.text + page.value.text,
        nextOffset: page.value.nextOffset,
        totalSize: page.value.totalSize,
        done: page.value.done,
        loading: false,
        error: null,
      }));
    },
    [read],
  );

  const responseId = body.kind === 'file' ? body.responseId : null;
  useEffect(() => {
    setShown(RAW_PAGE_CHARS);
    if (responseId) void loadPage(responseId, 0);
  }, [responseId, loadPage]);

  if (body.kind === 'file') {
    return (
      <div className="raw-body">
        <p className="raw-body-note">
          Showing {formatBytes(file.nextOffset)} of {formatBytes(file.totalSize || body.size)}.
        </p>
        <pre className="raw-body-text" tabIndex={0} aria-label={label}>
          {file.text.length <= PRETTY_LIMIT_CHARS ? prettyJson(file.text) : file.text}
        </pre>
        {file.error && <p className="field-error" role="alert">{file.error}</p>}
        {!file.done && (
          <button type="button" className="button-quiet" disabled={file.loading} onClick={() => void loadPage(body.responseId, file.nextOffset)}>
            {file.loading ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
    );
  }

  const text = body.text;
  const sliced = text.length > shown ? text.slice(0, shown) : text;
  const canPretty = body.encoding === 'utf8' && looksLikeJsonText(text) && sliced.length <= PRETTY_LIMIT_CHARS;
  const visible = canPretty && pretty ? prettyJson(sliced) : sliced;
  return (
    <div className="raw-body">
      {body.encoding === 'base64' && <p className="raw-body-note">The body is binary; shown here as base64.</p>}
      {text === '' ? (
        <p className="raw-body-note">The response has no body.</p>
      ) : (
        <>
          <div className="raw-body-actions">
            {canPretty && (
              <label className="raw-pretty">
                <input type="checkbox" checked={pretty} onChange={(event) => setPretty(event.target.checked)} /> Pretty-print
              </label>
            )}
            <CopyButton label="Copy body" text={text} />
          </div>
          <pre className="raw-body-text" tabIndex={0} aria-label={label}>
            {visible}
          </pre>
        </>
      )}
      {text.length > shown && (
        <p className="raw-body-more">
          Showing the first {formatCount(shown)} of {formatCount(text.length)} characters.{' '}
          <button type="button" className="button-quiet" onClick={() => setShown((n) => n + RAW_PAGE_CHARS * 4)}>
            Show more
          </button>
        </p>
      )}
    </div>
  );
}
