import transformer from 'postman-collection-transformer';
import { ImportProblem } from '../errors';

/**
 * Collection v1 (Postman before 2016) goes through Postman's own transformer, as Postman and
 * newman do, so a v1 file means here what it means there. The transformer drops what v2.1 has
 * no place for without saying so; the keys it does not read are listed as notes.
 */
const READ_COLLECTION = new Set(['id', 'name', 'description', 'order', 'folders', 'folders_order', 'requests', 'auth', 'events', 'variables', 'preRequestScript', 'tests', 'currentHelper', 'helperAttributes']);
const READ_FOLDER = new Set(['id', 'name', 'description', 'order', 'folders_order', 'auth', 'events', 'variables', 'preRequestScript', 'tests', 'currentHelper', 'helperAttributes', 'collection', 'collectionId', 'owner']);
const READ_REQUEST = new Set([
  'id', 'name', 'description', 'descriptionFormat', 'url', 'method', 'headers', 'headerData', 'data', 'dataMode', 'dataDisabled', 'dataOptions', 'rawModeData', 'graphqlModeData',
  'pathVariables', 'pathVariableData', 'queryParams', 'auth', 'currentHelper', 'helperAttributes', 'events', 'preRequestScript', 'tests', 'responses', 'variables',
  'protocolProfileBehavior', 'collectionId', 'collection', 'folder', 'owner', 'time', 'timestamp', 'version', 'lastUpdatedBy', 'lastRevision', 'createdAt', 'updatedAt', 'synced',
]);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

export function convertV1Collection(v1: Json): { collection: unknown; notes: string[] } {
  let converted: unknown;
  let failure: Error | null = null;
  // The transformer changes the object it is given; it works on a copy so the caller's stays as read.
  try {
    transformer.convert(JSON.parse(JSON.stringify(v1)) as unknown, { inputVersion: '1.0.0', outputVersion: '2.1.0', retainIds: true }, (error, result) => {
      failure = error;
      converted = result;
    });
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  }
  if (failure || !isObject(converted)) {
    throw new ImportProblem(`This Postman Collection v1 file could not be converted${failure ? `: ${(failure as Error).message}` : ''}. Open it in Postman and export it again as Collection v2.1, then import that file.`);
  }
  return { collection: converted, notes: leftOut(v1) };
}

function leftOut(v1: Json): string[] {
  const notes: string[] = ['Converted from Postman Collection v1 with Postman’s collection transformer.'];
  const unread = (o: Json, known: Set<string>) => Object.keys(o).filter((k) => !known.has(k) && o[k] !== null && o[k] !== undefined && o[k] !== '');
  const top = unread(v1, READ_COLLECTION);
  if (top.length) notes.push(`Left out of the collection: ${top.join(', ')}.`);
  for (const folder of Array.isArray(v1.folders) ? v1.folders.filter(isObject) : []) {
    const keys = unread(folder, READ_FOLDER);
    if (keys.length) notes.push(`Left out of the folder "${String(folder.name ?? folder.id ?? '')}": ${keys.join(', ')}.`);
  }
  for (const request of Array.isArray(v1.requests) ? v1.requests.filter(isObject) : []) {
    const keys = unread(request, READ_REQUEST);
    if (keys.length) notes.push(`Left out of the request "${String(request.name ?? request.id ?? '')}": ${keys.join(', ')}.`);
  }
  // Requests that no folder or order names are dropped by the transformer.
  const listed = new Set<string>([...(Array.isArray(v1.order) ? v1.order : []), ...(Array.isArray(v1.folders) ? v1.folders.filter(isObject).flatMap((f) => (Array.isArray(f.order) ? f.order : [])) : [])].map(String));
  const orphans = (Array.isArray(v1.requests) ? v1.requests.filter(isObject) : []).filter((r) => !listed.has(String(r.id)));
  if (orphans.length) notes.push(`${orphans.length} request${orphans.length === 1 ? ' was' : 's were'} in no folder or order list and ${orphans.length === 1 ? 'was' : 'were'} left out: ${orphans.map((r) => `"${String(r.name ?? r.id)}"`).join(', ')}.`);
  return notes;
}
