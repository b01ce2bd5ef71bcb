import fs from 'node:fs';
import type { CollectionTree } from '../../../shared/model/collection';
import type { BackendSession } from '../backend-session';
import { usageFailure } from '../exit-codes';
import { readPostmanFileInto } from './postman-file';

export interface CollectionSource {
  collectionId: string;
  tree: CollectionTree;
  /** Closes what was opened only for this run (and removes a converted Postman file's folder). */
  release(): Promise<void>;
}

/**
 * Turns `run collection PATH` into a collection the runner knows. A folder is opened as it is;
 * a Postman file is converted into a temporary collection folder first. Either way every file
 * that cannot be read stops the run before anything is sent (exit 2), named with its problem:
 * a run that silently skips a broken request would pass in CI while testing less.
 */
export async function prepareCollectionSource(session: BackendSession, fullPath: string, options: { vippsAuth: boolean }): Promise<CollectionSource> {
  const stat = fs.statSync(fullPath);
  if (stat.isDirectory()) return openFolder(session, fullPath, fullPath, async () => {});
  const converted = await readPostmanFileInto(session, fullPath, options.vippsAuth);
  try {
    return await openFolder(session, converted.directory, fullPath, converted.remove);
  } catch (error) {
    await converted.remove();
    throw error;
  }
}

async function openFolder(session: BackendSession, directory: string, shownAs: string, cleanUp: () => Promise<void>): Promise<CollectionSource> {
  const before = await session.call('listCollections', {}, 'Listing the collections');
  const alreadyOpen = before.collections.some((collection) => collection.location === directory);
  const summary = await session.call('openCollectionFolder', { directory }, `Opening ${shownAs}`);
  const release = async () => {
    if (!alreadyOpen) await session.call('closeCollection', { collectionId: summary.id }, `Closing ${shownAs}`).catch(() => undefined);
    await cleanUp();
  };
  try {
    const tree = await session.call('getCollectionTree', { collectionId: summary.id }, `Reading ${shownAs}`);
    if (tree.problems.length > 0) {
      const listed = tree.problems.map((problem) => `  ${problem.path || 'collection.yaml'}: ${problem.message}`).join('\n');
      throw usageFailure(`${shownAs} has ${tree.problems.length === 1 ? 'a file' : `${tree.problems.length} files`} that cannot be read:\n${listed}`, 'Fix or remove those files (the app lists them too); nothing was sent.');
    }
    if (tree.requestCount === 0) throw usageFailure(`${shownAs} holds no requests.`, 'Give the folder that holds collection.yaml and its request files, or a Postman v2.1 collection file.');
    return { collectionId: summary.id, tree, release };
  } catch (error) {
    await release();
    throw error;
  }
}
