import fs from 'node:fs';
import path from 'node:path';
import type { ImportFormat, ImportPreview, ImportResult, ImportSource, VariablePlacement } from '../../../shared/contract/interop';
import { findDefectsInSequence, importCurl, variableForSecretHeader } from '../../../shared/interop';
import { detectFormat } from '../../../shared/interop/detect';
import { ImportProblem } from '../../../shared/interop/errors';
import { importPostmanCollection } from '../../../shared/interop/postman/import';
import { importPostmanEnvironment, type EnvironmentImport } from '../../../shared/interop/postman/environment';
import { isPlaceholderValue } from '../../../shared/interop/secrets';
import { decodeText, stripBom } from '../../../shared/interop/text';
import { countRequests, walkRequests, type PortableCollection, type PortableItem } from '../../../shared/interop/tree';
import { undefinedVariables } from '../../../shared/interop/undefined-variables';
import { adoptionNote, adoptVippsAuth } from '../../../shared/interop/vipps';
import { ContainerSettingsSchema, type Variable } from '../../../shared/model/collection';
import { isCredentialHeader } from '../../../shared/http/credential-headers';
import type { CallContext, Handlers } from '../dispatch';
import { ExplorerFailure, fail } from '../failure';
import { VIPPS_PROFILE_VARIABLES } from './vipps-profile-variables';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The collection operations an import uses: the same contract methods the UI calls. */
export type CollectionCalls = Pick<Handlers, 'createCollection' | 'createItem' | 'getContainerSettings' | 'saveContainerSettings' | 'getCollectionTree'>;

export interface ImportOptions {
  source: ImportSource;
  format?: ImportFormat;
  storeKeys: boolean;
  vippsAuth: boolean;
  /** The variable names the profile a run would use supplies; the others the requests use must come from the file or a script. */
  supplied?: readonly string[];
}

interface Prepared {
  format: ImportFormat;
  collection?: PortableCollection;
  environment?: EnvironmentImport;
  /** curl: the defects per request, in order. */
  curl?: { defects: ReturnType<typeof findDefectsInSequence> };
}

async function readSource(source: ImportSource): Promise<{ text: string; fileName: string; filePath?: string }> {
  if (source.kind === 'text') return { text: stripBom(source.text), fileName: source.fileName ?? '' };
  if (source.kind === 'requests') return { text: '', fileName: source.name ?? '' };
  if (!path.isAbsolute(source.path)) fail('INVALID_INPUT', 'Give the full path of the file to import (it starts with / or a drive letter).');
  const filePath = path.normalize(source.path);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(filePath);
  } catch {
    return fail('NOT_FOUND', `${path.basename(filePath)} could not be opened. Check the path and that the file is there.`);
  }
  if (!stat.isFile()) fail('INVALID_INPUT', `${path.basename(filePath)} is not a file. Choose a Postman, curl or OpenAPI file.`);
  if (stat.size > MAX_FILE_BYTES) fail('TOO_LARGE', `${path.basename(filePath)} is ${Math.round(stat.size / 1024 / 1024)} MB; files up to 20 MB can be imported.`);
  // By the bytes' own evidence: a UTF-8 BOM or UTF-16 (as Windows tools write them) reads as newman reads it.
  return { text: decodeText(await fs.promises.readFile(filePath)), fileName: path.basename(filePath), filePath };
}

