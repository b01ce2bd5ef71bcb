import { methodToken, type HttpMethod } from '../../contract/requests';
import { rawFromParts, text } from './url-text';
import type { KeyValue, MultipartPart, RequestAuth, RequestBody, Scripts } from '../../model/request';
import { newRequest, type ApiRequest } from '../../model/request';
import { joinUrl, splitUrl } from '../../model/convert';
import type { PostmanAuth, PostmanBody, PostmanDescription, PostmanEvent, PostmanKeyValue, PostmanRequestJson, PostmanUrlObject } from './types';

/** Converting one request between Postman's JSON and the model, both ways. */

export function descriptionText(description: PostmanDescription | undefined): string {
  if (typeof description === 'string') return description;
  if (description && typeof description === 'object' && typeof description.content === 'string') return description.content;
  return '';
}

export function keyValues(rows: unknown): KeyValue[] {
  if (!Array.isArray(rows)) return [];
  return rows
    .filter((row): row is PostmanKeyValue => Boolean(row) && typeof row === 'object' && typeof (row as PostmanKeyValue).key === 'string' && (row as PostmanKeyValue).key !== '')
    .map((row) => {
      const description = descriptionText(row.description);
      return { key: row.key!, value: text(row.value), enabled: row.disabled !== true, ...(description ? { description } : {}) };
    });
}

/** Header strings like "A: 1\nB: 2", which Postman allows in place of the list. */
function headerRows(header: PostmanRequestJson['header']): KeyValue[] {
  if (typeof header === 'string') {
    return header
      .split(/\r?\n/)
      .map((line) => line.match(/^\s*(\/\/)?\s*([^:]+):\s?(.*)$/))
      .filter((m): m is RegExpMatchArray => m !== null)
      .map((m) => ({ key: m[2]!.trim(), value: m[3] ?? '', enabled: m[1] === undefined }));
  }
  return keyValues(header);
}

function urlParts(url: PostmanRequestJson['url']): { base: string; params: KeyValue[]; pathVariables: KeyValue[] } {
  if (typeof url === 'string') {
    const { url: base, params } = splitUrl(url);
    return { base, params, pathVariables: [] };
  }
  if (!url || typeof url !== 'object') return { base: '', params: [], pathVariables: [] };
  const raw = typeof url.raw === 'string' ? url.raw : rawFromParts(url);
  const { url: base, params } = splitUrl(raw);
  // Postman keeps query rows as they stand in the URL; the model keeps them decoded (the engine encodes).
  const rows = Array.isArray(url.query) ? keyValues(url.query).map((row) => ({ ...row, key: decoded(row.key), value: decoded(row.value) })) : params;
  return { base, params: rows, pathVariables: keyValues(url.variable) };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}


function authParams(auth: PostmanAuth, type: string): Record<string, string> {
  const params = auth[type];
  const out: Record<string, string> = {};
  if (Array.isArray(params)) {
    for (const row of params) if (row && typeof row.key === 'string') out[row.key] = text(row.value);
  } else if (params && typeof params === 'object') {
    for (const [key, value] of Object.entries(params)) out[key] = text(value);
  }
  return out;
}

export interface AuthImport {
  auth: RequestAuth;
  /** Headers or query rows that carry the auth when the model has no such type (API key). */
  headers: KeyValue[];
  params: KeyValue[];
  notes: string[];
}

/** `null`/absent means "inherit", as in Postman. */
export function authFromPostman(auth: PostmanAuth | null | undefined): AuthImport {
  const result: AuthImport = { auth: { type: 'inherit' }, headers: [], params: [], notes: [] };
  if (!auth || typeof auth !== 'object' || typeof auth.type !== 'string') return result;
  const p = authParams(auth, auth.type);
  switch (auth.type) {
    case 'noauth':
      result.auth = { type: 'none' };
      break;
    case 'inherit':
      break;
    case 'bearer':
      result.auth = { type: 'bearer', token: p.token ?? '' };
      break;
    case 'basic':
      result.auth = { type: 'basic', username: p.username ?? '', password: p.password ?? '' };
      break;
    case 'apikey': {
      const row = { key: p.key ?? '', value: p.value ?? '', enabled: true };
      result.auth = { type: 'none' };
      if (row.key) (p.in === 'query' ? result.params : result.headers).push(row);
      result.notes.push(`API key auth became the ${p.in === 'query' ? 'query parameter' : 'header'} "${row.key}".`);
      break;
    }
    default:
      result.auth = { type: 'none' };
      result.notes.push(`${auth.type} auth is not supported here; the request is sent without it. Add the header it needs by hand.`);
  }
  return result;
}

