import { sample } from 'openapi-sampler';
import { httpMethods, type HttpMethod } from '../contract/requests';
import { ContainerSettingsSchema, type Variable } from '../model/collection';
import { newRequest, type KeyValue, type RequestAuth, type RequestBody } from '../model/request';
import { ImportProblem } from './errors';
import type { PortableCollection, PortableFolder, PortableItem, PortableRequest } from './tree';

/**
 * An OpenAPI 3 document (already parsed and dereferenced by the backend) as a collection: one
 * folder per tag, one request per operation, path and query parameters as `{{variables}}`,
 * bodies from the spec's examples or, where it has none, built from its schemas.
 */

interface Schema {
  example?: unknown;
  [key: string]: unknown;
}
interface MediaType {
  example?: unknown;
  examples?: Record<string, { value?: unknown; externalValue?: string }>;
  schema?: Schema;
}
interface Parameter {
  name?: string;
  in?: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  schema?: Schema;
  deprecated?: boolean;
}
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType>; required?: boolean };
  deprecated?: boolean;
  callbacks?: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
}
type PathItem = Record<string, unknown> & { parameters?: Parameter[] };
const OPERATION_KEYS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

interface Document {
  openapi?: string;
  swagger?: string;
  info?: { title?: string; description?: string; version?: string };
  servers?: Array<{ url?: string; variables?: Record<string, { default?: string }> }>;
  tags?: Array<{ name?: string; description?: string }>;
  paths?: Record<string, PathItem>;
  /** 3.1: the calls the API makes to you, by name. */
  webhooks?: Record<string, PathItem>;
  components?: { securitySchemes?: Record<string, { type?: string; scheme?: string; in?: string; name?: string }> };
  security?: Array<Record<string, string[]>>;
}

/** Hosts of Vipps' own environments: requests to them are signed by the profile's Vipps auth. */
const VIPPS_SERVER = /^https:\/\/(apitest|api)\.vipps\.no(\/|$)/i;
/** Headers the profile's Vipps auth sets itself; the spec lists them as parameters of every call. */
const VIPPS_AUTO_HEADERS = new Set(['authorization', 'ocp-apim-subscription-key', 'merchant-serial-number', 'vipps-system-name', 'vipps-system-version', 'vipps-system-plugin-name', 'vipps-system-plugin-version', 'client_id', 'client_secret']);

/** Refuses what is not OpenAPI 3, before any reference is resolved. */
export function checkOpenApiDocument(input: unknown): void {
  if (!input || typeof input !== 'object') throw new ImportProblem('This is not an OpenAPI document: expected a JSON or YAML object with "openapi" and "paths".');
  const doc = input as Document;
  if (doc.swagger) throw new ImportProblem(`This is a Swagger ${doc.swagger} document. Only OpenAPI 3 is read here; convert it to OpenAPI 3 (for example with swagger2openapi) and import the result.`);
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) throw new ImportProblem('This is not an OpenAPI 3 document: the "openapi: 3.x" line is missing.');
  const has = (value: unknown) => !!value && typeof value === 'object';
  // 3.1 allows a document of webhooks alone.
  if (!has(doc.paths) && !(doc.openapi.startsWith('3.1') && has(doc.webhooks))) throw new ImportProblem('This OpenAPI document has no "paths", so there is nothing to import.');
}

