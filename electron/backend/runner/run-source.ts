import path from 'node:path';
import type { RunOptions, RunRequestResult } from '../../../shared/model/run';
import type { ContainerSettings } from '../../../shared/model/collection';
import type { ApiRequest } from '../../../shared/model/request';
import { fail } from '../failure';
import { loadCollection, requestsUnder, type LoadedCollection } from '../collections/collection-loader';
import { openedFolderId } from '../collections/collection-registry';
import type { CollectionStore } from '../collections/collection-store';
import { parentOf } from '../collections/file-names';
import type { ScriptResponse } from './hooks';

export type PreparedItem = { skip: true } | { request: ApiRequest; issues: Array<{ name: string; reason: string }> };

export interface ContainerLink {
  /** '' for the collection. */
  path: string;
  settings: ContainerSettings;
}

export interface PlannedRequest {
  path: string;
  request: ApiRequest;
  /** The collection and each folder down to the request's own, outermost first. */
  chain: ContainerLink[];
}

/** What a run runs: a collection's requests in order, and where its secrets and saved variables go. */
export interface RunSource {
  collectionId: string;
  name: string;
  items: PlannedRequest[];
  /** A secret variable's value (from the keychain) of the collection or a folder. */
  secretValue(folderPath: string, key: string): Promise<string | undefined>;
  /** Keeps values that extractions with `scope: collection` set, for later runs (called after each request that set some). */
  saveVariables?(values: Record<string, string>): Promise<void>;
  /** Told about every finished request (the quick start keeps each step's state from it). */
  recordResult?(result: RunRequestResult, response: ScriptResponse | undefined): Promise<void>;
  /**
   * Looks at a request just before it would be sent (the quick start builds its step request
   * from the newest state and checks the step's rules): skip it, send another version of it, or
   * name what is wrong, which fails it as assertions without sending. `resolve` looks a
   * variable up as the request would be filled.
   */
  prepare?(itemPath: string, request: ApiRequest, resolve: (name: string) => string | undefined): PreparedItem;
}

/** The collection and each folder down to the item's own, outermost first (those that exist). */
export function chainOf(loaded: LoadedCollection, itemPath: string): ContainerLink[] {
  const chain: ContainerLink[] = [];
  let folder = parentOf(itemPath);
  for (;;) {
    const found = loaded.folders.get(folder);
    if (found) chain.unshift({ path: folder, settings: found.settings });
    if (folder === '') break;
    folder = parentOf(folder);
  }
  return chain;
}

export function planFrom(loaded: LoadedCollection, itemPath: string): PlannedRequest[] {
  return requestsUnder(loaded, itemPath).map((entry) => ({ path: entry.path, request: entry.request, chain: chainOf(loaded, entry.path) }));
}

/**
 * The requests of a run order the user chose: each entry a request or a folder (with what it
 * holds), in the order given. A request named twice runs twice, as an order saying so means.
 */
export function planOrder(loaded: LoadedCollection, order: readonly string[], collectionName: string): PlannedRequest[] {
  return order.flatMap((itemPath) => {
    if (itemPath !== '' && !loaded.requests.has(itemPath) && !loaded.folders.has(itemPath)) {
      fail('NOT_FOUND', `"${itemPath}" is not a request or folder of ${collectionName}. It may have been renamed or moved since the run order was made: open the Runner again, or reset its order.`);
    }
    return planFrom(loaded, itemPath);
  });
}

function planOf(options: RunOptions, loaded: LoadedCollection, collectionName: string): PlannedRequest[] {
  if (options.order === undefined) return planFrom(loaded, options.path);
  if (options.path !== '') fail('INVALID_INPUT', 'Give either a folder to run or a run order, not both.');
  return planOrder(loaded, options.order, collectionName);
}

/** Extra behaviour a built-in collection adds to its runs (the quick start records step states). */
export type SourceExtras = Pick<RunSource, 'saveVariables' | 'recordResult' | 'prepare'>;

export function resolveRunSource(options: RunOptions, store: CollectionStore, extras: (collectionId: string) => SourceExtras | undefined): RunSource {
  if (options.directory !== undefined) {
    if (options.collectionId !== undefined) fail('INVALID_INPUT', 'Give either a collection id or a folder to run, not both.');
    const root = path.resolve(options.directory);
    const loaded = loadCollection(root, path.basename(root));
    const problems = loaded.problems;
    if (problems.length > 0 && loaded.requests.size === 0) {
      fail('NOT_FOUND', `${root} holds no request that could be read (${problems[0]!.path}: ${problems[0]!.message}).`);
    }
    const collectionId = openedFolderId(root);
    const name = loaded.folders.get('')!.settings.name;
    return {
      collectionId,
      name,
      items: planOf(options, loaded, name),
      secretValue: (folderPath, key) => store.secretValue(collectionId, folderPath, key),
    };
  }
  if (options.collectionId === undefined) fail('INVALID_INPUT', 'Say what to run: a collection id, or a folder on disk.');
  const collectionId = options.collectionId;
  const loaded = store.loaded(collectionId);
  const summary = store.summaryOf(collectionId);
  const writable = !summary.readOnly;
  return {
    collectionId,
    name: summary.name,
    items: planOf(options, loaded, summary.name),
    secretValue: (folderPath, key) => store.secretValue(collectionId, folderPath, key),
    ...(writable
      ? {
          saveVariables: async (values) => {
            const settings = store.settings(collectionId, '');
            // Existing rows keep their place, so the file's diff shows only the changed values.
            const variables = settings.variables.map((v) => (!v.secret && Object.hasOwn(values, v.key) ? { ...v, value: values[v.key]! } : v));
            const added = Object.entries(values)
              .filter(([key]) => !settings.variables.some((v) => v.key === key))
              .map(([key, value]) => ({ key, value, enabled: true, secret: false }));
            await store.saveSettings(collectionId, '', { ...settings, variables: [...variables, ...added] });
          },
        }
      : {}),
    ...extras(collectionId),
  };
}