export function authToPostman(auth: RequestAuth): PostmanAuth | undefined {
  switch (auth.type) {
    case 'inherit':
      return undefined;
    case 'none':
    case 'vipps':
      return { type: 'noauth' };
    case 'bearer':
      return { type: 'bearer', bearer: [{ key: 'token', value: auth.token, type: 'string' }] };
    case 'basic':
      return {
        type: 'basic',
        basic: [
          { key: 'password', value: auth.password, type: 'string' },
          { key: 'username', value: auth.username, type: 'string' },
        ],
      };
  }
}

const JSON_TYPE = /[/+]json\b/i;

function bodyFromPostman(body: PostmanBody | null | undefined, headers: KeyValue[], notes: string[]): RequestBody {
  if (!body || typeof body !== 'object' || body.disabled === true) return { mode: 'none' };
  const contentType = headers.find((h) => h.enabled && h.key.toLowerCase() === 'content-type')?.value;
  switch (body.mode) {
    case 'raw': {
      const raw = typeof body.raw === 'string' ? body.raw : '';
      if (raw === '') return { mode: 'none' };
      const language = body.options?.raw?.language;
      if (language === 'json' || (contentType && JSON_TYPE.test(contentType)) || (!language && !contentType && /^\s*[[{]/.test(raw))) return { mode: 'json', text: raw };
      return { mode: 'text', text: raw, ...(contentType ? { contentType } : language && language !== 'text' ? { contentType: `application/${language}` } : {}) };
    }
    case 'urlencoded':
      return { mode: 'form-urlencoded', fields: keyValues(body.urlencoded) };
    case 'formdata': {
      const parts: MultipartPart[] = [];
      for (const row of Array.isArray(body.formdata) ? body.formdata : []) {
        if (!row || typeof row.key !== 'string') continue;
        const enabled = row.disabled !== true;
        const contentType = typeof row.contentType === 'string' && row.contentType ? { contentType: row.contentType } : {};
        if (row.type === 'file') {
          const src = Array.isArray(row.src) ? row.src[0] : row.src;
          if (Array.isArray(row.src) && row.src.length > 1) notes.push(`Form field "${row.key}" listed ${row.src.length} files; only the first was kept.`);
          if (typeof src !== 'string' || src === '') notes.push(`Form field "${row.key}" names no file; choose one before sending.`);
          parts.push({ kind: 'file', key: row.key, path: typeof src === 'string' ? src : '', enabled, ...contentType });
        } else {
          parts.push({ kind: 'text', key: row.key, value: text(row.value), enabled, ...contentType });
        }
      }
      return { mode: 'multipart', parts };
    }
    case 'file': {
      const src = body.file?.src;
      if (typeof src === 'string' && src !== '') return { mode: 'binary', path: src, ...(contentType ? { contentType } : {}) };
      if (typeof body.file?.content === 'string') return { mode: 'text', text: body.file.content, ...(contentType ? { contentType } : {}) };
      notes.push('The file body names no file; choose one before sending.');
      return { mode: 'binary', ...(contentType ? { contentType } : {}) };
    }
    case 'graphql': {
      let variables: unknown = undefined;
      try {
        variables = body.graphql?.variables ? JSON.parse(body.graphql.variables) : undefined;
      } catch {
        notes.push('The GraphQL variables were not valid JSON and were left out.');
      }
      notes.push('The GraphQL body became a JSON body with "query" and "variables".');
      return { mode: 'json', text: JSON.stringify({ query: body.graphql?.query ?? '', ...(variables !== undefined ? { variables } : {}) }, null, 2) };
    }
    default:
      if (body.mode) notes.push(`The "${body.mode}" body mode is not supported; the body was left out.`);
      return { mode: 'none' };
  }
}

function bodyToPostman(body: RequestBody): PostmanBody | undefined {
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'json':
      return { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } };
    case 'text':
      return { mode: 'raw', raw: body.text };
    case 'form-urlencoded':
      return { mode: 'urlencoded', urlencoded: body.fields.map(toRow) };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.map((part) => ({
          key: part.key,
          ...(part.kind === 'text' ? { value: part.value, type: 'text' } : { src: part.path, type: 'file' }),
          ...(part.contentType ? { contentType: part.contentType } : {}),
          ...(part.enabled ? {} : { disabled: true }),
        })),
      };
    case 'binary':
      return { mode: 'file', file: { src: body.path ?? null } };
  }
}

function toRow(row: KeyValue): PostmanKeyValue {
  return { key: row.key, value: row.value, ...(row.enabled ? {} : { disabled: true }), ...(row.description ? { description: row.description } : {}) };
}

