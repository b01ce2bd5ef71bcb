import type { ContainerSettings, TreeNode } from '../../../shared/model/collection';
import type { ApiRequest } from '../../../shared/model/request';
import type { PortableCollection, PortableItem } from '../../../shared/interop/tree';
import type { CallContext, Handlers } from '../dispatch';
import { fail } from '../failure';

export type ReadCalls = Pick<Handlers, 'getCollectionTree' | 'getContainerSettings' | 'getRequest'>;

/** A collection, or one of its folders, read through the collection methods into memory. */
export async function readPortable(calls: ReadCalls, ctx: CallContext, collectionId: string, folderPath: string): Promise<PortableCollection> {
  const tree = await calls.getCollectionTree({ collectionId }, ctx);
  let nodes: TreeNode[] = tree.items;
  if (folderPath !== '') {
    const folder = findFolder(tree.items, folderPath);
    if (!folder) fail('NOT_FOUND', `There is no folder "${folderPath}" in this collection. Refresh the collection and pick the folder again.`);
    nodes = folder.children;
  }
  const settings = await calls.getContainerSettings({ collectionId, path: folderPath }, ctx);
  const items = await readItems(calls, ctx, collectionId, nodes);
  const notes = tree.problems.map((p) => `${p.path} could not be read and is not in the export: ${p.message}`);
  return { settings, items, notes };
}

function findFolder(nodes: TreeNode[], folderPath: string): Extract<TreeNode, { kind: 'folder' }> | undefined {
  for (const node of nodes) {
    if (node.kind !== 'folder') continue;
    if (node.path === folderPath) return node;
    if (folderPath.startsWith(`${node.path}/`)) return findFolder(node.children, folderPath);
  }
  return undefined;
}

async function readItems(calls: ReadCalls, ctx: CallContext, collectionId: string, nodes: TreeNode[]): Promise<PortableItem[]> {
  const items: PortableItem[] = [];
  for (const node of nodes) {
    if (node.kind === 'request') {
      const { request } = await calls.getRequest({ collectionId, path: node.path }, ctx);
      items.push({ kind: 'request', request, notes: [] });
    } else {
      const settings: ContainerSettings = await calls.getContainerSettings({ collectionId, path: node.path }, ctx);
      items.push({ kind: 'folder', settings, items: await readItems(calls, ctx, collectionId, node.children), notes: [] });
    }
  }
  return items;
}

/** The settings of every folder above a request, the collection first: what it inherits. */
export async function chainOf(calls: ReadCalls, ctx: CallContext, collectionId: string, itemPath: string): Promise<ContainerSettings[]> {
  const segments = itemPath.split('/').slice(0, -1);
  const paths = [''];
  for (let i = 0; i < segments.length; i++) paths.push(segments.slice(0, i + 1).join('/'));
  const chain: ContainerSettings[] = [];
  for (const path of paths) chain.push(await calls.getContainerSettings({ collectionId, path }, ctx));
  return chain;
}

export async function requestAt(calls: ReadCalls, ctx: CallContext, collectionId: string, path: string): Promise<ApiRequest> {
  return (await calls.getRequest({ collectionId, path }, ctx)).request;
}

export function fileNameFor(name: string, suffix: string): string {
  const base = name.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'collection';
  return `${base}${suffix}`;
}
