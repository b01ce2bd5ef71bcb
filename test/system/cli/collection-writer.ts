import { createBackend, loadConfStoreFactory, MemoryKeychain } from '../../../electron/backend';
import { newRequest } from '../../../shared/model/request';
import { tempDir } from '../../helpers/temp';

export interface CollectionWriter {
  /** A folder at the collection's top, by name. */
  folder(name: string): Promise<{ path: string }>;
  /** A request inside the folder at parentPath ('' for the top). */
  add(parentPath: string, request: Parameters<typeof newRequest>[0]): Promise<unknown>;
}

/**
 * A collection folder written by the backend itself, as the app would save it, for the CLI to
 * run: a throw-away backend makes the collection in `directory`, `build` fills it.
 */
export async function writeCollection(directory: string, name: string, build: (writer: CollectionWriter) => Promise<void>): Promise<void> {
  const backend = await createBackend({ host: 'test', dataDir: tempDir('vx-cli-data-'), storeFactory: await loadConfStoreFactory(), keychain: new MemoryKeychain(), sandbox: false });
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const answer = await backend.call(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value as T;
  };
  try {
    const collection = await ok<{ id: string }>('createCollection', { name, directory });
    await build({
      folder: (folderName) => ok<{ path: string }>('createItem', { collectionId: collection.id, parentPath: '', item: { kind: 'folder', name: folderName } }),
      add: (parentPath, request) => ok('createItem', { collectionId: collection.id, parentPath, item: { kind: 'request', source: { kind: 'request', request: newRequest(request) } } }),
    });
  } finally {
    await backend.dispose();
  }
}
