import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fail } from '../failure';
import { openDocument, type DocumentStore, type StoreFactory } from '../store/document-store';
import type { NoticeBoard } from '../store/notices';
import { isIgnoredEntry } from './file-names';

/** Where one collection lives on disk. */
export interface CollectionLocation {
  id: string;
  root: string;
  /** In the data folder (its id is its folder name) or a folder the user opened. */
  kind: 'data' | 'opened';
}

const OpenedFoldersSchema = z.object({
  folders: z.array(z.object({ id: z.string(), directory: z.string() })).max(1_000),
});
type OpenedFolders = z.infer<typeof OpenedFoldersSchema>;

/** An opened folder's id follows from its absolute path, so reopening it finds its keychain values again. */
export function openedFolderId(directory: string): string {
  return `folder-${createHash('sha256').update(path.resolve(directory)).digest('hex').slice(0, 12)}`;
}

/**
 * The collections the app knows: every folder under `<dataDir>/collections/`, plus the folders
 * the user opened (remembered in collection-folders.json through the document store).
 */
export class CollectionRegistry {
  readonly dataRoot: string;
  readonly #opened: DocumentStore<OpenedFolders>;

  constructor(options: { dataDir: string; factory: StoreFactory; notices: NoticeBoard }) {
    this.dataRoot = path.join(options.dataDir, 'collections');
    this.#opened = openDocument<OpenedFolders>({
      factory: options.factory,
      dir: options.dataDir,
      name: 'collection-folders',
      label: 'list of opened collection folders',
      schema: OpenedFoldersSchema,
      version: 1,
      defaults: () => ({ folders: [] }),
      notices: options.notices,
    });
  }

  list(): CollectionLocation[] {
    const found: CollectionLocation[] = [];
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(this.dataRoot, { withFileTypes: true });
    } catch {
      // No collection made yet.
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !isIgnoredEntry(entry.name)) found.push({ id: entry.name, root: path.join(this.dataRoot, entry.name), kind: 'data' });
    }
    found.sort((a, b) => a.id.localeCompare(b.id, 'en'));
    for (const folder of this.#opened.read().folders) found.push({ id: folder.id, root: folder.directory, kind: 'opened' });
    return found;
  }

  find(id: string): CollectionLocation | undefined {
    return this.list().find((location) => location.id === id);
  }

  get(id: string): CollectionLocation {
    const location = this.find(id);
    if (!location) fail('NOT_FOUND', `There is no collection "${id}". It may have been closed or deleted; refresh the list of collections.`);
    return location;
  }

  remember(directory: string): CollectionLocation {
    const root = path.resolve(directory);
    const id = openedFolderId(root);
    const inData = path.relative(this.dataRoot, root);
    if (!inData.startsWith('..') && !path.isAbsolute(inData) && !inData.includes(path.sep) && inData !== '') {
      return { id: inData, root, kind: 'data' };
    }
    this.#opened.update((current) => (current.folders.some((f) => f.id === id) ? current : { folders: [...current.folders, { id, directory: root }] }));
    return { id, root, kind: 'opened' };
  }

  forget(id: string): boolean {
    let removed = false;
    this.#opened.update((current) => {
      const folders = current.folders.filter((f) => f.id !== id);
      removed = folders.length !== current.folders.length;
      return { folders };
    });
    return removed;
  }
}
