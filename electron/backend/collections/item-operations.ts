import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ContainerSettings, TreeNode } from '../../../shared/model/collection';
import type { ApiRequest } from '../../../shared/model/request';
import { fail } from '../failure';
import { ensureDir, moveEntry, writeFileAtomic } from './atomic-file';
import { loadedRequest } from './collection-loader';
import type { CollectionStore } from './collection-store';
import { baseNameOf, FOLDER_FILE, joinItemPath, parentOf, REQUEST_EXTENSION, slugify, uniqueName } from './file-names';
import { refuseLiteralSecrets } from './literal-secrets';
import { settingsToYaml } from './yaml-format';

interface DeletedItem {
  collectionId: string;
  path: string;
  index: number;
  trashed: string;
}

function emptySettings(name: string): ContainerSettings {
  return { name, description: '', variables: [], auth: { type: 'inherit' }, scripts: { preRequest: '', test: '' }, order: [] };
}

function insertAt(list: string[], name: string, index: number | undefined): string[] {
  const next = list.filter((n) => n !== name);
  next.splice(index === undefined ? next.length : Math.min(index, next.length), 0, name);
  return next;
}

/**
 * Creating, renaming, duplicating, moving and deleting requests and folders. Every change is a
 * file or folder operation plus, where the order changed, one rewrite of the parent's settings
 * file; nothing else in the collection is touched.
 */
export class ItemOperations {
  readonly #store: CollectionStore;
  readonly #trashDir: string;
  readonly #deleted = new Map<string, DeletedItem>();

  constructor(store: CollectionStore, trashDir: string) {
    this.#store = store;
    this.#trashDir = trashDir;
    // Deleted items can be brought back until the app stops; older ones are gone for good.
    fs.rmSync(trashDir, { recursive: true, force: true });
  }

