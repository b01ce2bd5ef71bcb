import type { SearchHit } from '../../../shared/contract/collections';
import { bodyText, type LoadedCollection, type LoadedRequest, type SearchFields } from './collection-loader';

const FIELDS: Array<keyof SearchFields> = ['name', 'url', 'description', 'body', 'headers', 'params'];
const EXCERPT_RADIUS = 40;

function excerpt(original: string, at: number, length: number): string {
  const start = Math.max(0, at - EXCERPT_RADIUS);
  const end = Math.min(original.length, at + length + EXCERPT_RADIUS);
  return `${start > 0 ? '…' : ''}${original.slice(start, end).replace(/\s+/g, ' ')}${end < original.length ? '…' : ''}`;
}

/**
 * A case-insensitive substring search over every request's name, URL, description, body,
 * headers and params. The lower-cased texts are prepared when a collection is read, so a search
 * is one scan; a request is listed once, for the first field that matched.
 */
export function searchCollection(
  collection: { id: string; name: string; loaded: LoadedCollection },
  query: string,
  limit: number,
  hits: SearchHit[],
): boolean {
  const needle = query.toLowerCase();
  for (const entry of collection.loaded.requests.values()) {
    for (const field of FIELDS) {
      const at = entry.search[field].indexOf(needle);
      if (at < 0) continue;
      if (hits.length >= limit) return true;
      const request = entry.request;
      // The excerpt is cut from the text as written when lower-casing kept its length (it nearly always does).
      const written = originalText(entry, field);
      const original = written.length === entry.search[field].length ? written : entry.search[field];
      hits.push({
        collectionId: collection.id,
        collectionName: collection.name,
        path: entry.path,
        name: request.name,
        method: request.method,
        url: request.url,
        field,
        excerpt: excerpt(original, at, needle.length),
      });
      break;
    }
  }
  return false;
}

function originalText(entry: LoadedRequest, field: keyof SearchFields): string {
  const { request } = entry;
  switch (field) {
    case 'name':
      return request.name;
    case 'url':
      return request.url;
    case 'description':
      return request.description;
    case 'body':
      return bodyText(request);
    case 'headers':
      return request.headers.map((h) => `${h.key}: ${h.value}`).join('\n');
    case 'params':
      return request.params.map((p) => `${p.key}=${p.value}`).join('\n');
  }
}