export function importOpenApi(input: unknown, notes: string[] = []): PortableCollection {
  checkOpenApiDocument(input);
  const doc = input as Document;

  const server = serverUrl(doc);
  const vipps = server !== undefined && VIPPS_SERVER.test(server);
  const variables: Variable[] = [];
  const descriptionParts = [doc.info?.description ?? ''];
  if (server) descriptionParts.push(`Servers in the spec: ${(doc.servers ?? []).map((s) => s.url).filter(Boolean).join(', ')}`);
  if (server && !vipps) variables.push({ key: 'base_url', value: server, enabled: true, secret: false });
  else if (vipps) notes.push('The spec points at a Vipps environment, so {{base_url}} and the keys come from the profile you run it with (the embedded sandbox included).');
  const settings = ContainerSettingsSchema.parse({
    name: `${doc.info?.title ?? 'Imported API'}${doc.info?.version ? ` ${doc.info.version}` : ''}`.trim().slice(0, 256),
    description: descriptionParts.filter(Boolean).join('\n\n'),
    variables,
    auth: vipps ? { type: 'vipps' } : rootAuth(doc, variables),
  });

  const folders = new Map<string, PortableFolder>();
  const items: PortableItem[] = [];
  const folderFor = (name: string, description = '') => {
    let folder = folders.get(name);
    if (!folder) {
      folder = { kind: 'folder', settings: ContainerSettingsSchema.parse({ name: name.slice(0, 256), description }), items: [], notes: [] };
      folders.set(name, folder);
      items.push(folder);
    }
    return folder;
  };
  const skipped: string[] = [];
  const callbacks: PortableRequest[] = [];
  for (const [path, pathItem] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of operationsOf(pathItem, path, skipped)) {
      const request = operationRequest(doc, path, method, operation, [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])], vipps);
      const tag = operation.tags?.[0];
      if (tag) folderFor(tag, doc.tags?.find((t) => t.name === tag)?.description ?? '').items.push(request);
      else items.push(request);
      callbacks.push(...callbackRequests(doc, operation, request.request.name, skipped));
    }
  }
  if (callbacks.length > 0) folderFor('Callbacks', 'Calls the API makes to you, as the spec describes them; send one to try your own receiver at the callback URL.').items.push(...callbacks);
  for (const [name, pathItem] of Object.entries(doc.webhooks ?? {})) {
    for (const [method, operation] of operationsOf(pathItem, name, skipped)) {
      const request = operationRequest(doc, name, method, operation, [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])], false, '{{webhook_url}}');
      if (!operation.summary && !operation.operationId) request.request.name = name.slice(0, 256);
      request.notes.push('The API sends this webhook to you; here it goes to {{webhook_url}}, your own receiver.');
      folderFor('Webhooks', 'Calls the API makes to you (OpenAPI 3.1 webhooks); send one to try your own receiver at {{webhook_url}}.').items.push(request);
    }
  }
  if (skipped.length > 0) notes.push(`Left out, since requests here cannot use TRACE: ${skipped.join(', ')}.`);
  return { settings, items, notes };
}

function serverUrl(doc: Document): string | undefined {
  const server = doc.servers?.[0];
  if (!server?.url) return undefined;
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole).replace(/\/$/, '');
}

function rootAuth(doc: Document, variables: Variable[]): RequestAuth {
  const schemes = doc.components?.securitySchemes ?? {};
  const first = (doc.security ?? []).flatMap((s) => Object.keys(s))[0];
  const scheme = first ? schemes[first] : undefined;
  if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') return { type: 'bearer', token: '{{access_token}}' };
  if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') {
    variables.push({ key: 'username', value: '', enabled: true, secret: false }, { key: 'password', value: '', enabled: true, secret: true });
    return { type: 'basic', username: '{{username}}', password: '{{password}}' };
  }
  return { type: 'none' };
}

function exampleOf(item: { example?: unknown; examples?: Record<string, { value?: unknown }>; schema?: Schema }): unknown {
  if (item.example !== undefined) return item.example;
  const named = item.examples ? Object.values(item.examples).find((e) => e && e.value !== undefined) : undefined;
  if (named) return named.value;
  if (item.schema?.example !== undefined) return item.schema.example;
  return undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The operations of a path item, in the spec's order; TRACE ones are listed in `skipped`. */
function operationsOf(pathItem: PathItem | undefined, where: string, skipped: string[]): Array<[HttpMethod, Operation]> {
  const out: Array<[HttpMethod, Operation]> = [];
  if (!pathItem || typeof pathItem !== 'object') return out;
  for (const [key, value] of Object.entries(pathItem)) {
    if (!OPERATION_KEYS.has(key) || !value || typeof value !== 'object') continue;
    const upper = key.toUpperCase();
    if ((httpMethods as readonly string[]).includes(upper)) out.push([upper as HttpMethod, value as Operation]);
    else skipped.push(`${upper} ${where}`);
  }
  return out;
}

/** `{$request.query.callbackUrl}/data` → `{{callbackUrl}}/data`: a runtime expression becomes the variable it names last. */
function expressionUrl(expression: string): string {
  return expression.replace(/\{\$[^}]*?([A-Za-z_][\w-]*)\}/g, '{{$1}}');
}

function callbackRequests(doc: Document, operation: Operation, owner: string, skipped: string[]): PortableRequest[] {
  const out: PortableRequest[] = [];
  for (const [name, callback] of Object.entries(operation.callbacks ?? {})) {
    if (!callback || typeof callback !== 'object') continue;
    for (const [expression, pathItem] of Object.entries(callback as Record<string, PathItem>)) {
      for (const [method, op] of operationsOf(pathItem, expression, skipped)) {
        const request = operationRequest(doc, expression, method, op, [...(pathItem.parameters ?? []), ...(op.parameters ?? [])], false, expressionUrl(expression));
        if (!op.summary && !op.operationId) request.request.name = `${name} (${owner})`.slice(0, 256);
        request.notes.push(`The API makes this call to ${expression}, after "${owner}".`);
        out.push(request);
      }
    }
  }
  return out;
}

