import fs from 'node:fs';
import path from 'node:path';
import { openSession } from '../backend-session';
import { usageFailure } from '../exit-codes';
import { painter, type Terminal } from '../terminal';
import type { ImportKind } from './import-kinds';

const formats = { curl: 'curl', postman: 'postman-collection', openapi: 'openapi' } as const;

/**
 * Imports through the app's own importers (the interop contract) into a collection folder on
 * disk, then says what came in and what was left out. The session is isolated: nothing goes to
 * the app's data folder or the keychain, and keys are never stored (storeKeys: false).
 */
export async function importFile(kind: ImportKind, file: string, into: string, terminal: Terminal): Promise<void> {
  const paint = painter(terminal.colour);
  const source = path.resolve(file);
  const directory = path.resolve(into);
  if (!fs.existsSync(source)) throw usageFailure(`${file} does not exist.`, `Give the path of the ${kind} file to import.`);
  if (fs.existsSync(directory) && !fs.statSync(directory).isDirectory()) throw usageFailure(`--into ${into} is a file, not a folder.`, 'Give a new folder, an empty one, or a collection folder to add to.');
  const existing = fs.existsSync(path.join(directory, 'collection.yaml'));
  if (!existing && fs.existsSync(directory) && fs.readdirSync(directory).length > 0) {
    throw usageFailure(`--into ${into} is not empty and holds no collection.yaml.`, 'Give a new or empty folder, or an existing collection folder to add the requests to.');
  }
  const session = await openSession({ kind: 'isolated', sandbox: false });
  try {
    let target: { kind: 'new'; directory: string } | { kind: 'existing'; collectionId: string; parentPath: string };
    if (existing) {
      const opened = await session.call('openCollectionFolder', { directory }, `Opening the collection in ${into}`);
      target = { kind: 'existing', collectionId: opened.id, parentPath: '' };
    } else {
      fs.mkdirSync(directory, { recursive: true });
      target = { kind: 'new', directory };
    }
    const result = await session.call('importInto', { source: { kind: 'file', path: source }, format: formats[kind], target, storeKeys: false, vippsAuth: true }, `Importing ${file}`);
    terminal.out(`Imported ${result.requestCount} request${result.requestCount === 1 ? '' : 's'}${result.folderCount ? ` in ${result.folderCount} folder${result.folderCount === 1 ? '' : 's'}` : ''} from ${file} into ${into} (${paint('bold', result.collectionName)}).\n`);
    for (const note of result.notes) terminal.out(`  ${paint('yellow', '!')} ${note}\n`);
    // The same note on many requests is said once, with the requests it is about.
    const byNote = new Map<string, string[]>();
    for (const item of result.items) {
      for (const note of [...item.notes, ...item.defects.map((defect) => defect.message)]) byNote.set(note, [...(byNote.get(note) ?? []), item.location]);
    }
    for (const [note, locations] of byNote) {
      const where = locations.length <= 3 ? locations.join(', ') : `${locations.slice(0, 3).join(', ')} and ${locations.length - 3} more`;
      terminal.out(`  ${paint('yellow', '!')} ${where}: ${note}\n`);
    }
    for (const variable of result.variables) {
      if (variable.destination === 'left-out') terminal.out(`  ${paint('yellow', '!')} ${variable.key} was left out: ${variable.reason}\n`);
    }
    if (result.undefinedVariables.length > 0) {
      const names = result.undefinedVariables.map((name) => `{{${name}}}`).join(', ');
      terminal.out(`  ${paint('yellow', '!')} Nothing defines ${names}: requests that use ${result.undefinedVariables.length === 1 ? 'it' : 'them'} fail until set. Give Vipps' environment file with -e FILE, or --env-var NAME=VALUE, when you run it.\n`);
    }
    terminal.out(`Run it with: vipps-explorer run collection ${JSON.stringify(into)} --env sandbox\n`);
  } finally {
    await session.close();
  }
}
