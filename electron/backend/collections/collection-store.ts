import fs from 'node:fs';
import path from 'node:path';
import type { CollectionSummary, CollectionTree, ContainerSettings } from '../../../shared/model/collection';
import type { ApiRequest } from '../../../shared/model/request';
import type { EventBus } from '../events/event-bus';
import { fail } from '../failure';
import { collectionVariableAccount, type SecretVault } from '../vault/secret-vault';
import { writeFileAtomic } from './atomic-file';
import { loadCollection, loadedRequest, treeOf, type LoadedCollection, type RequestCache } from './collection-loader';
import type { CollectionLocation, CollectionRegistry } from './collection-registry';
import { CollectionWatcher } from './collection-watcher';
import { FolderSecrets } from './folder-secrets';
import { COLLECTION_FILE, FOLDER_FILE, baseNameOf, joinItemPath, parentOf } from './file-names';
import { refuseLiteralSecrets } from './literal-secrets';
import { requestToYaml, settingsToYaml } from './yaml-format';

/** A collection that is not a folder of the user's (the guided quick start): read-only, edits kept aside. */
export interface BuiltInCollection {
  readonly id: string;
  load(): LoadedCollection;
  summary(): CollectionSummary;
  /** Keeps the user's edit of one of its requests (the collection itself never changes). */
  saveRequest(itemPath: string, request: ApiRequest): void;
}

export interface CollectionStoreOptions {
  registry: CollectionRegistry;
  vault: SecretVault;
  events: EventBus;
  builtIns?: BuiltInCollection[];
  log?: (line: string) => void;
}

interface Open {
  location: CollectionLocation;
  loaded: LoadedCollection | undefined;
  /** Validated requests by file, kept across re-reads so an outside change re-reads only what changed. */
  cache: RequestCache;
  watcher: CollectionWatcher;
}

function countRequests(loaded: LoadedCollection): number {
  return loaded.requests.size;
}

/**
 * Collections as folders of YAML files. Each collection is read once and kept in memory; the
 * app's own writes update that copy, and changes from outside (seen by a file watcher) make the
 * next read start from the disk again.
 */
export class CollectionStore {
  readonly registry: CollectionRegistry;
  readonly #vault: SecretVault;
  readonly #events: EventBus;
  readonly #builtIns: Map<string, BuiltInCollection>;
  readonly #open = new Map<string, Open>();
  readonly #log: (line: string) => void;
  /** Collections in a batch of writes (an import): the folders whose order changed, written once at its end. */
  readonly #batches = new Map<string, Set<string>>();

  constructor(options: CollectionStoreOptions) {
    this.registry = options.registry;
    this.#vault = options.vault;
    this.#events = options.events;
    this.#builtIns = new Map((options.builtIns ?? []).map((b) => [b.id, b]));
    this.#log = options.log ?? (() => {});
  }

  builtIn(id: string): BuiltInCollection | undefined {
    return this.#builtIns.get(id);
  }