function operationRequest(doc: Document, path: string, method: HttpMethod, operation: Operation, parameters: Parameter[], vipps: boolean, url?: string): PortableRequest {
  const notes: string[] = [];
  const params: KeyValue[] = [];
  const headers: KeyValue[] = [];
  const seen = new Set<string>();
  // Operation-level parameters come last and override the path item's of the same name and place.
  for (const parameter of [...parameters].reverse()) {
    if (!parameter?.name || !parameter.in) continue;
    const id = `${parameter.in}:${parameter.name.toLowerCase()}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const row: KeyValue = { key: parameter.name, value: `{{${parameter.name}}}`, enabled: parameter.required === true, ...(parameter.description ? { description: parameter.description.slice(0, 10_000) } : {}) };
    if (parameter.in === 'query') params.unshift(row);
    else if (parameter.in === 'header') {
      if (vipps && VIPPS_AUTO_HEADERS.has(parameter.name.toLowerCase())) continue;
      if (parameter.name.toLowerCase() === 'idempotency-key') row.value = '{{$guid}}';
      else if (exampleOf(parameter) !== undefined) row.value = text(exampleOf(parameter));
      headers.unshift(row);
    } else if (parameter.in === 'cookie') notes.push(`The cookie parameter "${parameter.name}" was not imported.`);
  }
  const body = requestBody(doc, operation, notes);
  if (operation.deprecated) notes.push('The spec marks this operation as deprecated.');
  if (operation.callbacks) notes.push('The calls the API then makes to you are in the folder "Callbacks".');
  const description = [operation.summary && operation.description ? operation.summary : '', operation.description ?? ''].filter(Boolean).join('\n\n');
  const request = newRequest({
    name: (operation.summary ?? operation.operationId ?? `${method} ${path}`).trim().slice(0, 256) || `${method} ${path}`,
    method,
    url: url ?? `{{base_url}}${path.replace(/\{([^}]+)\}/g, '{{$1}}')}`,
    params,
    headers,
    body,
    description: description.slice(0, 100_000),
  });
  return { kind: 'request', request, notes };
}

/**
 * After dereferencing, operations that name the same schema share one object: it is sampled
 * once. A large spec reuses a handful of schemas across thousands of operations.
 */
const samples = new WeakMap<object, unknown>();
function sampled(schema: Schema, doc: Document): unknown {
  if (!samples.has(schema)) samples.set(schema, sample(schema as never, { skipReadOnly: true, quiet: true }, doc));
  // Shared, not copied: the caller only turns it into text.
  return samples.get(schema);
}

function requestBody(doc: Document, operation: Operation, notes: string[]): RequestBody {
  const content = operation.requestBody?.content;
  if (!content) return { mode: 'none' };
  const types = Object.keys(content);
  const jsonType = types.find((t) => /[/+]json\b/i.test(t) || t === '*/*');
  if (jsonType) {
    const media = content[jsonType]!;
    let value = exampleOf(media);
    if (value === undefined && media.schema) {
      try {
        value = sampled(media.schema, doc);
        notes.push('The body was built from the schema (the spec gives no example); check the values.');
      } catch {
        notes.push('The body schema could not be turned into an example; fill the body by hand.');
      }
    }
    return { mode: 'json', text: value === undefined ? '{}' : typeof value === 'string' ? value : JSON.stringify(value, null, 2) };
  }
  const form = types.find((t) => /x-www-form-urlencoded/i.test(t));
  const multipart = types.find((t) => /multipart\//i.test(t));
  const chosen = form ?? multipart;
  if (chosen) {
    const properties = (content[chosen]!.schema?.properties ?? {}) as Record<string, Schema>;
    const fields = Object.keys(properties).map((key) => ({ key, value: `{{${key}}}`, enabled: true }));
    return form ? { mode: 'form-urlencoded', fields } : { mode: 'multipart', parts: fields.map((f) => ({ kind: 'text' as const, ...f })) };
  }
  const first = types[0]!;
  const example = exampleOf(content[first]!);
  if (example === undefined) notes.push(`The ${first} body has no example; fill it by hand.`);
  return { mode: 'text', text: example === undefined ? '' : text(example), contentType: first };
}