export function scriptsFromEvents(events: PostmanEvent[] | undefined, notes: string[]): Scripts {
  const scripts: Scripts = { preRequest: '', test: '' };
  for (const event of Array.isArray(events) ? events : []) {
    if (!event || event.disabled === true) continue;
    const exec = event.script?.exec;
    const source = Array.isArray(exec) ? exec.join('\n') : typeof exec === 'string' ? exec : '';
    if (event.script?.src) notes.push(`The ${event.listen} script refers to an external file, which was not imported.`);
    if (event.listen === 'prerequest') scripts.preRequest = source;
    else if (event.listen === 'test') scripts.test = source;
    else if (source.trim()) notes.push(`The "${event.listen}" script is not supported and was left out.`);
  }
  return scripts;
}

export function eventsFromScripts(scripts: Scripts): PostmanEvent[] | undefined {
  const events: PostmanEvent[] = [];
  if (scripts.preRequest.trim()) events.push({ listen: 'prerequest', script: { exec: scripts.preRequest.split('\n'), type: 'text/javascript' } });
  if (scripts.test.trim()) events.push({ listen: 'test', script: { exec: scripts.test.split('\n'), type: 'text/javascript' } });
  return events.length ? events : undefined;
}

function methodOf(method: unknown, notes: string[]): HttpMethod {
  if (method === undefined || method === null || method === '') return 'GET';
  // Postman writes methods in capitals, its own (PURGE, COPY…) too.
  const token = typeof method === 'string' ? methodToken(method.toUpperCase()) : null;
  if (token !== null) return token;
  notes.push(`"${String(method).slice(0, 40)}" cannot be a method (one word of letters, digits and !#$%&'*+-.^_\`|~); the request was set to GET.`);
  return 'GET';
}

/** One Postman request (with its item's name, scripts and description) as a model request. */
export function requestFromPostman(json: PostmanRequestJson | string | undefined, extras: { name?: string; events?: PostmanEvent[]; description?: PostmanDescription; notes: string[] }): ApiRequest {
  const { notes } = extras;
  const request: PostmanRequestJson = typeof json === 'string' ? { url: json, method: 'GET' } : (json ?? {});
  const headers = headerRows(request.header);
  const { base, params, pathVariables } = urlParts(request.url);
  let url = base;
  for (const variable of pathVariables) {
    url = url.replace(new RegExp(`/:${escapeRegExp(variable.key)}(?=/|$)`), `/{{${variable.key}}}`);
    notes.push(`The path variable :${variable.key}${variable.value ? ` (example "${variable.value}")` : ''} became {{${variable.key}}}; give it a value in the collection variables.`);
  }
  const auth = authFromPostman(request.auth);
  notes.push(...auth.notes);
  if (request.proxy) notes.push('The per-request proxy setting was left out.');
  if (request.certificate) notes.push('The per-request client certificate was left out.');
  const description = descriptionText(extras.description ?? request.description);
  const body = bodyFromPostman(request.body, headers, notes);
  const name = (extras.name ?? '').trim() || 'Untitled request';
  return newRequest({
    name: name.slice(0, 256),
    method: methodOf(request.method, notes),
    url,
    params: [...params, ...auth.params],
    headers: [...headers, ...auth.headers],
    body,
    auth: auth.auth,
    description,
    scripts: scriptsFromEvents(extras.events, notes),
  });
}

/** The request part of a Postman item (no name or scripts), e.g. for pm.request or an export. */
export function requestToPostman(request: ApiRequest, headers: KeyValue[] = request.headers): PostmanRequestJson {
  const raw = joinUrl(request.url, request.params.filter((p) => p.enabled));
  const url: PostmanUrlObject = { raw, ...urlStructure(request.url), ...(request.params.length ? { query: request.params.map(toRow) } : {}) };
  const auth = authToPostman(request.auth);
  const body = bodyToPostman(request.body);
  return {
    ...(auth ? { auth } : {}),
    method: request.method,
    header: headers.map(toRow),
    ...(body ? { body } : {}),
    url,
    ...(request.description ? { description: request.description } : {}),
  };
}

/** Postman's host and path arrays, derived from the URL so that every export writes the same. */
function urlStructure(base: string): Pick<PostmanUrlObject, 'protocol' | 'host' | 'port' | 'path'> {
  const match = base.match(/^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/]*)(\/.*)?$/i);
  if (!match) return {};
  const [, protocol, authority = '', rest = ''] = match;
  const portMatch = authority.match(/^(.*?)(?::(\d+))?$/);
  const hostText = portMatch?.[1] ?? authority;
  const host = hostText.startsWith('{{') ? [hostText] : hostText.split('.').filter((s) => s !== '');
  const path = rest.split('/').slice(1);
  return { ...(protocol ? { protocol } : {}), ...(host.length ? { host } : {}), ...(portMatch?.[2] ? { port: portMatch[2] } : {}), ...(path.length ? { path } : {}) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
