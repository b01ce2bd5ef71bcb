import type { CollectionSummary, CollectionTree, TreeNode } from '../../../../shared/model/collection';

export type RowKind = 'collection' | 'folder' | 'request';

/** One visible line of the sidebar tree. */
export interface TreeRowData {
  key: string;
  kind: RowKind;
  collectionId: string;
  /** '' for the collection itself. */
  path: string;
  name: string;
  depth: number;
  method?: string;
  url?: string;
  expanded: boolean;
  expandable: boolean;
  readOnly: boolean;
  /** Position among its siblings, for aria-posinset / aria-setsize and reordering. */
  index: number;
  siblings: number;
  parentPath: string;
  /** Files the collection could not read. */
  problems?: number;
}

export const rowKey = (collectionId: string, path: string) => `${collectionId}::${path}`;

export function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/**
 * The tree as the flat list the virtualised view draws: only rows whose ancestors are all open.
 * Linear in the number of visible rows, so 5,000 requests flatten in a few milliseconds.
 */
export function flattenTree(collections: readonly CollectionSummary[], trees: ReadonlyMap<string, CollectionTree>, expanded: ReadonlySet<string>): TreeRowData[] {
  const rows: TreeRowData[] = [];
  const walk = (collection: CollectionSummary, nodes: readonly TreeNode[], depth: number, parentPath: string) => {
    nodes.forEach((node, index) => {
      const key = rowKey(collection.id, node.path);
      if (node.kind === 'request') {
        rows.push({ key, kind: 'request', collectionId: collection.id, path: node.path, name: node.name, depth, method: node.method, url: node.url, expanded: false, expandable: false, readOnly: collection.readOnly, index, siblings: nodes.length, parentPath });
        return;
      }
      const open = expanded.has(key);
      rows.push({ key, kind: 'folder', collectionId: collection.id, path: node.path, name: node.name, depth, expanded: open, expandable: true, readOnly: collection.readOnly, index, siblings: nodes.length, parentPath });
      if (open) walk(collection, node.children, depth + 1, node.path);
    });
  };
  collections.forEach((collection, index) => {
    const key = rowKey(collection.id, '');
    const open = expanded.has(key);
    const tree = trees.get(collection.id);
    rows.push({
      key,
      kind: 'collection',
      collectionId: collection.id,
      path: '',
      name: collection.name,
      depth: 0,
      expanded: open,
      expandable: true,
      readOnly: collection.readOnly,
      index,
      siblings: collections.length,
      parentPath: '',
      problems: tree?.problems.length ?? 0,
    });
    if (open && tree) walk(collection, tree.items, 1, '');
  });
  return rows;
}

/** Where a dragged row lands: into a folder or collection, or before/after a sibling. */
export interface DropTarget {
  collectionId: string;
  parentPath: string;
  index: number | undefined;
}

export function dropTarget(target: TreeRowData, zone: 'before' | 'into' | 'after'): DropTarget {
  if (zone === 'into' || target.kind === 'collection') {
    return { collectionId: target.collectionId, parentPath: target.path, index: undefined };
  }
  return { collectionId: target.collectionId, parentPath: target.parentPath, index: zone === 'before' ? target.index : target.index + 1 };
}

/** A folder cannot be dropped into itself or its own sub-folders. */
export function canDrop(dragged: TreeRowData, target: DropTarget): boolean {
  if (dragged.kind === 'collection') return false;
  if (dragged.collectionId !== target.collectionId) return true;
  if (dragged.kind === 'folder' && (target.parentPath === dragged.path || target.parentPath.startsWith(`${dragged.path}/`))) return false;
  return true;
}

/** Every folder of a tree, depth first, with the names from the top down to it (for folder pickers). */
export function folderTrails(nodes: readonly TreeNode[], above: readonly string[] = []): Array<{ path: string; names: string[] }> {
  return nodes.flatMap((node) => {
    if (node.kind !== 'folder') return [];
    const names = [...above, node.name];
    return [{ path: node.path, names }, ...folderTrails(node.children, names)];
  });
}