  #dirOf(root: string, itemPath: string): string {
    return path.join(root, ...(itemPath ? itemPath.split('/') : []));
  }

  #folder(collectionId: string, folderPath: string) {
    const folder = this.#store.writable(collectionId).loaded.folders.get(folderPath);
    if (!folder) fail('NOT_FOUND', `There is no folder "${folderPath}" in this collection. Refresh the collection.`);
    return folder;
  }

  #exists(collectionId: string, itemPath: string): 'request' | 'folder' {
    const loaded = this.#store.loaded(collectionId);
    if (loaded.requests.has(itemPath)) return 'request';
    if (itemPath !== '' && loaded.folders.has(itemPath)) return 'folder';
    return fail('NOT_FOUND', `There is no item "${itemPath}" in this collection. It may have been moved or deleted; refresh the collection.`);
  }

  createRequest(collectionId: string, parentPath: string, request: ApiRequest, index?: number): { path: string; node: TreeNode } {
    refuseLiteralSecrets(request);
    const { location, loaded } = this.#store.writable(collectionId);
    const parent = this.#folder(collectionId, parentPath);
    const dir = this.#dirOf(location.root, parentPath);
    const name = uniqueName(dir, slugify(request.name), REQUEST_EXTENSION);
    const itemPath = joinItemPath(parentPath, name);
    this.#store.writeRequestFile(collectionId, location, itemPath, request);
    loaded.requests.set(itemPath, loadedRequest(itemPath, request));
    this.#store.writeOrder(collectionId, parentPath, insertAt(parent.children, name, index));
    return { path: itemPath, node: { kind: 'request', path: itemPath, name: request.name, method: request.method, url: request.url } };
  }

  createFolder(collectionId: string, parentPath: string, folderName: string, index?: number): { path: string; node: TreeNode } {
    const { location, loaded } = this.#store.writable(collectionId);
    const parent = this.#folder(collectionId, parentPath);
    const dir = this.#dirOf(location.root, parentPath);
    const name = uniqueName(dir, slugify(folderName), '');
    const itemPath = joinItemPath(parentPath, name);
    const settings = emptySettings(folderName);
    ensureDir(path.join(dir, name));
    writeFileAtomic(path.join(dir, name, FOLDER_FILE), settingsToYaml(settings, false));
    this.#store.ownWrite(collectionId, path.join(dir, name, FOLDER_FILE));
    loaded.folders.set(itemPath, { path: itemPath, settings, unreadable: false, children: [] });
    this.#store.writeOrder(collectionId, parentPath, insertAt(parent.children, name, index));
    return { path: itemPath, node: { kind: 'folder', path: itemPath, name: folderName, children: [] } };
  }

  async rename(collectionId: string, itemPath: string, newName: string): Promise<{ path: string }> {
    const kind = this.#exists(collectionId, itemPath);
    const { location, loaded } = this.#store.writable(collectionId);
    const parentPath = parentOf(itemPath);
    const parent = this.#folder(collectionId, parentPath);
    const dir = this.#dirOf(location.root, parentPath);
    const oldName = baseNameOf(itemPath);
    const wanted = slugify(newName) + (kind === 'request' ? REQUEST_EXTENSION : '');
    const fileName = wanted === oldName ? oldName : uniqueName(dir, slugify(newName), kind === 'request' ? REQUEST_EXTENSION : '');
    const newPath = joinItemPath(parentPath, fileName);
    const secrets = kind === 'folder' && fileName !== oldName ? this.#store.folderSecrets(collectionId, itemPath, collectionId, newPath) : undefined;
    await secrets?.copy();
    if (kind === 'request') {
      const request = { ...loaded.requests.get(itemPath)!.request, name: newName };
      refuseLiteralSecrets(request);
      this.#store.writeRequestFile(collectionId, location, itemPath, request);
    } else {
      const folder = loaded.folders.get(itemPath)!;
      if (!folder.unreadable) this.#store.writeSettingsFile(collectionId, itemPath, { ...folder.settings, name: newName });
    }
    if (fileName !== oldName) {
      moveEntry(path.join(dir, oldName), path.join(dir, fileName));
      this.#store.ownWrite(collectionId, path.join(dir, oldName));
      this.#store.ownWrite(collectionId, path.join(dir, fileName));
      const children = parent.children.map((n) => (n === oldName ? fileName : n));
      this.#store.changed(collectionId, true);
      this.#store.writeOrder(collectionId, parentPath, children);
    } else {
      this.#store.changed(collectionId, true);
    }
    await secrets?.removeOld((line) => this.#store.log(line));
    return { path: newPath };
  }

  async duplicate(collectionId: string, itemPath: string): Promise<{ path: string }> {
    const kind = this.#exists(collectionId, itemPath);
    const { location, loaded } = this.#store.writable(collectionId);
    const parentPath = parentOf(itemPath);
    const parent = this.#folder(collectionId, parentPath);
    const index = parent.children.indexOf(baseNameOf(itemPath)) + 1;
    if (kind === 'request') {
      const original = loaded.requests.get(itemPath)!.request;
      return { path: this.createRequest(collectionId, parentPath, { ...original, name: `${original.name} copy` }, index).path };
    }
    const folder = loaded.folders.get(itemPath)!;
    const dir = this.#dirOf(location.root, parentPath);
    const name = uniqueName(dir, `${baseNameOf(itemPath)}-copy`, '');
    // The copy gets its own keychain entries, so changing a secret in one leaves the other as it was.
    await this.#store.folderSecrets(collectionId, itemPath, collectionId, joinItemPath(parentPath, name)).copy();
    fs.cpSync(path.join(dir, baseNameOf(itemPath)), path.join(dir, name), { recursive: true, errorOnExist: true, force: false });
    const newPath = joinItemPath(parentPath, name);
    this.#store.changed(collectionId, true);
    if (!folder.unreadable) this.#store.writeSettingsFile(collectionId, newPath, { ...folder.settings, name: `${folder.settings.name} copy` });
    this.#store.writeOrder(collectionId, parentPath, insertAt(this.#folder(collectionId, parentPath).children, name, index));
    return { path: newPath };
  }

  async move(collectionId: string, itemPath: string, toCollectionId: string, toParentPath: string, index?: number): Promise<{ path: string }> {
    const kind = this.#exists(collectionId, itemPath);
    const from = this.#store.writable(collectionId);
    const to = this.#store.writable(toCollectionId);
    const name = baseNameOf(itemPath);
    const fromParent = parentOf(itemPath);
    const target = this.#folder(toCollectionId, toParentPath);
    if (kind === 'folder' && collectionId === toCollectionId && (toParentPath === itemPath || toParentPath.startsWith(`${itemPath}/`))) {
      fail('INVALID_INPUT', 'A folder cannot be moved into itself or one of its own sub-folders. Pick another folder.');
    }
    if (collectionId === toCollectionId && fromParent === toParentPath) {
      this.#store.writeOrder(collectionId, fromParent, insertAt(target.children, name, index));
      return { path: itemPath };
    }
    const targetDir = this.#dirOf(to.location.root, toParentPath);
    const newName = uniqueName(targetDir, kind === 'request' ? name.slice(0, -REQUEST_EXTENSION.length) : name, kind === 'request' ? REQUEST_EXTENSION : '');
    const source = this.#dirOf(from.location.root, itemPath);
    const destination = path.join(targetDir, newName);
    const newPath = joinItemPath(toParentPath, newName);
    const secrets = kind === 'folder' ? this.#store.folderSecrets(collectionId, itemPath, toCollectionId, newPath) : undefined;
    await secrets?.copy();
    moveEntry(source, destination);
    this.#store.ownWrite(collectionId, source);
    this.#store.ownWrite(toCollectionId, destination);
    const targetChildren = insertAt(target.children, newName, index);
    this.#store.changed(collectionId, true);
    if (toCollectionId !== collectionId) this.#store.changed(toCollectionId, true);
    this.#store.writeOrder(collectionId, fromParent, this.#folder(collectionId, fromParent).children.filter((n) => n !== name));
    this.#store.writeOrder(toCollectionId, toParentPath, targetChildren);
    await secrets?.removeOld((line) => this.#store.log(line));
    return { path: newPath };
  }

  delete(collectionId: string, itemPath: string): { undoToken: string } {
    this.#exists(collectionId, itemPath);
    const { location } = this.#store.writable(collectionId);
    const parentPath = parentOf(itemPath);
    const parent = this.#folder(collectionId, parentPath);
    const name = baseNameOf(itemPath);
    const undoToken = randomUUID();
    const trashed = path.join(this.#trashDir, undoToken, name);
    const source = this.#dirOf(location.root, itemPath);
    moveEntry(source, trashed);
    this.#store.ownWrite(collectionId, source);
    this.#deleted.set(undoToken, { collectionId, path: itemPath, index: parent.children.indexOf(name), trashed });
    this.#store.changed(collectionId, true);
    this.#store.writeOrder(collectionId, parentPath, parent.children.filter((n) => n !== name));
    return { undoToken };
  }

  undoDelete(undoToken: string): { path: string } {
    const deleted = this.#deleted.get(undoToken);
    if (!deleted) fail('NOT_FOUND', 'That delete can no longer be undone (the app was restarted, or it was already undone).');
    const { location } = this.#store.writable(deleted.collectionId);
    const parentPath = parentOf(deleted.path);
    const parent = this.#folder(deleted.collectionId, parentPath);
    const dir = this.#dirOf(location.root, parentPath);
    const original = baseNameOf(deleted.path);
    const isRequest = original.endsWith(REQUEST_EXTENSION);
    // Something new may have taken the name meanwhile: then the item comes back under a free one.
    const name = fs.existsSync(path.join(dir, original)) ? uniqueName(dir, isRequest ? original.slice(0, -REQUEST_EXTENSION.length) : original, isRequest ? REQUEST_EXTENSION : '') : original;
    moveEntry(deleted.trashed, path.join(dir, name));
    this.#store.ownWrite(deleted.collectionId, path.join(dir, name));
    this.#deleted.delete(undoToken);
    this.#store.changed(deleted.collectionId, true);
    this.#store.writeOrder(deleted.collectionId, parentPath, insertAt(parent.children, name, deleted.index < 0 ? undefined : deleted.index));
    return { path: joinItemPath(parentPath, name) };
  }

  dispose(): void {
    fs.rmSync(this.#trashDir, { recursive: true, force: true });
  }
}