async function prepare(options: ImportOptions): Promise<Prepared> {
  try {
    if (options.source.kind === 'requests') {
      const items: PortableItem[] = options.source.requests.map((request) => ({ kind: 'request', request, notes: [] }));
      const collection: PortableCollection = { settings: ContainerSettingsSchema.parse({ name: options.source.name?.trim() || 'Pasted requests', auth: { type: 'vipps' } }), items, notes: [] };
      return { format: 'curl', collection, curl: { defects: findDefectsInSequence(options.source.requests) } };
    }
    const { text, fileName, filePath } = await readSource(options.source);
    const detected = options.format ? { format: options.format, parsed: undefined } : detectFormat(text, fileName);
    const parsed = () => detected.parsed ?? JSON.parse(text);
    switch (detected.format) {
      case 'postman-collection': {
        const collection = importPostmanCollection(parsed(), { fileName });
        if (options.vippsAuth) {
          const note = adoptionNote(adoptVippsAuth(collection));
          if (note) collection.notes.push(note);
        }
        return { format: 'postman-collection', collection };
      }
      case 'postman-environment':
        return { format: 'postman-environment', environment: importPostmanEnvironment(parsed(), { fileName }) };
      case 'openapi':
        // The OpenAPI parser and its schema validator load only for an OpenAPI import, not at every start.
        return { format: 'openapi', collection: await (await import('./openapi-loader')).loadOpenApi({ text, ...(filePath ? { filePath } : {}) }) };
      case 'curl': {
        const commands = importCurl(text);
        const items: PortableItem[] = commands.map((c) => ({ kind: 'request', request: c.request, notes: c.notes }));
        const collection: PortableCollection = { settings: ContainerSettingsSchema.parse({ name: fileName ? fileName.replace(/\.[^.]+$/, '') : 'Pasted curl', auth: { type: 'vipps' } }), items, notes: [] };
        return { format: 'curl', collection, curl: { defects: findDefectsInSequence(commands.map((c) => c.request)) } };
      }
    }
  } catch (error) {
    if (error instanceof ExplorerFailure) throw error;
    if (error instanceof ImportProblem) fail('INVALID_INPUT', error.message);
    if (error instanceof SyntaxError) fail('INVALID_INPUT', `The file is not valid JSON: ${error.message}. Export it again from Postman, or paste it whole.`);
    // A shape the converters did not expect: say so in words, never with a stack.
    fail('INVALID_INPUT', `This file could not be read as ${options.format ?? 'a Postman, curl or OpenAPI file'}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. Check that it is complete and exported by the tool that made it.`);
  }
}

/**
 * Where each variable of an imported environment goes. The profile supplies the names Vipps'
 * files use (base_url, keys, MSN), so those are left to it; placeholders are left out; keys go
 * to the keychain only with the user's consent; everything else goes to the collection's file.
 */
function placeEnvironment(environment: EnvironmentImport, storeKeys: boolean): { placements: VariablePlacement[]; variables: Variable[] } {
  const placements: VariablePlacement[] = [];
  const variables: Variable[] = [];
  for (const v of environment.variables) {
    if (VIPPS_PROFILE_VARIABLES.has(v.key)) {
      placements.push({ key: v.key, destination: 'profile', reason: 'The profile you run with supplies it (keys from the keychain, when the request is sent).' });
    } else if (v.placeholder) {
      placements.push({ key: v.key, destination: 'left-out', reason: v.value ? 'It holds placeholder text, not a value; a script or you set it later.' : 'It is empty.' });
    } else if (v.secret) {
      if (storeKeys) {
        placements.push({ key: v.key, destination: 'keychain', reason: 'It looks like a key or token: kept in the OS keychain as a secret variable of the collection.' });
        variables.push({ key: v.key, value: v.value, enabled: v.enabled, secret: true });
      } else {
        placements.push({ key: v.key, destination: 'left-out', reason: 'It looks like a key or token; import again allowing the keychain to keep it.' });
      }
    } else {
      placements.push({ key: v.key, destination: 'collection-file', reason: 'A plain value: written to the collection’s settings file.' });
      variables.push({ key: v.key, value: v.value, enabled: v.enabled, secret: false, ...(v.description ? { description: v.description } : {}) });
    }
  }
  return { placements, variables };
}

/**
 * A key or token typed into a request would be written into a collection file: it becomes a
 * `{{variable}}`, and its value goes to the keychain (with consent) or is left out.
 */
