import fs from 'node:fs';
import type { BackendSession } from '../backend-session';
import { usageFailure } from '../exit-codes';

export interface ConvertedCollection {
  directory: string;
  remove(): Promise<void>;
}

/** Reads a collection file and names the file and its problem when it is not one (exit 2). */
export function readCollectionJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw usageFailure(`Cannot read the collection file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, 'Check the path and its permissions.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw usageFailure(`The collection file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`, 'Export the collection again from Postman (Collection › ⋯ › Export, v2.1), or give a collection folder.');
  }
}

/** Converts a Postman v2.1 file into a temporary collection folder the runner can run. */
export async function readPostmanFileInto(_session: BackendSession, file: string): Promise<ConvertedCollection> {
  readCollectionJson(file);
  throw usageFailure(`${file} is a file; this build runs collection folders only.`, 'Give the folder that holds collection.yaml.');
}
