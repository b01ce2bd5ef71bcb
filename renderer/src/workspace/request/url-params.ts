import { splitUrl } from '../../../../shared/model/convert';
import type { KeyValue } from '../../../../shared/model/request';

/**
 * The URL field shows the query; the model keeps it as rows (decoded, as the engine's joinUrl
 * expects) so one can be switched off. The field shows the rows unencoded, so what the user
 * typed reads back the same; the wire form is encoded when sending.
 */

export function formatQuery(params: readonly KeyValue[]): string {
  return params
    .filter((param) => param.enabled && (param.key !== '' || param.value !== ''))
    .map((param) => (param.value === '' ? param.key : `${param.key}=${param.value}`))
    .join('&');
}

/** What the URL field shows: the base and the enabled rows. */
export function fullUrl(url: string, params: readonly KeyValue[]): string {
  const query = formatQuery(params);
  return query === '' ? url : `${url}?${query}`;
}

/**
 * The user typed into the URL field. The typed query replaces the enabled rows (keeping the
 * description of a row whose key is still there); switched-off rows stay, because they are not
 * in the text and the user did not remove them.
 */
export function editUrl(text: string, previous: readonly KeyValue[]): { url: string; params: KeyValue[] } {
  const { url, params: typed } = splitUrl(text);
  const descriptions = new Map(previous.filter((p) => p.description).map((p) => [p.key, p.description]));
  const enabled = typed.map((param) => {
    const description = descriptions.get(param.key);
    return description ? { ...param, description } : param;
  });
  return { url, params: [...enabled, ...previous.filter((param) => !param.enabled)] };
}
