import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/contract';
import type { SearchHit } from '../../../shared/contract/collections';
import { fromHttpRequest } from '../../../shared/model/convert';
import type { ApiRequest } from '../../../shared/model/request';
import { isCredentialHeader } from '../../../shared/http/credential-headers';
import type { Handlers } from '../dispatch';
import { fail } from '../failure';
import type { HistoryStore } from '../history/history-store';
import { ensureDir, writeFileAtomic } from './atomic-file';
import { searchCollection } from './collection-search';
import type { CollectionStore } from './collection-store';
import { COLLECTION_FILE, FOLDER_FILE, slugify, uniqueName } from './file-names';
import type { ItemOperations } from './item-operations';
import { requestToYaml, settingsToYaml } from './yaml-format';

export interface CollectionHandlerDeps {
  store: CollectionStore;
  items: ItemOperations;
  history: HistoryStore;
}

type CollectionMethods =
  | 'listCollections'
  | 'getCollectionTree'
  | 'createCollection'
  | 'openCollectionFolder'
  | 'closeCollection'
  | 'copyCollection'
  | 'getContainerSettings'
  | 'saveContainerSettings'
  | 'getRequest'
  | 'saveRequest'
  | 'createItem'
  | 'renameItem'
  | 'duplicateItem'
  | 'moveItem'
  | 'deleteItem'
  | 'undoDelete'
  | 'searchCollections';

/** Headers the engine adds by itself; a request saved from the history leaves them out. */
const AUTOMATIC_HEADERS = new Set(['merchant-serial-number', 'accept', 'accept-encoding', 'user-agent', 'idempotency-key', 'content-length', 'host']);

function fromHistory(history: HistoryStore, historyId: string): ApiRequest {
  const entry = history.get(historyId);
  if (!entry) fail('NOT_FOUND', 'That history entry is gone (it was deleted or trimmed). Pick another one.');
  const headers = entry.request.headers.filter((h) => {
    const name = h.name.toLowerCase();
    // The engine sets Content-Type: application/json itself for a body, so only another type is kept.
    const automaticType = name === 'content-type' && h.value.trim().toLowerCase() === 'application/json';
    return !isCredentialHeader(name) && !AUTOMATIC_HEADERS.has(name) && !name.startsWith('vipps-system-') && !automaticType;
  });
  const method = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const).find((m) => m === entry.request.method.toUpperCase()) ?? 'GET';
  return fromHttpRequest({ method, url: entry.request.url, headers: headers.map((h) => ({ ...h, enabled: true })), body: entry.request.body }, entry.label ?? `${method} ${entry.request.url}`.slice(0, 200));
}

