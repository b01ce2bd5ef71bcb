import type { TreeNode } from '../../../shared/model/collection';

/**
 * The items newman's repeated --folder picks: each name (or path) is the first folder or request
 * of that name in the collection's order; the picks run in the collection's order, and a pick
 * inside another pick runs once, with its folder.
 */
export function pickItems(items: readonly TreeNode[], wanted: readonly string[]): { paths: string[]; missing: string[] } {
  const left = new Set(wanted);
  const paths: string[] = [];
  const visit = (nodes: readonly TreeNode[], inPick: boolean): void => {
    for (const node of nodes) {
      const name = left.has(node.path) ? node.path : left.has(node.name) ? node.name : undefined;
      if (name !== undefined) {
        left.delete(name);
        if (!inPick) paths.push(node.path);
      }
      if (node.kind === 'folder') visit(node.children, inPick || name !== undefined);
    }
  };
  visit(items, false);
  return { paths, missing: [...left] };
}

export function itemNames(items: readonly TreeNode[]): string[] {
  return items.flatMap((node) => [node.name, ...(node.kind === 'folder' ? itemNames(node.children) : [])]);
}
