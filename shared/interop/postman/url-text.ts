import type { PostmanRequestJson, PostmanUrlObject } from './types';

// A module of its own with no imports but types: the script sandbox needs it, and the CLI
// loads that before everything else (electron/cli/early-scripts.ts).

/** A Postman value (a string, a number, a JSON object) as the text it stands for; none for null or undefined. */
export const text = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** A Postman URL object's parts as one URL, without its query (rows Postman keeps apart). */
export function rawFromParts(url: PostmanUrlObject): string {
  const host = Array.isArray(url.host) ? url.host.join('.') : (url.host ?? '');
  const pathParts = Array.isArray(url.path) ? url.path.map((p) => (typeof p === 'string' ? p : (p.value ?? ''))) : url.path ? [url.path] : [];
  const port = url.port ? `:${url.port}` : '';
  const protocol = url.protocol ? `${url.protocol}://` : '';
  return `${protocol}${host}${port}${pathParts.length ? `/${pathParts.join('/')}` : ''}`;
}

/**
 * A Postman URL object written out as one URL, as Postman's Url#toString does: the raw text when
 * there is one, else its parts, with the enabled query rows as written and the hash.
 */
export function postmanUrlText(url: PostmanRequestJson['url']): string {
  if (typeof url === 'string') return url;
  if (!url || typeof url !== 'object') return '';
  if (typeof url.raw === 'string') return url.raw;
  const rows = Array.isArray(url.query) ? url.query.filter((row) => row && typeof row.key === 'string' && !row.disabled) : [];
  const query = rows.map((row) => (row.value === null || row.value === undefined ? row.key : `${row.key}=${text(row.value)}`)).join('&');
  return `${rawFromParts(url)}${query ? `?${query}` : ''}${url.hash ? `#${url.hash}` : ''}`;
}

