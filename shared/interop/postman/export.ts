import type { ContainerSettings, Variable } from '../../model/collection';
import type { ApiRequest, KeyValue } from '../../model/request';
import { isSecretName, variableForSecretHeader } from '../secrets';
import type { PortableCollection, PortableItem } from '../tree';
import { authToPostman, eventsFromScripts, requestToPostman } from './request';
import { POSTMAN_SCHEMA_V21, type PostmanAuth, type PostmanCollectionJson, type PostmanItem, type PostmanKeyValue } from './types';

/**
 * Collection v2.1 for Postman (or anyone else). Deterministic: the same collection always gives
 * the same bytes, so an export can be diffed and a round trip compared. No secret leaves: secret
 * variables are written empty, and a literal key or token in a header or auth becomes a
 * `{{variable}}`.
 */
export function exportPostmanCollection(collection: PortableCollection): PostmanCollectionJson {
  const auth = rootAuth(collection.settings);
  const variable = variablesOut(collection.settings.variables);
  const event = eventsFromScripts(collection.settings.scripts);
  return {
    info: {
      name: collection.settings.name,
      ...(collection.settings.description ? { description: collection.settings.description } : {}),
      schema: POSTMAN_SCHEMA_V21,
    },
    item: collection.items.map(itemOut),
    ...(event ? { event } : {}),
    ...(variable.length ? { variable } : {}),
    ...(auth ? { auth } : {}),
  };
}

export function postmanCollectionText(collection: PortableCollection): string {
  return `${JSON.stringify(exportPostmanCollection(collection), null, 2)}\n`;
}

/** Postman sends nothing when no level sets auth, so "none" at the top needs no entry. */
function rootAuth(settings: ContainerSettings): PostmanAuth | undefined {
  if (settings.auth.type === 'none' || settings.auth.type === 'inherit') return undefined;
  return withoutSecrets(authToPostman(settings.auth));
}

function itemOut(item: PortableItem): PostmanItem {
  if (item.kind === 'folder') {
    const s = item.settings;
    const event = eventsFromScripts(s.scripts);
    const variable = variablesOut(s.variables);
    const auth = withoutSecrets(authToPostman(s.auth));
    return {
      name: s.name,
      ...(s.description ? { description: s.description } : {}),
      item: item.items.map(itemOut),
      ...(event ? { event } : {}),
      ...(variable.length ? { variable } : {}),
      ...(auth ? { auth } : {}),
    };
  }
  return requestItem(item.request);
}

/** One request as a Postman item: also used to export a single request. */
export function requestItem(request: ApiRequest): PostmanItem {
  const event = eventsFromScripts(request.scripts);
  const postmanRequest = requestToPostman(request, headersOut(request));
  if (postmanRequest.auth) postmanRequest.auth = withoutSecrets(postmanRequest.auth);
  return { name: request.name, ...(event ? { event } : {}), request: postmanRequest, response: [] };
}

/**
 * The profile's Vipps auth has no Postman equivalent: it is written as the headers Vipps' own
 * collections use, with the variable names they use, so the export runs in Postman too.
 */
const VIPPS_HEADERS: KeyValue[] = [
  { key: 'Authorization', value: 'Bearer {{access_token}}', enabled: true },
  { key: 'Ocp-Apim-Subscription-Key', value: '{{Ocp-Apim-Subscription-Key}}', enabled: true },
  { key: 'Merchant-Serial-Number', value: '{{merchantSerialNumber}}', enabled: true },
];

/** The token call signs with the keys themselves. */
const VIPPS_TOKEN_HEADERS: KeyValue[] = [
  { key: 'client_id', value: '{{client_id}}', enabled: true },
  { key: 'client_secret', value: '{{client_secret}}', enabled: true },
  { key: 'Ocp-Apim-Subscription-Key', value: '{{Ocp-Apim-Subscription-Key}}', enabled: true },
  { key: 'Merchant-Serial-Number', value: '{{merchantSerialNumber}}', enabled: true },
];

function headersOut(request: ApiRequest): KeyValue[] {
  const own = request.headers.map(secretHeaderAsVariable);
  if (request.auth.type !== 'vipps') return own;
  const vippsHeaders = /\/accesstoken\/get\/?$/i.test(request.url) ? VIPPS_TOKEN_HEADERS : VIPPS_HEADERS;
  const added = vippsHeaders.filter((h) => !own.some((o) => o.key.toLowerCase() === h.key.toLowerCase()));
  return [...added, ...own];
}

function secretHeaderAsVariable(header: KeyValue): KeyValue {
  const variable = variableForSecretHeader(header.key);
  if (!variable || header.value.includes('{{') || header.value.trim() === '') return header;
  return { ...header, value: `${variable.prefix}{{${variable.variable}}}` };
}

function withoutSecrets(auth: PostmanAuth | undefined): PostmanAuth | undefined {
  if (!auth) return auth;
  for (const [type, params] of Object.entries(auth)) {
    if (!Array.isArray(params)) continue;
    auth[type] = params.map((row: PostmanKeyValue) => {
      const value = typeof row.value === 'string' ? row.value : '';
      if (!['token', 'password'].includes(row.key ?? '') || value === '' || value.includes('{{')) return row;
      return { ...row, value: row.key === 'token' ? '{{access_token}}' : '{{password}}' };
    });
  }
  return auth;
}

function variablesOut(variables: readonly Variable[]): PostmanKeyValue[] {
  return variables.map((v) => ({
    key: v.key,
    value: v.secret || (isSecretName(v.key) && !v.value.includes('{{')) ? '' : v.value,
    type: v.secret ? 'secret' : 'string',
    ...(v.enabled ? {} : { disabled: true }),
    ...(v.description ? { description: v.description } : {}),
  }));
}
