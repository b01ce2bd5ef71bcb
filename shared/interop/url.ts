import type { KeyValue } from '../model/request';

/**
 * The model keeps the query string as rows (so one can be switched off), the formats we read
 * keep it in the URL. Values stay as written (no decoding), because they may hold `{{variables}}`
 * and the user's own escaping, which a round trip must not change.
 */
export function splitUrl(raw: string): { base: string; params: KeyValue[] } {
  const at = queryStart(raw);
  if (at < 0) return { base: raw, params: [] };
  const query = raw.slice(at + 1);
  const params = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { key: pair, value: '', enabled: true } : { key: pair.slice(0, eq), value: pair.slice(eq + 1), enabled: true };
    });
  return { base: raw.slice(0, at), params };
}

export function joinUrl(base: string, params: readonly KeyValue[]): string {
  const enabled = params.filter((p) => p.enabled);
  if (enabled.length === 0) return base;
  return `${base}?${enabled.map((p) => (p.value === '' ? p.key : `${p.key}=${p.value}`)).join('&')}`;
}

/** The first `?` that is not inside a `{{variable}}`. */
function queryStart(raw: string): number {
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw.startsWith('{{', i)) {
      depth++;
      i++;
    } else if (raw.startsWith('}}', i) && depth > 0) {
      depth--;
      i++;
    } else if (raw[i] === '?' && depth === 0) return i;
  }
  return -1;
}