function liftLiteralSecrets(collection: PortableCollection, storeKeys: boolean): { placements: VariablePlacement[]; variables: Variable[] } {
  const placements: VariablePlacement[] = [];
  const variables: Variable[] = [];
  const keep = (key: string, value: string, where: string) => {
    if (variables.some((v) => v.key === key) || placements.some((p) => p.key === key)) return;
    if (storeKeys && !isPlaceholderValue(value)) {
      variables.push({ key, value, enabled: true, secret: true });
      placements.push({ key, destination: 'keychain', reason: `The value typed into ${where} is kept in the OS keychain; the request names it {{${key}}}.` });
    } else {
      variables.push({ key, value: '', enabled: true, secret: true });
      placements.push({ key, destination: 'left-out', reason: `The value typed into ${where} was not stored${isPlaceholderValue(value) ? ' (it is placeholder text)' : '; import again allowing the keychain to keep it'}. Set {{${key}}} before sending.` });
    }
  };
  const literal = (value: string) => value.replace(/\{\{[^}]*\}\}/g, '').replace(/^(Bearer|Basic)\s*/i, '').trim() !== '';
  const visit = (items: PortableItem[]) => {
    for (const item of items) {
      if (item.kind === 'folder') {
        visit(item.items);
        continue;
      }
      const r = item.request;
      for (const header of r.headers) {
        if (!isCredentialHeader(header.key) || header.value === '' || !literal(header.value)) continue;
        const target = variableForSecretHeader(header.key) ?? { variable: header.key.replace(/[^\w.-]/g, '_'), prefix: '' };
        keep(target.variable, header.value.replace(/^\s*Bearer\s+/i, ''), `the ${header.key} header of "${r.name}"`);
        header.value = `${target.prefix}{{${target.variable}}}`;
      }
      if (r.auth.type === 'bearer' && literal(r.auth.token)) {
        keep('access_token', r.auth.token, `the bearer token of "${r.name}"`);
        r.auth = { type: 'bearer', token: '{{access_token}}' };
      }
      if (r.auth.type === 'basic' && r.auth.password !== '' && literal(r.auth.password)) {
        keep('password', r.auth.password, `the password of "${r.name}"`);
        r.auth = { ...r.auth, password: '{{password}}' };
      }
    }
  };
  visit(collection.items);
  return { placements, variables };
}

function previewOf(prepared: Prepared, placements: VariablePlacement[], supplied: readonly string[] = []): ImportPreview {
  if (prepared.environment) {
    return { format: prepared.format, name: prepared.environment.name, requestCount: 0, folderCount: 0, items: [], notes: [], variables: placements, undefinedVariables: [] };
  }
  const collection = prepared.collection!;
  const items = [...walkRequests(collection.items)].map(({ folders, item }, i) => ({
    location: [...folders, item.request.name].join(' / '),
    name: item.request.name,
    method: item.request.method,
    url: item.request.url,
    notes: item.notes,
    defects: prepared.curl?.defects[i] ?? [],
    ...(prepared.format === 'curl' ? { request: item.request } : {}),
  }));
  const folderCount = (list: PortableItem[]): number => list.reduce((n, i) => n + (i.kind === 'folder' ? 1 + folderCount(i.items) : 0), 0);
  const lifted = placements.map((p) => p.key);
  return {
    format: prepared.format,
    name: collection.settings.name,
    requestCount: countRequests(collection.items),
    folderCount: folderCount(collection.items),
    items,
    notes: collection.notes,
    variables: placements,
    undefinedVariables: undefinedVariables(collection, [...supplied, ...lifted]),
  };
}

export async function previewImport(options: ImportOptions): Promise<ImportPreview> {
  const prepared = await prepare(options);
  if (prepared.environment) return previewOf(prepared, placeEnvironment(prepared.environment, options.storeKeys).placements);
  // The placements are worked out on a copy: the preview shows the requests as they were given, defects and all.
  const copy = structuredClone(prepared.collection!);
  return previewOf(prepared, liftLiteralSecrets(copy, options.storeKeys).placements, options.supplied);
}