/** A folder named by its full path; a relative one would depend on where the backend happened to start. */
function absoluteFolder(directory: string): string {
  if (!path.isAbsolute(directory.trim())) fail('INVALID_INPUT', `"${directory}" is not a full path. Pick the folder, or write its whole path (for example /home/you/repo/api-collection).`);
  return path.resolve(directory.trim());
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export function createCollectionHandlers(deps: CollectionHandlerDeps): Pick<Handlers, CollectionMethods> {
  const { store, items } = deps;

  const newCollectionFolder = (name: string, directory: string | undefined): string => {
    if (directory === undefined) {
      ensureDir(store.registry.dataRoot);
      return path.join(store.registry.dataRoot, uniqueName(store.registry.dataRoot, slugify(name), ''));
    }
    const dir = absoluteFolder(directory);
    if (fs.existsSync(path.join(dir, COLLECTION_FILE))) {
      fail('CONFLICT', `${dir} already holds a collection. Open it with "Open folder" instead of creating a new one.`);
    }
    return dir;
  };

  const create = (name: string, directory: string | undefined) => {
    const dir = newCollectionFolder(name, directory);
    ensureDir(dir);
    writeFileAtomic(path.join(dir, COLLECTION_FILE), settingsToYaml({ name, description: '', variables: [], auth: { type: 'inherit' }, scripts: { preRequest: '', test: '' }, order: [] }, true));
    const location = store.registry.remember(dir);
    return location;
  };

  const resolveSource = (source: ParsedInput<'createItem'>['item'] & { kind: 'request' }): ApiRequest => {
    switch (source.source.kind) {
      case 'request':
        return source.source.request;
      case 'history':
        return fromHistory(deps.history, source.source.historyId);
      case 'item':
        return store.request(source.source.collectionId, source.source.path);
    }
  };

  return {
    listCollections: async () => ({ collections: store.summaries() }),
    getCollectionTree: async ({ collectionId }) => store.tree(collectionId),
    createCollection: async ({ name, directory }) => store.summaryOf(create(name, directory).id),
    openCollectionFolder: async ({ directory }) => {
      const dir = absoluteFolder(directory);
      if (!isDirectory(dir)) fail('NOT_FOUND', `${dir} is not a folder. Pick the folder that holds collection.yaml (or an empty folder).`);
      return store.summaryOf(store.registry.remember(dir).id);
    },
    closeCollection: async ({ collectionId }) => {
      const closed = store.registry.forget(collectionId);
      if (closed) store.forget(collectionId);
      return { closed };
    },
    copyCollection: async ({ collectionId, name, directory }) => {
      const source = store.loaded(collectionId);
      const location = create(name, directory);
      // Every readable folder and request is written again in our format; settings files keep their order.
      for (const [folderPath, folder] of source.folders) {
        const dir = path.join(location.root, ...(folderPath ? folderPath.split('/') : []));
        ensureDir(dir);
        const settings = folderPath === '' ? { ...folder.settings, name, variables: folder.settings.variables.map((v) => (v.secret ? { ...v, value: '' } : v)) } : folder.settings;
        writeFileAtomic(path.join(dir, folderPath ? FOLDER_FILE : COLLECTION_FILE), settingsToYaml({ ...settings, order: folder.children }, folderPath === ''));
      }
      for (const [itemPath, entry] of source.requests) {
        writeFileAtomic(path.join(location.root, ...itemPath.split('/')), requestToYaml(entry.request));
      }
      return store.summaryOf(location.id);
    },
    getContainerSettings: async ({ collectionId, path: itemPath }) => store.settings(collectionId, itemPath),
    saveContainerSettings: async ({ collectionId, path: itemPath, settings }) => store.saveSettings(collectionId, itemPath, settings),
    getRequest: async ({ collectionId, path: itemPath }) => ({ request: store.request(collectionId, itemPath) }),
    saveRequest: async ({ collectionId, path: itemPath, request }) => {
      store.saveRequest(collectionId, itemPath, request);
      return { path: itemPath };
    },
    createItem: async ({ collectionId, parentPath, item, index }) => {
      if (item.kind === 'folder') return items.createFolder(collectionId, parentPath, item.name, index);
      const request = resolveSource(item);
      return items.createRequest(collectionId, parentPath, item.name ? { ...request, name: item.name } : request, index);
    },
    renameItem: async ({ collectionId, path: itemPath, name }) => items.rename(collectionId, itemPath, name),
    duplicateItem: async ({ collectionId, path: itemPath }) => items.duplicate(collectionId, itemPath),
    moveItem: async ({ collectionId, path: itemPath, toCollectionId, toParentPath, index }) => items.move(collectionId, itemPath, toCollectionId, toParentPath, index),
    deleteItem: async ({ collectionId, path: itemPath }) => items.delete(collectionId, itemPath),
    undoDelete: async ({ undoToken }) => items.undoDelete(undoToken),
    searchCollections: async ({ query, collectionId, limit }) => {
      const hits: SearchHit[] = [];
      let truncated = false;
      const ids = collectionId ? [collectionId] : store.summaries().map((s) => s.id);
      for (const id of ids) {
        const summary = store.summaryOf(id);
        if (searchCollection({ id, name: summary.name, loaded: store.loaded(id) }, query, limit, hits)) {
          truncated = true;
          break;
        }
      }
      return { hits, truncated };
    },
  };
}

