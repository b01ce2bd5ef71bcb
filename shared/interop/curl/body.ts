import { splitUrl } from '../../model/convert';
import type { KeyValue, RequestBody } from '../../model/request';

/** How curl turns its -H, -d, --data-urlencode and --json arguments into headers and a body. */

export interface Piece {
  kind: 'data' | 'data-raw' | 'data-binary' | 'data-urlencode' | 'json';
  value: string;
}

const FORM = 'application/x-www-form-urlencoded';

/** -H as curl reads it: "Name: value" adds, "Name;" adds it empty, "Name:" stops curl sending its own. */
export function addHeader(line: string, headers: KeyValue[], removed: Set<string>, notes: string[]): void {
  if (line.startsWith('@')) {
    notes.push(`-H ${line} reads headers from a file; they were left out.`);
    return;
  }
  const colon = line.indexOf(':');
  const semicolon = line.indexOf(';');
  if (colon > 0 && (semicolon < 0 || colon < semicolon)) {
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (value === '') removed.add(key.toLowerCase());
    else headers.push({ key, value, enabled: true });
    return;
  }
  if (semicolon > 0 && line.slice(semicolon + 1).trim() === '') {
    headers.push({ key: line.slice(0, semicolon).trim(), value: '', enabled: true });
    return;
  }
  notes.push(`The header "${line}" has neither ":" nor a closing ";"; curl does not send it, so it was left out.`);
}

/** The data curl sends: pieces joined with "&", except that --json pieces are joined as they are. */
export function joinPieces(pieces: readonly Piece[], notes: string[]): string {
  let out = '';
  pieces.forEach((piece, i) => {
    let text = piece.value;
    if (piece.kind === 'data-urlencode') text = urlencodePiece(piece.value, notes);
    else if (piece.kind !== 'data-raw' && text.startsWith('@')) {
      notes.push(`The body is read from the file ${text.slice(1)} when the request is sent${piece.kind === 'data' ? '. curl -d drops its line breaks; the app sends the file as it is (use --data-binary to have curl do the same)' : ''}.`);
    }
    out += i > 0 && piece.kind !== 'json' ? `&${text}` : text;
  });
  return out;
}

/** --data-urlencode and --url-query: "name=value" encodes the value, "=value" and "value" encode it all. */
export function urlencodePiece(value: string, notes: string[]): string {
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    notes.push(`--data-urlencode ${value} reads a file; it was imported as written.`);
    return value;
  }
  if (eq < 0) return encodeURIComponent(value);
  if (eq === 0) return encodeURIComponent(value.slice(1));
  return `${value.slice(0, eq)}=${encodeURIComponent(value.slice(eq + 1))}`;
}

export function bodyFor(pieces: readonly Piece[], text: string, headers: KeyValue[], removed: Set<string>): RequestBody {
  const file = pieces.find((p) => p.kind !== 'data-raw' && p.kind !== 'data-urlencode' && p.value.startsWith('@'));
  if (file && pieces.length === 1) return { mode: 'binary', path: file.value.slice(1) };
  const json = pieces.some((p) => p.kind === 'json');
  if (json) {
    if (!headers.some((h) => h.key.toLowerCase() === 'content-type') && !removed.has('content-type')) headers.push({ key: 'Content-Type', value: 'application/json', enabled: true });
    if (!headers.some((h) => h.key.toLowerCase() === 'accept') && !removed.has('accept')) headers.push({ key: 'Accept', value: 'application/json', enabled: true });
  }
  const given = headers.find((h) => h.key.toLowerCase() === 'content-type')?.value;
  if (given !== undefined) {
    if (/json/i.test(given)) return { mode: 'json', text };
    if (new RegExp(FORM, 'i').test(given) && isFormText(text)) return { mode: 'form-urlencoded', fields: splitUrl(`?${text}`).params };
    return { mode: 'text', text, contentType: given };
  }
  // Without a Content-Type curl labels -d data as a form, whatever it holds.
  if (isFormText(text)) return { mode: 'form-urlencoded', fields: splitUrl(`?${text}`).params };
  return { mode: 'text', text, ...(removed.has('content-type') ? {} : { contentType: FORM }) };
}

function isFormText(text: string): boolean {
  return /^[^=&\s{[]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(text);
}