export async function importInto(
  calls: CollectionCalls,
  ctx: CallContext,
  options: ImportOptions & { target: { kind: 'new'; name?: string; directory?: string } | { kind: 'existing'; collectionId: string; parentPath: string } },
  batch: <T>(collectionId: string, work: () => Promise<T>) => Promise<T> = (_id, work) => work(),
): Promise<ImportResult> {
  const prepared = await prepare(options);
  const { target } = options;
  const lifted = prepared.collection ? liftLiteralSecrets(prepared.collection, options.storeKeys) : { placements: [], variables: [] };
  const env = prepared.environment ? placeEnvironment(prepared.environment, options.storeKeys) : { placements: [], variables: [] };
  const placements = [...env.placements, ...lifted.placements];
  const incomingVariables = [...env.variables, ...lifted.variables];
  const name = target.kind === 'new' ? (target.name ?? prepared.collection?.settings.name ?? prepared.environment?.name ?? 'Imported') : '';

  let collectionId: string;
  let collectionName: string;
  let parentPath = '';
  let created = false;
  if (target.kind === 'new') {
    const summary = await calls.createCollection({ name, ...(target.directory ? { directory: target.directory } : {}) }, ctx);
    collectionId = summary.id;
    collectionName = summary.name;
    created = true;
  } else {
    collectionId = target.collectionId;
    parentPath = target.parentPath;
    collectionName = (await calls.getCollectionTree({ collectionId }, ctx)).name;
  }

  await batch(collectionId, async () => {
    const collection = prepared.collection;
    if (created) {
      // A new collection takes the import's own settings (description, auth, scripts, variables).
      const current = await calls.getContainerSettings({ collectionId, path: '' }, ctx);
      const settings = ContainerSettingsSchema.parse({ ...current, ...(collection ? { description: collection.settings.description, auth: collection.settings.auth, scripts: collection.settings.scripts } : {}), variables: withVariables(collection?.settings.variables ?? [], incomingVariables), order: current.order });
      await calls.saveContainerSettings({ collectionId, path: '', settings }, ctx);
      if (collection) await writeItems(calls, ctx, collectionId, '', collection.items);
    } else if (collection && prepared.format !== 'curl') {
      // Into an existing collection the import gets a folder of its own, so nothing of the user's is mixed in.
      const folder = await calls.createItem({ collectionId, parentPath, item: { kind: 'folder', name: collection.settings.name } }, ctx);
      const settings = ContainerSettingsSchema.parse({ ...collection.settings, variables: withVariables(collection.settings.variables, incomingVariables), order: [] });
      await calls.saveContainerSettings({ collectionId, path: folder.path, settings }, ctx);
      await writeItems(calls, ctx, collectionId, folder.path, collection.items);
    } else {
      if (incomingVariables.length > 0) {
        const current = await calls.getContainerSettings({ collectionId, path: parentPath }, ctx);
        await calls.saveContainerSettings({ collectionId, path: parentPath, settings: { ...current, variables: withVariables(current.variables, incomingVariables) } }, ctx);
      }
      if (collection) await writeItems(calls, ctx, collectionId, parentPath, collection.items);
    }
  });
  let supplied = [...(options.supplied ?? []), ...incomingVariables.map((v) => v.key)];
  if (!created) supplied = [...supplied, ...(await calls.getContainerSettings({ collectionId, path: '' }, ctx)).variables.map((v) => v.key)];
  const preview = previewOf(prepared, placements, supplied);
  return { ...preview, collectionId, collectionName, created, parentPath };
}

/** Variables by name, later ones replacing earlier ones of the same name. */
function withVariables(existing: Variable[], added: Variable[]): Variable[] {
  const byKey = new Map(existing.map((v) => [v.key, v]));
  for (const v of added) byKey.set(v.key, v);
  return [...byKey.values()];
}

async function writeItems(calls: CollectionCalls, ctx: CallContext, collectionId: string, parentPath: string, items: PortableItem[]): Promise<void> {
  for (const item of items) {
    if (item.kind === 'request') {
      await calls.createItem({ collectionId, parentPath, item: { kind: 'request', source: { kind: 'request', request: item.request } } }, ctx);
      continue;
    }
    const folder = await calls.createItem({ collectionId, parentPath, item: { kind: 'folder', name: item.settings.name } }, ctx);
    await calls.saveContainerSettings({ collectionId, path: folder.path, settings: ContainerSettingsSchema.parse({ ...item.settings, order: [] }) }, ctx);
    await writeItems(calls, ctx, collectionId, folder.path, item.items);
  }
}
