import { ContainerSettingsSchema, type ContainerSettings, type Variable } from '../../model/collection';
import { ImportProblem } from '../errors';
import type { PortableCollection, PortableItem } from '../tree';
import { authFromPostman, descriptionText, requestFromPostman, scriptsFromEvents } from './request';
import { collectionShape, nameFromFileName, unwrapCollection } from './shape';
import type { PostmanCollectionJson, PostmanEvent, PostmanItem, PostmanKeyValue } from './types';
import { convertV1Collection } from './v1';

/**
 * A Postman collection (v2.0, v2.1, v1 converted, bare or as the Postman API wraps it) as an
 * in-memory collection, with what was left out in words. `fileName` names a collection that has no "info".
 */
export function importPostmanCollection(json: unknown, options: { fileName?: string } = {}): PortableCollection {
  const notes: string[] = [];
  const collection = asCollection(json, notes);
  const rootAuth = authFromPostman(collection.auth);
  notes.push(...rootAuth.notes);
  const settings = container(textOr(collection.info?.name, nameFromFileName(options.fileName ?? '') || 'Imported collection'), collection.info?.description, collection.variable, collection.event, notes);
  // Postman sends nothing when no level sets auth, so the collection's "inherit" is "none" here.
  settings.auth = rootAuth.auth.type === 'inherit' ? { type: 'none' } : rootAuth.auth;
  const inherited = { headers: rootAuth.headers, params: rootAuth.params };
  return { settings, items: items(collection.item, inherited), notes };
}

interface Inherited {
  headers: ReturnType<typeof authFromPostman>['headers'];
  params: ReturnType<typeof authFromPostman>['params'];
}

/** Files in the wild put numbers or objects where a name belongs. */
function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

function asCollection(json: unknown, notes: string[]): PostmanCollectionJson {
  const unwrapped = unwrapCollection(json);
  const shape = collectionShape(unwrapped);
  if (shape === 'v1') {
    const converted = convertV1Collection(unwrapped as Record<string, unknown>);
    notes.push(...converted.notes);
    return converted.collection as PostmanCollectionJson;
  }
  if (shape !== 'v2') throw new ImportProblem('This is not a Postman collection: expected a JSON object with an "item" list. Export the collection from Postman as Collection v2.1 and import that file.');
  const c = unwrapped as PostmanCollectionJson;
  if (c.info !== undefined && (!c.info || typeof c.info !== 'object')) throw new ImportProblem('This is not a Postman collection: its "info" is not an object. Export the collection from Postman as Collection v2.1 and import that file.');
  const schema = c.info?.schema ?? '';
  if (schema && !/\/collection\/v2\.[01]\.\d+\//.test(schema)) throw new ImportProblem(`This collection uses the schema ${schema}, which is not Collection v2.0 or v2.1. Export it from Postman as v2.1.`);
  return c;
}

function variables(rows: PostmanKeyValue[] | undefined, notes: string[]): Variable[] {
  const out: Variable[] = [];
  for (const row of Array.isArray(rows) ? rows : []) {
    if (!row || typeof row.key !== 'string' || row.key === '') continue;
    const secret = row.type === 'secret';
    const value = row.value === undefined || row.value === null ? '' : typeof row.value === 'string' ? row.value : JSON.stringify(row.value);
    if (secret && value) notes.push(`The secret variable "${row.key}" was imported without its value; set it again (it is then kept in the keychain).`);
    const description = descriptionText(row.description);
    out.push({ key: row.key.slice(0, 256), value: secret ? '' : value, enabled: row.disabled !== true, secret, ...(description ? { description } : {}) });
  }
  return out;
}

function container(name: string, description: PostmanItem['description'], rows: PostmanKeyValue[] | undefined, events: PostmanEvent[] | undefined, notes: string[]): ContainerSettings {
  return ContainerSettingsSchema.parse({
    name: name.trim().slice(0, 256) || 'Untitled',
    description: descriptionText(description),
    variables: variables(rows, notes),
    scripts: scriptsFromEvents(events, notes),
  });
}

function items(list: PostmanItem[] | undefined, inherited: Inherited): PortableItem[] {
  const out: PortableItem[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    if (!item || typeof item !== 'object') continue;
    if (Array.isArray(item.item)) {
      const notes: string[] = [];
      const auth = authFromPostman(item.auth);
      notes.push(...auth.notes);
      const settings = container(textOr(item.name, 'Folder'), item.description, item.variable, item.event, notes);
      settings.auth = auth.auth;
      const next = auth.auth.type === 'inherit' ? inherited : { headers: auth.headers, params: auth.params };
      out.push({ kind: 'folder', settings, items: items(item.item, next), notes });
      continue;
    }
    const notes: string[] = [];
    const request = requestFromPostman(item.request, { name: textOr(item.name, ''), events: item.event, description: item.description ?? (typeof item.request === 'object' ? item.request?.description : undefined), notes });
    if (request.auth.type === 'inherit' && (inherited.headers.length || inherited.params.length)) {
      // An API key set on a folder or the collection: the model has no such auth, so each request carries it.
      request.headers.push(...inherited.headers.filter((h) => !request.headers.some((own) => own.key.toLowerCase() === h.key.toLowerCase())));
      request.params.push(...inherited.params);
    }
    if (Array.isArray(item.response) && item.response.length > 0) notes.push(`${item.response.length} saved example response${item.response.length > 1 ? 's were' : ' was'} not imported.`);
    if (item.protocolProfileBehavior && Object.keys(item.protocolProfileBehavior).length > 0) notes.push(`Protocol settings (${Object.keys(item.protocolProfileBehavior).join(', ')}) were not imported.`);
    if (item.variable?.length) notes.push('Request-level variables were not imported.');
    out.push({ kind: 'request', request, notes });
  }
  return out;
}
