import fs from 'node:fs';
import path from 'node:path';
import type { TreeNode } from '../../../shared/model/collection';
import { openSession, type BackendSession } from '../backend-session';
import { CliFailure, ExitCode, usageFailure } from '../exit-codes';
import type { Terminal } from '../terminal';
import type { ExportFlags, ExportKind } from './export-flags';

const COLLECTION_FILE = 'collection.yaml';

/** The collection folder holding `target` (itself or a folder above it), and target's item path inside it. */
export function locateInCollection(target: string): { root: string; itemPath: string } {
  const absolute = path.resolve(target);
  if (!fs.existsSync(absolute)) throw usageFailure(`${target} does not exist.`, 'Give a collection folder, a folder inside one, or a request file.');
  let dir = fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
  for (;;) {
    if (fs.existsSync(path.join(dir, COLLECTION_FILE))) {
      return { root: dir, itemPath: path.relative(dir, absolute).split(path.sep).join('/') };
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw usageFailure(`${target} is not in a collection: no ${COLLECTION_FILE} in it or in a folder above it.`, 'Give a folder made by the app or by `vipps-explorer import`, or a folder or request inside one.');
    dir = parent;
  }
}

function find(nodes: TreeNode[], itemPath: string): TreeNode | undefined {
  for (const node of nodes) {
    if (node.path === itemPath) return node;
    if (node.kind === 'folder' && itemPath.startsWith(`${node.path}/`)) return find(node.children, itemPath);
  }
  return undefined;
}

function requestsUnder(nodes: TreeNode[]): Array<Extract<TreeNode, { kind: 'request' }>> {
  return nodes.flatMap((node) => (node.kind === 'request' ? [node] : requestsUnder(node.children)));
}

/**
 * Exports through the app's own contract methods (exportPostman, exportCurl), so the command line
 * writes exactly what the app's Export writes, with the same secret rules. The session is
 * isolated: its keychain is empty, so no secret value is there to leak even by mistake.
 */
export async function exportPath(kind: ExportKind, target: string, flags: ExportFlags, terminal: Terminal): Promise<void> {
  if (kind === 'postman' && !flags.out) throw usageFailure('export postman needs --out FILE.', 'For example: vipps-explorer export postman ./my-collection --out my.postman_collection.json');
  const out = flags.out ? path.resolve(flags.out) : undefined;
  if (out && fs.existsSync(out) && !flags.force) throw usageFailure(`${flags.out} is already there.`, 'Choose another --out file, or add --force to replace it.');
  if (out && fs.existsSync(out) && fs.statSync(out).isDirectory()) throw usageFailure(`--out ${flags.out} is a folder.`, 'Give the name of the file to write.');
  const { root, itemPath } = locateInCollection(target);
  const session = await openSession({ kind: 'isolated', sandbox: false });
  try {
    const { id: collectionId } = await session.call('openCollectionFolder', { directory: root }, `Opening the collection in ${root}`);
    const tree = await session.call('getCollectionTree', { collectionId }, `Reading the collection in ${root}`);
    const node = itemPath === '' ? undefined : find(tree.items, itemPath);
    if (itemPath !== '' && !node) throw usageFailure(`${target} is not a request or folder of the collection in ${root}.`, 'A request is a .yaml file the collection lists; a folder holds a folder.yaml.');
    for (const problem of tree.problems) terminal.err(`! ${problem.path} could not be read and is left out: ${problem.message}\n`);
    const text = kind === 'postman' ? await postmanText(session, collectionId, node) : await curlText(session, collectionId, node ? [node] : tree.items);
    if (out) {
      write(out, text);
      terminal.err(`Wrote ${flags.out}.\n`);
    } else {
      terminal.out(text);
    }
  } finally {
    await session.close();
  }
}

async function postmanText(session: BackendSession, collectionId: string, node: TreeNode | undefined): Promise<string> {
  if (node?.kind === 'request') throw usageFailure('export postman takes a collection or a folder, not one request.', 'Give the folder that holds it, or use `export curl` for one request.');
  return (await session.call('exportPostman', { collectionId, path: node?.path ?? '' }, 'Exporting the collection')).text;
}

async function curlText(session: BackendSession, collectionId: string, nodes: TreeNode[]): Promise<string> {
  const requests = requestsUnder(nodes);
  const blocks: string[] = [];
  const shell = new Set<string>();
  for (const request of requests) {
    const { text, shellVariables } = await session.call('exportCurl', { collectionId, path: request.path }, `Exporting ${request.path}`);
    shellVariables.forEach((v) => shell.add(v));
    // Each command's own "set these first" line is said once, at the top.
    blocks.push(`# ${request.name} (${request.path})\n${text.replace(/^# Set .*\n/, '')}`);
  }
  const prelude = shell.size > 0 ? `# Set ${[...shell].map((v) => `$${v}`).join(', ')} in your shell first; these commands hold no keys.\n\n` : '';
  return `${prelude}${blocks.join('\n\n')}\n`;
}

function write(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, text, { mode: 0o644 });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new CliFailure(`Could not write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, ExitCode.failed, 'Check that its folder exists and can be written to.');
  }
}
