import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackendSession } from '../backend-session';
import { decodeText } from '../../../shared/interop/text';
import { usageFailure } from '../exit-codes';

export interface ConvertedCollection {
  directory: string;
  remove(): Promise<void>;
}

/** Reads a collection file and names the file and its problem when it is not JSON (exit 2). */
export function readCollectionJson(file: string): unknown {
  let text: string;
  try {
    text = decodeText(fs.readFileSync(file));
  } catch (error) {
    throw usageFailure(`Cannot read the collection file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, 'Check the path and its permissions.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw usageFailure(`The collection file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`, 'Export the collection again from Postman (Collection › ⋯ › Export, v2.1), or give a collection folder.');
  }
}

/**
 * A Postman v2.0/v2.1 file becomes a temporary collection folder through the app's own importer
 * (the interop contract), so a run from the CLI sees exactly what the app would import.
 * `vippsAuth`: with a profile (--env, --profile) Vipps' key headers give way to the profile's
 * keys; without one the collection's own variables (an --environment file) sign its requests.
 */
export async function readPostmanFileInto(session: BackendSession, file: string, vippsAuth: boolean): Promise<ConvertedCollection> {
  readCollectionJson(file);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'vipps-explorer-postman-'));
  const remove = async () => fs.rmSync(directory, { recursive: true, force: true, maxRetries: 3 });
  try {
    const imported = await session.call(
      'importInto',
      { source: { kind: 'file', path: file }, format: 'postman-collection', target: { kind: 'new', directory }, storeKeys: false, vippsAuth },
      `Reading the collection file ${file}`,
    );
    const { collections } = await session.call('listCollections', {}, 'Listing the collections');
    const location = collections.find((collection) => collection.id === imported.collectionId)?.location ?? directory;
    return { directory: location, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