  summaries(): CollectionSummary[] {
    const list: CollectionSummary[] = [...this.#builtIns.values()].map((b) => b.summary());
    for (const location of this.registry.list()) {
      try {
        list.push(this.summaryOf(location.id));
      } catch (error) {
        this.#log(`collections: cannot list ${location.root}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return list;
  }

  summaryOf(id: string): CollectionSummary {
    const builtIn = this.#builtIns.get(id);
    if (builtIn) return builtIn.summary();
    const loaded = this.loaded(id);
    const location = this.location(id);
    return { id, name: loaded.folders.get('')!.settings.name, location: location.root, builtIn: false, readOnly: false, requestCount: countRequests(loaded) };
  }

  tree(id: string): CollectionTree {
    const loaded = this.loaded(id);
    return { ...this.summaryOf(id), items: treeOf(loaded), problems: loaded.problems };
  }

  location(id: string): CollectionLocation {
    const cached = this.#open.get(id);
    if (cached) return cached.location;
    if (this.#builtIns.has(id)) fail('FORBIDDEN', 'The quick start is built in and read-only. Use "Save as my collection" to get a copy you can change.');
    return this.registry.get(id);
  }

  loaded(id: string): LoadedCollection {
    const builtIn = this.#builtIns.get(id);
    if (builtIn) return builtIn.load();
    let open = this.#open.get(id);
    if (!open) {
      const location = this.registry.get(id);
      if (!fs.existsSync(location.root)) fail('NOT_FOUND', `The folder of collection "${id}" (${location.root}) is gone. Restore it, or close the collection.`);
      open = { location, loaded: undefined, cache: new Map(), watcher: new CollectionWatcher(location.root, () => this.#externalChange(id), this.#log) };
      this.#open.set(id, open);
    }
    open.loaded ??= loadCollection(open.location.root, path.basename(open.location.root), open.cache);
    return open.loaded;
  }

  /** Refuses changes to a built-in collection with a clear reason. */
  writable(id: string): { location: CollectionLocation; loaded: LoadedCollection } {
    if (this.#builtIns.has(id)) fail('FORBIDDEN', 'The quick start is built in and read-only. Use "Save as my collection" to get a copy you can change.');
    return { location: this.location(id), loaded: this.loaded(id) };
  }

  request(id: string, itemPath: string): ApiRequest {
    const found = this.loaded(id).requests.get(itemPath);
    if (!found) fail('NOT_FOUND', `There is no request "${itemPath}" in this collection. It may have been moved or deleted; refresh the collection.`);
    return found.request;
  }

  saveRequest(id: string, itemPath: string, request: ApiRequest): void {
    refuseLiteralSecrets(request);
    const builtIn = this.#builtIns.get(id);
    if (builtIn) {
      this.request(id, itemPath);
      builtIn.saveRequest(itemPath, request);
      this.#events.publish('collections', { collectionId: id, reason: 'saved' });
      return;
    }
    const { location, loaded } = this.writable(id);
    if (!loaded.requests.has(itemPath)) this.request(id, itemPath);
    this.writeRequestFile(id, location, itemPath, request);
    loaded.requests.set(itemPath, loadedRequest(itemPath, request));
    this.changed(id);
  }

  /** Writes one request file; the cache is the caller's to update. */
  writeRequestFile(id: string, location: CollectionLocation, itemPath: string, request: ApiRequest): void {
    const file = path.join(location.root, ...itemPath.split('/'));
    writeFileAtomic(file, requestToYaml(request));
    this.ownWrite(id, file);
  }

  settings(id: string, folderPath: string): ContainerSettings {
    const folder = this.loaded(id).folders.get(folderPath);
    if (!folder) fail('NOT_FOUND', `There is no folder "${folderPath}" in this collection. Refresh the collection.`);
    // Secret values live in the keychain and never travel back to the renderer.
    return { ...folder.settings, variables: folder.settings.variables.map((v) => (v.secret ? { ...v, value: '' } : v)) };
  }

  async saveSettings(id: string, folderPath: string, next: ContainerSettings): Promise<ContainerSettings> {
    const { loaded } = this.writable(id);
    const folder = loaded.folders.get(folderPath);
    if (!folder) fail('NOT_FOUND', `There is no folder "${folderPath}" in this collection. Refresh the collection.`);
    this.#refuseUnreadable(folder.unreadable, folderPath);
    const previous = folder.settings.variables;
    for (const variable of next.variables) {
      if (variable.secret && variable.value !== '') await this.#vault.setNamed(collectionVariableAccount(id, folderPath, variable.key), variable.value);
    }
    for (const old of previous) {
      const kept = next.variables.find((v) => v.key === old.key && v.secret);
      if (old.secret && !kept) await this.#vault.removeNamed(collectionVariableAccount(id, folderPath, old.key)).catch(() => undefined);
    }
    // The order is the app's to keep: children that exist stay listed even if the caller left them out.
    const settings: ContainerSettings = { ...next, variables: next.variables.map((v) => (v.secret ? { ...v, value: '' } : v)), order: folder.children };
    this.writeSettingsFile(id, folderPath, settings);
    return this.settings(id, folderPath);
  }

  /** Writes a folder's settings file (and updates the cache). */
  writeSettingsFile(id: string, folderPath: string, settings: ContainerSettings): void {
    const { location, loaded } = this.writable(id);
    const folder = loaded.folders.get(folderPath);
    if (folder) this.#refuseUnreadable(folder.unreadable, folderPath);
    const file = path.join(location.root, ...(folderPath ? folderPath.split('/') : []), folderPath ? FOLDER_FILE : COLLECTION_FILE);
    writeFileAtomic(file, settingsToYaml(settings, folderPath === ''));
    this.ownWrite(id, file);
    if (folder) folder.settings = settings;
    this.changed(id);
  }

  /** Writes a folder's order after its children changed (at the end of a batch, if one is open). */
  writeOrder(id: string, folderPath: string, children: string[]): void {
    const folder = this.loaded(id).folders.get(folderPath);
    if (!folder) return;
    folder.children = children;
    const batch = this.#batches.get(id);
    if (batch) batch.add(folderPath);
    else this.writeSettingsFile(id, folderPath, { ...folder.settings, order: children });
  }

  /**
   * Runs many item writes (an import of thousands of requests) as one: each folder's order file
   * is written once at the end, not once per request (which made an import quadratic), and
   * listeners hear of the change once. The order is written even when the work fails half way,
   * so every request file written so far stays listed.
   */
  async batch<T>(id: string, work: () => Promise<T>): Promise<T> {
    if (this.#batches.has(id)) return work();
    const dirty = new Set<string>();
    this.#batches.set(id, dirty);
    try {
      return await work();
    } finally {
      this.#batches.delete(id);
      const folders = this.#open.has(id) ? this.loaded(id).folders : undefined;
      for (const folderPath of dirty) {
        const folder = folders?.get(folderPath);
        if (folder) this.writeSettingsFile(id, folderPath, { ...folder.settings, order: folder.children });
      }
      this.changed(id);
    }
  }

  /** The keychain entries a folder (and its sub-folders) must take along to a new path or collection. */
  folderSecrets(id: string, folderPath: string, toId: string, toPath: string): FolderSecrets {
    return FolderSecrets.plan(this.#vault, this.loaded(id), id, folderPath, toId, toPath);
  }

  log(line: string): void {
    this.#log(line);
  }

  /** The value of a secret variable, from the keychain. */
  secretValue(id: string, folderPath: string, key: string): Promise<string | undefined> {
    return this.#vault.getNamed(collectionVariableAccount(id, folderPath, key));
  }

  ownWrite(id: string, file: string): void {
    this.#open.get(id)?.watcher.ownWrite(file);
  }

  /** After a change made through the app; the next read of a moved or deleted tree starts from disk. */
  changed(id: string, reload = false): void {
    const open = this.#open.get(id);
    if (open && reload) open.loaded = undefined;
    if (this.#batches.has(id)) return;
    this.#events.publish('collections', { collectionId: id, reason: 'saved' });
  }

  forget(id: string): void {
    const open = this.#open.get(id);
    open?.watcher.close();
    this.#open.delete(id);
  }

  dispose(): void {
    for (const id of [...this.#open.keys()]) this.forget(id);
  }

  #externalChange(id: string): void {
    const open = this.#open.get(id);
    if (!open) return;
    open.loaded = undefined;
    this.#events.publish('collections', { collectionId: id, reason: 'external' });
  }

  #refuseUnreadable(unreadable: boolean, folderPath: string): void {
    if (unreadable) {
      const file = folderPath ? `${folderPath}/${FOLDER_FILE}` : COLLECTION_FILE;
      fail('CONFLICT', `${file} could not be read, so it is left as it is. Fix or restore that file (the collection lists the reason), then try again.`);
    }
  }
}

export { baseNameOf, joinItemPath, parentOf };
